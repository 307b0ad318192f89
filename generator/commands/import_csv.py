"""``servicebook import csv``: read the whole export, convert every ticket, then write.

Everything is gathered before anything is written, so a file that cannot be read to its
end leaves the repository as it was. Bad rows are reported (``path:line``) and skipped;
the others go on.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.authoring.batch import WriteReport, write_files
from generator.authoring.paths import record_path
from generator.commands.result import CommandResult
from generator.errors import (
    Diagnostic,
    Severity,
    UsageError,
    format_diagnostics,
    sort_diagnostics,
)
from generator.importer.cells import Cells, Row
from generator.importer.convert import Converter
from generator.importer.files import repository_files, request_text, skeleton_files
from generator.importer.mapping import Mapping, load_mapping
from generator.importer.reader import DEFAULT_ENCODING, is_text_encoding, open_table
from generator.records.lock import records_lock

Progress = Callable[[str], None]


@dataclass
class ImportOutcome:
    """What an import found and did."""

    mapping: str
    rows: int = 0
    tickets: int = 0
    skipped_rows: int = 0
    beyond_limit: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)
    requests: WriteReport = field(default_factory=WriteReport)
    others: WriteReport = field(default_factory=WriteReport)

    def summary(self) -> str:
        """The closing lines printed after the diagnostics."""
        warnings = sum(1 for d in self.diagnostics if d.severity is Severity.WARNING)
        r, o = self.requests, self.others
        lines = [
            f"{self.rows} rows read with mapping {self.mapping}: {self.tickets} tickets, "
            f"{self.skipped_rows} rows skipped (reported above), {warnings} adjustments "
            "(warnings above)"
            + (f", {self.beyond_limit} rows beyond --limit" if self.beyond_limit else ""),
            f"requests: {len(r.written)} written, {len(r.unchanged)} unchanged, "
            f"{len(r.replaced)} replaced, {len(r.kept)} kept (they differ from the source)",
            f"skeleton records and site files: {len(o.written)} written, "
            f"{len(o.unchanged)} unchanged, {len(o.kept)} kept as edited",
        ]
        if r.kept:
            lines.append(
                f"kept requests, e.g. {r.kept[0]}: edited since the import? "
                "--overwrite replaces them with the source's version"
            )
        return "\n".join(lines) + "\n"


def run(
    source: Path,
    mapping_name: str,
    root: Path,
    *,
    limit: int | None,
    overwrite: bool,
    encoding: str,
    progress: Progress | None = None,
) -> CommandResult:
    """Import every ticket; the problems, then a summary, on standard error; exit 1 when
    no ticket could be imported."""
    if limit is not None and limit < 1:
        raise UsageError(f"--limit {limit}: give a number of tickets, 1 or more")
    if not is_text_encoding(encoding):
        raise UsageError(
            f"--encoding {encoding}: not a text encoding Python knows; give the file's "
            "encoding, e.g. utf-8, latin-1, cp1252 or utf-16"
        )
    outcome = run_import(
        source,
        mapping_name,
        root,
        limit=limit,
        overwrite=overwrite,
        progress=progress,
        encoding=encoding,
    )
    problems = format_diagnostics(outcome.diagnostics, "text") if outcome.diagnostics else ""
    return CommandResult(0 if outcome.tickets else 1, stderr=problems + outcome.summary())


def run_import(
    source: Path,
    mapping_name: str,
    root: Path,
    *,
    limit: int | None = None,
    overwrite: bool = False,
    progress: Progress | None = None,
    encoding: str = DEFAULT_ENCODING,
) -> ImportOutcome:
    """Import every ticket of ``source`` into the repository at ``root``."""
    say = progress or (lambda _message: None)
    mapping, where = load_mapping(mapping_name)
    outcome = ImportOutcome(where)
    started = time.perf_counter()
    tickets, converter = read_tickets(source, mapping, limit, outcome, encoding)
    say(
        f"read {outcome.rows} rows, {len(tickets)} tickets from {source.name} "
        f"in {time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    files: dict[str, str] = {}
    groups: dict[str, str] = {}
    people: dict[str, str] = {}
    for rows in tickets.values():
        ticket, notes = converter.ticket(rows)
        outcome.diagnostics.extend(notes)
        files[record_path("requests", ticket.record_id, ticket.fields["received"])] = request_text(
            ticket
        )
        groups.update(ticket.groups)
        people.update(ticket.people)
    outcome.tickets = len(tickets)
    others = {
        **skeleton_files(mapping, groups.items(), people.items()),
        **repository_files(mapping),
    }
    say(
        f"converted {len(files)} requests and {len(others)} other files "
        f"in {time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    with records_lock(root):  # write_files re-reads each target under the lock
        outcome.requests = write_files(root, files, overwrite=overwrite)
        outcome.others = write_files(root, others, overwrite=False)
    say(f"wrote into {root} in {time.perf_counter() - started:.1f} s")
    outcome.diagnostics = sort_diagnostics(outcome.diagnostics)
    return outcome


def read_tickets(
    source: Path,
    mapping: Mapping,
    limit: int | None,
    outcome: ImportOutcome,
    encoding: str = DEFAULT_ENCODING,
) -> tuple[dict[str, list[Row]], Converter]:
    """Rows grouped by ticket id (first ``limit`` tickets in file order), bad rows reported."""
    tickets: dict[str, list[Row]] = {}
    shown = str(source)
    with open_table(source, encoding) as table:
        columns = table.index(mapping.needed_columns(), shown)
        cells = Cells(mapping, columns, shown)
        id_column = columns[mapping.columns.id]
        for line, row in table.rows:
            outcome.rows += 1
            key = row[id_column].strip() if id_column < len(row) else ""
            rows = tickets.get(key)
            if rows is None and limit is not None and len(tickets) >= limit:
                outcome.beyond_limit += 1
                continue
            problem = cells.row_problem(line, row)
            if problem is not None:
                outcome.diagnostics.append(problem)
                outcome.skipped_rows += 1
                continue
            if rows is None:
                tickets[key] = [(line, row)]
            else:
                rows.append((line, row))
    return tickets, Converter(cells)
