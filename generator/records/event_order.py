"""Events are appended in time order: the rule, on validated requests and on raw data.

Kept apart from the models so the loader can apply it to a request that failed
validation for another reason: a file with a bad event type and two events out of
order then shows all three problems in one run, not one after the other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any


def order_problems(received: datetime, times: Iterable[datetime | None]) -> list[tuple[int, str]]:
    """(event index, message) for each event earlier than the one before it.

    ``None`` stands for an event whose time could not be read; it is skipped.
    """
    found: list[tuple[int, str]] = []
    previous = received
    for index, at in enumerate(times):
        if at is None:
            continue
        if at < previous:
            what = "the request was received" if previous == received else "the event before"
            found.append(
                (
                    index,
                    f"{at.isoformat()} is earlier than when {what} "
                    f"({previous.isoformat()}); events are appended in time order: "
                    "correct the time or move the event",
                )
            )
        previous = max(previous, at)
    return found


def raw_order_problems(data: dict[str, Any]) -> list[tuple[int, str]]:
    """The same rule on unvalidated front matter, using only the times that are valid."""
    received = _aware(data.get("received"))
    events = data.get("events")
    if received is None or not isinstance(events, Sequence) or isinstance(events, str):
        return []
    times = [_aware(event.get("at")) if isinstance(event, dict) else None for event in events]
    return order_problems(received, times)


def _aware(value: object) -> datetime | None:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value
    return None
