"""Late entries: request entries dated long before the commit that first recorded them.

An entry (the receipt or an event) may reach git some time after it happened;
past the allowed delay (24 h by default) the timeline may have been back-dated,
and SLA clocks computed from it cannot be verified. All late entries of one
request recorded by one commit make one finding: one act of recording.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from generator.errors import Severity
from generator.history.events import EventTrail, aware
from generator.history.findings import Finding, finding
from generator.history.parse import Commit
from generator.history.snapshots import RecordTimeline
from generator.models.common import format_duration

DEFAULT_LATE_AFTER = timedelta(hours=24)


def late_entries(
    timeline: RecordTimeline, trail: EventTrail, late_after: timedelta = DEFAULT_LATE_AFTER
) -> Iterable[Finding]:
    """One finding per commit that recorded entries of this request too late."""
    first = next((s for s in timeline.snapshots if s.data is not None), None)
    if first is None or first.data is None:
        return
    # An imported request arrives with its past: what its first commit brings is not late.
    imported = bool(first.data.get("imported"))
    late: dict[str, list[tuple[str, datetime]]] = {}
    commits: dict[str, Commit] = {first.commit.sha: first.commit}
    received = aware(first.data.get("received"))
    if received is not None and not imported and first.commit.authored - received > late_after:
        late.setdefault(first.commit.sha, []).append(("the receipt", received))
    for origin in trail.added:
        at = origin.at
        if at is None or (imported and origin.commit.sha == first.commit.sha):
            continue
        if origin.commit.authored - at > late_after:
            commits[origin.commit.sha] = origin.commit
            label = f"event {origin.position + 1} ({origin.type})"
            late.setdefault(origin.commit.sha, []).append((label, at))
    paths = {s.commit.sha: s.revision.path for s in timeline.snapshots}
    for sha, entries in late.items():
        commit = commits[sha]
        path = paths.get(sha, timeline.path)
        yield finding(
            "late_entry", Severity.WARNING, path, commit, _message(entries, commit, late_after)
        )


def _message(entries: list[tuple[str, datetime]], commit: Commit, late_after: timedelta) -> str:
    recorded = commit.authored.isoformat()
    allowed = delay_text(late_after)
    if len(entries) == 1:
        label, at = entries[0]
        return (
            f"{label} is dated {at.isoformat()} but was first recorded on {recorded}, "
            f"{delay_text(commit.authored - at)} later (allowed: {allowed}); a back-dated "
            "entry makes the timeline and the SLA clocks computed from it unverifiable"
        )
    labels = ", ".join(label for label, _ in entries)
    earliest = min(at for _, at in entries)
    latest = max(at for _, at in entries)
    return (
        f"{len(entries)} entries ({labels}) are dated {earliest.isoformat()} to "
        f"{latest.isoformat()} but were first recorded on {recorded}, up to "
        f"{delay_text(commit.authored - earliest)} later (allowed: {allowed}); back-dated "
        "entries make the timeline and the SLA clocks computed from them unverifiable"
    )


def delay_text(delay: timedelta) -> str:
    """``26h30m`` below two days, else ``3 days 4h``: whole minutes, never seconds."""
    minutes = int(delay.total_seconds()) // 60
    if minutes < 48 * 60:
        return format_duration(minutes * 60)
    days, rest = divmod(minutes, 24 * 60)
    hours = rest // 60
    return f"{days} days" + (f" {hours}h" if hours else "")
