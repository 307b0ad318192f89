"""Targets in whole days: ``3 working days`` or ``2 calendar days``.

Written in a target row next to durations (``resolution: 3 working days``). The clock
reads them against the request (see :mod:`generator.sla.day_targets`): due at the end of
the N-th working day of the calendar after the day the clock starts, or at the midnight
ending the N-th calendar day after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

DAYS_PATTERN = r"^[1-9]\d{0,2} (?:working|calendar) days?$"
_DAYS = re.compile(r"^\s*([1-9]\d{0,2})\s+(working|calendar)\s+days?\s*$", re.IGNORECASE)
DayKind = Literal["working", "calendar"]


@dataclass(frozen=True)
class DayCount:
    """A target of ``days`` whole working or calendar days."""

    days: int
    kind: DayKind

    def __str__(self) -> str:
        return f"{self.days} {self.kind} day{'s' if self.days != 1 else ''}"


def parse_day_count(value: object) -> DayCount | None:
    """``'3 working days'`` → ``DayCount(3, 'working')``; None when not a day count."""
    if not isinstance(value, str):
        return None
    found = _DAYS.match(value)
    if found is None:
        return None
    kind: DayKind = "working" if found.group(2).lower() == "working" else "calendar"
    return DayCount(int(found.group(1)), kind)
