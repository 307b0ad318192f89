"""A readable difference between two revisions of a record's front matter.

For stakeholders who never read YAML: one line per top-level field that was
added, removed or changed, values shown short, and lists that only grew (the
event log, approvals) shown as the items that were added.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

ChangeKind = Literal["added", "removed", "changed", "appended"]
MAX_TEXT = 100


@dataclass(frozen=True)
class FieldChange:
    """One field's change; ``before``/``after`` are short display texts."""

    field: str
    kind: ChangeKind
    before: str = ""
    after: str = ""


def field_changes(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[FieldChange]:
    """Changes from ``before`` to ``after``, in the order the fields appear in ``after``."""
    changes: list[FieldChange] = []
    for name, value in after.items():
        if name not in before:
            changes.append(FieldChange(name, "added", after=short(value)))
        elif not _same(before[name], value):
            old = before[name]
            if isinstance(old, list) and isinstance(value, list) and _grew(old, value):
                added = value[len(old) :]
                changes.extend(FieldChange(name, "appended", after=short(item)) for item in added)
            else:
                changes.append(FieldChange(name, "changed", short(old), short(value)))
    changes.extend(
        FieldChange(name, "removed", before=short(value))
        for name, value in before.items()
        if name not in after
    )
    return changes


def _grew(old: list[Any], new: list[Any]) -> bool:
    return len(new) > len(old) and all(_same(a, b) for a, b in zip(old, new, strict=False))


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b


def short(value: Any, limit: int = MAX_TEXT) -> str:
    """A compact one-line text of a YAML value, cut at ``limit`` characters."""
    text = _flow(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _flow(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return " ".join(str(value).split())
