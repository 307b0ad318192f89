"""Phases, steps and stretches of a request's life; pauses soon after a message."""

from __future__ import annotations

from generator.sla.timeline import Mode, build_timeline, quick_pauses, stretches
from tests.unit.sla.sla_models import request_record, utc

EVENTS = [
    {"at": "2026-11-23T09:59:00Z", "type": "assigned", "group": "desk"},  # before receipt
    {"at": "2026-11-23T10:30:00Z", "type": "message"},
    {"at": "2026-11-23T10:30:00Z", "type": "status", "status": "waiting_on_requester"},
    {"at": "2026-11-23T11:00:00.700Z", "type": "status", "status": "in_progress"},
    {"at": "2026-11-23T11:00:00Z", "type": "priority", "priority": "P1", "reason": "worse"},
    {"at": "2026-11-23T12:00:00Z", "type": "note", "text": "no state change"},
]


def test_phases_fold_simultaneous_events_and_floor_to_the_second() -> None:
    timeline = build_timeline(request_record("2026-11-23T10:00:00Z", EVENTS), utc("2026-11-23T13Z"))
    assert [(p.start.isoformat(), p.status, p.priority) for p in timeline.phases] == [
        ("2026-11-23T10:00:00+00:00", "assigned", "P3"),
        ("2026-11-23T10:30:00+00:00", "waiting_on_requester", "P3"),
        ("2026-11-23T11:00:00+00:00", "in_progress", "P1"),
    ]
    # A step sees the status after every event of its instant: the message at 10:30 too.
    assert [(s.kind, s.status) for s in timeline.steps][:3] == [
        ("assigned", "assigned"),
        ("message", "waiting_on_requester"),
        ("status", "waiting_on_requester"),
    ]
    assert (timeline.state.status, timeline.state.group) == ("in_progress", "desk")


def test_only_events_up_to_as_of_exist() -> None:
    timeline = build_timeline(
        request_record("2026-11-23T10:00:00Z", EVENTS), utc("2026-11-23T10:45Z")
    )
    assert [p.status for p in timeline.phases] == ["assigned", "waiting_on_requester"]
    assert len(timeline.steps) == 3
    assert timeline.state.priority == "P3"


def test_stretches_join_neighbours_and_keep_a_phase_starting_at_as_of() -> None:
    events = [
        {"at": "2026-11-23T10:10:00Z", "type": "status", "status": "in_progress"},
        {"at": "2026-11-23T10:20:00Z", "type": "status", "status": "waiting_on_requester"},
    ]
    timeline = build_timeline(
        request_record("2026-11-23T10:00:00Z", events), utc("2026-11-23T10:20Z")
    )

    def mode_of(status: str) -> Mode:
        return "pause" if status.startswith("waiting") else "run"

    parts = stretches(timeline, timeline.received, timeline.as_of, mode_of)
    assert [(p.start.minute, p.end.minute, p.mode, p.status) for p in parts] == [
        (0, 20, "run", "new"),  # new and in_progress both run: one stretch
        (20, 20, "pause", "waiting_on_requester"),  # begins at as_of: the clock is paused
    ]
    before = stretches(timeline, timeline.received, utc("2026-11-23T10:15Z"), mode_of)
    assert [(p.start.minute, p.end.minute) for p in before] == [(0, 15)]


def test_a_request_created_waiting_is_a_quick_pause_after_its_own_message() -> None:
    waiting = {"at": "2026-11-23T10:00:00Z", "type": "status", "status": "waiting_on_third_party"}
    timeline = build_timeline(request_record("2026-11-23T10:00:00Z", [waiting]), utc("2026-11-24Z"))
    (found,) = quick_pauses(timeline, frozenset({"waiting_on_third_party"}), 300)
    assert (found.message_at, found.paused_at) == (timeline.received, timeline.received)
    assert quick_pauses(timeline, frozenset({"waiting_on_requester"}), 300) == ()
