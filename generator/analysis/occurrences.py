"""When a recurring thing happens: the occurrences of an RRULE in a time range (pure).

Recurring windows and job runs keep their local time of day in a time zone (the
site's), so a 01:00 backup stays at 01:00 after the clocks change. Returned instants
are in UTC.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr


def occurrences(
    first: datetime,
    recurrence: str,
    length: timedelta,
    after: datetime,
    before: datetime,
    timezone: str,
) -> Iterator[tuple[datetime, datetime]]:
    """(start, end) of each occurrence that ends after ``after`` and starts before ``before``."""
    zone = ZoneInfo(timezone)
    rule = rrulestr(recurrence, dtstart=first.astimezone(zone))
    for start in rule.between(after.astimezone(zone) - length, before.astimezone(zone), inc=True):
        end = start + length
        if end > after and start < before:
            yield start.astimezone(UTC), end.astimezone(UTC)


def occurrence_key(owner_id: str, start: datetime) -> str:
    """Stable id of one occurrence (a maintenance window, a job run): the id of its record
    and its UTC start, as in ``MNT-1-20261219T210000Z``; iCalendar UIDs are built from it."""
    return f"{owner_id}-{start.astimezone(UTC):%Y%m%dT%H%M%SZ}"
