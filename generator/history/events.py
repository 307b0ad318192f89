"""Which commit first recorded each request event, and which events were rewritten.

The event log of a request is append-only. Each revision's events are aligned
with those of the same file in its parent commit by a sequence diff (compared by
value, so re-quoting or re-ordering keys is no change): events that appear are
*recorded* by that commit, events that change or disappear are *rewritten*. An event inserted in
the middle (to keep time order) is an addition, not a rewrite; whether it came
late is the late-entry rule's business.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Generic, TypeVar

from generator.history.parse import Commit
from generator.history.snapshots import RecordTimeline

In = TypeVar("In")
Out = TypeVar("Out")

RawEvent = Mapping[str, Any]


@dataclass(frozen=True)
class EventOrigin:
    """An event (as recorded), the commit that first recorded it in that form, and
    its 0-based position in that revision's event list."""

    event: RawEvent
    commit: Commit
    position: int

    @property
    def type(self) -> str:
        """The event's type, or ``?`` when the revision had none."""
        return str(self.event.get("type", "?"))

    @property
    def at(self) -> datetime | None:
        """The event's time when it is a timestamp with an offset."""
        return aware(self.event.get("at"))


@dataclass(frozen=True)
class EventRewrite:
    """An event changed (``after`` set) or removed (``after`` None) by ``commit``."""

    position: int
    before: EventOrigin
    after: RawEvent | None
    commit: Commit


@dataclass(frozen=True)
class EventTrail:
    """What the history says about a request's events.

    ``current`` matches the events of the newest revision one to one; ``added``
    lists every event ever appended or inserted, in history order.
    """

    current: tuple[EventOrigin, ...]
    added: tuple[EventOrigin, ...]
    rewrites: tuple[EventRewrite, ...]


class ByIdentity(Generic[In, Out]):
    """``compute`` remembered per object, by identity (the object is kept with its result,
    so its id cannot pass to another): for values that are shared, not equal."""

    def __init__(self, compute: Callable[[In], Out]) -> None:
        self._compute = compute
        self._known: dict[int, tuple[In, Out]] = {}

    def __call__(self, value: In) -> Out:
        found = self._known.get(id(value))
        if found is not None and found[0] is value:
            return found[1]
        result = self._compute(value)
        self._known[id(value)] = (value, result)
        return result


def event_trail(timeline: RecordTimeline) -> EventTrail:
    """Follow the events through every readable revision of a request.

    Each revision is compared with the file in its first parent commit (for a
    merge: what the merge brought into the branch), so what a commit added or
    rewrote does not depend on the order branches appear in the log. An event's
    origin is the first commit, in history order, that held it; a rewrite is
    reported once, in the first commit that made it.
    """
    state = _State()
    latest: list[RawEvent] = []
    for snapshot in timeline.snapshots:
        if snapshot.data is None:
            if snapshot.revision.change == "D":
                latest = []
            continue
        after = _events(snapshot.data)
        before = _events(snapshot.before) if snapshot.before is not None else []
        state.change(before, after, snapshot.commit)
        latest = after
    current = tuple(
        state.first.get(state.key(event))
        or EventOrigin(event, timeline.snapshots[-1].commit, index)
        for index, event in enumerate(latest)
    )
    return EventTrail(current, tuple(state.added), tuple(state.rewrites))


class _State:
    """What following one request's events has found so far."""

    def __init__(self) -> None:
        # Revisions share the objects of the events they did not change, so each event
        # is keyed about once.
        self.key: ByIdentity[RawEvent, str] = ByIdentity(event_key)
        self.first: dict[str, EventOrigin] = {}
        self.added: list[EventOrigin] = []
        self.rewrites: list[EventRewrite] = []
        self.rewritten: set[str] = set()

    def origin(self, event: RawEvent, commit: Commit, position: int) -> EventOrigin:
        """The event's first origin; ``commit`` becomes it when the event is new."""
        text = self.key(event)
        found = self.first.get(text)
        if found is None:
            found = self.first[text] = EventOrigin(event, commit, position)
        return found

    def change(self, before: list[RawEvent], after: list[RawEvent], commit: Commit) -> None:
        """Align the parent's events with the new ones (a sequence diff by value)."""
        before_keys = [self.key(e) for e in before]
        after_keys = [self.key(e) for e in after]
        if after_keys[: len(before_keys)] == before_keys:  # the usual case: appended only
            for index, text in enumerate(after_keys):
                if text not in self.first:
                    origin = self.origin(after[index], commit, index)
                    if index >= len(before_keys):
                        self.added.append(origin)
            return
        matcher = difflib.SequenceMatcher(a=before_keys, b=after_keys, autojunk=False)
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "equal":
                for offset in range(b1 - b0):  # known, unless older than the history read
                    self.origin(after[b0 + offset], commit, b0 + offset)
                continue
            fresh = [i for i in range(b0, b1) if after_keys[i] not in self.first]
            for index in range(b0, b1):
                self.origin(after[index], commit, index)
            # New events beyond those that replace old ones were added by this commit.
            self.added.extend(self.first[after_keys[i]] for i in fresh[a1 - a0 :])
            for number, old in enumerate(range(a0, a1)):
                if before_keys[old] in self.rewritten:
                    continue  # reported where it happened (e.g. on the merged branch)
                self.rewritten.add(before_keys[old])
                # An old event facing a new one is an edit; facing nothing new, a removal.
                replacement = after[fresh[number]] if number < len(fresh) else None
                was = self.origin(before[old], commit, old)
                self.rewrites.append(EventRewrite(old, was, replacement, commit))


def _events(data: Mapping[str, Any]) -> list[RawEvent]:
    events = data.get("events")
    if not isinstance(events, list):
        return []
    return [e for e in events if isinstance(e, Mapping)]


def event_key(event: RawEvent) -> str:
    """A canonical text of an event's value: equal instants in other offsets are equal.

    Each field is its name's repr and its value (a text, number, flag or None by repr,
    an instant in UTC, anything else as sorted JSON), length-prefixed so that no two
    events share a key; fields in name order. Used within one run only (never stored).
    """
    parts = []
    for name, value in sorted(event.items(), key=lambda item: str(item[0])):
        kind = type(value)
        if kind is str or kind is int or kind is bool or kind is float or value is None:
            text = repr(value)
        elif kind is datetime:
            text = "T" + _plain(value)
        else:
            text = "J" + json.dumps(value, sort_keys=True, default=_plain, ensure_ascii=False)
        field = f"{name!r}={text}"
        parts.append(f"{len(field)}:{field}")
    return "".join(parts)


def _plain(value: Any) -> str:
    if isinstance(value, datetime):
        instant = value.astimezone(UTC) if value.tzinfo is not None else value
        return instant.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return repr(value)


def aware(value: Any) -> datetime | None:
    """``value`` when it is a datetime with an offset, else None."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    return None


def commits_for(trail: EventTrail, events: Sequence[tuple[datetime, str]]) -> list[Commit | None]:
    """The recording commit of each (at, type) event of the record as loaded now.

    Matched position by position against the newest committed revision; an event
    that differs there (or is not committed yet) gets None.
    """
    found: list[Commit | None] = []
    for index, (at, kind) in enumerate(events):
        origin = trail.current[index] if index < len(trail.current) else None
        if origin is not None and origin.type == kind and origin.at == at:
            found.append(origin.commit)
        else:
            found.append(None)
    return found
