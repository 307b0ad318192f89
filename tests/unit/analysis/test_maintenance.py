"""Maintenance windows coming up: recurrence, impact, and clashes with service hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from generator.analysis.maintenance import upcoming_windows
from generator.models.agreement import Agreement
from generator.models.calendar_record import Calendar
from generator.models.component import Component
from generator.models.maintenance import Maintenance
from generator.models.service import Service
from generator.sla.calendars import CalendarBook
from tests.sla_records import agreement, calendar

AS_OF = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
ZONE = "Europe/Berlin"


def plan(**more: Any) -> Maintenance:
    data: dict[str, Any] = {
        "id": "MNT-1",
        "title": "Patch the database",
        "type": "preventive",
        "status": "scheduled",
        "owner": "ops",
        "components": ["db"],
    }
    data.update(more)
    return Maintenance.model_validate(data)


def windows(*plans: Maintenance, horizon: timedelta = timedelta(days=90)) -> list[Any]:
    components = [
        Component.model_validate({"id": "db", "title": "Database", "owner": "ops"}),
        Component.model_validate(
            {"id": "app", "title": "App", "owner": "ops", "depends_on": ["db"]}
        ),
    ]
    services = [
        Service.model_validate(
            {"id": "svc", "title": "The service", "owner": "ops", "components": ["app"]}
        ),
        Service.model_validate({"id": "other", "title": "Other", "owner": "ops"}),
    ]
    agreements = [Agreement.model_validate(agreement([], services=["svc"]))]
    book = CalendarBook([Calendar.model_validate(calendar())], range(2025, 2029), ZONE)
    return upcoming_windows(
        plans, components, services, agreements, book, AS_OF, ZONE, horizon=horizon
    )


def window(start: str, end: str) -> dict[str, str]:
    return {"start": start, "end": end}


def test_a_window_touches_the_services_of_components_that_depend_on_it() -> None:
    (found,) = windows(
        plan(window=window("2026-12-05T20:00:00+01:00", "2026-12-05T22:00:00+01:00"))
    )
    assert found.services == ("svc",)  # svc uses app, app depends on db
    assert [a.agreement.id for a in found.agreements] == ["AGR-TEST"]
    assert found.clashes == ()  # Saturday evening, outside office hours
    assert found.start == datetime(2026, 12, 5, 19, 0, tzinfo=UTC)


def test_a_window_in_office_hours_clashes_with_the_agreement() -> None:
    (found,) = windows(
        plan(window=window("2026-12-07T10:00:00+01:00", "2026-12-07T11:00:00+01:00"))
    )
    assert [a.agreement.id for a in found.clashes] == ["AGR-TEST"]


def test_past_far_and_finished_windows_are_left_out() -> None:
    past = plan(id="MNT-PAST", window=window("2026-11-01T10:00:00Z", "2026-11-01T11:00:00Z"))
    far = plan(id="MNT-FAR", window=window("2027-06-01T10:00:00Z", "2027-06-01T11:00:00Z"))
    done = plan(
        id="MNT-DONE", status="done", window=window("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z")
    )
    running = plan(id="MNT-NOW", window=window("2026-11-25T13:00:00Z", "2026-11-25T15:00:00Z"))
    assert [w.plan.id for w in windows(past, far, done, running)] == ["MNT-NOW"]


def test_recurring_windows_keep_their_local_time_across_daylight_saving() -> None:
    monthly = plan(
        window=window("2026-01-17T22:00:00+01:00", "2026-01-18T02:00:00+01:00"),
        recurrence="FREQ=MONTHLY;BYDAY=3SA",
        duration="4h",
    )
    found = windows(monthly, horizon=timedelta(days=200))
    starts = [w.start for w in found]
    assert starts[0] == datetime(2026, 12, 19, 21, 0, tzinfo=UTC)  # 22:00 CET
    assert datetime(2027, 4, 17, 20, 0, tzinfo=UTC) in starts  # 22:00 CEST
    assert all(w.end - w.start == timedelta(hours=4) for w in found)
    assert all(w.recurring for w in found)


def test_a_recurrence_must_be_an_rrule_with_a_first_window() -> None:
    with pytest.raises(ValidationError, match="not an iCalendar RRULE"):
        plan(
            recurrence="every third saturday",
            window=window("2026-01-17T22:00:00Z", "2026-01-17T23:00:00Z"),
        )
    with pytest.raises(ValidationError, match="recurrence needs a window"):
        plan(recurrence="FREQ=WEEKLY")
