"""Audit the history of the records: pure rules over the timelines of one log pass.

Each rule returns findings naming the record, the file, the commit and why it
matters to someone relying on the records as evidence (CMMI-SVC SD SP 2.3:
integrity of the request management system and its contents).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timedelta
from pathlib import PurePosixPath
from typing import Any

from generator.errors import Severity
from generator.history.events import EventTrail, aware, event_trail
from generator.history.findings import Finding, finding, sort_findings
from generator.history.late import DEFAULT_LATE_AFTER, late_entries
from generator.history.parse import Commit, Mainline
from generator.history.reader import History
from generator.history.revisions import is_record_path
from generator.history.snapshots import RecordTimeline
from generator.records.kinds import KINDS

STATUS_EVENTS = {
    "status": "a status change",
    "resolved": "a resolution",
    "reopened": "a reopening",
    "closed": "a closure",
}
KIND_NAMES = {kind.folder: kind.entry for kind in KINDS}
"""What one file of each folder is called in audit findings (from the kinds table)."""
EVIDENCE_FOLDERS = frozenset({"requests", "agreements"})


def audit(
    history: History,
    roster_emails: Iterable[str],
    late_after: timedelta = DEFAULT_LATE_AFTER,
    trail_of: Callable[[RecordTimeline], EventTrail] = event_trail,
) -> list[Finding]:
    """Every finding of every rule, in history order (``trail_of``: how a request's event
    trail is found, when the caller has it already)."""
    found: list[Finding] = []
    main = _MainBranch(history.log.mainline)
    for timeline in history.timelines:
        found.extend(_lifecycle(timeline))
        if timeline.folder == "requests":
            trail = trail_of(timeline)
            found.extend(late_entries(timeline, trail, late_after))
            found.extend(_rewrites(timeline, trail))
            found.extend(_direct_request_changes(timeline, trail, main))
        elif timeline.folder != "people":
            found.extend(_direct_status_changes(timeline, main))
        if timeline.folder == "agreements":
            found.extend(_activations(timeline))
    found.extend(_unknown_authors(history, {e.lower() for e in roster_emails}))
    return sort_findings(found)


def only_commits(findings: Iterable[Finding], commits: frozenset[str]) -> list[Finding]:
    """The findings made in the given commits (``--since``)."""
    return [f for f in findings if f.commit in commits]


def _lifecycle(timeline: RecordTimeline) -> Iterable[Finding]:
    name = KIND_NAMES.get(timeline.folder, "record")
    for snapshot in timeline.snapshots:
        revision = snapshot.revision
        if revision.change == "R" and revision.old_path is not None:
            old_id = PurePosixPath(revision.old_path).stem
            new_id = PurePosixPath(revision.path).stem
            if old_id != new_id:
                why = (
                    f"renamed from {revision.old_path}, so its id changed from {old_id} to "
                    f"{new_id}: links and references to the old id break; an id must never "
                    "change once it is committed"
                )
            else:
                why = (
                    f"moved from {revision.old_path}: links to the old page break and its "
                    "history has to be followed across the move; keep record files in place"
                )
            yield finding("record_renamed", Severity.WARNING, revision.path, snapshot.commit, why)
        elif revision.change == "D":
            severity = Severity.ERROR if timeline.folder in EVIDENCE_FOLDERS else Severity.WARNING
            yield finding(
                "record_deleted",
                severity,
                revision.path,
                snapshot.commit,
                f"the {name} was deleted: it no longer appears on the site and its record of "
                "what happened is gone from the current version; close, cancel or retire a "
                "record instead of deleting it",
            )


def _rewrites(timeline: RecordTimeline, trail: EventTrail) -> Iterable[Finding]:
    paths = {s.commit.sha: s.revision.path for s in timeline.snapshots}
    for rewrite in trail.rewrites:
        before = rewrite.before
        what = "edited" if rewrite.after is not None else "removed"
        yield finding(
            "event_rewritten",
            Severity.ERROR,
            paths.get(rewrite.commit.sha, timeline.path),
            rewrite.commit,
            f"event {rewrite.position + 1} ({before.type}"
            f"{', ' + before.at.isoformat() if before.at else ''}), recorded in commit "
            f"{before.commit.short}, was {what}: the event log is append-only, so what was "
            "committed must stay as evidence; record a correction as a new event",
        )


class _MainBranch:
    """Which commits went straight onto the main line after it started taking merges.

    The main line is HEAD's first-parent chain. Before its oldest merge the team
    did not work through merges, so nothing there counts as bypassing them.
    """

    def __init__(self, mainline: Mainline) -> None:
        self.positions = {sha: index for index, sha in enumerate(mainline.commits)}
        merges = [self.positions[sha] for sha in mainline.merges if sha in self.positions]
        self.oldest_merge = max(merges) if merges else -1
        self.since = mainline.commits[self.oldest_merge][:7] if merges else ""

    @property
    def takes_merges(self) -> bool:
        """True when the main line has at least one merge commit."""
        return self.oldest_merge >= 0

    def direct(self, commit: Commit) -> bool:
        """True for a non-merge commit on the main line newer than its oldest merge."""
        position = self.positions.get(commit.sha)
        return not commit.is_merge and position is not None and position < self.oldest_merge


def _direct_message(what: str, commit: Commit, merge: str) -> str:
    return (
        f"{what} was committed straight to the main branch in {commit.short}, not merged "
        f"from a branch, although the main branch takes changes by merge since {merge}; "
        "a status change that bypasses review is not controlled"
    )


def _direct_request_changes(
    timeline: RecordTimeline, trail: EventTrail, main: _MainBranch
) -> Iterable[Finding]:
    if not main.takes_merges:
        return
    paths = {s.commit.sha: s.revision.path for s in timeline.snapshots}
    seen: set[str] = set()
    for origin in trail.added:
        what = STATUS_EVENTS.get(origin.type)
        if what is None or origin.commit.sha in seen or not main.direct(origin.commit):
            continue
        seen.add(origin.commit.sha)
        detail = f"{what} ({_status_text(origin.event)})" if origin.type == "status" else what
        yield finding(
            "direct_commit",
            Severity.WARNING,
            paths.get(origin.commit.sha, timeline.path),
            origin.commit,
            _direct_message(detail.capitalize(), origin.commit, main.since),
        )


def _status_text(event: Mapping[str, Any]) -> str:
    return str(event.get("status", "?"))


def _direct_status_changes(timeline: RecordTimeline, main: _MainBranch) -> Iterable[Finding]:
    if not main.takes_merges:
        return
    for before, snapshot in timeline.transitions():
        if before is None or snapshot.data is None:
            continue
        old, new = before.get("status"), snapshot.data.get("status")
        if old != new and main.direct(snapshot.commit):
            yield finding(
                "direct_commit",
                Severity.WARNING,
                snapshot.revision.path,
                snapshot.commit,
                _direct_message(f"A status change {old} → {new}", snapshot.commit, main.since),
            )


def _activations(timeline: RecordTimeline) -> Iterable[Finding]:
    for before, snapshot in timeline.transitions():
        data = snapshot.data
        if data is None or data.get("status") != "active":
            continue
        commit = snapshot.commit
        if (before is not None and before.get("status") == "active") or commit.is_merge:
            continue  # a merge repeats the activation of the commit it brings in
        sides = set()
        approvals = data.get("approvals")
        for approval in approvals if isinstance(approvals, list) else []:
            if not isinstance(approval, Mapping):
                continue
            at = aware(approval.get("at"))
            if at is not None and at <= commit.authored:
                sides.add(str(approval.get("role")))
        missing = [side for side in ("provider", "customer") if side not in sides]
        if missing:
            yield finding(
                "unapproved_activation",
                Severity.ERROR,
                snapshot.revision.path,
                commit,
                f"made active in commit {commit.short} without approvals dated before it "
                f"(missing: {', '.join(missing)}); an agreement binds both sides only once "
                "provider and customer have approved it, so approve first, then activate",
            )


def _unknown_authors(history: History, roster: set[str]) -> Iterable[Finding]:
    known_since: dict[str, datetime] = {}
    for timeline in history.timelines:
        if timeline.folder != "people":
            continue
        for snapshot in timeline.snapshots:
            data = snapshot.data
            email = data.get("email") if data is not None else None
            if isinstance(email, str) and data is not None and data.get("type") == "person":
                key = email.strip().lower()
                when = snapshot.commit.authored
                if key not in known_since or when < known_since[key]:
                    known_since[key] = when
    for entry in history.log.entries:
        commit = entry.commit
        if commit.is_merge:
            continue  # what a merge brings in was written, and is checked, in its commits
        email = commit.email.strip().lower()
        if email in roster or (email in known_since and known_since[email] <= commit.authored):
            continue
        paths = sorted({c.path for c in entry.changes if is_record_path(c.path)})
        if not paths:
            continue
        others = f" and {len(paths) - 1} other record(s)" if len(paths) > 1 else ""
        yield finding(
            "unknown_author",
            Severity.ERROR,
            paths[0],
            commit,
            f"changed by {commit.author} <{commit.email}>{others}, who is not in the roster "
            "(no person has this e-mail): a change nobody accountable made cannot serve as "
            "evidence; add the person to records/people/ with this e-mail, or find out who "
            "made the change",
        )
