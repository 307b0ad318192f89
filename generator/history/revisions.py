"""Group the commits of one log pass into the revisions of each record file.

A record's *lineage* is the chain of revisions of one file, followed across
renames, from its creation to now (or to its deletion). Pure: works on parsed
:class:`LogEntry` values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import PurePosixPath

from generator.history.parse import Commit, LogEntry

RECORDS_PREFIX = "records/"


@dataclass(frozen=True)
class Revision:
    """One commit's change to one record file.

    ``change`` is ``A`` (created), ``M`` (modified), ``R`` (renamed, maybe also
    modified) or ``D`` (deleted); ``blob`` is the file's content id after the change
    (None once deleted), ``parent_blobs`` its content id in each parent commit (None
    where it did not exist: what the commit changed is exactly parent → blob, however
    branches interleave) and ``old_path`` the name before a rename.
    """

    commit: Commit
    change: str
    path: str
    old_path: str | None
    blob: str | None
    parent_blobs: tuple[str | None, ...] = ()


@dataclass(frozen=True)
class Lineage:
    """Every revision of one record file, oldest first, followed across renames."""

    path: str
    revisions: tuple[Revision, ...]

    @cached_property
    def record_id(self) -> str:
        """The record id the file name gives (its stem)."""
        return PurePosixPath(self.path).stem

    @cached_property
    def folder(self) -> str:
        """The kind folder under ``records/`` (``requests``, ``agreements``…)."""
        parts = PurePosixPath(self.path).parts
        return parts[1] if len(parts) > 2 else ""

    @property
    def deleted(self) -> bool:
        """True when the last revision deleted the file."""
        return self.revisions[-1].change == "D"

    @property
    def latest(self) -> Revision:
        """The newest revision."""
        return self.revisions[-1]


def is_record_path(path: str) -> bool:
    """True for a record file: ``records/<kind>/**/<id>.md`` and not hidden.

    Plain string tests: this runs for every file of every commit.
    """
    return (
        path.startswith(RECORDS_PREFIX)
        and path.endswith(".md")
        and path.count("/") >= 2
        and "/." not in path
    )


def lineages(
    entries: Iterable[LogEntry], is_record: Callable[[str], bool] = is_record_path
) -> list[Lineage]:
    """Per-file histories from log entries given oldest first, sorted by last path.

    Within one commit deletions and the old names of renames are taken first, so
    a commit that renames ``a`` to ``b`` and creates a new ``a`` keeps the two apart.
    """
    active: dict[str, list[Revision]] = {}
    finished: list[tuple[str, list[Revision]]] = []
    for entry in entries:
        commit = entry.commit
        arriving: list[tuple[str, list[Revision], Revision]] = []
        for change in entry.changes:
            old_is_record = change.old_path is not None and is_record(change.old_path)
            new_is_record = is_record(change.path)
            if change.status == "R" and change.old_path is not None and old_is_record:
                chain = active.pop(change.old_path, [])
                if new_is_record:
                    revision = Revision(
                        commit, "R", change.path, change.old_path, change.new_blob, change.old_blobs
                    )
                    arriving.append((change.path, chain, revision))
                else:  # moved out of records/: gone, as far as the records go
                    gone = Revision(commit, "D", change.old_path, None, None, change.old_blobs)
                    chain.append(gone)
                    finished.append((change.old_path, chain))
            elif change.status == "D" and new_is_record:
                chain = active.pop(change.path, [])
                chain.append(Revision(commit, "D", change.path, None, None, change.old_blobs))
                finished.append((change.path, chain))
            elif new_is_record:
                status = "M" if change.status == "M" else "A"
                chain = active.pop(change.path, []) if status == "M" else []
                parents = change.old_blobs if status == "M" else ()
                revision = Revision(commit, status, change.path, None, change.new_blob, parents)
                if status == "A" and change.path in active:
                    finished.append((change.path, active.pop(change.path)))
                arriving.append((change.path, chain, revision))
        for path, chain, revision in arriving:
            chain.append(revision)
            active[path] = chain
    result = [Lineage(path, tuple(chain)) for path, chain in finished if chain]
    result.extend(Lineage(path, tuple(chain)) for path, chain in active.items() if chain)
    result.sort(key=lambda lineage: (lineage.path, lineage.revisions[0].commit.authored))
    return result
