"""The record export: every record of one kind as JSON or CSV (``export --kind KIND``).

The SLA export (:mod:`generator.exports.clocks`) holds clocks; this one holds what the records
say, so a team can take its data elsewhere without parsing Markdown. Records are sorted by
id; instants are UTC with ``Z`` like the SLA export, durations as written in records
(``4h``), dates ``YYYY-MM-DD``. CSV cells that come from records are untrusted text, so a
cell a spreadsheet would read as a formula is neutralised (see :func:`safe_cell`).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from generator.exports.values import utc_text
from generator.records.kinds import KINDS_BY_FOLDER

if TYPE_CHECKING:
    from generator.models.common import Record
    from generator.models.request import Request
    from generator.records.catalog import Catalog
    from generator.records.loader import LoadedRecord

Json = dict[str, Any]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula
(or, for tab and carriage return, hide one): OWASP's list for CSV injection."""


def kind_names() -> tuple[str, ...]:
    """The values ``--kind`` accepts: the record folders, sorted."""
    return tuple(sorted(KINDS_BY_FOLDER))


def plain(value: Any) -> Any:
    """A model dump made JSON-ready: instants in UTC, dates as ISO text, periods as text."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, datetime):
        return utc_text(value)
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def record_fields(record: Record) -> Json:
    """Every field of a record, in model order, as plain JSON values."""
    return plain(record.model_dump(mode="python"))  # type: ignore[no-any-return]


def request_fields(record: Request) -> Json:
    """What a request record holds beyond the SLA export's own fields (which keep their
    names): ``priority`` there is the current one, so the priority at receipt is
    ``received_priority`` here."""
    fields = record_fields(record)
    return {
        "title": fields["title"],
        "category": fields["category"],
        "requester": fields["requester"],
        "channel": fields["channel"],
        "received": fields["received"],
        "received_priority": fields["priority"],
        "events": fields["events"],
        "plan": fields["plan"],
        "satisfaction": fields["satisfaction"],
        "imported": fields["imported"],
        "imported_sla": fields["imported_sla"],
    }


def _entries(catalog: Catalog, kind: str) -> list[LoadedRecord]:
    folder = KINDS_BY_FOLDER[kind]
    chosen = [entry for entry in catalog.entries.values() if entry.kind is folder]
    return sorted(chosen, key=lambda entry: entry.record.id)


def entry_json(entry: LoadedRecord) -> Json:
    """One record: its id, file, fields and Markdown body."""
    fields = record_fields(entry.record)
    return {"id": fields.pop("id"), "path": entry.path, **fields, "body": entry.body}


def kind_document(catalog: Catalog, kind: str) -> Json:
    """Every record of ``kind`` (a folder name), sorted by id."""
    return {"kind": kind, "records": [entry_json(entry) for entry in _entries(catalog, kind)]}


def safe_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: text starting like a formula gets a leading
    single quote; numbers are left alone (a negative remaining time stays a number)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def flat_cell(value: Any) -> Any:
    """A scalar as itself (None as empty); a list or mapping as compact JSON text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def kind_csv(catalog: Catalog, kind: str) -> str:
    """One row per record of ``kind``; nested values as JSON text; columns in order of
    first appearance (a folder can hold several models, as ``people`` does)."""
    rows = [entry_json(entry) for entry in _entries(catalog, kind)]
    columns: dict[str, None] = {"id": None, "path": None}
    for row in rows:
        columns.update(dict.fromkeys(key for key in row if key != "body"))
    names = [*columns, "body"]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([safe_cell(flat_cell(row.get(name))) for name in names])
    return out.getvalue()


def kind_text(catalog: Catalog, kind: str, fmt: str = "json") -> str:
    """The export of one record kind as ``json`` or ``csv`` text."""
    if fmt == "csv":
        return kind_csv(catalog, kind)
    return json.dumps(kind_document(catalog, kind), indent=2, ensure_ascii=False) + "\n"
