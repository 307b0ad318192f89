"""Targets in working days and calendar days, on the clock: a holiday week and DST."""

from __future__ import annotations

from typing import Any

import pytest

from generator.exports.values import utc_text
from generator.models.agreement import Target
from generator.models.day_count import DayCount
from generator.sla.clock import ClockResult
from tests.unit.sla.sla_models import agreement_record, calendar_record, clocks, request_record

EASTER = [
    {"date": "2026-04-03", "name": "Karfreitag"},
    {"date": "2026-04-06", "name": "Ostermontag"},
]


def _resolution(
    target: str, received: str, as_of: str, events: list[dict[str, Any]] | None = None
) -> ClockResult:
    agreement = agreement_record([{"match": {}, "first_response": "8h", "resolution": target}])
    request = request_record(received, events)
    calendars = [calendar_record(holidays=EASTER)]
    return clocks(request, agreement, calendars, as_of).resolution


def test_a_day_target_is_written_as_the_metric_value() -> None:
    row = Target.model_validate({"match": {}, "resolution": "3 Working Days"})
    assert (row.resolution, row.day_count("resolution")) == (None, DayCount(3, "working"))
    assert row.model_dump(mode="json")["days"] == {"resolution": "3 working days"}
    assert str(DayCount(1, "calendar")) == "1 calendar day"


def test_working_days_skip_the_holidays_and_end_at_closing_time() -> None:
    # Thursday before Easter, 10:00: Good Friday and Easter Monday are holidays, so the
    # third working day after Thursday is the next Thursday, due at 18:00 (CEST).
    found = _resolution("3 working days", "2026-04-02T10:00:00+02:00", "2026-04-02T12:00:00+02:00")
    assert utc_text(found.due) == "2026-04-09T16:00:00Z"
    # Thursday 10:00-18:00, then Tuesday, Wednesday and Thursday 08:00-18:00.
    assert found.target_s == (8 + 3 * 10) * 3600


def test_working_days_across_the_change_to_summer_time() -> None:
    # Friday 27 March (CET) + 1 working day: Monday 30 March (CEST), 18:00 = 16:00 UTC.
    found = _resolution("1 working day", "2026-03-27T09:00:00+01:00", "2026-03-27T10:00:00+01:00")
    assert utc_text(found.due) == "2026-03-30T16:00:00Z"
    assert found.target_s == (9 + 10) * 3600


def test_calendar_days_count_wall_time_to_midnight_in_the_calendars_zone() -> None:
    # Friday 15:00 CET + 2 calendar days: ends at the midnight after Sunday 29 March, the
    # day the clocks went forward, so the target is 56 wall-clock hours, not 57.
    found = _resolution("2 calendar days", "2026-03-27T15:00:00+01:00", "2026-03-28T15:00:00+01:00")
    assert utc_text(found.due) == "2026-03-29T22:00:00Z"
    assert (found.target_s, found.elapsed_s) == (56 * 3600, 24 * 3600)


def test_a_pause_moves_a_working_day_due_like_any_other() -> None:
    events = [
        {"at": "2026-04-07T08:00:00+02:00", "type": "status", "status": "waiting_on_requester"},
        {"at": "2026-04-07T18:00:00+02:00", "type": "status", "status": "in_progress"},
    ]
    found = _resolution(
        "3 working days", "2026-04-02T10:00:00+02:00", "2026-04-08T09:00:00+02:00", events
    )
    # Tuesday was spent waiting: one working day later, Friday 18:00.
    assert utc_text(found.due) == "2026-04-10T16:00:00Z"


@pytest.mark.parametrize("text", ["0 working days", "3 workdays", "three working days"])
def test_what_is_not_a_day_count_stays_a_duration_error(text: str) -> None:
    with pytest.raises(ValueError, match="resolution"):
        Target.model_validate({"match": {}, "resolution": text})
