"""The auto-close rule: when a resolved request counts as closed, and which are due."""

from __future__ import annotations

from typing import Any

from generator.analysis.auto_close import auto_close_periods, due_closes
from generator.sla.status import closes_at, request_state
from generator.sla.timeline import build_timeline
from tests.unit.sla.sla_models import agreement_record, request_record, utc

H72 = 72 * 3600
RESOLVED: list[dict[str, Any]] = [
    {"at": "2026-11-20T09:00:00Z", "type": "assigned", "group": "desk"},
    {"at": "2026-11-20T10:00:00Z", "type": "action", "text": "Swapped the toner"},
    {"at": "2026-11-20T12:00:00Z", "type": "resolved", "resolution": "Printer prints"},
]


def test_a_resolved_request_closes_when_the_period_runs_out() -> None:
    request = request_record("2026-11-20T08:00:00Z", RESOLVED)
    before = request_state(request, utc("2026-11-23T11:59:59Z"), H72)
    assert (before.status, before.auto_close_at) == ("resolved", utc("2026-11-23T12:00:00Z"))
    assert not before.closed_auto
    after = request_state(request, utc("2026-11-23T12:00:00Z"), H72)
    assert (after.status, after.closed_at, after.closed_auto) == (
        "closed",
        utc("2026-11-23T12:00:00Z"),
        True,
    )
    assert after.auto_close_at is None
    assert not after.is_open


def test_without_a_period_or_an_instant_it_stays_resolved() -> None:
    request = request_record("2026-11-20T08:00:00Z", RESOLVED)
    assert request_state(request, utc("2027-01-01T00:00:00Z")).status == "resolved"
    assert request_state(request, None, H72).status == "resolved"


def test_a_confirmation_in_time_wins_and_a_late_one_changes_nothing() -> None:
    confirmed = {"at": "2026-11-21T09:00:00Z", "type": "closed", "confirmed_by": "requester"}
    state = request_state(
        request_record("2026-11-20T08:00:00Z", [*RESOLVED, confirmed]),
        utc("2026-12-01T00:00:00Z"),
        H72,
    )
    assert (state.closed_at, state.closed_auto) == (utc("2026-11-21T09:00:00Z"), False)
    late = {**confirmed, "at": "2026-11-25T09:00:00Z"}
    state = request_state(
        request_record("2026-11-20T08:00:00Z", [*RESOLVED, late]), utc("2026-12-01T00:00:00Z"), H72
    )
    assert (state.closed_at, state.closed_auto) == (utc("2026-11-23T12:00:00Z"), True)


def test_a_recorded_auto_close_is_the_same_close() -> None:
    written = {"at": "2026-11-23T12:00:00Z", "type": "closed", "auto": True}
    request = request_record("2026-11-20T08:00:00Z", [*RESOLVED, written])
    for period in (None, H72):
        state = request_state(request, utc("2026-12-01T00:00:00Z"), period)
        assert (state.status, state.closed_at, state.closed_auto) == (
            "closed",
            utc("2026-11-23T12:00:00Z"),
            True,
        )


def test_a_reopening_in_time_restarts_the_wait() -> None:
    events = [
        *RESOLVED,
        {"at": "2026-11-21T08:00:00Z", "type": "reopened", "reason": "Jams again"},
        {"at": "2026-11-21T10:00:00Z", "type": "resolved", "resolution": "New roller"},
    ]
    request = request_record("2026-11-20T08:00:00Z", events)
    state = request_state(request, utc("2026-11-24T09:00:00Z"), H72)
    assert (state.status, state.auto_close_at) == ("resolved", utc("2026-11-24T10:00:00Z"))
    assert request_state(request, utc("2026-11-24T10:00:00Z"), H72).status == "closed"


def test_a_reopening_after_the_close_reopens_the_closed_request() -> None:
    reopened = {"at": "2026-11-24T08:00:00Z", "type": "reopened", "reason": "Jams again"}
    state = request_state(
        request_record("2026-11-20T08:00:00Z", [*RESOLVED, reopened]),
        utc("2026-12-01T00:00:00Z"),
        H72,
    )
    assert (state.status, state.reopened, state.closed_at) == ("in_progress", 1, None)


def test_the_timeline_gets_a_closed_phase_at_the_instant() -> None:
    request = request_record("2026-11-20T08:00:00Z", RESOLVED)
    timeline = build_timeline(request, utc("2026-12-01T00:00:00Z"), H72)
    assert [(p.start.isoformat(), p.status) for p in timeline.phases][-2:] == [
        ("2026-11-20T12:00:00+00:00", "resolved"),
        ("2026-11-23T12:00:00+00:00", "closed"),
    ]
    assert build_timeline(request, utc("2026-12-01T00:00:00Z")).phases[-1].status == "resolved"


def test_closes_at_only_for_resolved_requests_under_a_period() -> None:
    at = utc("2026-11-20T12:00:00Z")
    assert closes_at("resolved", at, 3600) == utc("2026-11-20T13:00:00Z")
    assert closes_at("in_progress", at, 3600) is None
    assert closes_at("resolved", at, None) is None


def test_periods_come_from_the_agreement_else_the_setting() -> None:
    own = agreement_record([{"match": {}}], auto_close="72h")
    other = agreement_record([{"match": {}}], id="AGR-2")
    requests = [
        request_record("2026-11-20T08:00:00Z", id="REQ-1"),
        request_record("2026-11-20T08:00:00Z", id="REQ-2", agreement="AGR-2"),
        request_record("2026-11-20T08:00:00Z", id="REQ-3", agreement=None),
    ]
    assert auto_close_periods(requests, [own, other], 3600) == {
        "REQ-1": H72,
        "REQ-2": 3600,
        "REQ-3": 3600,
    }
    assert auto_close_periods(requests, [own, other], None)["REQ-2"] is None


def test_due_closes_are_the_recorded_resolutions_past_their_period() -> None:
    due = request_record("2026-11-20T08:00:00Z", RESOLVED, id="REQ-1")
    later = [*RESOLVED[:2], {**RESOLVED[2], "at": "2026-11-22T12:00:00Z"}]
    waiting = request_record("2026-11-20T08:00:00Z", later, id="REQ-2")
    as_of = utc("2026-11-24T00:00:00Z")
    recorded = {r.id: request_state(r, as_of) for r in (due, waiting)}
    found = due_closes(recorded, {"REQ-1": H72, "REQ-2": H72}, as_of)
    assert [(d.request_id, d.closes_at) for d in found] == [("REQ-1", utc("2026-11-23T12:00:00Z"))]
