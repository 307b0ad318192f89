"""Validated records kept between runs, keyed by a hash of each file's content.

Parsing YAML is most of the cost of loading records. A record file whose bytes (and folder)
hash to a key seen in an earlier run gets that run's validated record back instead of
being parsed again. What is stored is the record's model as pydantic JSON; loading
validates it again (in pydantic's Rust core, about ten times faster than YAML parsing),
so a cache entry can only ever yield a record that passes the same model checks. The
cross-record checks (references, consistency, SLA configuration) are not cached per file;
they run on every load.

Besides, the outcome of a whole ``validate`` is kept under a digest of every file's path
and key: when nothing changed, ``servicebook validate`` prints the same diagnostics
without parsing anything.

Why this never changes results: the key covers the folder (the record kind) and every
byte of the file, and each cache file carries a salt made of the Servicebook source code
and the versions of the libraries that take part in validation; a different salt
discards the cache. A cache file that cannot be read or does not validate is ignored as a
whole (and replaced at the end of the run), never trusted in part. A cache is bound to
its working copy (device and inode of the repository folder), so a cache file that
arrives through git (or a copied folder) is never used. The folder holds a
``.gitignore`` that ignores everything in it.
"""

from __future__ import annotations

import functools
import hashlib
import json
import operator
import os
import sys
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field, TypeAdapter

import generator
from generator.errors import Diagnostic, Severity
from generator.models.instant_range import DEFAULT_RANGE, InstantRange
from generator.records.commit_claim import CommitClaim
from generator.records.frontmatter import Bounds
from generator.records.kinds import KINDS_BY_FOLDER, Kind

if TYPE_CHECKING:
    from generator.models.common import Record
    from generator.records.scan import Scan

FORMAT = 1
RECORDS_FILE = f"records.v{FORMAT}.jsonl"
OUTCOME_FILE = f"validate.v{FORMAT}.json"
LIBRARIES = ("pydantic", "pydantic-core", "PyYAML", "holidays", "tzdata")


@dataclass(frozen=True)
class CachedRecord:
    """A record validated in an earlier run, with where its parts are in the file."""

    kind: Kind
    record: Record
    bounds: Bounds


@dataclass(frozen=True)
class ValidationSummary:
    """The result of a whole validation: diagnostics and counts."""

    diagnostics: list[Diagnostic]
    files: int
    records: int
    commits: list[CommitClaim] = field(default_factory=list)
    """Commits named by done plans, checked against git on every run (not cached)."""


@dataclass
class RecordCache:
    """The cache of one repository, in ``folder`` (read lazily, written by :meth:`save`)."""

    folder: Path
    root: Path
    _entries: dict[str, CachedRecord] | None = field(default=None, init=False)
    _used: set[str] = field(default_factory=set, init=False)
    _new: dict[str, CachedRecord] = field(default_factory=dict, init=False)
    instants: InstantRange = DEFAULT_RANGE
    kinds: frozenset[str] | None = None
    """Only these record folders are read from the cache (None: all). A cache read in
    part never writes (it would drop what it did not read)."""
    _stamp: dict[str, Any] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self._stamp = {
            "format": FORMAT,
            "salt": code_salt(),
            "owner": working_copy(self.root),
            # a record valid in one instant range may not be in another
            "instants": self.instants.describe(),
        }

    # -- per record ----------------------------------------------------------------------

    def get(self, key: str) -> CachedRecord | None:
        """The record cached under ``key``, if any."""
        if self._entries is None:
            self._entries = self._read_records()
        found = self._entries.get(key)
        if found is not None:
            self._used.add(key)
        return found

    @property
    def hits(self) -> int:
        """How many records this run took from the cache."""
        return len(self._used)

    def put(self, key: str, kind: Kind, record: Record, bounds: Bounds) -> None:
        """Remember a record validated in this run."""
        self._new[key] = CachedRecord(kind, record, bounds)

    # -- whole runs ----------------------------------------------------------------------

    def outcome(self, digest: str) -> ValidationSummary | None:
        """The outcome stored for exactly these files, if any."""
        try:
            data = json.loads((self.folder / OUTCOME_FILE).read_text(encoding="utf-8"))
            if data["stamp"] != self._stamp or data["digest"] != digest:
                return None
            diagnostics = [
                Diagnostic(**{**item, "severity": Severity(item["severity"])})
                for item in data["diagnostics"]
            ]
            commits = [CommitClaim(**item) for item in data["commits"]]
            return ValidationSummary(diagnostics, int(data["files"]), int(data["records"]), commits)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, digest: str, outcome: ValidationSummary) -> None:
        """Write what this run learnt; entries not used in this run are dropped."""
        if self.kinds is not None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.is_file():
                ignore.write_text("# Servicebook's cache: local state, never committed\n*\n")
            if self._new or (self._entries is not None and self._used != set(self._entries)):
                self._write(RECORDS_FILE, self._records_bytes())
            document = {
                "stamp": self._stamp,
                "digest": digest,
                "files": outcome.files,
                "records": outcome.records,
                "diagnostics": [
                    {**asdict(d), "severity": d.severity.value} for d in outcome.diagnostics
                ],
                "commits": [asdict(c) for c in outcome.commits],
            }
            self._write(OUTCOME_FILE, json.dumps(document).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written only costs time next run

    def _write(self, name: str, data: bytes) -> None:
        temporary = self.folder / f".{name}.{os.getpid()}.tmp"
        temporary.write_bytes(data)
        temporary.replace(self.folder / name)

    def _records_bytes(self) -> bytes:
        kept = dict(self._new)
        for key in self._used:
            if self._entries is not None and key not in kept:
                kept[key] = self._entries[key]
        by_kind: dict[str, list[tuple[str, CachedRecord]]] = {}
        for key in sorted(kept):
            by_kind.setdefault(kept[key].kind.folder, []).append((key, kept[key]))
        lines = [json.dumps(self._stamp).encode("utf-8")]
        for folder, items in sorted(by_kind.items()):
            head = {
                "kind": folder,
                "keys": [key for key, _ in items],
                "bounds": [list(astuple_bounds(entry.bounds)) for _, entry in items],
            }
            lines.append(json.dumps(head).encode("utf-8"))
            lines.append(_list_adapter(folder).dump_json([entry.record for _, entry in items]))
        return b"\n".join(lines) + b"\n"

    def _read_records(self) -> dict[str, CachedRecord]:
        try:
            lines = (self.folder / RECORDS_FILE).read_bytes().split(b"\n")
            if json.loads(lines[0]) != self._stamp:
                return {}
            entries: dict[str, CachedRecord] = {}
            for position in range(1, len(lines) - 1, 2):
                head = json.loads(lines[position])
                kind = KINDS_BY_FOLDER[head["kind"]]
                if self.kinds is not None and kind.folder not in self.kinds:
                    continue
                records = _list_adapter(kind.folder).validate_json(lines[position + 1])
                if not len(head["keys"]) == len(head["bounds"]) == len(records):
                    return {}
                for key, bounds, record in zip(head["keys"], head["bounds"], records, strict=True):
                    entries[key] = CachedRecord(kind, record, Bounds(*bounds))
            return entries
        except Exception:
            return {}


def working_copy(root: Path) -> list[int]:
    """The device and inode of the repository folder, which bind a cache to the working
    copy that wrote it (empty when unreadable)."""
    try:
        status = root.stat()
    except OSError:
        return []
    return [status.st_dev, status.st_ino]


def astuple_bounds(bounds: Bounds) -> tuple[int, int, int, int]:
    """The four positions of a :class:`Bounds`, in field order."""
    return (bounds.front_start, bounds.front_end, bounds.body_start, bounds.body_line)


def scan_digest(scan: Scan) -> str:
    """A digest of every file's path and content key, and of the problems finding them."""
    digest = hashlib.sha1(usedforsecurity=False)
    for source in scan.files:
        digest.update(f"{source.rel}\0{source.key}\n".encode())
    digest.update(str(scan.count).encode())
    for diagnostic in scan.diagnostics:
        digest.update(f"{diagnostic}\n".encode())
    return digest.hexdigest()


@cache
def _list_adapter(folder: str) -> TypeAdapter[list[Any]]:
    models = KINDS_BY_FOLDER[folder].models
    item: Any = models[0]
    if len(models) > 1:  # the roster: persons, groups and organizations by their type
        item = Annotated[functools.reduce(operator.or_, models), Field(discriminator="type")]
    return TypeAdapter(list[item])


@cache
def code_salt() -> str:
    """A hash of Servicebook's source and the versions of what validation depends on."""
    digest = hashlib.sha1(usedforsecurity=False)
    digest.update(f"{sys.version}\n".encode())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{name} {version}\n".encode())
    package = Path(generator.__file__).parent
    for folder, folders, files in os.walk(package):
        folders[:] = sorted(name for name in folders if not name.startswith((".", "__")))
        for name in sorted(files):
            if name.endswith(".py"):
                path = Path(folder) / name
                digest.update(path.relative_to(package).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()
