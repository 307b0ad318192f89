"""Read every record under ``records/`` and validate it: records or diagnostics.

The only module that reads record files. Nothing is ever written here. A bad
record is reported and left out; the others go on, so one run shows every problem.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from generator.errors import Diagnostic, Severity
from generator.models.instant_range import DEFAULT_RANGE, InstantRange
from generator.records.event_order import raw_order_problems
from generator.records.frontmatter import Bounds, FrontMatterError, ParsedText, find_bounds, parse
from generator.records.kinds import KINDS_BY_FOLDER, Kind
from generator.records.messages import field_name, message_for, real_loc
from generator.records.sourcemap import Loc, SourceMap

if TYPE_CHECKING:
    from generator.models.common import Record
    from generator.records.cache import RecordCache

MAX_FILE_BYTES = 1024 * 1024
RECORDS_DIR = "records"
LINE_OFFSET = 1  # the front matter starts on file line 2
READ_CHUNK = 64 * 1024


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


@dataclass(frozen=True)
class SourceFile:
    """A record file's text, its kind and the hash of its content (the cache key)."""

    rel: str
    kind: Kind
    text: str
    key: str


@dataclass
class Scan:
    """Every record file read (not parsed yet), and the problems met finding them."""

    files: list[SourceFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    count: int = 0


def load_records(
    root: Path, cache: RecordCache | None = None, instants: InstantRange = DEFAULT_RANGE
) -> LoadResult:
    """Load every record below ``root / 'records'`` (read only)."""
    return load_scanned(scan_records(root), cache, instants)


def scan_records(root: Path) -> Scan:
    """Find and read every record file below ``root / 'records'`` in path order."""
    scan = Scan()
    records_dir = root / RECORDS_DIR
    found = LoadResult()
    base = str(records_dir)
    for path, kind in _discover(records_dir, root.resolve(), found):
        rel = RECORDS_DIR + path[len(base) :].replace(os.sep, "/")
        scan.count += 1
        data = _read(path, rel, found)
        if data is None:
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            found.diagnostics.append(
                Diagnostic(
                    rel, 0, 0, "", f"is not UTF-8 text (byte {error.start}); save the file as UTF-8"
                )
            )
            continue
        key = hashlib.sha1(kind.folder.encode() + b"\0" + data, usedforsecurity=False)
        scan.files.append(SourceFile(rel, kind, text, key.hexdigest()))
    scan.diagnostics = found.diagnostics
    return scan


def load_scanned(
    scan: Scan, cache: RecordCache | None = None, instants: InstantRange = DEFAULT_RANGE
) -> LoadResult:
    """Parse and validate scanned files, taking unchanged ones from ``cache`` (which must
    have been made for the same ``instants``)."""
    result = LoadResult(diagnostics=list(scan.diagnostics), files=scan.count, instants=instants)
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
            Diagnostic(rel, line, column, field_name(loc), message_for(detail, model, parsed.data))
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


def _discover(records_dir: Path, root: Path, result: LoadResult) -> Iterator[tuple[str, Kind]]:
    if not records_dir.is_dir():
        return
    for entry in sorted(records_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        rel = entry.relative_to(records_dir.parent).as_posix()
        kind = KINDS_BY_FOLDER.get(entry.name)
        if kind is None or not entry.is_dir():
            folders = ", ".join(sorted(KINDS_BY_FOLDER))
            result.diagnostics.append(
                Diagnostic(
                    f"{RECORDS_DIR}/{entry.name}" if entry.is_dir() else rel,
                    0,
                    0,
                    "",
                    f"not a record folder; records go in one of: {folders}",
                    Severity.WARNING,
                )
            )
            continue
        if _leaves_root(entry, root, rel, result):
            continue
        yield from ((path, kind) for path in _walk(entry, root, records_dir.parent, result))


def _walk(folder: Path, root: Path, base: Path, result: LoadResult) -> Iterator[str]:
    """Record files below ``folder`` in sorted order; ``os.scandir`` keeps it to one
    system call per folder (file types come with the listing)."""
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            path = Path(entry.path)
            rel = path.relative_to(base).as_posix()
            if _leaves_root(path, root, rel, result):
                continue
            if path.is_dir():
                result.diagnostics.append(
                    Diagnostic(
                        rel,
                        0,
                        0,
                        "",
                        "is a symbolic link to a folder and was not read; "
                        "move the records into this folder instead",
                        Severity.WARNING,
                    )
                )
                continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), root, base, result)
        elif entry.name.endswith(".md"):
            # A FIFO, device or socket named *.md would block or misbehave when read;
            # a dangling symbolic link is still yielded so reading names the problem.
            if entry.is_file() or (entry.is_symlink() and not Path(entry.path).exists()):
                yield entry.path
            else:
                result.diagnostics.append(
                    Diagnostic(
                        Path(entry.path).relative_to(base).as_posix(),
                        0,
                        0,
                        "",
                        "not a regular file; skipped",
                        Severity.WARNING,
                    )
                )


def _leaves_root(path: Path, root: Path, rel: str, result: LoadResult) -> bool:
    """True (and an error) for a symbolic link that resolves outside the repository."""
    target = path.resolve()
    if target == root or root in target.parents:
        return False
    result.diagnostics.append(
        Diagnostic(
            rel,
            0,
            0,
            "",
            "is a symbolic link to a place outside the repository; it was not read. "
            "copy the file into records/ instead",
        )
    )
    return True


def _read(path: str, rel: str, result: LoadResult) -> bytes | None:
    try:
        data, size = _read_bytes(path)
    except OSError as error:
        result.diagnostics.append(Diagnostic(rel, 0, 0, "", f"cannot be read ({error.strerror})"))
        return None
    if size > MAX_FILE_BYTES:
        result.diagnostics.append(
            Diagnostic(
                rel,
                0,
                0,
                "",
                f"is {size} bytes, over the 1 MiB limit for a record; "
                "move attachments out of the record and link to them",
            )
        )
        return None
    return data


def _read_bytes(path: str) -> tuple[bytes, int]:
    """The file's bytes (up to the limit) and its size.

    Plain ``os.read`` in 64 KiB chunks: a buffered ``open().read(limit)`` allocates the
    whole limit for every file, which made reading six times slower than needed.
    """
    # O_NONBLOCK: should a special file slip past the listing's check (replaced in
    # between), opening it must not wait for a writer; regular files are unaffected.
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        chunks = [os.read(handle, READ_CHUNK)]
        total = len(chunks[0])
        while len(chunks[-1]) == READ_CHUNK and total <= MAX_FILE_BYTES:
            chunks.append(os.read(handle, READ_CHUNK))
            total += len(chunks[-1])
        if total > MAX_FILE_BYTES:
            return b"", os.fstat(handle).st_size
    finally:
        os.close(handle)
    return (chunks[0] if len(chunks) == 1 else b"".join(chunks)), total
