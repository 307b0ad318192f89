"""An event's key: equal values give equal keys, whatever the offset of an instant or
the order of the fields; any other difference gives another key."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from generator.history.events import event_key

AT = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def test_equal_values_give_equal_keys() -> None:
    berlin = AT.astimezone(timezone(timedelta(hours=1)))
    assert event_key({"at": AT, "type": "note"}) == event_key({"type": "note", "at": berlin})
    nested = {"at": AT, "type": "x", "tags": ["a", {"on": date(2026, 11, 23)}]}
    assert event_key(nested) == event_key(dict(reversed(list(nested.items()))))


def test_any_difference_gives_another_key() -> None:
    base = {"at": AT, "type": "note", "text": "1"}
    others = [
        {**base, "text": 1},
        {**base, "text": 1.0},
        {**base, "text": True},
        {**base, "text": None},
        {**base, "text": "1 "},
        {**base, "at": AT + timedelta(seconds=1)},
        {**base, "at": AT.replace(tzinfo=None)},  # a naive instant is another value
        {**base, "text": ["1"]},
        {"at": AT, "type": "note"},
        {**base, "by": "x"},
        # A text that looks like the next field does not run into it.
        {"at": AT, "type": "note', 'text'=1", "x": 1},
    ]
    keys = {event_key(other) for other in others}
    assert event_key(base) not in keys
    assert len(keys) == len(others)
