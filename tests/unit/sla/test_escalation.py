"""Escalation levels on the clock: thresholds in percent of a target, reached in business
time, so holidays, closed hours, the change to summer time and pauses all delay them."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

from generator.exports.values import utc_text
from generator.models.agreement import Agreement
from generator.sla.clock import ClockResult
from tests.unit.sla.sla_models import agreement_record, calendar_record, clocks, request_record

EASTER = [
    {"date": "2026-04-03", "name": "Karfreitag"},
    {"date": "2026-04-06", "name": "Ostermontag"},
]


def _agreement(**more: Any) -> Agreement:
    rows: list[dict[str, Any]] = [
        {"match": {"priority": "P1"}, "resolution": "4h", "escalate_at": [25, 50]},
        {"match": {"priority": "P2"}, "resolution": "8h", "escalate_at": []},
        {"match": {}, "first_response": "8h", "resolution": "20h"},
    ]
    return agreement_record(rows, **{"escalate_at": [50, 75, 90], **more})


def _resolution(
    received: str,
    as_of: str,
    events: list[dict[str, Any]] | None = None,
    priority: str = "P3",
    **more: Any,
) -> ClockResult:
    request = request_record(received, events, priority=priority)
    calendars = [calendar_record(holidays=EASTER)]
    return clocks(request, _agreement(**more), calendars, as_of).resolution


def _reached(clock: ClockResult) -> list[tuple[int, str | None]]:
    return [(e.level, utc_text(e.at)) for e in clock.escalations]


def test_levels_skip_the_easter_holidays() -> None:
    # Thursday before Easter, 10:00 CEST, a 20h target on office hours (08:00-18:00):
    # 10h (50 %) is 8h on Thursday and 2h on Tuesday, Good Friday and Easter Monday off.
    found = _resolution("2026-04-02T10:00:00+02:00", "2026-04-07T16:00:00+02:00")
    assert _reached(found) == [(1, "2026-04-07T08:00:00Z"), (2, "2026-04-07T13:00:00Z")]
    assert (found.escalation_level, found.escalate_at) == (2, (50.0, 75.0, 90.0))
    # 18h (90 %) is used up at Tuesday's closing time.
    assert utc_text(found.next_escalation) == "2026-04-07T16:00:00Z"
    assert found.escalation is not None
    assert found.escalation.text == "level 2 (75 %)"


def test_levels_across_the_change_to_summer_time() -> None:
    # Friday 27 March 14:00 CET: 4h that day, then Monday 30 March in CEST (UTC+2).
    found = _resolution("2026-03-27T14:00:00+01:00", "2026-03-30T17:00:00+02:00")
    assert _reached(found) == [(1, "2026-03-30T12:00:00Z")]  # 10h: Monday 14:00 CEST
    # 15h: Monday gives 10h up to 18:00, so Tuesday 09:00 CEST.
    assert utc_text(found.next_escalation) == "2026-03-31T07:00:00Z"


def test_a_pause_delays_the_next_level_by_the_time_it_held() -> None:
    events = [
        {"at": "2026-03-30T08:00:00+02:00", "type": "status", "status": "waiting_on_requester"},
        {"at": "2026-03-30T11:00:00+02:00", "type": "status", "status": "in_progress"},
    ]
    found = _resolution("2026-03-27T14:00:00+01:00", "2026-03-30T17:00:00+02:00", events)
    assert _reached(found) == [(1, "2026-03-30T15:00:00Z")]  # three hours later


def test_a_row_sets_its_own_thresholds_or_none() -> None:
    p1 = _resolution("2026-03-02T09:00:00+01:00", "2026-03-02T11:30:00+01:00", priority="P1")
    # P1 is on the office calendar too: 1h (25 %) at 10:00, 2h (50 %) at 11:00 CET.
    assert _reached(p1) == [(1, "2026-03-02T09:00:00Z"), (2, "2026-03-02T10:00:00Z")]
    assert p1.next_escalation is None  # no level above the last
    p2 = _resolution("2026-03-02T09:00:00+01:00", "2026-03-02T16:00:00+01:00", priority="P2")
    assert (p2.state, p2.escalations, p2.escalation_level) == ("at_risk", (), 0)


def test_an_upgrade_reaches_the_levels_the_new_target_already_exceeds_at_the_change() -> None:
    upgrade = [
        {"at": "2026-03-02T12:00:00+01:00", "type": "priority", "priority": "P1", "reason": "ward"}
    ]
    found = _resolution("2026-03-02T09:00:00+01:00", "2026-03-02T12:30:00+01:00", upgrade)
    # 3h elapsed at the change: 25 % and 50 % of the new 4h target are both past.
    assert _reached(found) == [(1, "2026-03-02T11:00:00Z"), (2, "2026-03-02T11:00:00Z")]
    assert found.escalation_level == 2


def test_a_downgrade_lowers_the_level_and_keeps_what_was_reached() -> None:
    events = [
        {
            "at": "2026-03-02T12:00:00+01:00",
            "type": "priority",
            "priority": "P3",
            "reason": "one user only",
        }
    ]
    found = _resolution(
        "2026-03-02T09:00:00+01:00", "2026-03-02T12:30:00+01:00", events, priority="P1"
    )
    assert [e.level for e in found.escalations] == [1, 2]
    # 3h30m of 20h is under 50 %: level 0 again; level 1 at 10h elapsed, 5h30m more on
    # Monday and 1h on Tuesday.
    assert (found.escalation_level, found.escalation) == (0, None)
    assert utc_text(found.next_escalation) == "2026-03-03T08:00:00Z"


def test_thresholds_must_rise() -> None:
    with pytest.raises(pydantic.ValidationError, match="must rise"):
        _agreement(escalate_at=[75, 50])
    with pytest.raises(pydantic.ValidationError):
        _agreement(escalate_at=[0, 50])
