"""Cases no product's test suite pins, worked out by hand (times in Europe/Berlin unless Z)."""

from __future__ import annotations

from typing import Any

import pytest

from generator.exports.clocks import clock_json
from generator.exports.values import utc_text
from generator.sla.clock import BreachTerms
from tests.unit.sla.sla_models import agreement_record, calendar_record, clocks, request_record

WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
NIGHTS = {day: ["00:00-06:00", "22:00-24:00"] for day in WEEK}
DESK = [{"match": {}, "first_response": "2h", "resolution": "2h"}]


def test_overnight_windows_across_a_holiday() -> None:
    # Christmas Day is closed by local date: both its 00:00-06:00 and 22:00-24:00 windows,
    # although the first continues the shift that began on the 24th (unlike biz/Zammad).
    office = calendar_record(weekly=NIGHTS, holidays=[{"date": "2026-12-25", "name": "Xmas"}])
    agreement = agreement_record([{"match": {}, "resolution": "4h"}])
    request = request_record("2026-12-24T23:00:00+01:00")
    at_start = clocks(request, agreement, [office], "2026-12-24T23:00:00+01:00").resolution
    assert at_start.due is not None
    assert utc_text(at_start.due) == "2026-12-26T02:00:00Z"  # 1 h on the 24th, 3 h on the 26th
    on_holiday = clocks(request, agreement, [office], "2026-12-25T12:00:00+01:00").resolution
    assert (on_holiday.elapsed_s, utc_text(on_holiday.due)) == (3600, "2026-12-26T02:00:00Z")


@pytest.mark.parametrize("holidays", [[], [{"date": "2026-11-21"}, {"date": "2026-11-22"}]])
def test_a_holiday_on_a_weekend_changes_nothing(holidays: list[dict[str, str]]) -> None:
    office = calendar_record(holidays=holidays)
    agreement = agreement_record(DESK)
    request = request_record("2026-11-20T17:00:00+01:00")  # Friday
    found = clocks(request, agreement, [office], "2026-11-20T17:00:00+01:00").resolution
    assert utc_text(found.due) == "2026-11-23T08:00:00Z"  # Monday 09:00


def test_fall_back_night_inside_a_night_window_counts_the_repeated_hour() -> None:
    night = calendar_record(weekly={"sat": ["22:00-24:00"], "sun": ["00:00-06:00"]})
    agreement = agreement_record([{"match": {}, "resolution": "10h"}])
    request = request_record("2026-10-24T22:00:00+02:00")  # Saturday, summer time
    found = clocks(request, agreement, [night], "2026-10-25T06:00:00+01:00").resolution
    # 2 h on Saturday night + 7 real hours between 00:00 and 06:00 on the fall-back Sunday.
    assert clock_json(found) == {
        "state": "at_risk",
        "target_s": 36000,
        "elapsed_s": 32400,
        "remaining_s": 3600,
        "due": "2026-10-31T22:00:00Z",  # the next Saturday 23:00 (winter time)
        "breached_at": None,
        "stopped_at": None,
        "escalation_level": 0,
        "escalated_at": None,
    }


def test_a_calendar_version_change_while_a_clock_runs() -> None:
    hours = calendar_record(
        versions=[{"effective": "2026-11-23", "weekly": {d: ["08:00-12:00"] for d in NIGHTS}}]
    )
    agreement = agreement_record([{"match": {}, "resolution": "8h"}])
    request = request_record("2026-11-20T16:00:00+01:00")  # Friday, old hours until 18:00
    at_start = clocks(request, agreement, [hours], "2026-11-20T16:00:00+01:00").resolution
    assert utc_text(at_start.due) == "2026-11-24T09:00:00Z"  # 2 h Fri + 4 h Mon + 2 h Tue
    monday = clocks(request, agreement, [hours], "2026-11-23T13:00:00+01:00").resolution
    assert (monday.state, monday.elapsed_s, utc_text(monday.due)) == (
        "at_risk",
        21600,
        "2026-11-24T09:00:00Z",
    )


def test_a_pause_entered_after_a_breach_keeps_the_breach() -> None:
    agreement = agreement_record(DESK)
    waiting = {
        "at": "2026-11-23T11:00:00+01:00",
        "type": "status",
        "status": "waiting_on_requester",
    }
    request = request_record("2026-11-23T08:00:00+01:00", [waiting])
    found = clocks(request, agreement, [calendar_record()], "2026-11-23T14:00:00+01:00")
    assert clock_json(found.resolution) == {
        "state": "breached",
        "target_s": 7200,
        "elapsed_s": 10800,
        "remaining_s": -3600,
        "due": None,
        "breached_at": "2026-11-23T09:00:00Z",
        "stopped_at": None,
        "escalation_level": 0,
        "escalated_at": None,
    }
    assert [e.kind for e in found.resolution.events] == ["start", "breach", "pause"]
    assert found.paused_s == 10800


LADDER = [{"match": {"priority": "P1"}, "resolution": "1h"}, {"match": {}, "resolution": "8h"}]
DOWNGRADE = [{"at": "2026-11-23T12:00:00Z", "type": "priority", "priority": "P3", "reason": "ok"}]


def test_a_downgrade_after_a_breach_stays_breached_when_sticky() -> None:
    agreement = agreement_record(LADDER, calendar="24x7")
    request = request_record("2026-11-23T10:00:00Z", DOWNGRADE, priority="P1")
    found = clocks(request, agreement, [], "2026-11-23T13:00:00Z").resolution
    assert clock_json(found) == {
        "state": "breached",
        "target_s": 28800,
        "elapsed_s": 10800,
        "remaining_s": 18000,  # positive: target minus elapsed under the target in force
        "due": None,
        "breached_at": "2026-11-23T11:00:00Z",
        "stopped_at": None,
        "escalation_level": 0,
        "escalated_at": None,
    }
    assert found.downgraded_after_breach
    assert [(e.kind, e.detail) for e in found.events] == [
        ("start", "P1: 1h"),
        ("breach", "P1"),
        ("target_change", "P1 → P3: 1h → 8h"),
    ]
    # What was owed when it breached, for the page and the report to tell the same story.
    assert (found.breached_under, found.over_target_s) == (BreachTerms("P1", 3600), 7200)


def test_a_downgrade_after_a_breach_clears_it_when_not_sticky() -> None:
    agreement = agreement_record(LADDER, calendar="24x7", breach_sticky=False)
    request = request_record("2026-11-23T10:00:00Z", DOWNGRADE, priority="P1")
    found = clocks(request, agreement, [], "2026-11-23T13:00:00Z").resolution
    assert (found.state, found.breached_at, utc_text(found.due)) == (
        "running",
        None,
        "2026-11-23T18:00:00Z",
    )
    assert [e.kind for e in found.events][-1] == "breach_cleared"
    assert found.downgraded_after_breach
    assert (found.breached_under, found.over_target_s) == (None, 0)


def test_an_upgrade_past_the_new_target_breaches_at_the_change() -> None:
    agreement = agreement_record(LADDER, calendar="24x7")
    upgrade = [{"at": "2026-11-23T12:00:00Z", "type": "priority", "priority": "P1", "reason": "x"}]
    request = request_record("2026-11-23T10:00:00Z", upgrade, priority="P3")
    found = clocks(request, agreement, [], "2026-11-23T13:00:00Z").resolution
    assert (found.state, utc_text(found.breached_at), found.remaining_s) == (
        "breached",
        "2026-11-23T12:00:00Z",
        -7200,
    )


@pytest.mark.parametrize(
    ("events", "as_of", "expected"),
    [
        ([], "2026-11-23T16:00:00+01:00", ("running", 0, "2026-11-23T17:00:00Z", None)),
        # Used up at 18:00 (closing): not breached until business time goes beyond it.
        ([], "2026-11-23T18:30:00+01:00", ("at_risk", 7200, "2026-11-23T17:00:00Z", None)),
        ([], "2026-11-24T09:00:00+01:00", ("breached", 10800, None, "2026-11-23T17:00:00Z")),
        (
            [{"at": "2026-11-24T07:30:00+01:00", "type": "responded"}],
            "2026-11-24T12:00:00+01:00",
            ("met", 7200, None, None),
        ),
    ],
    ids=["at-receipt", "after-closing", "next-morning", "answered-before-opening"],
)
def test_a_clock_landing_exactly_on_closing_time(
    events: list[dict[str, Any]], as_of: str, expected: tuple[Any, ...]
) -> None:
    request = request_record("2026-11-23T16:00:00+01:00", events)
    found = clocks(request, agreement_record(DESK), [calendar_record()], as_of).first_response
    assert (found.state, found.elapsed_s, utc_text(found.due), utc_text(found.breached_at)) == (
        expected
    )


def test_a_reopen_resumes_resolution_and_the_first_resolution_is_kept() -> None:
    events = [
        {"at": "2026-11-23T10:00:00+01:00", "type": "resolved", "resolution": "fixed"},
        {"at": "2026-11-24T09:00:00+01:00", "type": "reopened", "reason": "back"},
    ]
    agreement = agreement_record([{"match": {}, "resolution": "8h"}])
    request = request_record("2026-11-23T09:00:00+01:00", events)
    found = clocks(request, agreement, [calendar_record()], "2026-11-24T10:00:00+01:00")
    assert clock_json(found.resolution) == {
        "state": "running",
        "target_s": 28800,
        "elapsed_s": 7200,
        "remaining_s": 21600,
        "due": "2026-11-24T15:00:00Z",
        "breached_at": None,
        "stopped_at": None,
        "escalation_level": 0,
        "escalated_at": None,
    }
    assert [e.kind for e in found.resolution.events] == ["start", "stop", "resume"]
    assert found.first_resolution is not None
    assert clock_json(found.first_resolution)["state"] == "met"
    assert found.first_resolution.elapsed_s == 3600
    assert utc_text(found.first_resolution.stopped_at) == "2026-11-23T09:00:00Z"


def test_next_response_cycles() -> None:
    events = [
        {"at": "2026-11-23T10:00:00Z", "type": "message"},
        {"at": "2026-11-23T10:20:00Z", "type": "responded"},
        {"at": "2026-11-23T10:40:00Z", "type": "responded"},  # nothing pending: starts nothing
        {"at": "2026-11-23T11:00:00Z", "type": "message"},
        {"at": "2026-11-23T11:30:00Z", "type": "message"},  # does not restart the cycle
        {"at": "2026-11-23T12:30:00Z", "type": "responded"},
        {"at": "2026-11-23T13:00:00Z", "type": "message"},
    ]
    agreement = agreement_record([{"match": {}, "next_response": "1h"}], calendar="24x7")
    request = request_record("2026-11-23T10:00:00Z", events)
    found = clocks(request, agreement, [], "2026-11-23T13:10:00Z").next_response
    assert [
        (clock_json(c)["state"], c.elapsed_s, utc_text(c.started_at)) for c in found.cycles
    ] == [
        ("met", 1200, "2026-11-23T10:00:00Z"),
        ("breached", 5400, "2026-11-23T11:00:00Z"),
        ("running", 600, "2026-11-23T13:00:00Z"),
    ]
    assert utc_text(found.cycles[1].breached_at) == "2026-11-23T12:00:00Z"
    assert found.current is found.cycles[2]
    assert utc_text(found.current.due) == "2026-11-23T14:00:00Z"
    assert found.worst_elapsed_s == 5400


def test_a_message_while_resolved_starts_its_cycle_at_the_reopen() -> None:
    events = [
        {"at": "2026-11-23T10:10:00Z", "type": "resolved", "resolution": "done"},
        {"at": "2026-11-23T10:30:00Z", "type": "message"},
        {"at": "2026-11-23T11:00:00Z", "type": "reopened"},
    ]
    agreement = agreement_record([{"match": {}, "next_response": "1h"}], calendar="24x7")
    request = request_record("2026-11-23T10:00:00Z", events)
    found = clocks(request, agreement, [], "2026-11-23T11:30:00Z").next_response
    assert [(utc_text(c.started_at), c.elapsed_s) for c in found.cycles] == [
        ("2026-11-23T11:00:00Z", 1800)
    ]
