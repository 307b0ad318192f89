"""An agreement page's versions: when each published version was in force, who approved
it, and what it changed against the version before.

Pure: from the :class:`~generator.sla.versions.VersionBook` to rows a template shows.
The changes are whole, never cut: the targets as a before/after table (one line per
row and clock that changed), the other fields as their full YAML before and after, and
the body as a unified diff.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import yaml

from generator.models.agreement import METRICS, Agreement, Target
from generator.sla.versions import PublishedVersion, VersionBook
from generator.views.describe import describe_match

CLOCKS = METRICS
# Shown elsewhere in the row (number, approvals) or as their own table (targets).
_OWN_COLUMNS = frozenset({"version", "approvals", "targets"})


@dataclass(frozen=True)
class TargetChange:
    """One clock of one targets row that differs between two versions, as written
    (``4h``, ``3 working days``; ``—``: no target)."""

    applies_to: str
    clock: str
    before: str
    after: str


@dataclass(frozen=True)
class FieldWhole:
    """A changed field, its whole value before and after as YAML ("" when absent)."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class DiffLine:
    """One line of the body's unified diff: ``kind`` is add, remove, same or header."""

    kind: str
    text: str


@dataclass(frozen=True)
class VersionChanges:
    """What one version changed against the version before it."""

    previous: int
    targets: tuple[TargetChange, ...]
    fields: tuple[FieldWhole, ...]
    body: tuple[DiffLine, ...]
    """The body's unified diff, line by line (empty: the body did not change)."""

    @property
    def empty(self) -> bool:
        return not (self.targets or self.fields or self.body)


@dataclass(frozen=True)
class VersionRow:
    """One published version: the version itself, whether it is in force at ``as_of``
    (``"in force"``, ``"scheduled"`` or ``"superseded"``) and its changes (None: first)."""

    version: PublishedVersion
    standing: str
    changes: VersionChanges | None


def version_rows(book: VersionBook, agreement_id: str, as_of: datetime) -> list[VersionRow]:
    """The agreement's published versions, newest first, each with its changes."""
    found = book.of(agreement_id)
    rows = []
    for index, version in enumerate(found):
        previous = found[index - 1] if index else None
        changes = None if previous is None else version_changes(previous, version)
        rows.append(VersionRow(version, _standing(version, as_of), changes))
    return rows[::-1]


def _standing(version: PublishedVersion, as_of: datetime) -> str:
    if version.since > as_of:
        return "scheduled"
    if version.until is not None and version.until <= as_of:
        return "superseded"
    return "in force"


def version_changes(before: PublishedVersion, after: PublishedVersion) -> VersionChanges:
    """The changes from ``before`` to ``after``, whole."""
    return VersionChanges(
        before.number,
        tuple(target_changes(before.agreement.targets, after.agreement.targets)),
        tuple(field_changes(before.agreement, after.agreement)),
        tuple(body_diff(before, after)),
    )


def target_changes(before: Sequence[Target], after: Sequence[Target]) -> Iterator[TargetChange]:
    """Per row (told by what it applies to and its hours) and clock, the targets that
    differ; a row only one side has shows all its clocks against none."""
    old = {_row_key(row): row for row in before}
    new = {_row_key(row): row for row in after}
    keys = [*new, *(key for key in old if key not in new)]
    for key in keys:
        was, now = old.get(key), new.get(key)
        for clock in CLOCKS:
            a = was.target_text(clock) if was is not None else "—"
            b = now.target_text(clock) if now is not None else "—"
            if a != b:
                yield TargetChange(_applies_to(key), clock, a, b)
        levels = _levels(was), _levels(now)
        if levels[0] != levels[1]:
            yield TargetChange(_applies_to(key), "escalate_at", *levels)


def _levels(row: Target | None) -> str:
    """A row's own escalation thresholds as written (``—``: none of its own)."""
    if row is None or row.escalate_at is None:
        return "—"
    return ", ".join(f"{share:g} %" for share in row.escalate_at) or "none"


def _row_key(row: Target) -> tuple[str, str | None]:
    return describe_match(row.match), row.calendar


def _applies_to(key: tuple[str, str | None]) -> str:
    described, calendar = key
    return described if calendar is None else f"{described} (hours: {calendar})"


def field_changes(before: Agreement, after: Agreement) -> Iterator[FieldWhole]:
    """The other fields that differ, each as its whole YAML value before and after."""
    old = _fields(before)
    new = _fields(after)
    for name in [*new, *(name for name in old if name not in new)]:
        if old.get(name) != new.get(name):
            yield FieldWhole(name, _yaml(old.get(name)), _yaml(new.get(name)))


def _fields(agreement: Agreement) -> dict[str, Any]:
    # Python values (dates, not quoted date strings) read as the file was written.
    data = agreement.model_dump(mode="python", exclude_none=True)
    return {key: value for key, value in data.items() if key not in _OWN_COLUMNS}


def _yaml(value: Any) -> str:
    if value is None:
        return ""
    try:
        text = _dump(value)
    except yaml.representer.RepresenterError:  # a type YAML does not know: its JSON form
        text = _dump(json.loads(json.dumps(value, default=str)))
    return text.removesuffix("...\n").rstrip("\n")


def _dump(value: Any) -> str:
    return yaml.safe_dump(
        value, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1 << 30
    )


def body_diff(before: PublishedVersion, after: PublishedVersion) -> Iterator[DiffLine]:
    """The body's unified diff from ``before`` to ``after`` (no lines: unchanged)."""
    lines = difflib.unified_diff(
        before.body.splitlines(),
        after.body.splitlines(),
        f"version {before.number}",
        f"version {after.number}",
        lineterm="",
    )
    for index, line in enumerate(lines):
        yield DiffLine(_kind(index, line), line)


def _kind(index: int, line: str) -> str:
    if index < 2 or line.startswith("@@"):
        return "header"
    return {"+": "add", "-": "remove"}.get(line[:1], "same")
