"""The export document: field order, instants in UTC with Z, nulls for what does not apply."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from generator.exports.clocks import (
    export_document,
    render_csv,
    render_json,
    request_json,
)
from generator.exports.values import utc_text
from tests.unit.sla.sla_models import agreement_record, report, request_record

CLOCK_FIELDS = ["state", "target_s", "elapsed_s", "remaining_s", "due", "breached_at", "stopped_at",
                "escalation_level", "escalated_at"]  # fmt: skip


def test_instants_are_whole_seconds_in_utc() -> None:
    moment = datetime(2026, 11, 20, 10, 5, 7, 900_000, tzinfo=timezone(timedelta(hours=1)))
    assert (utc_text(moment), utc_text(None)) == ("2026-11-20T09:05:07Z", None)


def test_a_request_without_agreement_has_null_clocks() -> None:
    request = request_record("2026-11-20T10:00:00Z", agreement=None)
    (found,) = report([request], [], [], "2026-11-21T00:00:00Z").requests
    document = request_json(found)
    assert document["agreement"] is None
    assert document["clocks"]["first_response"] == {
        "state": "not_applicable",
        **dict.fromkeys(CLOCK_FIELDS[1:]),
        "escalation_level": 0,
    }
    assert list(document["clocks"]) == [
        "first_response", "resolution", "next_response", "periodic_update"
    ]  # fmt: skip
    assert (document["paused_s"], document["quick_pauses"]) == (None, [])


def test_cycles_carry_their_start_and_the_worst_elapsed_time() -> None:
    events = [
        {"at": "2026-11-20T10:00:00Z", "type": "message"},
        {"at": "2026-11-20T10:03:00Z", "type": "status", "status": "waiting_on_requester"},
        {"at": "2026-11-20T10:30:00Z", "type": "responded"},
    ]
    agreement = agreement_record([{"match": {}, "next_response": "1h"}], calendar="24x7")
    found = report([request_record("2026-11-20T09:00:00Z", events)], [agreement], [], "2026-11-21Z")
    document = export_document(found)
    reply = document["requests"][0]["clocks"]["next_response"]
    assert list(reply) == [*CLOCK_FIELDS, "cycles", "worst_elapsed_s"]
    assert reply["cycles"] == [
        {"state": "met", "target_s": 3600, "elapsed_s": 1800, "remaining_s": 1800, "due": None,
         "breached_at": None, "stopped_at": "2026-11-20T10:30:00Z",
         "escalation_level": 0, "escalated_at": None, "started_at": "2026-11-20T10:00:00Z"}
    ]  # fmt: skip
    assert reply["worst_elapsed_s"] == 1800
    assert document["requests"][0]["quick_pauses"] == [
        {"message_at": "2026-11-20T10:00:00Z", "paused_at": "2026-11-20T10:03:00Z",
         "status": "waiting_on_requester"}
    ]  # fmt: skip
    assert document["agreements"][0]["id"] == "AGR-1"
    assert render_json(document).endswith("}\n")
    assert render_csv(found).splitlines()[1].startswith("REQ-1,waiting_on_requester,P3,AGR-1,")


def test_a_clock_exports_its_escalation_level_and_when_it_was_reached() -> None:
    agreement = agreement_record(
        [{"match": {}, "resolution": "4h"}], calendar="24x7", escalate_at=[50, 75]
    )
    found = report([request_record("2026-11-20T09:00:00Z")], [agreement], [], "2026-11-20T12:30Z")
    resolution = export_document(found)["requests"][0]["clocks"]["resolution"]
    assert (resolution["escalation_level"], resolution["escalated_at"]) == (
        2,
        "2026-11-20T12:00:00Z",
    )
