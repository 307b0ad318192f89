"""Compliance per agreement × month × metric × priority: counts, percent, percentiles."""

from __future__ import annotations

from dataclasses import asdict
from zoneinfo import ZoneInfo

import pytest

from generator.analysis.compliance import compliance, month_of, nearest_rank, percent
from tests.unit.sla.sla_models import agreement_record, report, request_record, utc

TARGETS = [{"match": {}, "first_response": "1h", "resolution": "4h"}]


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(10, 12, 83.3), (1, 16, 6.3), (2, 3, 66.7), (3, 3, 100.0), (0, 4, 0.0), (0, 0, None)],
)
def test_percent_is_rounded_half_up_to_one_decimal(
    part: int, whole: int, expected: float | None
) -> None:
    assert percent(part, whole) == expected


def test_nearest_rank_percentiles() -> None:
    values = list(range(10, 0, -1))
    assert (nearest_rank(values, 50), nearest_rank(values, 90)) == (5, 9)
    assert (nearest_rank([7], 90), nearest_rank([], 50)) == (7, None)


def test_months_are_local_to_the_agreement() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    assert month_of(utc("2026-11-30T23:30:00Z"), berlin) == "2026-12"
    assert month_of(utc("2026-11-30T22:59:59Z"), berlin) == "2026-11"


def test_stopped_clocks_count_in_their_month_and_open_ones_in_the_month_of_as_of() -> None:
    answered = request_record(
        "2026-11-10T10:00:00Z",
        [
            {"at": "2026-11-10T10:30:00Z", "type": "responded"},
            {"at": "2026-11-10T13:00:00Z", "type": "resolved", "resolution": "done"},
        ],
        id="REQ-1",
    )
    # Answered at 00:30 on 1 December in Berlin: a December breach; resolution still open.
    late = request_record(
        "2026-11-30T22:00:00Z", [{"at": "2026-11-30T23:30:00Z", "type": "responded"}], id="REQ-2"
    )
    fresh = request_record("2026-12-01T23:00:00Z", id="REQ-3")
    outside = request_record("2026-12-01T23:00:00Z", id="REQ-4", agreement=None)
    found = report(
        [answered, late, fresh, outside],
        [agreement_record(TARGETS, calendar="24x7")],
        [],
        "2026-12-02T00:00:00Z",
    )
    rows = compliance(found.requests, found.as_of, lambda _: "Europe/Berlin")
    assert list(rows) == ["AGR-1"]
    assert [asdict(row) for row in rows["AGR-1"]] == [
        {"month": "2026-11", "metric": "first_response", "priority": "P3", "met": 1,
         "breached": 0, "percent": 100.0, "p50_elapsed_s": 1800, "p90_elapsed_s": 1800,
         "open_within_target": 0, "open_breached": 0, "downgraded_after_breach": 0},
        {"month": "2026-11", "metric": "resolution", "priority": "P3", "met": 1,
         "breached": 0, "percent": 100.0, "p50_elapsed_s": 10800, "p90_elapsed_s": 10800,
         "open_within_target": 0, "open_breached": 0, "downgraded_after_breach": 0},
        {"month": "2026-12", "metric": "first_response", "priority": "P3", "met": 0,
         "breached": 1, "percent": 0.0, "p50_elapsed_s": 5400, "p90_elapsed_s": 5400,
         "open_within_target": 1, "open_breached": 0, "downgraded_after_breach": 0},
        {"month": "2026-12", "metric": "resolution", "priority": "P3", "met": 0,
         "breached": 1, "percent": 0.0, "p50_elapsed_s": None, "p90_elapsed_s": None,
         "open_within_target": 1, "open_breached": 1, "downgraded_after_breach": 0},
    ]  # fmt: skip


def test_each_reply_cycle_counts_at_the_priority_in_force_when_it_stopped() -> None:
    events = [
        {"at": "2026-11-10T10:00:00Z", "type": "message"},
        {"at": "2026-11-10T10:20:00Z", "type": "responded"},
        {"at": "2026-11-10T11:00:00Z", "type": "priority", "priority": "P1", "reason": "worse"},
        {"at": "2026-11-10T11:00:00Z", "type": "message"},
        {"at": "2026-11-10T12:00:00Z", "type": "responded"},
    ]
    targets = [{"match": {}, "next_response": "30m"}]
    found = report(
        [request_record("2026-11-10T10:00:00Z", events)],
        [agreement_record(targets, calendar="24x7")],
        [],
        "2026-11-11T00:00:00Z",
    )
    rows = compliance(found.requests, found.as_of, lambda _: "UTC")["AGR-1"]
    assert [(r.metric, r.priority, r.met, r.breached) for r in rows] == [
        ("next_response", "P1", 0, 1),
        ("next_response", "P3", 1, 0),
    ]


def test_downgrades_after_a_breach_are_counted() -> None:
    events = [{"at": "2026-11-10T12:00:00Z", "type": "priority", "priority": "P3", "reason": "ok"}]
    targets = [{"match": {"priority": "P1"}, "resolution": "1h"}, {"match": {}, "resolution": "8h"}]
    found = report(
        [request_record("2026-11-10T10:00:00Z", events, priority="P1")],
        [agreement_record(targets, calendar="24x7")],
        [],
        "2026-11-10T13:00:00Z",
    )
    (row,) = compliance(found.requests, found.as_of, lambda _: "UTC")["AGR-1"]
    assert (row.priority, row.breached, row.open_breached, row.downgraded_after_breach) == (
        "P3",
        1,
        1,
        1,
    )
