"""Calendar records as working-time calendars: windows, holidays, versions, the book."""

from __future__ import annotations

from datetime import date

import pytest

from generator.sla.calendars import CalendarBook, holiday_dates, weekly_hours, work_calendar
from tests.unit.sla.sla_models import calendar_record, utc

H = 3600


def test_windows_become_sorted_seconds_per_weekday_monday_first() -> None:
    hours = weekly_hours({"fri": ["13:00-18:00", "08:00-12:00"], "sun": ["00:00-24:00"]})
    assert hours.days == ((), (), (), (), ((8 * H, 12 * H), (13 * H, 18 * H)), (), ((0, 24 * H),))


def test_overlapping_windows_are_joined_and_backward_ones_left_out() -> None:
    # Both are reported by the SLA checks; the calendar still computes something sensible.
    hours = weekly_hours({"mon": ["08:00-12:00", "11:00-13:00", "18:00-06:00", "09:00-09:00"]})
    assert hours.days[0] == ((8 * H, 13 * H),)


def test_inactive_entries_win_over_country_holidays() -> None:
    record = calendar_record(
        country="DE",
        subdivision="BE",
        holidays=[
            {"date": "2026-12-24", "name": "Christmas Eve"},
            {"date": "2026-12-26", "active": False},
            date(2026, 6, 1),  # a bare date, as YAML reads `- 2026-06-01`
        ],
    )
    closed = holiday_dates(record, range(2026, 2027))
    assert {date(2026, 3, 8), date(2026, 12, 24), date(2026, 12, 25), date(2026, 6, 1)} <= closed
    assert date(2026, 12, 26) not in closed  # Berlin holiday, kept a working day
    assert date(2027, 1, 1) not in closed  # outside the years asked for


def test_an_unknown_country_adds_no_holidays() -> None:
    assert holiday_dates(calendar_record(country="XX"), range(2026, 2027)) == frozenset()


def test_versions_apply_from_their_date_in_their_zone() -> None:
    record = calendar_record(
        versions=[
            {"effective": "2026-07-01", "timezone": "UTC", "weekly": {"mon": ["08:00-09:00"]}}
        ]
    )
    work = work_calendar(record, range(2026, 2027))
    # Monday 2026-06-29, Berlin 08:00-18:00; Monday 2026-07-06, 08:00-09:00 UTC.
    assert work.business_seconds(utc("2026-06-29T00:00Z"), utc("2026-06-30T00:00Z")) == 10 * H
    assert work.business_seconds(utc("2026-07-06T00:00Z"), utc("2026-07-07T00:00Z")) == H
    assert work.is_working(utc("2026-07-06T08:30Z"))


def test_the_book_builds_each_calendar_once_and_knows_24x7() -> None:
    book = CalendarBook([calendar_record()], range(2026, 2027), default_timezone="Europe/Paris")
    office = book.get("office")
    assert office is not None and office is book.get("office")
    always = book.get("24x7")
    assert always is not None
    assert always.business_seconds(utc("2026-03-28T12:00Z"), utc("2026-03-29T12:00Z")) == 24 * H
    assert book.get("missing") is None
    assert (book.timezone("office"), book.timezone("24x7")) == ("Europe/Berlin", "Europe/Paris")


@pytest.mark.parametrize(
    ("start", "end", "seconds"),
    [
        ("2026-11-20T07:00Z", "2026-11-20T17:00Z", 10 * H),  # a Friday, Berlin 08:00-18:00
        ("2026-11-21T07:00Z", "2026-11-23T07:00Z", 0),  # the weekend
        ("2026-03-29T00:00Z", "2026-03-30T00:00Z", 0),  # Sunday of the spring change
    ],
)
def test_office_hours(start: str, end: str, seconds: int) -> None:
    work = work_calendar(calendar_record(), range(2026, 2027))
    assert work.business_seconds(utc(start), utc(end)) == seconds
