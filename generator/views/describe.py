"""Plain-language descriptions of record values, for stakeholders who never read YAML."""

from __future__ import annotations

from generator.history.fielddiff import FieldChange
from generator.models.agreement import Match
from generator.models.request import (
    Action,
    Assigned,
    Closed,
    Event,
    Message,
    Note,
    PriorityChange,
    Reopened,
    Resolved,
    Responded,
    StatusChange,
)


def describe_match(match: Match) -> str:
    """``{priority: [P1]}`` → ``priority P1``; the empty match → ``all other requests``."""
    if match.is_empty():
        return "all other requests"
    parts = []
    for label, values in (
        ("priority", match.priority),
        ("service", match.service),
        ("category", match.category),
    ):
        if values:
            parts.append(f"{label} {' or '.join(values)}")
    return ", ".join(parts)


def describe_change(change: FieldChange) -> str:
    """How one field change of a record's history reads after the field's name."""
    if change.kind == "added":
        return f" set: {change.after}"
    if change.kind == "removed":
        return f" removed (was {change.before})"
    if change.kind == "appended":
        return f" + {change.after}"
    return f": {change.before} → {change.after}"


def describe_event(event: Event) -> str:
    """One line saying what an event did."""
    if isinstance(event, Assigned):
        who = f"{event.group}" + (f" / {event.person}" if event.person else "")
        return f"to {who}" + (f": {event.reason}" if event.reason else "")
    if isinstance(event, StatusChange):
        text = f"now {event.status.replace('_', ' ')}"
        return text + (f": {event.reason}" if event.reason else "")
    if isinstance(event, PriorityChange):
        return f"now {event.priority}: {event.reason}"
    if isinstance(event, Resolved):
        return event.resolution
    if isinstance(event, Reopened):
        return event.reason or "reopened"
    if isinstance(event, Closed):
        if event.auto:
            return "closed automatically (no confirmation)"
        return f"confirmed by {event.confirmed_by}" if event.confirmed_by else "closed"
    if isinstance(event, Responded | Message):
        return event.text or ("reply to the requester" if event.type == "responded" else "")
    if isinstance(event, Action | Note):
        return event.text
    return ""
