"""Availability: downtime inside the agreed time over the service hours less planned
maintenance; outages outside service hours and overlaps count once."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from generator.analysis.availability import (
    OutageSpan,
    PlannedSpan,
    availability,
    outage_spans,
)
from generator.models.request import Request


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 10, day, hour, minute, tzinfo=UTC)


MONTH = (_at(1, 0), datetime(2026, 11, 1, tzinfo=UTC))
HOURS = [(_at(day, 8), _at(day, 18)) for day in (5, 6, 7, 8, 9)]  # 50 hours


def test_downtime_counts_inside_service_hours_only() -> None:
    outages = [
        OutageSpan("R-1", "mail", _at(5, 17), _at(5, 20)),  # one hour of it in hours
        OutageSpan("R-2", "mail", _at(6, 2), _at(6, 5)),  # at night: nothing
        OutageSpan("R-3", "mail", _at(5, 17, 30), _at(5, 18)),  # overlaps R-1: once
    ]
    [mail, web] = availability(["mail", "web"], MONTH, HOURS, outages, [], 99.5)
    assert (mail.service_s, mail.planned_s, mail.down_s) == (50 * 3600, 0, 3600)
    assert mail.percent == 98.0
    assert mail.below_target
    assert mail.incidents == ("R-1", "R-2", "R-3")
    assert web.percent == 100.0 and not web.below_target and web.incidents == ()


def test_planned_maintenance_leaves_the_agreed_time() -> None:
    planned = [PlannedSpan("MNT-1", frozenset({"mail"}), _at(7, 8), _at(7, 13))]
    outages = [OutageSpan("R-1", "mail", _at(7, 12), _at(7, 14))]  # one hour after the window
    [mail] = availability(["mail"], MONTH, HOURS, outages, planned, None)
    assert mail.planned_s == 5 * 3600 and mail.agreed_s == 45 * 3600
    assert mail.down_s == 3600
    assert mail.percent == pytest.approx(97.78)
    assert mail.plans == ("MNT-1",)
    assert not mail.below_target  # no agreed availability


def test_no_service_hours_means_no_figure() -> None:
    [mail] = availability(["mail"], MONTH, [], [], [], 99.0)
    assert mail.percent is None and not mail.below_target


def _request(**outage: Any) -> Request:
    return Request.model_validate(
        {
            "id": "R-1",
            "title": "Down",
            "service": "mail",
            "priority": "P1",
            "requester": "x@example.org",
            "received": "2026-10-05T09:00:00Z",
            "outage": outage,
        }
    )


def test_an_open_outage_runs_to_as_of_and_may_name_services() -> None:
    request = _request(start="2026-10-05T08:50:00Z", services=["mail", "web"])
    spans = outage_spans([request], _at(5, 10))
    assert [(s.service, s.end) for s in spans] == [("mail", _at(5, 10)), ("web", _at(5, 10))]
    assert outage_spans([request], _at(5, 8)) == []  # not yet begun at as_of


def test_an_outage_must_end_after_it_starts() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="the outage ends before it starts"):
        _request(start="2026-10-05T09:00:00Z", end="2026-10-05T08:00:00Z")
