"""Rows of one ticket become a request's fields and events (pure conversion)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from generator.commands.import_csv import ImportOutcome, read_tickets
from generator.errors import Severity
from generator.importer.cells import Cells, slug
from generator.importer.convert import Ticket
from generator.importer.mapping import load_mapping
from generator.importer.reader import open_table
from tests.unit.importer.csv_samples import TWO_INCIDENTS, csv_text, row

SAO_PAULO = timezone(timedelta(hours=-3))


def convert(tmp_path: Path, text: str) -> tuple[list[Ticket], list[str]]:
    """Tickets (in file order) and every diagnostic as text."""
    path = tmp_path / "log.csv"
    path.write_text(text, encoding="utf-8")
    mapping, _ = load_mapping("uci-servicenow")
    outcome = ImportOutcome("uci-servicenow")
    tickets, converter = read_tickets(path, mapping, None, outcome)
    notes = [d.text().replace(str(path), "log.csv") for d in outcome.diagnostics]
    converted = []
    for rows in tickets.values():
        ticket, found = converter.ticket(rows)
        converted.append(ticket)
        notes += [d.text().replace(str(path), "log.csv") for d in found]
    return converted, notes


def test_state_changes_become_events(tmp_path: Path) -> None:
    tickets, notes = convert(tmp_path, TWO_INCIDENTS)
    assert notes == []
    first = tickets[0]
    assert first.record_id == "INC0000001"
    assert first.fields["received"] == datetime(2016, 3, 1, 9, 0, tzinfo=SAO_PAULO)
    assert first.fields["priority"] == "P3"
    assert first.fields["imported"] == "uci-servicenow INC0000001"
    assert first.fields["imported_sla"] == "breached"  # the last row's verdict
    assert [(e["type"], e.get("status") or e.get("group")) for e in first.events] == [
        ("assigned", "uci-group-7"),
        ("assigned", "uci-group-9"),
        ("status", "in_progress"),
        ("status", "waiting_on_requester"),
        ("resolved", None),
        ("closed", None),
    ]
    assert first.events[4]["resolution"] == "resolved in ServiceNow (code: code 5)"
    assert dict(first.groups) == {"uci-group-7": "Group 7", "uci-group-9": "Group 9"}
    assert dict(first.people) == {"uci-resolver-3": "Resolver 3"}


def test_priority_change_and_reopening(tmp_path: Path) -> None:
    tickets, _ = convert(tmp_path, TWO_INCIDENTS)
    second = tickets[1]
    assert second.fields["priority"] == "P2"  # priority at receipt
    kinds = [e["type"] for e in second.events]
    assert kinds == ["assigned", "priority", "resolved", "reopened", "resolved"]
    assert second.events[1]["priority"] == "P1"
    assert second.events[3]["reason"] == "reopened in the source (reopen count 1)"


def test_rows_are_taken_in_time_order(tmp_path: Path) -> None:
    text = csv_text(
        row("INC0000003", "Resolved", "2/3/2016 10:00", mod=2),
        row("INC0000003", "New", "1/3/2016 09:30", mod=0),
        row("INC0000003", "Active", "1/3/2016 10:00", mod=1),
    )
    tickets, _ = convert(tmp_path, text)
    times = [e["at"] for e in tickets[0].events]
    assert times == sorted(times)
    assert [e["type"] for e in tickets[0].events] == ["assigned", "status", "resolved"]


def test_event_before_opening_is_moved_and_reported(tmp_path: Path) -> None:
    text = csv_text(row("INC0000004", "New", "1/3/2016 08:30", opened="1/3/2016 09:00"))
    tickets, notes = convert(tmp_path, text)
    assert tickets[0].events[0]["at"] == datetime(2016, 3, 1, 9, 0, tzinfo=SAO_PAULO)
    assert notes == [
        "log.csv:2: warning: dated 2016-03-01T08:30:00-03:00, before the ticket was opened "
        "(2016-03-01T09:00:00-03:00); the event is dated at the opening"
    ]


def test_closed_without_resolution_gets_one(tmp_path: Path) -> None:
    text = csv_text(
        row("INC0000005", "Active", "1/3/2016 09:30", mod=0),
        row("INC0000005", "Closed", "6/3/2016 09:00", mod=1, resolved_at="1/3/2016 11:00"),
    )
    tickets, notes = convert(tmp_path, text)
    kinds = [(e["type"], e["at"].day) for e in tickets[0].events]
    assert kinds == [("assigned", 1), ("status", 1), ("resolved", 1), ("closed", 6)]
    assert notes == [
        "log.csv:3: warning: incident_state: closed without being resolved first; "
        "a resolved event was added at the resolution time"
    ]


def test_bad_rows_are_reported_with_their_line_and_skipped(tmp_path: Path) -> None:
    text = csv_text(
        row("INC0000006", "New", "1/3/2016 09:30"),
        row("INC0000006", "-100", "1/3/2016 09:40", mod=1),
        row("INC0000006", "Active", "31/2/2016 10:00", mod=2),
        row("INC/0007", "New", "1/3/2016 09:30"),
        row("INC0000008", "New", "1/3/2016 09:30", priority="9 - Unheard of"),
        "INC0000009,New,true",
    )
    tickets, notes = convert(tmp_path, text)
    assert [t.record_id for t in tickets] == ["INC0000006"]
    assert notes == [
        "log.csv:3: incident_state: '-100' is not under the mapping's states; add it there; "
        "the row is skipped",
        "log.csv:4: sys_updated_at: '31/2/2016 10:00' is not a time in the format "
        "%d/%m/%Y %H:%M; the row is skipped",
        "log.csv:5: number: 'INC/0007' cannot be a record id (letters, digits, '-', '_', '.'); "
        "set id_prefix or clean the column; the row is skipped",
        "log.csv:6: priority: '9 - Unheard of' is not under the mapping's priorities; add it "
        "there; the row is skipped",
        "log.csv:7: has 3 cells, fewer than the header; the row is skipped",
    ]


def test_line_numbers_count_quoted_line_breaks(tmp_path: Path) -> None:
    multi = row("INC0000010", "New", "1/3/2016 09:30").replace("Caller 12", '"Caller\n12"')
    text = csv_text(multi, row("INC0000011", "-100", "1/3/2016 09:30"))
    _, notes = convert(tmp_path, text)
    assert notes[0].startswith("log.csv:4: incident_state: '-100'")


def test_gzip_is_read_directly(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "log.csv.data"  # the content decides, not the name
    path.write_bytes(gzip.compress(TWO_INCIDENTS.encode()))
    with open_table(path) as table:
        rows = list(table.rows)
    assert [line for line, _ in rows] == list(range(2, 11))


def test_slug() -> None:
    assert slug("Group 56") == "group-56"
    assert slug("  Résolver #3 ") == "r-solver-3"
    assert slug("???") == ""


def test_a_row_without_an_id_is_an_error() -> None:
    mapping, _ = load_mapping("uci-servicenow")
    cells = Cells(mapping, {"number": 0}, "x.csv")
    problem = cells.row_problem(2, ["?"])
    assert problem is not None
    assert problem.severity is Severity.ERROR
    assert problem.text() == "x.csv:2: number: no ticket id; the row is skipped"
