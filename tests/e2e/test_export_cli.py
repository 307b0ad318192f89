"""`servicebook export` on the contract examples: the exact document, CSV, errors, determinism."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.helpers import NO_HISTORY_WARNING, fingerprint, replace_in, run_cli

AS_OF = "2026-11-21T12:00:00Z"
REQ = "records/requests/2026/REQ-20261120-7F3A.md"
AGR = "records/agreements/AGR-ACME-IT.md"

# The contract of issue 3, verbatim; next_response as it must be: the requester has not
# written since the request came in (the message of 23 November is after as_of), so no
# reply is owed: not_applicable, naming the P2 target (2 h) that will apply, no cycles.
CONTRACT: dict[str, Any] = {
    "as_of": "2026-11-21T12:00:00Z",
    "requests": [
        {
            "id": "REQ-20261120-7F3A",
            "status": "waiting_on_requester",
            "priority": "P2",
            "agreement": "AGR-ACME-IT",
            "service": "workplace-it",
            "group": "desk",
            "clocks": {
                "first_response": {
                    "state": "met",
                    "target_s": 3600,
                    "elapsed_s": 3180,
                    "remaining_s": 420,
                    "due": None,
                    "breached_at": None,
                    "stopped_at": "2026-11-20T09:05:00Z",
                },
                "resolution": {
                    "state": "paused",
                    "target_s": 28800,
                    "elapsed_s": 3240,
                    "remaining_s": 25560,
                    "due": None,
                    "breached_at": None,
                    "stopped_at": None,
                },
                "next_response": {
                    "state": "not_applicable",
                    "target_s": 7200,
                    "elapsed_s": None,
                    "remaining_s": None,
                    "due": None,
                    "breached_at": None,
                    "stopped_at": None,
                    "cycles": [],
                    "worst_elapsed_s": None,
                },
            },
        }
    ],
    "agreements": [
        {
            "id": "AGR-ACME-IT",
            "compliance": [
                {"month": "2026-11", "metric": "first_response", "priority": "P2",
                 "met": 1, "breached": 0, "percent": 100.0},
                {"month": "2026-11", "metric": "resolution", "priority": "P2",
                 "met": 0, "breached": 0, "percent": None},
            ],
        }
    ],
}  # fmt: skip
NOT_APPLICABLE = {
    "state": "not_applicable",
    "target_s": None,
    "elapsed_s": None,
    "remaining_s": None,
    "due": None,
    "breached_at": None,
    "stopped_at": None,
}
# The fields we add (DESIGN allows adding, never renaming), for the full-document check.
ADDED_CLOCKS = {
    "resolution": {"first_resolution": None},
    "periodic_update": {**NOT_APPLICABLE, "cycles": [], "worst_elapsed_s": None},
}
ADDED_PER_CLOCK = {"escalation_level": 0, "escalated_at": None}
ADDED_REQUEST = {"paused_s": 24840, "quick_pauses": [], "groups": []}  # Fri 10:06-18:00 minus lunch
# groups: the contract's agreement sets no group targets.


# What the record holds (issue 12), after the clock fields; the event log is the record's
# whole log, also the events after as_of.
def _internal_after_by(event: dict[str, Any]) -> dict[str, Any]:
    """An exported event: its fields in model order, ``internal`` right after ``by``."""
    out: dict[str, Any] = {}
    for key, value in event.items():
        out[key] = value
        if key == "by":
            out["internal"] = False
    return out


RECORD_FIELDS: dict[str, Any] = {
    "title": "Laptop for new starter",
    "category": "hardware",
    "requester": "alice@acme.example",
    "channel": "portal",
    "received": "2026-11-20T08:12:00Z",
    "received_priority": "P2",
    "events": [_internal_after_by(event) for event in list[dict[str, Any]]([
        {"at": "2026-11-20T08:40:00Z", "by": None, "type": "assigned", "group": "desk",
         "person": "bob", "reason": ""},
        {"at": "2026-11-20T09:05:00Z", "by": "bob", "type": "responded", "via": None,
         "text": ""},
        {"at": "2026-11-20T09:06:00Z", "by": None, "type": "status",
         "status": "waiting_on_requester", "reason": ""},
        {"at": "2026-11-23T07:30:00Z", "by": None, "type": "message", "text": ""},
        {"at": "2026-11-23T07:45:00Z", "by": None, "type": "status", "status": "in_progress",
         "reason": ""},
        {"at": "2026-11-23T14:00:00Z", "by": None, "type": "resolved",
         "resolution": "Laptop handed over"},
        {"at": "2026-11-24T08:00:00Z", "by": None, "type": "closed",
         "confirmed_by": "requester", "auto": False},
    ])],
    "plan": [],
    "satisfaction": {"score": 5, "comment": "", "at": "2026-11-24T08:00:00Z"},
    "imported": None,
    "imported_sla": None,
}  # fmt: skip
ADDED_ROWS = [
    {
        "p50_elapsed_s": 3180,
        "p90_elapsed_s": 3180,
        "open_within_target": 0,
        "open_breached": 0,
        "downgraded_after_breach": 0,
    },
    {
        "p50_elapsed_s": None,
        "p90_elapsed_s": None,
        "open_within_target": 1,
        "open_breached": 0,
        "downgraded_after_breach": 0,
    },
]


def project(value: Any, shape: Any) -> Any:
    """``value`` reduced to the keys ``shape`` has; lists of equal length item by item (a
    list of another length is returned whole, so the comparison fails)."""
    if isinstance(shape, dict) and isinstance(value, dict):
        return {key: project(value.get(key), sub) for key, sub in shape.items()}
    if isinstance(shape, list) and isinstance(value, list) and len(shape) == len(value):
        return [project(item, sub) for item, sub in zip(value, shape, strict=True)]
    return value


def full_contract() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(json.dumps(CONTRACT))
    (item,) = document["requests"]
    item["clocks"]["resolution"].update(ADDED_CLOCKS["resolution"])
    item["clocks"]["periodic_update"] = ADDED_CLOCKS["periodic_update"]
    # Added to every clock right after the contract's fields; the contract's agreement
    # sets no escalation levels.
    item["clocks"] = {
        metric: {
            key: value
            for name, field in clock.items()
            for key, value in (
                [(name, field), *ADDED_PER_CLOCK.items()]
                if name == "stopped_at"
                else [(name, field)]
            )
        }
        for metric, clock in item["clocks"].items()
    }
    item.update(ADDED_REQUEST)
    item.update(RECORD_FIELDS)
    # The version the request is measured under, right after the agreement it names.
    document["requests"][0] = {
        key: value
        for name, field in item.items()
        for key, value in (
            [(name, field), ("agreement_version", 1)] if name == "agreement" else [(name, field)]
        )
    }
    # A plain folder: the file is the only version, in force from its effective date
    # (1 January 2026, Berlin), with no commit.
    document["agreements"][0]["versions"] = [
        {"version": 1, "in_force_from": "2025-12-31T23:00:00Z", "in_force_to": None,
         "commit": None},
    ]  # fmt: skip
    for row, added in zip(document["agreements"][0]["compliance"], ADDED_ROWS, strict=True):
        row.update(added)
    return document


def test_the_contract_fields_are_exactly_the_contract(contract_repo: Path) -> None:
    run = run_cli("export", "--as-of", AS_OF, cwd=contract_repo)
    assert (run.code, run.err) == (0, NO_HISTORY_WARNING)
    assert project(json.loads(run.out), CONTRACT) == CONTRACT


def test_the_whole_document_is_exactly_as_expected(contract_repo: Path) -> None:
    run = run_cli("export", "--as-of", AS_OF, cwd=contract_repo)
    document = json.loads(run.out)
    assert document == full_contract()
    assert list(document["requests"][0]) == [
        "id", "status", "priority", "agreement", "agreement_version", "service", "group",
        "clocks", "paused_s", "quick_pauses", "groups", "title", "category", "requester",
        "channel",
        "received",
        "received_priority", "events", "plan", "satisfaction", "imported", "imported_sla",
    ]  # fmt: skip
    assert run.out == json.dumps(full_contract(), indent=2) + "\n"


def test_same_input_and_as_of_give_identical_bytes(contract_repo: Path, tmp_path: Path) -> None:
    before = fingerprint(contract_repo / "records")
    first = run_cli("export", "--as-of", "2026-11-25T08:00:00+01:00", cwd=contract_repo)
    output = tmp_path / "out.json"
    second = run_cli(
        "export", "--root", str(contract_repo), "--as-of", "2026-11-25T07:00:00Z",
        "--output", str(output), cwd=tmp_path,
    )  # fmt: skip
    assert (first.code, second.code, second.out) == (0, 0, "")
    assert output.read_text(encoding="utf-8") == first.out
    assert fingerprint(contract_repo / "records") == before


def test_as_of_defaults_to_the_pinned_setting(contract_repo: Path) -> None:
    (contract_repo / "servicebook.yml").write_text(f"as_of: {AS_OF}\n", encoding="utf-8")
    run = run_cli("export", cwd=contract_repo)
    assert json.loads(run.out)["as_of"] == AS_OF


def test_later_as_of_shows_the_whole_story(contract_repo: Path) -> None:
    run = run_cli("export", "--as-of", "2026-11-25T12:00:00Z", cwd=contract_repo)
    clocks = json.loads(run.out)["requests"][0]["clocks"]
    assert clocks["resolution"]["state"] == "met"
    assert clocks["resolution"]["elapsed_s"] == 3240 + 22500  # + Monday 08:45-15:00
    reply = clocks["next_response"]
    # The message of Monday 08:30 was answered only by the resolution at 15:00.
    assert (reply["state"], reply["elapsed_s"], reply["breached_at"]) == (
        "breached",
        23400,
        "2026-11-23T09:30:00Z",
    )
    assert reply["cycles"][0]["started_at"] == "2026-11-23T07:30:00Z"


def test_csv_has_one_row_per_request(contract_repo: Path) -> None:
    run = run_cli("export", "--as-of", AS_OF, "--format", "csv", cwd=contract_repo)
    assert run.code == 0
    assert run.out.splitlines() == [
        "id,status,priority,agreement,service,group,"
        "first_response_state,first_response_elapsed_s,first_response_remaining_s,"
        "first_response_due,resolution_state,resolution_elapsed_s,resolution_remaining_s,"
        "resolution_due,next_response_state,next_response_elapsed_s,next_response_remaining_s,"
        "next_response_due,periodic_update_state,periodic_update_elapsed_s,"
        "periodic_update_remaining_s,periodic_update_due,agreement_version",
        "REQ-20261120-7F3A,waiting_on_requester,P2,AGR-ACME-IT,workplace-it,desk,"
        "met,3180,420,,paused,3240,25560,,not_applicable,,,,not_applicable,,,,1",
    ]


def test_validation_errors_stop_the_export(contract_repo: Path) -> None:
    replace_in(
        contract_repo / AGR, "  resolution: [waiting_on_requester,", "  resolution: [pending,"
    )
    run = run_cli("export", "--as-of", AS_OF, cwd=contract_repo)
    assert (run.code, run.out) == (1, "")
    assert run.err == (
        f"{AGR}:12: pause.resolution[0]: 'pending' is not a request status; use one of new, "
        "assigned, in_progress, waiting_on_requester, waiting_on_third_party, resolved, "
        "closed, rejected, cancelled\n"
        "servicebook: fix the errors above; nothing was exported\n"
    )


def test_a_bad_as_of_is_a_usage_error(contract_repo: Path) -> None:
    run = run_cli("export", "--as-of", "2026-11-21T12:00", cwd=contract_repo)
    assert run.code == 2
    assert "has no UTC offset" in run.err
