"""What the site shows of the history: per record, per request event, and the audit.

Pure: built from the history read once (:mod:`generator.history.reader`) and the
catalog, and kept in ``SiteFacts`` so the page builders never touch git.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import ClassVar

from generator.history.audit import audit
from generator.history.events import ByIdentity, EventTrail, commits_for, event_trail
from generator.history.fielddiff import FieldChange, field_changes
from generator.history.findings import Finding
from generator.history.late import DEFAULT_LATE_AFTER, delay_text
from generator.history.parse import Commit
from generator.history.reader import History
from generator.history.roster import roster_emails
from generator.history.snapshots import RecordTimeline
from generator.models.request import Request
from generator.records.catalog import Catalog


@dataclass(frozen=True)
class CommitRef:
    """A commit as a page cites it (one object per commit in a site's history)."""

    fingerprint_shared: ClassVar[bool] = True
    """Many pages cite the same commit: a fingerprint encodes each object once."""

    sha: str
    short: str
    author: str
    email: str
    date: datetime
    subject: str

    @classmethod
    def of(cls, commit: Commit) -> CommitRef:
        """The citation of ``commit``."""
        return cls(
            commit.sha, commit.short, commit.author, commit.email, commit.authored, commit.subject
        )


@dataclass(frozen=True)
class HistoryRow:
    """One revision of a record: the commit, what kind of change, and the fields changed."""

    commit: CommitRef
    change: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class RecordHistory:
    """A record's revisions (oldest first) and, for requests, each event's commit."""

    rows: tuple[HistoryRow, ...] = ()
    event_commits: tuple[CommitRef | None, ...] = ()
    created: CommitRef | None = None

    def event_commit(self, index: int) -> CommitRef | None:
        """The commit that first recorded event ``index`` (None: not committed)."""
        return self.event_commits[index] if 0 <= index < len(self.event_commits) else None


@dataclass(frozen=True)
class FolderCommits:
    """The commits that changed records of one kind, and the newest of them."""

    shas: frozenset[str]
    latest: CommitRef | None

    @property
    def count(self) -> int:
        """How many commits."""
        return len(self.shas)


@dataclass(frozen=True)
class SiteHistory:
    """Everything the pages show of git; ``available`` False means say why not."""

    available: bool
    note: str
    head: str | None = None
    commits: int = 0
    late_after: str = "24h"
    records: Mapping[str, RecordHistory] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    folders: Mapping[str, FolderCommits] = field(default_factory=dict)

    def of(self, record_id: str) -> RecordHistory:
        """The history of a record (empty when it has none)."""
        return self.records.get(record_id, EMPTY_RECORD)

    @property
    def head_short(self) -> str:
        """The abbreviated id of the commit the history was read at."""
        return (self.head or "")[:7]


EMPTY_RECORD = RecordHistory()
NO_SITE_HISTORY = SiteHistory(False, "history was not read for this build")


def site_history(
    history: History, catalog: Catalog, late_after: timedelta = DEFAULT_LATE_AFTER
) -> SiteHistory:
    """The site's view of ``history`` for the records in ``catalog``."""
    if not history.available:
        return SiteHistory(False, history.note)
    current = history.current()
    trails = _Trails()
    records: dict[str, RecordHistory] = {}
    for record_id, entry in catalog.entries.items():
        timeline = current.get(entry.path)
        if timeline is not None:
            records[record_id] = _record_history(timeline, entry.record, trails)
    return SiteHistory(
        available=True,
        note=history.note,
        head=history.log.head,
        commits=len(history.log.entries),
        late_after=delay_text(late_after),
        records=records,
        findings=tuple(audit(history, roster_emails(catalog), late_after, trails.trail)),
        folders=_folders(history),
    )


class _Trails:
    """Each request's event trail, followed once for its page and the audit, and each
    commit's citation, made once."""

    def __init__(self) -> None:
        self.trail: ByIdentity[RecordTimeline, EventTrail] = ByIdentity(event_trail)
        self._refs: dict[str, CommitRef] = {}

    def ref(self, commit: Commit) -> CommitRef:
        """The citation of ``commit``, the same object each time."""
        found = self._refs.get(commit.sha)
        if found is None:
            found = self._refs[commit.sha] = CommitRef.of(commit)
        return found


def _record_history(timeline: RecordTimeline, record: object, trails: _Trails) -> RecordHistory:
    rows = []
    for before, snapshot in timeline.transitions():
        revision = snapshot.revision
        if revision.change == "D":
            change = "deleted"
        elif before is None:
            change = "created"
        elif revision.change == "R":
            change = f"renamed from {revision.old_path}"
        else:
            change = "changed"
        changes: tuple[FieldChange, ...] = ()
        if before is not None and snapshot.data is not None:
            changes = tuple(field_changes(before, snapshot.data))
        elif snapshot.data is None and revision.change != "D":
            change += " (not a valid record at the time)"
        rows.append(HistoryRow(trails.ref(snapshot.commit), change, changes))
    event_commits: tuple[CommitRef | None, ...] = ()
    if isinstance(record, Request):
        trail = trails.trail(timeline)
        found = commits_for(trail, [(event.at, event.type) for event in record.events])
        event_commits = tuple(trails.ref(c) if c is not None else None for c in found)
    created = rows[0].commit if rows else None
    return RecordHistory(tuple(rows), event_commits, created)


def _folders(history: History) -> dict[str, FolderCommits]:
    seen: dict[str, dict[str, Commit]] = {}
    for timeline in history.timelines:
        commits = seen.setdefault(timeline.folder, {})
        for snapshot in timeline.snapshots:
            commits[snapshot.commit.sha] = snapshot.commit
    result = {}
    for folder, commits in sorted(seen.items()):
        latest = max(commits.values(), key=lambda c: (c.committed, c.sha), default=None)
        result[folder] = FolderCommits(frozenset(commits), CommitRef.of(latest) if latest else None)
    return result
