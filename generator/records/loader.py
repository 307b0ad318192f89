"""Read every record under ``records/`` and validate it: records or diagnostics.

The only module that reads record files. Nothing is ever written here. A bad
record is reported and left out; the others go on, so one run shows every problem.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from generator.errors import Diagnostic, Severity
from generator.models.instant_range import DEFAULT_RANGE, InstantRange
from generator.records.event_order import raw_order_problems
from generator.records.frontmatter import Bounds, FrontMatterError, ParsedText, find_bounds, parse
from generator.records.kinds import Kind
from generator.records.messages import field_name, message_for, real_loc
from generator.records.scan import Scan, scan_records
from generator.records.sourcemap import Loc, SourceMap

if TYPE_CHECKING:
    from generator.models.common import Record
    from generator.records.cache import RecordCache

LINE_OFFSET = 1  # the front matter starts on file line 2


@dataclass(frozen=True)
class LoadedRecord:
    """A valid record with where it came from (path, body, positions)."""

    path: str
    kind: Kind
    record: Record
    body: str
    body_line: int
    front_matter: str
    line_offset: int

    @cached_property
    def source_map(self) -> SourceMap:
        """Positions of the front-matter values (built on first use)."""
        return SourceMap(self.front_matter, self.line_offset)

    def line(self, loc: Loc) -> int:
        """File line of the value at ``loc``."""
        return self.source_map.line_of(loc)[0]

    def diagnostic(self, loc: Loc, message: str, severity: Severity = Severity.ERROR) -> Diagnostic:
        """A diagnostic about the value at ``loc`` of this record."""
        line, column = self.source_map.line_of(loc)
        return Diagnostic(self.path, line, column, field_name(loc), message, severity)


@dataclass
class LoadResult:
    """What loading found: valid records, diagnostics, and ids of invalid records."""

    records: list[LoadedRecord] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    invalid_ids: dict[str, str] = field(default_factory=dict)
    files: int = 0
    instants: InstantRange = DEFAULT_RANGE
    zone: str | None = None
    """The settings' time zone, for the offset a timestamp lacks (None: a generic example)."""


def load_records(
    root: Path,
    cache: RecordCache | None = None,
    instants: InstantRange = DEFAULT_RANGE,
    zone: str | None = None,
) -> LoadResult:
    """Load every record below ``root / 'records'`` (read only)."""
    return load_scanned(scan_records(root), cache, instants, zone)


def load_scanned(
    scan: Scan,
    cache: RecordCache | None = None,
    instants: InstantRange = DEFAULT_RANGE,
    zone: str | None = None,
) -> LoadResult:
    """Parse and validate scanned files, taking unchanged ones from ``cache`` (which must
    have been made for the same ``instants``); ``zone`` words the offset hints."""
    result = LoadResult(
        diagnostics=list(scan.diagnostics), files=scan.count, instants=instants, zone=zone
    )
    for source in scan.files:
        hit = cache.get(source.key) if cache is not None else None
        if hit is not None:
            parts = hit.bounds
            text = source.text
            result.records.append(
                LoadedRecord(
                    source.rel,
                    source.kind,
                    hit.record,
                    text[parts.body_start :],
                    parts.body_line,
                    text[parts.front_start : parts.front_end],
                    LINE_OFFSET,
                )
            )
            continue
        loaded = load_text(source.rel, source.kind, source.text, result)
        if loaded is not None and cache is not None:
            found = find_bounds(source.text)
            if isinstance(found, Bounds):
                cache.put(source.key, source.kind, loaded.record, found)
    result.records.sort(key=lambda r: r.path)
    return result


def load_text(rel: str, kind: Kind, text: str, result: LoadResult) -> LoadedRecord | None:
    """Parse and validate one file's text, adding a record or diagnostics to ``result``."""
    parsed = parse(text)
    if isinstance(parsed, FrontMatterError):
        result.diagnostics.extend(
            Diagnostic(rel, e.line, e.column, e.field, e.message) for e in parsed.all()
        )
        return None
    try:
        record = kind.validate(parsed.data, result.instants)
    except ValidationError as error:
        _report_invalid(rel, kind, parsed, error, result)
        return None
    loaded = LoadedRecord(
        rel,
        kind,
        record,
        parsed.body,
        parsed.body_line,
        parsed.front_matter,
        parsed.line_offset,
    )
    result.records.append(loaded)
    return loaded


def _report_invalid(
    rel: str, kind: Kind, parsed: ParsedText, error: ValidationError, result: LoadResult
) -> None:
    source_map = SourceMap(parsed.front_matter, parsed.line_offset)
    model = _model_for(kind, parsed.data)
    for detail in error.errors(include_url=False):
        loc = real_loc(detail["loc"], parsed.data)
        if detail["type"] in ("union_tag_invalid", "union_tag_not_found") and not loc:
            loc = ("type",)
        line, column = source_map.line_of(loc)
        result.diagnostics.append(
            Diagnostic(
                rel,
                line,
                column,
                field_name(loc),
                message_for(detail, model, parsed.data, result.zone),
            )
        )
    if kind.folder == "requests":
        # Order problems are checked on valid requests later; an invalid one would hide
        # them until its other errors are fixed, so check the times that did load.
        for index, message in raw_order_problems(parsed.data):
            line, column = source_map.line_of(("events", index, "at"))
            result.diagnostics.append(
                Diagnostic(rel, line, column, field_name(("events", index, "at")), message)
            )
    record_id = parsed.data.get("id")
    if isinstance(record_id, str):
        result.invalid_ids.setdefault(record_id, rel)


def _model_for(kind: Kind, data: dict[str, Any]) -> type[BaseModel] | None:
    if len(kind.models) == 1:
        return kind.models[0]
    wanted = data.get("type")
    for model in kind.models:
        if model.model_fields["type"].annotation.__args__ == (wanted,):  # type: ignore[union-attr]
            return model
    return None
