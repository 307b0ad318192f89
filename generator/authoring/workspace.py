"""The records as they are on disk, and the safe way to change one file.

A change is validated as part of the whole repository (references, duplicate
ids, event order) before anything is written, once: loading takes unchanged files
from the record cache that ``validate`` keeps (read only here: a change makes its own
file new anyway), and looking ids up needs only the catalog, not every check. It is
then written atomically by ``authoring.atomic``, so a crash or a full disk never
leaves half a record. Files are read and written as bytes so line endings and a
byte-order mark survive untouched.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path, PurePosixPath

from generator.authoring.atomic import write_atomically
from generator.config import cache_folder, load_config
from generator.errors import Diagnostic, UserError, has_errors
from generator.records.cache import RecordCache
from generator.records.catalog import Catalog, build_catalog
from generator.records.kinds import KINDS_BY_FOLDER, Kind
from generator.records.loader import (
    LoadedRecord,
    LoadResult,
    load_records,
    load_scanned,
    load_text,
)
from generator.records.scan import scan_records
from generator.validation import Validated, check_loaded


class Workspace:
    """The repository's records loaded once, for looking up ids and checking a change."""

    def __init__(self, root: Path, focus: str | None = None) -> None:
        """With ``focus``, the id of the one request a command changes, the other
        requests are not read: no check of one request looks at another, so the checks
        of ``focus`` come out the same (``tests/e2e/test_focused_workspace.py``), at a
        fraction of the cost on a large repository. Their ids are still known, from
        their file names (which validation holds equal to the ids)."""
        if not (root / "records").is_dir():
            raise UserError(
                f"no records/ folder in {root}; "
                "run servicebook in the repository root or pass --root DIR"
            )
        self.root = root
        config = load_config(root)
        folder = cache_folder(root, config)
        instants = config.instants
        self._unread: set[str] = set()
        if focus is not None:
            # The requests' part of the cache is most of it: the one request is parsed.
            others = frozenset(KINDS_BY_FOLDER) - {"requests"}
            scan = scan_records(root, lambda rel, kind: _reads(rel, kind, focus))
            partial = RecordCache(folder, root, instants, others) if folder is not None else None
            self._loaded = load_scanned(scan, partial, instants)
            self._unread = {_stem(rel) for rel in scan.unread}
            if focus in {r.record.id for r in self._loaded.records}:
                return
            self._unread = set()  # not found by its file name: read everything
        cache = RecordCache(folder, root, instants) if folder is not None else None
        self._loaded = load_records(root, cache, instants)

    @cached_property
    def catalog(self) -> Catalog:
        """The linked records as they are on disk (no cross-record check run)."""
        return build_catalog(self._loaded)[0]

    @cached_property
    def validated(self) -> Validated:
        """Every check on the records as they are on disk (only when a command needs it)."""
        return check_loaded(self._loaded, self.root)

    def ids(self) -> set[str]:
        """Every id in use, by valid and invalid records alike (and unread requests)."""
        return set(self.catalog.entries) | set(self.catalog.invalid_ids) | self._unread

    def entry(self, record_id: str) -> LoadedRecord:
        """The valid record with this id; a user error when it is missing or invalid."""
        catalog = self.catalog
        found = catalog.get(record_id)
        if found is not None:
            return found
        if record_id in catalog.invalid_ids:
            raise UserError(
                f"{catalog.invalid_ids[record_id]} has errors; "
                "run servicebook validate and fix them first"
            )
        raise UserError(f"no record has the id '{record_id}'; check the id (file name)")

    def read(self, path: str) -> str:
        """A record file's text exactly as stored."""
        return (self.root / path).read_bytes().decode("utf-8")

    def check(self, path: str, text: str) -> list[Diagnostic]:
        """Diagnostics about ``path`` if it held ``text`` (the other files as they are)."""
        kind = KINDS_BY_FOLDER.get(PurePosixPath(path).parts[1])
        if kind is None:
            raise UserError(f"{path} is not in a record folder")
        trial = LoadResult(
            records=[r for r in self._loaded.records if r.path != path],
            diagnostics=[d for d in self._loaded.diagnostics if d.path != path],
            invalid_ids={k: v for k, v in self._loaded.invalid_ids.items() if v != path},
            files=self._loaded.files + (0 if (self.root / path).exists() else 1),
            instants=self._loaded.instants,
        )
        load_text(path, kind, text, trial)
        trial.records.sort(key=lambda r: r.path)
        return [d for d in check_loaded(trial, self.root).diagnostics if d.path == path]

    def write(self, path: str, text: str, *, create: bool) -> list[Diagnostic]:
        """Validate, then write atomically; nothing is written when there is an error.

        Returns the diagnostics (warnings only, when the file was written).
        """
        target = self.root / path
        if create and target.exists():
            raise UserError(f"{path} already exists; choose another id")
        if not create and not target.is_file():
            raise UserError(f"{path} does not exist")
        diagnostics = self.check(path, text)
        if has_errors(diagnostics):
            return diagnostics
        try:
            write_atomically(target, text.encode("utf-8"), create_only=create)
        except FileExistsError:  # made by someone else since the check above
            raise UserError(f"{path} already exists; choose another id") from None
        return diagnostics


def _reads(rel: str, kind: Kind, focus: str) -> bool:
    """Whether a focused workspace reads this file: every record but other requests."""
    return kind.folder != "requests" or _stem(rel) == focus


def _stem(rel: str) -> str:
    """``PurePosixPath(rel).stem`` by string operations (called for every request file)."""
    name = rel.rpartition("/")[2]
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name
