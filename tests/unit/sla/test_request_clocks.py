"""Start and stop of each metric, the end of a request, periodic updates, quick pauses."""

from __future__ import annotations

from generator.exports.values import utc_text
from tests.unit.sla.sla_models import (
    agreement_record,
    calendar_record,
    clocks,
    report,
    request_record,
)

ALL_DAY = "24x7"
TARGETS = [{"match": {}, "first_response": "1h", "resolution": "4h", "next_response": "1h"}]


def test_first_response_ends_when_the_request_is_resolved_first() -> None:
    events = [{"at": "2026-11-23T12:00:00Z", "type": "resolved", "resolution": "done"}]
    request = request_record("2026-11-23T10:00:00Z", events)
    found = clocks(request, agreement_record(TARGETS, calendar=ALL_DAY), [], "2026-11-23T13:00:00Z")
    assert (found.first_response.state, found.first_response.elapsed_s) == ("breached", 7200)
    assert [(e.kind, e.detail) for e in found.first_response.events][-1] == ("stop", "resolved")


def test_first_response_only_pauses_in_an_end_status_listed_as_pause() -> None:
    events = [
        {"at": "2026-11-23T10:20:00Z", "type": "resolved", "resolution": "done"},
        {"at": "2026-11-23T11:00:00Z", "type": "reopened"},
    ]
    agreement = agreement_record(TARGETS, calendar=ALL_DAY, pause={"first_response": ["resolved"]})
    request = request_record("2026-11-23T10:00:00Z", events)
    found = clocks(request, agreement, [], "2026-11-23T11:10:00Z").first_response
    assert (found.state, found.elapsed_s, found.paused_s) == ("running", 1800, 2400)
    assert utc_text(found.due) == "2026-11-23T11:40:00Z"


def test_a_rejected_request_has_no_resolution_to_judge() -> None:
    events = [
        {"at": "2026-11-23T10:05:00Z", "type": "responded"},
        {"at": "2026-11-23T10:05:00Z", "type": "status", "status": "rejected", "reason": "scope"},
    ]
    request = request_record("2026-11-23T10:00:00Z", events)
    found = clocks(request, agreement_record(TARGETS, calendar=ALL_DAY), [], "2026-11-24T10:00:00Z")
    assert (found.status, found.resolution.state, found.resolution.elapsed_s) == (
        "rejected",
        "not_applicable",
        None,
    )
    assert found.first_response.state == "met"


def test_a_breach_survives_cancelling_the_request() -> None:
    events = [{"at": "2026-11-23T15:00:00Z", "type": "status", "status": "cancelled"}]
    request = request_record("2026-11-23T10:00:00Z", events)
    found = clocks(request, agreement_record(TARGETS, calendar=ALL_DAY), [], "2026-11-24T10:00:00Z")
    assert (found.resolution.state, utc_text(found.resolution.stopped_at)) == (
        "breached",
        "2026-11-23T15:00:00Z",
    )


def test_events_after_as_of_are_not_known_yet() -> None:
    events = [{"at": "2026-11-23T10:30:00Z", "type": "responded"}]
    request = request_record("2026-11-23T10:00:00Z", events)
    agreement = agreement_record(TARGETS, calendar=ALL_DAY)
    found = clocks(request, agreement, [], "2026-11-23T10:29:59Z").first_response
    assert (found.state, found.elapsed_s, utc_text(found.due)) == (
        "running",
        1799,
        "2026-11-23T11:00:00Z",
    )


def test_an_event_exactly_at_as_of_is_known() -> None:
    waiting = {"at": "2026-11-23T11:00:00Z", "type": "status", "status": "waiting_on_requester"}
    request = request_record("2026-11-23T10:00:00Z", [waiting])
    agreement = agreement_record(TARGETS, calendar=ALL_DAY)
    found = clocks(request, agreement, [], "2026-11-23T11:00:00Z").resolution
    assert (found.state, found.due) == ("paused", None)


def test_requests_received_after_as_of_are_left_out() -> None:
    request = request_record("2026-11-23T10:00:00Z")
    found = report([request], [agreement_record(TARGETS)], [calendar_record()], "2026-11-23T09:59Z")
    assert found.requests == ()


def test_a_request_without_an_agreement_has_no_clocks() -> None:
    request = request_record("2026-11-23T10:00:00Z", agreement=None)
    (found,) = report([request], [], [], "2026-11-23T12:00:00Z").requests
    assert (found.agreement_id, found.first_response.state, found.paused_s) == (
        None,
        "not_applicable",
        None,
    )


def test_without_a_message_next_response_names_its_target_but_owes_nothing() -> None:
    request = request_record("2026-11-23T10:00:00Z")
    found = clocks(request, agreement_record(TARGETS, calendar=ALL_DAY), [], "2026-11-23T12:00Z")
    current = found.next_response.current
    assert (current.state, current.target_s, current.elapsed_s) == ("not_applicable", 3600, None)
    assert found.next_response.cycles == ()
    assert found.next_response.worst_elapsed_s is None


def test_periodic_update_cycles_run_from_each_public_reply() -> None:
    events = [
        {"at": "2026-11-23T10:10:00Z", "type": "responded"},
        {"at": "2026-11-23T10:40:00Z", "type": "responded"},
    ]
    targets = [{"match": {}, "periodic_update": "1h"}]
    request = request_record("2026-11-23T10:00:00Z", events)
    found = clocks(request, agreement_record(targets, calendar=ALL_DAY), [], "2026-11-23T11:30Z")
    cycles = found.periodic_update.cycles
    assert [(c.state, c.elapsed_s) for c in cycles] == [("met", 1800), ("at_risk", 3000)]
    assert utc_text(found.periodic_update.current.due) == "2026-11-23T11:40:00Z"


def test_periodic_update_ends_with_the_resolution() -> None:
    events = [
        {"at": "2026-11-23T10:10:00Z", "type": "responded"},
        {"at": "2026-11-23T10:30:00Z", "type": "resolved", "resolution": "done"},
    ]
    targets = [{"match": {}, "periodic_update": "1h"}]
    request = request_record("2026-11-23T10:00:00Z", events)
    found = clocks(request, agreement_record(targets, calendar=ALL_DAY), [], "2026-11-23T11:30Z")
    assert [(c.state, c.elapsed_s) for c in found.periodic_update.cycles] == [("met", 1200)]


def test_pauses_soon_after_a_requester_message_are_flagged() -> None:
    events = [
        {"at": "2026-11-23T10:00:00Z", "type": "message"},
        {"at": "2026-11-23T10:03:00Z", "type": "status", "status": "waiting_on_requester"},
        {"at": "2026-11-23T10:30:00Z", "type": "status", "status": "in_progress"},
        {"at": "2026-11-23T11:00:00Z", "type": "status", "status": "waiting_on_third_party"},
    ]
    request = request_record("2026-11-23T09:00:00Z", events)
    found = clocks(request, agreement_record(TARGETS, calendar=ALL_DAY), [], "2026-11-23T12:00Z")
    assert [
        (utc_text(p.message_at), utc_text(p.paused_at), p.status) for p in found.quick_pauses
    ] == [("2026-11-23T10:00:00Z", "2026-11-23T10:03:00Z", "waiting_on_requester")]
    assert found.paused_s == 27 * 60 + 3600
