"""Which options each event type takes, the event written from them, and its summary.

Pure: the command passes the option values; a missing or misplaced option is a
usage error naming the flag, before any file is touched.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from generator.authoring.yaml_scalars import Scalar
from generator.errors import UsageError

# type → (required options, optional options), in the order they are written.
EVENT_OPTIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "assigned": (("group",), ("person", "reason", "internal")),
    "responded": ((), ("via", "text")),
    "message": ((), ("text",)),
    "status": (("status",), ("reason", "internal")),
    "priority": (("priority", "reason"), ("internal",)),
    "action": (("text",), ("internal",)),
    "resolved": (("resolution",), ("internal",)),
    "reopened": ((), ("reason", "internal")),
    "closed": ((), ("confirmed_by", "auto", "internal")),
    "note": (("text",), ()),
}
"""``internal`` (staff only) is offered wherever it means something: never on a reply or
a message, which the requester has seen, nor on a note, which is internal anyway."""
ALL_OPTIONS: tuple[str, ...] = tuple(
    dict.fromkeys(name for pair in EVENT_OPTIONS.values() for group in pair for name in group)
)


def flag(option: str) -> str:
    """``--confirmed-by`` for ``confirmed_by``."""
    return "--" + option.replace("_", "-")


def build_event(
    event_type: str, at: datetime, options: Mapping[str, Scalar | None], by: str | None
) -> dict[str, Scalar]:
    """The event mapping to append: ``at``, ``type``, the options, then ``by``."""
    if event_type not in EVENT_OPTIONS:
        types = ", ".join(EVENT_OPTIONS)
        raise UsageError(f"'{event_type}' is not an event type; use one of: {types}")
    required, optional = EVENT_OPTIONS[event_type]
    given = {name: value for name, value in options.items() if value not in (None, "", False)}
    missing = [flag(name) for name in required if name not in given]
    if missing:
        raise UsageError(f"a {event_type} event needs {' and '.join(missing)}")
    stray = [flag(name) for name in given if name not in required + optional]
    if stray:
        allowed = ", ".join(flag(name) for name in required + optional) or "no options"
        raise UsageError(
            f"{', '.join(stray)} does not apply to a {event_type} event (it takes {allowed})"
        )
    event: dict[str, Scalar] = {"at": at, "type": event_type}
    for name in required + optional:
        value = given.get(name)
        if value is not None:
            event[name] = value
    if by:
        event["by"] = by
    return event


def summary(event: Mapping[str, Scalar]) -> str:
    """``status in_progress``, ``assigned desk/bob``, ``closed requester``: for trailers."""
    kind = str(event["type"])
    if kind == "assigned":
        detail = str(event["group"]) + (f"/{event['person']}" if "person" in event else "")
    elif kind in ("status", "priority"):
        detail = str(event[kind])
    elif kind == "closed":
        detail = "auto" if event.get("auto") else str(event.get("confirmed_by", ""))
    else:
        detail = ""
    return f"{kind} {detail}".strip()
