"""Local wall-clock times as instants, and the cumulative table of a calendar's working time.

Everything here works in integer epoch seconds. ``wall_to_epoch`` applies the DST rules
described in ``generator.sla.working_time``. ``DayTable`` turns per-local-date working
intervals into one sorted list of disjoint UTC intervals with running totals, so that the
business time before any instant is one bisection away. The table covers a contiguous range
of local dates and grows lazily, in chunks of about a year, in both directions.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from zoneinfo import ZoneInfo

DAY_S = 86_400
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
CHUNK_DAYS = 366
# A day of margin at both ends: local datetimes next to date.min/date.max overflow in UTC.
FIRST_ORDINAL = date.min.toordinal() + 1
LAST_ORDINAL = date.max.toordinal() - 2
_ONE_SECOND = timedelta(seconds=1)


def wall_to_epoch(zone: ZoneInfo, ordinal: int, seconds: int, *, is_end: bool) -> int:
    """The instant of local time ``seconds`` after midnight of date ``ordinal`` in ``zone``.

    A repeated wall time gives its first occurrence for a window start and its second for a
    window end; a skipped one gives the instant of the transition. ``24:00`` is the start of
    the next date, so consecutive dates join without overlap.
    """
    if seconds == DAY_S:
        ordinal, seconds, is_end = ordinal + 1, 0, False
    day = date.fromordinal(ordinal)
    hours, rest = divmod(seconds, 3600)
    wall = datetime(day.year, day.month, day.day, hours, rest // 60, rest % 60, tzinfo=zone)
    local = (ordinal - EPOCH_ORDINAL) * DAY_S + seconds
    first = local - _offset(wall)
    second = local - _offset(wall.replace(fold=1))
    if first == second:
        return first
    if first < second:  # repeated hour (PEP 495: fold=0 is the earlier instant)
        return second if is_end else first
    return _transition(zone, local, second, first)  # skipped: fold=0 is the *later* instant


def _offset(moment: datetime) -> int:
    offset = moment.utcoffset()
    if offset is None:  # pragma: no cover - a ZoneInfo always answers
        raise ValueError(f"no UTC offset for {moment!r}")
    return offset // _ONE_SECOND


def _transition(zone: ZoneInfo, local: int, low: int, high: int) -> int:
    """The first instant in ``(low, high]`` whose wall clock is past ``local`` (a gap's end)."""
    while high - low > 1:
        middle = (low + high) // 2
        if middle + _offset(datetime.fromtimestamp(middle, zone)) > local:
            high = middle
        else:
            low = middle
    return high


@dataclass(frozen=True, eq=False)
class Span:
    """An immutable view of the table: local dates ``[first, last)``, instants ``[begin, end)``.

    ``starts``/``ends`` are the disjoint, non-touching working intervals, sorted; ``before[k]``
    is the working time in the table before interval ``k``, ``through[k]`` including it.
    Totals are relative to ``begin`` and change when the table grows backwards, so both
    ends of a difference must come from the same span.
    """

    first: int
    last: int
    begin: int
    end: int
    starts: list[int]
    ends: list[int]
    before: list[int]
    through: list[int]

    def covers(self, instant: int) -> bool:
        """Whether ``instant`` lies inside the dates this span has computed."""
        return self.begin <= instant < self.end

    def total_before(self, instant: int) -> int:
        """Working seconds in ``[begin, instant)``."""
        k = bisect.bisect_right(self.starts, instant) - 1
        if k < 0:
            return 0
        return self.before[k] + min(instant, self.ends[k]) - self.starts[k]

    def reach(self, total: int) -> int | None:
        """The earliest instant with ``total_before == total`` (``total > 0``), if computed."""
        k = bisect.bisect_left(self.through, total)
        if k == len(self.through):
            return None
        return self.starts[k] + total - self.before[k]

    def is_working(self, instant: int) -> bool:
        """Whether ``instant`` lies inside a working interval."""
        k = bisect.bisect_right(self.starts, instant) - 1
        return k >= 0 and instant < self.ends[k]

    def intervals(self, low: int, high: int) -> list[tuple[int, int]]:
        """The working intervals meeting ``[low, high)``, not clipped."""
        k = max(bisect.bisect_right(self.starts, low) - 1, 0)
        found = []
        while k < len(self.starts) and self.starts[k] < high:
            if self.ends[k] > low:
                found.append((self.starts[k], self.ends[k]))
            k += 1
        return found


class DayTable:
    """The lazily grown working time of one calendar.

    ``day_start(d)`` is the instant at which local date ``d`` begins and ``day_windows(d)``
    its working intervals; a date owns ``[day_start(d), day_start(d + 1))`` and its windows
    are clipped to that, so no instant is counted twice. Growing replaces the span in one
    assignment: readers holding an older span stay consistent.
    """

    def __init__(
        self,
        day_start: Callable[[int], int],
        day_windows: Callable[[int], Iterable[tuple[int, int]]],
    ) -> None:
        self._day_start = day_start
        self._day_windows = day_windows
        self._span: Span | None = None

    def covering(self, *instants: int) -> Span:
        """A span whose range contains every instant given (growing the table if needed)."""
        low, high = min(instants), max(instants)
        # A local date is within a day of the UTC date of its instants: two days of margin.
        low_day, high_day = low // DAY_S + EPOCH_ORDINAL - 2, high // DAY_S + EPOCH_ORDINAL + 2
        span = self._span
        if span is None:
            span = self._grow(low_day - CHUNK_DAYS, high_day + CHUNK_DAYS)
        if low < span.begin:
            span = self._grow(min(span.first, low_day) - CHUNK_DAYS, span.last)
        if high >= span.end:
            span = self._grow(span.first, max(span.last, high_day) + CHUNK_DAYS)
        if not (span.covers(low) and span.covers(high)):
            raise ValueError("instant too close to year 1 or year 9999 to compute working time")
        return span

    def grow_forward(self) -> Span:
        """Double the computed range forwards (for targets that run past it)."""
        span = self._span
        if span is None or span.last >= LAST_ORDINAL:
            raise ValueError("working time runs past the supported range of dates (year 9999)")
        return self._grow(span.first, span.last + max(CHUNK_DAYS, span.last - span.first))

    def _grow(self, first: int, last: int) -> Span:
        old = self._span
        if old is not None:
            first, last = min(first, old.first), max(last, old.last)
        first, last = max(first, FIRST_ORDINAL), min(last, LAST_ORDINAL)
        if old is None:
            starts, ends, begin, end = self._compute(first, last)
        else:
            starts, ends, begin, _ = self._compute(first, old.first)
            _join(starts, ends, old.starts, old.ends)
            tail_starts, tail_ends, _, end = self._compute(old.last, last)
            _join(starts, ends, tail_starts, tail_ends)
        before: list[int] = []
        through: list[int] = []
        running = 0
        for start, stop in zip(starts, ends, strict=True):
            before.append(running)
            running += stop - start
            through.append(running)
        self._span = Span(first, last, begin, end, starts, ends, before, through)
        return self._span

    def _compute(self, first: int, last: int) -> tuple[list[int], list[int], int, int]:
        """Working intervals of dates ``[first, last)``, joined; and where the range begins/ends."""
        bounds = [self._day_start(ordinal) for ordinal in range(first, last + 1)]
        starts: list[int] = []
        ends: list[int] = []
        for index, ordinal in enumerate(range(first, last)):
            begin, end = bounds[index], bounds[index + 1]
            if end < begin:
                raise ValueError(
                    f"local date {date.fromordinal(ordinal + 1)} begins before the date "
                    "ahead of it ends (a time zone change of more than a day)"
                )
            for start, stop in sorted(self._day_windows(ordinal)):
                start, stop = max(start, begin), min(stop, end)
                if start >= stop:
                    continue
                if ends and start <= ends[-1]:
                    ends[-1] = max(ends[-1], stop)
                else:
                    starts.append(start)
                    ends.append(stop)
        return starts, ends, bounds[0], bounds[-1]


def _join(starts: list[int], ends: list[int], more_starts: list[int], more_ends: list[int]) -> None:
    """Append later intervals to earlier ones in place, merging where they touch."""
    if ends and more_starts and more_starts[0] <= ends[-1]:
        ends[-1] = max(ends[-1], more_ends[0])
        more_starts, more_ends = more_starts[1:], more_ends[1:]
    starts.extend(more_starts)
    ends.extend(more_ends)
