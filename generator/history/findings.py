"""Audit findings: what was found, where, in which commit, and why it matters.

The JSON form is a contract (``servicebook audit --format json``): a list of
objects with ``kind, severity, record, path, commit, message``; fields may be
added, never renamed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Literal, get_args

from generator.errors import Severity
from generator.history.parse import Commit

FindingKind = Literal[
    "late_entry",
    "event_rewritten",
    "record_deleted",
    "record_renamed",
    "unknown_author",
    "unapproved_activation",
    "direct_commit",
    "missing_commit",
]
KINDS: tuple[FindingKind, ...] = get_args(FindingKind)
KIND_TITLES: dict[FindingKind, str] = {
    "late_entry": "Late entries (back-dated events)",
    "event_rewritten": "Events edited or removed after they were committed",
    "record_deleted": "Deleted records",
    "record_renamed": "Renamed records",
    "unknown_author": "Changes by authors not in the roster",
    "unapproved_activation": "Agreements made active without both approvals",
    "direct_commit": "Status changes committed directly to the main branch",
    "missing_commit": "Done maintenance plans naming commits the repository lacks",
}


@dataclass(frozen=True)
class Finding:
    """One audit finding about one record in one commit."""

    kind: FindingKind
    severity: Severity
    record: str
    path: str
    commit: str
    message: str
    author: str = ""
    date: str = ""

    @property
    def short(self) -> str:
        """The abbreviated commit id."""
        return self.commit[:7]

    def text(self) -> str:
        """``path: error: kind: message (commit abc1234 by a@b on 2026-…)``."""
        return (
            f"{self.path}: {self.severity.value}: {self.kind}: {self.message} "
            f"(commit {self.short} by {self.author} on {self.date})"
        )

    def as_json(self) -> dict[str, str]:
        """The contract fields first, then the extras."""
        return {
            "kind": self.kind,
            "severity": self.severity.value,
            "record": self.record,
            "path": self.path,
            "commit": self.commit,
            "message": self.message,
            "author": self.author,
            "date": self.date,
        }


def finding(
    kind: FindingKind, severity: Severity, path: str, commit: Commit, message: str
) -> Finding:
    """A finding about the record at ``path`` made in ``commit``."""
    return Finding(
        kind=kind,
        severity=severity,
        record=PurePosixPath(path).stem,
        path=path,
        commit=commit.sha,
        message=message,
        author=commit.email,
        date=utc_text(commit.authored),
    )


def utc_text(value: datetime) -> str:
    """``2026-11-20T08:12:00Z``: commit dates in findings, sortable as text."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """In history order (date, commit), then by path, kind and message."""
    return sorted(set(findings), key=lambda f: (f.date, f.commit, f.path, f.kind, f.message))


def format_findings(findings: Sequence[Finding], fmt: str) -> str:
    """``text`` (one line each) or ``json`` (the contract list)."""
    if fmt == "json":
        return json.dumps([f.as_json() for f in findings], indent=2, ensure_ascii=False) + "\n"
    return "".join(f.text() + "\n" for f in findings)


def summary(findings: Sequence[Finding]) -> str:
    """``3 findings: 1 error, 2 warnings``."""
    errors = sum(1 for f in findings if f.severity is Severity.ERROR)
    warnings = len(findings) - errors
    noun = "finding" if len(findings) == 1 else "findings"
    return (
        f"{len(findings)} {noun}: {errors} error{'s' * (errors != 1)}, "
        f"{warnings} warning{'s' * (warnings != 1)}"
    )
