"""The span of time a record may speak about, and the check every instant and date passes.

Python's dates end at year 1 and year 9999; an event in 9999 plus a time-zone offset or a
target duration overflows the calculations long after validation said it was fine.
Instants are therefore kept between two sensible bounds (1970-01-01 to 2200-01-01 unless
``instant_range`` in ``servicebook.yml`` says otherwise), checked where the value is read:
record fields through the pydantic validation context, options and intake fields through
:func:`range_problem`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from pydantic import ValidationInfo

CONTEXT_KEY = "instant_range"
WIDEST = (date(1900, 1, 1), date(2500, 1, 1))
"""How far ``instant_range`` may reach: far enough for any service record, near enough
that every calculation on it (offsets, ten-year durations, review periods) stays in range."""


@dataclass(frozen=True)
class InstantRange:
    """Instants from ``earliest`` to ``latest`` (both midnight UTC, both allowed)."""

    earliest: date = date(1970, 1, 1)
    latest: date = date(2200, 1, 1)

    @property
    def first(self) -> datetime:
        """The earliest instant allowed."""
        return datetime.combine(self.earliest, time(), UTC)

    @property
    def last(self) -> datetime:
        """The latest instant allowed."""
        return datetime.combine(self.latest, time(), UTC)

    def describe(self) -> str:
        """``1970-01-01T00:00:00Z to 2200-01-01T00:00:00Z``: the range in messages."""
        return f"{self.earliest.isoformat()}T00:00:00Z to {self.latest.isoformat()}T00:00:00Z"


DEFAULT_RANGE = InstantRange()


def instant_outside(value: datetime, allowed: InstantRange) -> bool:
    """True when the aware ``value`` is before or after ``allowed``.

    Compared by offset arithmetic on naive values, so an instant at the very end of
    the calendar (9999-12-31T23:59:59-14:00) is judged, not overflowed.
    """
    offset = value.utcoffset()
    naive = value.replace(tzinfo=None)
    lowest, highest = _naive_bounds(allowed)
    assert offset is not None
    # naive - offset is the UTC wall time; compare naive with bound + offset instead,
    # which stays inside the calendar for any bound in WIDEST.
    return naive < lowest + offset or naive > highest + offset


@functools.lru_cache(maxsize=8)
def _naive_bounds(allowed: InstantRange) -> tuple[datetime, datetime]:
    """The range's ends as naive midnights (every record instant is checked against them)."""
    return datetime.combine(allowed.earliest, time()), datetime.combine(allowed.latest, time())


def range_problem(value: datetime | date, allowed: InstantRange = DEFAULT_RANGE) -> str | None:
    """Why ``value`` is out of range, or None; the wording of every range message."""
    if isinstance(value, datetime):
        outside = instant_outside(value, allowed)
    else:
        outside = not allowed.earliest <= value <= allowed.latest
    if not outside:
        return None
    shown = value.isoformat()
    return (
        f"{shown} is outside the range of instants allowed ({allowed.describe()}); "
        "write a time in that range, or widen instant_range in servicebook.yml"
    )


def option_problem(option: str, text: str, allowed: InstantRange) -> str:
    """The usage error for an option (``--as-of``, ``--at``) outside the range."""
    return (
        f"{option} '{text}' is outside the range of instants allowed ({allowed.describe()}); "
        "write an instant in that range, or widen instant_range in servicebook.yml"
    )


def range_of(info: ValidationInfo | None) -> InstantRange:
    """The range passed in the validation context, else the default."""
    context: Any = info.context if info is not None else None
    if isinstance(context, dict):
        found = context.get(CONTEXT_KEY)
        if isinstance(found, InstantRange):
            return found
    return DEFAULT_RANGE


def check_in_range(value: Any, info: ValidationInfo) -> Any:
    """Pydantic after-validator for every record instant and date."""
    if isinstance(value, datetime | date):
        problem = range_problem(value, range_of(info))
        if problem is not None:
            raise ValueError(problem)
    return value
