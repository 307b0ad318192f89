"""Working time: exact values, DST days, versions, and properties against a slow reference."""

from __future__ import annotations

import functools
import itertools
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.sla.working_time import CalendarVersion, WeeklyHours, WorkCalendar

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
HOUR = 3600
DAY = 86_400
CLOSED: tuple[tuple[int, int], ...] = ()

Windows = tuple[tuple[int, int], ...]


def hm(hours: int, minutes: int = 0) -> int:
    return hours * HOUR + minutes * 60


def weekly(*days: Windows) -> WeeklyHours:
    return WeeklyHours(days=tuple(days))


def every_day(*windows: tuple[int, int]) -> WeeklyHours:
    return weekly(*(tuple(windows),) * 7)


def workdays(*windows: tuple[int, int], saturday: Windows = CLOSED) -> WeeklyHours:
    return weekly(*(tuple(windows),) * 5, saturday, CLOSED)


def calendar(
    hours: WeeklyHours, zone: str = "Europe/Berlin", holidays: tuple[date, ...] = ()
) -> WorkCalendar:
    return WorkCalendar("test", [CalendarVersion(date.min, zone, hours, frozenset(holidays))])


def local(text: str, zone: ZoneInfo = BERLIN, fold: int = 0) -> datetime:
    """A local wall time as a UTC instant (an aware datetime in a repeated hour never compares
    equal to one in another zone, PEP 495)."""
    return datetime.fromisoformat(text).replace(tzinfo=zone, fold=fold).astimezone(UTC)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


OFFICE = workdays((hm(8), hm(18)))
ALL_DAY = every_day((0, DAY))
OFFICE_BERLIN = calendar(OFFICE, holidays=(date(2025, 12, 25), date(2026, 5, 1)))


# --- exact values -------------------------------------------------------------------------


def test_office_hours_over_a_weekend() -> None:
    start, end = local("2025-03-14 16:00"), local("2025-03-17 10:00")  # Friday → Monday
    assert OFFICE_BERLIN.business_seconds(start, end) == 4 * HOUR
    assert OFFICE_BERLIN.add_business_seconds(start, 4 * HOUR) == end


def test_whole_week_and_holiday() -> None:
    week = (local("2025-12-22 00:00"), local("2025-12-29 00:00"))  # Thursday 25th closed
    assert OFFICE_BERLIN.business_seconds(*week) == 40 * HOUR


def test_lunch_gap() -> None:
    lunch = calendar(workdays((hm(8), hm(12)), (hm(13), hm(17))))
    start = local("2025-03-17 11:00")
    assert lunch.business_seconds(start, local("2025-03-17 14:00")) == 2 * HOUR
    assert lunch.add_business_seconds(start, HOUR) == local("2025-03-17 12:00")
    assert lunch.add_business_seconds(start, HOUR + 1) == local("2025-03-17 13:00:01")
    assert not lunch.is_working(local("2025-03-17 12:30"))
    assert lunch.windows_between(start, local("2025-03-17 14:00")) == [
        (local("2025-03-17 11:00"), local("2025-03-17 12:00")),
        (local("2025-03-17 13:00"), local("2025-03-17 14:00")),
    ]


def test_target_used_up_at_closing_time_is_due_at_closing_time() -> None:
    due = OFFICE_BERLIN.add_business_seconds(local("2025-03-17 08:00"), 10 * HOUR)
    assert due == local("2025-03-17 18:00")
    assert due.tzinfo is UTC
    assert OFFICE_BERLIN.add_business_seconds(local("2025-03-17 08:00"), 10 * HOUR + 1) == (
        local("2025-03-18 08:00:01")
    )


def test_start_in_the_evening_rolls_to_next_morning() -> None:
    evening = local("2025-03-17 20:00")
    assert OFFICE_BERLIN.add_business_seconds(evening, HOUR) == local("2025-03-18 09:00")
    assert OFFICE_BERLIN.add_business_seconds(evening, 0) == evening
    assert OFFICE_BERLIN.business_seconds(evening, local("2025-03-18 08:00")) == 0


NIGHTS = weekly(((hm(22), DAY),), ((0, hm(6)),), CLOSED, CLOSED, CLOSED, CLOSED, CLOSED)


def test_overnight_window_across_two_days_joins() -> None:
    nights = calendar(NIGHTS)
    monday_evening, tuesday_morning = local("2025-03-17 21:00"), local("2025-03-18 07:00")
    assert nights.business_seconds(monday_evening, tuesday_morning) == 8 * HOUR
    assert nights.add_business_seconds(monday_evening, 3 * HOUR) == local("2025-03-18 01:00")
    assert nights.windows_between(monday_evening, tuesday_morning) == [
        (local("2025-03-17 22:00"), local("2025-03-18 06:00"))
    ]


def test_overnight_window_across_a_holiday() -> None:
    tuesday_off = calendar(NIGHTS, holidays=(date(2025, 3, 18),))
    monday_off = calendar(NIGHTS, holidays=(date(2025, 3, 17),))
    night = (local("2025-03-17 21:00"), local("2025-03-18 07:00"))
    assert tuesday_off.business_seconds(*night) == 2 * HOUR
    assert monday_off.business_seconds(*night) == 6 * HOUR
    assert tuesday_off.add_business_seconds(night[0], 2 * HOUR + 1) == local("2025-03-24 22:00:01")


def test_overnight_window_joins_when_midnight_repeats() -> None:
    havana = ZoneInfo("America/Havana")
    saturday_night = weekly(*(CLOSED,) * 5, ((hm(22), DAY),), ((0, hm(6)),))
    nights = calendar(saturday_night, "America/Havana")
    night = (local("2025-11-01 20:00", havana), local("2025-11-02 08:00", havana))
    assert nights.business_seconds(*night) == 9 * HOUR
    assert nights.windows_between(*night) == [
        (local("2025-11-01 22:00", havana), local("2025-11-02 06:00", havana))
    ]


def test_holiday_on_a_weekend_changes_nothing() -> None:
    with_saturday = calendar(OFFICE, holidays=(date(2025, 12, 27),))
    plain = calendar(OFFICE)
    span = (local("2025-12-20 00:00"), local("2026-01-05 00:00"))
    assert with_saturday.business_seconds(*span) == plain.business_seconds(*span) == 100 * HOUR


@pytest.mark.parametrize(
    ("zone", "day", "hours"),
    [
        ("Europe/Berlin", "2026-03-29", 23),
        ("Europe/Berlin", "2026-10-25", 25),
        ("Europe/Berlin", "2026-10-26", 24),
        ("America/New_York", "2026-03-08", 23),
        ("America/New_York", "2026-11-01", 25),
        ("America/Havana", "2025-03-08", 24),  # Cuba changes clocks at midnight:
        ("America/Havana", "2025-03-09", 23),  # 00:00 does not exist on this day,
        ("America/Havana", "2025-11-01", 24),
        ("America/Havana", "2025-11-02", 25),  # and happens twice on this one.
    ],
)
def test_dst_days_in_24x7(zone: str, day: str, hours: int) -> None:
    tz = ZoneInfo(zone)
    start = local(f"{day} 00:00", tz)
    end = local(f"{date.fromisoformat(day) + timedelta(days=1)} 00:00", tz)
    always = WorkCalendar.always(timezone=zone)
    assert always.business_seconds(start, end) == hours * HOUR
    assert always.windows_between(start, end) == [(start, end)]
    assert always.add_business_seconds(start, hours * HOUR) == end


@pytest.mark.parametrize(
    ("start", "end", "day", "seconds"),
    [
        (hm(0), hm(6), "2026-10-25", 7 * HOUR),  # fall-back night: repeated hour counts twice
        (hm(0), hm(6), "2026-03-29", 5 * HOUR),  # spring-forward night: skipped hour not at all
        (hm(2), hm(3), "2026-03-29", 0),  # entirely inside the gap
        (hm(2, 30), hm(4), "2026-03-29", HOUR),  # starts in the gap: at the transition
        (hm(1), hm(4), "2026-10-25", 4 * HOUR),
        (hm(2, 30), hm(2, 45), "2026-10-25", hm(1, 15)),  # first 02:30 → second 02:45
        (hm(0), hm(2, 30), "2026-10-25", hm(3, 30)),  # ends at the second 02:30
        (hm(2, 30), DAY, "2026-10-25", hm(22, 30)),  # starts at the first 02:30
    ],
)
def test_window_boundaries_on_dst_days(start: int, end: int, day: str, seconds: int) -> None:
    every_day_window = calendar(every_day((start, end)))
    whole_day = (local(f"{day} 00:00"), local(f"{date.fromisoformat(day) + timedelta(days=1)}"))
    assert every_day_window.business_seconds(*whole_day) == seconds


def test_repeated_hour_order_of_instants() -> None:
    night = calendar(every_day((0, hm(6))))
    first, second = local("2026-10-25 02:30", fold=0), local("2026-10-25 02:30", fold=1)
    assert night.business_seconds(first, second) == HOUR
    assert night.add_business_seconds(local("2026-10-25 00:00"), hm(3, 30)) == second
    assert night.is_working(second)


def test_version_change_while_a_clock_runs() -> None:
    changed = WorkCalendar(
        "office",
        [
            CalendarVersion(date(2025, 3, 19), "Europe/Berlin", workdays((hm(9), hm(17)))),
            CalendarVersion(date.min, "Europe/Berlin", OFFICE),
        ],
    )
    monday, friday = local("2025-03-17 08:00"), local("2025-03-21 18:00")
    assert changed.business_seconds(monday, friday) == (10 + 10 + 8 + 8 + 8) * HOUR
    assert changed.add_business_seconds(monday, 21 * HOUR) == local("2025-03-19 10:00")
    assert changed.versions[0].effective == date.min


def test_first_version_also_covers_earlier_dates() -> None:
    late = WorkCalendar("late", [CalendarVersion(date(2030, 1, 1), "Europe/Berlin", OFFICE)])
    assert late.business_seconds(local("2025-03-17 00:00"), local("2025-03-18 00:00")) == 10 * HOUR


def test_time_zone_change_between_versions_counts_no_instant_twice() -> None:
    moved = WorkCalendar(
        "moved",
        [
            CalendarVersion(date.min, "America/New_York", ALL_DAY),
            CalendarVersion(date(2025, 3, 18), "Europe/Berlin", ALL_DAY),
        ],
    )
    moved_west = WorkCalendar(
        "moved west",
        [
            CalendarVersion(date.min, "Europe/Berlin", ALL_DAY),
            CalendarVersion(date(2025, 3, 18), "America/New_York", ALL_DAY),
        ],
    )
    span = (utc("2025-03-17 00:00"), utc("2025-03-19 00:00"))
    # Berlin's Tuesday begins 5 h before New York's Monday ends: those hours are Tuesday's.
    assert moved.business_seconds(*span) == 48 * HOUR
    # New York's Tuesday begins 5 h after Berlin's Monday ends: those hours are no one's.
    assert moved_west.business_seconds(*span) == 43 * HOUR
    assert moved_west.windows_between(*span) == [
        (utc("2025-03-17 00:00"), utc("2025-03-17 23:00")),
        (utc("2025-03-18 04:00"), utc("2025-03-19 00:00")),
    ]


def test_new_york_office() -> None:
    office = calendar(workdays((hm(9), hm(17))), "America/New_York")
    friday = local("2026-03-06 16:00", NEW_YORK)  # EST; Sunday 8 March springs forward
    due = office.add_business_seconds(friday, 2 * HOUR)
    assert due == local("2026-03-09 10:00", NEW_YORK) == utc("2026-03-09 14:00")
    assert office.business_seconds(friday, due) == 2 * HOUR


def test_sub_second_instants_are_truncated() -> None:
    always = WorkCalendar.always()
    start = utc("2025-03-17 10:00:00.900000")
    assert always.business_seconds(start, utc("2025-03-17 10:00:01.100000")) == 1
    assert always.add_business_seconds(start, 5) == utc("2025-03-17 10:00:05")
    assert always.windows_between(start, utc("2025-03-17 10:00:01.100000")) == [
        (start, utc("2025-03-17 10:00:01.100000"))
    ]


def test_answers_do_not_depend_on_what_was_asked_before() -> None:
    instants = [utc(f"{year}-{month:02}-1{month} 0{month}:00") for year in (2024, 2031, 2019)
                for month in (3, 5, 8)]  # fmt: skip
    forward, backward = calendar(OFFICE), calendar(OFFICE)
    pairs = list(itertools.pairwise(instants))
    seen_forward = [forward.business_seconds(min(p), max(p)) for p in pairs]
    seen_backward = [backward.business_seconds(min(p), max(p)) for p in reversed(pairs)]
    assert seen_forward == list(reversed(seen_backward))


def test_invalid_input_is_refused() -> None:
    with pytest.raises(ValueError, match="7 days"):
        WeeklyHours(days=((),))
    with pytest.raises(ValueError, match="must not overlap"):
        weekly(((0, hm(10)), (hm(9), hm(12))), *(CLOSED,) * 6)
    with pytest.raises(ValueError, match="0 <= start < end <= 86400"):
        weekly(((hm(10), hm(10)),), *(CLOSED,) * 6)
    with pytest.raises(ValueError, match=r"day 0: 0 is not a \(start_s, end_s\) pair"):
        WeeklyHours(days=((0, HOUR),) * 7)  # type: ignore[arg-type]  # one tuple level short
    with pytest.raises(ValueError, match="unknown time zone"):
        CalendarVersion(date.min, "Mars/Olympus", OFFICE)
    with pytest.raises(ValueError, match="moves midnight back by more than a day"):
        WorkCalendar(
            "date line",
            [
                CalendarVersion(date.min, "Etc/GMT+12", OFFICE),
                CalendarVersion(date(2025, 3, 18), "Pacific/Kiritimati", OFFICE),
            ],
        )
    with pytest.raises(ValueError, match="no versions"):
        WorkCalendar("empty", [])
    with pytest.raises(ValueError, match="no time zone"):
        OFFICE_BERLIN.business_seconds(datetime(2025, 1, 1), utc("2025-01-02 00:00"))
    with pytest.raises(ValueError, match="negative"):
        OFFICE_BERLIN.add_business_seconds(utc("2025-01-02 00:00"), -1)


def test_closed_calendar_never_uses_up_a_target() -> None:
    closing = WorkCalendar(
        "closing",
        [
            CalendarVersion(date.min, "UTC", OFFICE),
            CalendarVersion(date(2025, 3, 18), "UTC", weekly(*(CLOSED,) * 7)),
        ],
    )
    assert closing.add_business_seconds(utc("2025-03-17 17:00"), HOUR) == utc("2025-03-17 18:00")
    with pytest.raises(ValueError, match="no working time after 2025-03-18"):
        closing.add_business_seconds(utc("2025-03-17 17:00"), HOUR + 1)


# --- reference implementation: slow, plain datetime arithmetic, one day at a time ----------


@functools.cache
def reference_instant(zone: ZoneInfo, day: date, seconds: int, *, is_end: bool) -> datetime:
    """A local wall time as an instant, by the rules in the module docstring."""
    if seconds == DAY:
        day, seconds, is_end = day + timedelta(days=1), 0, False
    wall = datetime.combine(day, time()) + timedelta(seconds=seconds)
    candidates = [wall.replace(tzinfo=zone, fold=fold).astimezone(UTC) for fold in (0, 1)]
    real = [c for c in candidates if c.astimezone(zone).replace(tzinfo=None) == wall]
    if real:
        return max(real) if is_end else min(real)
    moment = min(candidates)  # skipped: walk to the first second whose clock is past `wall`
    while moment.astimezone(zone).replace(tzinfo=None) <= wall:
        moment += timedelta(seconds=1)
    return moment


def reference_windows(
    work: WorkCalendar, start: datetime, end: datetime
) -> list[tuple[datetime, datetime]]:
    start, end = start.astimezone(UTC), end.astimezone(UTC)

    def version(day: date) -> CalendarVersion:
        in_force = [v for v in work.versions if v.effective <= day]
        return in_force[-1] if in_force else work.versions[0]

    def midnight(day: date) -> datetime:
        return reference_instant(ZoneInfo(version(day).timezone), day, 0, is_end=False)

    pieces = []
    day = start.astimezone(UTC).date() - timedelta(days=2)
    while day <= end.astimezone(UTC).date() + timedelta(days=2):
        hours, zone = version(day), ZoneInfo(version(day).timezone)
        for opens, closes in () if day in hours.holidays else hours.weekly.days[day.weekday()]:
            low = max(reference_instant(zone, day, opens, is_end=False), midnight(day), start)
            high = min(reference_instant(zone, day, closes, is_end=True), end)
            high = min(high, midnight(day + timedelta(days=1)))
            if low < high:
                pieces.append((low, high))
        day += timedelta(days=1)
    merged: list[tuple[datetime, datetime]] = []
    for low, high in sorted(pieces):
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    return merged


def reference_seconds(work: WorkCalendar, start: datetime, end: datetime) -> int:
    return sum(
        int((high - low).total_seconds()) for low, high in reference_windows(work, start, end)
    )


# --- properties ------------------------------------------------------------------------------

PROPERTY = settings(max_examples=200, deadline=None)
FIRST, LAST = utc("2024-01-01 00:00"), utc("2031-01-01 00:00")


def _dst_days() -> list[datetime]:
    days, day = [], FIRST
    while day < LAST:
        after = day + timedelta(days=1)
        if any(after.astimezone(z).dst() != day.astimezone(z).dst() for z in (BERLIN, NEW_YORK)):
            days.append(day)
        day = after
    return days


DST_DAYS = _dst_days()
instants = st.one_of(
    st.integers(0, int((LAST - FIRST).total_seconds())).map(lambda s: FIRST + timedelta(seconds=s)),
    st.builds(
        lambda day, quarter: day + timedelta(minutes=15 * quarter),
        st.sampled_from(DST_DAYS),
        st.integers(-4 * 36, 4 * 60),
    ),
    st.builds(
        lambda day, second: day + timedelta(seconds=second),
        st.sampled_from(DST_DAYS),
        st.integers(-2 * DAY, 3 * DAY),
    ),
)
SHIFT: Windows = ((0, hm(2, 30)), (hm(2, 45), hm(4)), (hm(22), DAY))
SHIFTS = weekly(*(SHIFT,) * 5, CLOSED, ((0, hm(6)), (hm(12), hm(13))))
MAY_DAY = date(2025, 5, 1)
SHORTER_WITH_SATURDAY = workdays((hm(9), hm(17)), saturday=((hm(10), hm(14)),))
CALENDARS = [
    OFFICE_BERLIN,
    calendar(workdays((hm(9), hm(12)), (hm(13), hm(17))), "America/New_York", (date(2026, 7, 3),)),
    calendar(SHIFTS, holidays=(date(2026, 10, 25), date(2027, 3, 28))),
    WorkCalendar(
        "versioned",
        [
            CalendarVersion(date(2025, 1, 1), "Europe/Berlin", OFFICE, frozenset({MAY_DAY})),
            CalendarVersion(date(2026, 4, 1), "Europe/Berlin", SHORTER_WITH_SATURDAY),
            CalendarVersion(date(2028, 3, 1), "America/New_York", ALL_DAY),
            CalendarVersion(date(2029, 7, 4), "Europe/Berlin", SHIFTS),
        ],
    ),
    WorkCalendar.always(),
    WorkCalendar.always(timezone="Europe/Berlin"),
    WorkCalendar.always(timezone="America/New_York"),
]
calendars = st.sampled_from(CALENDARS)
ALWAYS = [work for work in CALENDARS if work.calendar_id == "24x7"]


@PROPERTY
@given(calendars, st.lists(instants, min_size=3, max_size=3))
def test_monotonic_and_additive(work: WorkCalendar, points: list[datetime]) -> None:
    a, b, c = sorted(points)
    assert 0 <= work.business_seconds(a, b) <= work.business_seconds(a, c)
    assert work.business_seconds(a, c) == work.business_seconds(a, b) + work.business_seconds(b, c)
    assert work.business_seconds(a, b) <= (b - a).total_seconds()
    assert work.business_seconds(c, a) == 0


@PROPERTY
@given(calendars, instants, st.integers(0, 400 * DAY))
def test_add_is_the_earliest_inverse(work: WorkCalendar, start: datetime, seconds: int) -> None:
    due = work.add_business_seconds(start, seconds)
    assert due >= start
    assert work.business_seconds(start, due) == seconds
    if seconds:
        assert work.business_seconds(start, due - timedelta(seconds=1)) == seconds - 1


@PROPERTY
@given(calendars, instants, instants)
def test_add_of_measured_time_is_not_later(work: WorkCalendar, a: datetime, b: datetime) -> None:
    start, end = min(a, b), max(a, b)
    assert work.add_business_seconds(start, work.business_seconds(start, end)) <= end


@PROPERTY
@given(st.sampled_from(ALWAYS), instants, instants)
def test_24x7_is_real_elapsed_time(work: WorkCalendar, a: datetime, b: datetime) -> None:
    start, end = min(a, b), max(a, b)
    assert work.business_seconds(start, end) == (end - start).total_seconds()


@PROPERTY
@given(calendars, instants, st.integers(0, 40 * DAY), st.sampled_from([UTC, BERLIN, NEW_YORK]))
def test_matches_reference(
    work: WorkCalendar, start: datetime, length: int, shown_in: ZoneInfo
) -> None:
    end = (start + timedelta(seconds=length)).astimezone(shown_in)
    start = start.astimezone(shown_in)
    expected = reference_windows(work, start, end)
    assert work.business_seconds(start, end) == reference_seconds(work, start, end)
    assert work.windows_between(start, end) == expected
    assert work.is_working(start) == bool(
        reference_windows(work, start, start.astimezone(UTC) + timedelta(seconds=1))
    )
