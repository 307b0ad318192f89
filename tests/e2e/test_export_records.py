"""`servicebook export` beyond the clocks: each request's own fields, events and
satisfaction, every other record kind with ``--kind``, and spreadsheet-safe CSV."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING

from tests.helpers import NO_HISTORY_WARNING, fingerprint, replace_in, run_cli

if TYPE_CHECKING:
    from pathlib import Path

AS_OF = "2026-11-21T12:00:00Z"
REQ = "records/requests/2026/REQ-20261120-7F3A.md"
KINDS = (
    "agreements, calendars, components, consumables, log, maintenance, needs, people, "
    "procedures, requests, rotas, schedules, services, suppliers"
)


def test_each_request_carries_its_record_fields_events_and_satisfaction(
    contract_repo: Path,
) -> None:
    run = run_cli("export", "--as-of", "2026-11-25T12:00:00Z", cwd=contract_repo)
    assert (run.code, run.err) == (0, NO_HISTORY_WARNING)
    (item,) = json.loads(run.out)["requests"]
    assert {key: item[key] for key in ("id", "status", "priority", "service", "group")} == {
        "id": "REQ-20261120-7F3A",
        "status": "closed",
        "priority": "P2",
        "service": "workplace-it",
        "group": "desk",
    }
    assert {
        key: item[key]
        for key in ("title", "category", "requester", "channel", "received", "received_priority")
    } == {
        "title": "Laptop for new starter",
        "category": "hardware",
        "requester": "alice@acme.example",
        "channel": "portal",
        "received": "2026-11-20T08:12:00Z",
        "received_priority": "P2",
    }
    assert [(event["at"], event["type"]) for event in item["events"]] == [
        ("2026-11-20T08:40:00Z", "assigned"),
        ("2026-11-20T09:05:00Z", "responded"),
        ("2026-11-20T09:06:00Z", "status"),
        ("2026-11-23T07:30:00Z", "message"),
        ("2026-11-23T07:45:00Z", "status"),
        ("2026-11-23T14:00:00Z", "resolved"),
        ("2026-11-24T08:00:00Z", "closed"),
    ]
    assert item["events"][0] == {
        "at": "2026-11-20T08:40:00Z",
        "by": None,
        "internal": False,
        "type": "assigned",
        "group": "desk",
        "person": "bob",
        "reason": "",
    }
    assert item["satisfaction"] == {"score": 5, "comment": "", "at": "2026-11-24T08:00:00Z"}


def test_kind_exports_the_records_of_that_kind_sorted_by_id(contract_repo: Path) -> None:
    run = run_cli("export", "--kind", "people", cwd=contract_repo)
    assert (run.code, run.err) == (0, "")
    document = json.loads(run.out)
    assert document["kind"] == "people"
    assert [(r["id"], r["path"], r["type"]) for r in document["records"]] == [
        ("acme", "records/people/acme.md", "organization"),
        ("bob", "records/people/bob.md", "person"),
        ("desk", "records/people/desk.md", "group"),
    ]
    agreements = json.loads(run_cli("export", "--kind", "agreements", cwd=contract_repo).out)
    (agreement,) = agreements["records"]
    assert (agreement["id"], agreement["customer"], agreement["effective"]) == (
        "AGR-ACME-IT",
        "acme",
        "2026-01-01",
    )
    assert agreement["targets"][0]["first_response"] == "30m"


def test_an_unknown_kind_is_a_usage_error_naming_the_kinds(contract_repo: Path) -> None:
    run = run_cli("export", "--kind", "tickets", cwd=contract_repo)
    assert (run.code, run.out) == (2, "")
    assert run.err == (f"servicebook: --kind 'tickets' is not a record kind; use one of {KINDS}\n")


def test_csv_neutralises_cells_a_spreadsheet_would_run(contract_repo: Path) -> None:
    path = contract_repo / REQ
    replace_in(path, "title: Laptop for new starter", 'title: \'=HYPERLINK("http://x","a")\'')
    replace_in(path, "requester: alice@acme.example", "requester: '@SUM(1+1)'")
    replace_in(path, "channel: portal", "channel: '-2+3'")
    before = fingerprint(contract_repo / "records")
    run = run_cli("export", "--kind", "requests", "--format", "csv", cwd=contract_repo)
    assert (run.code, run.err) == (0, "")
    (row,) = list(csv.DictReader(io.StringIO(run.out)))
    assert (row["id"], row["title"], row["requester"], row["channel"]) == (
        "REQ-20261120-7F3A",
        '\'=HYPERLINK("http://x","a")',
        "'@SUM(1+1)",
        "'-2+3",
    )
    assert (row["received"], row["priority"], row["plan"]) == ("2026-11-20T08:12:00Z", "P2", "[]")
    assert json.loads(row["satisfaction"]) == {
        "score": 5,
        "comment": "",
        "at": "2026-11-24T08:00:00Z",
    }
    assert row["body"] == "Alice starts on 1 December and needs a standard laptop.\n"
    assert fingerprint(contract_repo / "records") == before


def test_tab_and_carriage_return_starts_are_neutralised_too(contract_repo: Path) -> None:
    replace_in(contract_repo / REQ, "title: Laptop for new starter", 'title: "+1\\tx"')
    run = run_cli("export", "--kind", "requests", "--format", "csv", cwd=contract_repo)
    (row,) = list(csv.DictReader(io.StringIO(run.out)))
    assert row["title"] == "'+1\tx"


def test_kind_export_is_deterministic(contract_repo: Path, tmp_path: Path) -> None:
    output = tmp_path / "people.csv"
    first = run_cli("export", "--kind", "people", "--format", "csv", cwd=contract_repo)
    second = run_cli(
        "export", "--root", str(contract_repo), "--kind", "people", "--format", "csv",
        "--output", str(output), cwd=tmp_path,
    )  # fmt: skip
    assert (first.code, second.code, second.out) == (0, 0, "")
    assert output.read_text(encoding="utf-8") == first.out
    assert first.out.splitlines()[0] == (
        "id,path,title,type,role,domains,contact,email,groups,organization,joined,oriented,"
        "members,lead,github,capacity,body"
    )


def test_every_kind_of_the_sample_exports(sample_repo: Path) -> None:
    for kind in KINDS.split(", "):
        run = run_cli("export", "--kind", kind, "--format", "csv", cwd=sample_repo)
        assert (run.code, "Traceback" in run.err) == (0, False), kind
        rows = list(csv.DictReader(io.StringIO(run.out)))
        assert rows, kind
        assert [row["id"] for row in rows] == sorted(row["id"] for row in rows), kind
