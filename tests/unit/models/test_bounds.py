"""Bounds of instants, durations, periods and numbers: absurd values are refused, not
overflowed later."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from generator.models.common import parse_duration, parse_period
from generator.models.instant_range import DEFAULT_RANGE, InstantRange, range_problem
from generator.records.stand_ins import OutOfRangeNumber
from generator.records.yaml_fast import load

RANGE_TEXT = "1970-01-01T00:00:00Z to 2200-01-01T00:00:00Z"


@pytest.mark.parametrize(
    "value",
    [
        datetime(1969, 12, 31, 23, 59, 59, tzinfo=UTC),
        datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=14))),
        datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-14))),
        datetime(2200, 1, 1, 0, 0, 1, tzinfo=UTC),
        date(1969, 12, 31),
        date(9999, 12, 31),
    ],
)
def test_instants_outside_the_default_range_are_refused(value: datetime | date) -> None:
    assert range_problem(value) == (
        f"{value.isoformat()} is outside the range of instants allowed ({RANGE_TEXT}); "
        "write a time in that range, or widen instant_range in servicebook.yml"
    )


@pytest.mark.parametrize(
    "value",
    [
        datetime(1970, 1, 1, tzinfo=UTC),
        datetime(1970, 1, 1, 1, 0, tzinfo=timezone(timedelta(hours=1))),
        datetime(2200, 1, 1, tzinfo=UTC),
        date(1970, 1, 1),
        date(2200, 1, 1),
    ],
)
def test_the_ends_of_the_range_are_allowed(value: datetime | date) -> None:
    assert range_problem(value) is None


def test_an_offset_decides_which_side_of_the_bound_an_instant_is_on() -> None:
    # 1970-01-01T00:30 at +01:00 is 1969-12-31T23:30Z
    assert range_problem(datetime(1970, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1))))
    narrow = InstantRange(date(2026, 1, 1), date(2027, 1, 1))
    assert range_problem(datetime(2025, 12, 31, 23, 0, tzinfo=UTC), narrow) is not None
    assert range_problem(datetime(2026, 6, 1, tzinfo=UTC), narrow) is None
    assert DEFAULT_RANGE.describe() == RANGE_TEXT


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "87601h",
            "'87601h' is longer than 10 years, the longest allowed; "
            "write at most 87600h, e.g. '4h' or '720h'",
        ),
        (
            "9" * 5000 + "h",
            "'" + "9" * 37 + "...' is longer than 10 years, the longest allowed; "
            "write at most 87600h, e.g. '4h' or '720h'",
        ),
        ("-4h", "'-4h' is not a duration; write e.g. '30m', '4h', '1h30m' or 'PT4H'"),
        ("0m", "'0m' is zero; a duration must be longer than 0s"),
    ],
)
def test_durations_are_positive_and_at_most_ten_years(text: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_duration(text)
    assert str(error.value) == message


def test_ten_years_is_the_longest_duration() -> None:
    assert parse_duration("87600h") == 87_600 * 3600


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "P9999999999Y",
            "'P9999999999Y' is longer than 10 years, the longest allowed; "
            "write a shorter period, e.g. 'P1Y' or 'P6M'",
        ),
        (
            "P11Y",
            "'P11Y' is longer than 10 years, the longest allowed; "
            "write a shorter period, e.g. 'P1Y' or 'P6M'",
        ),
        ("P0D", "'P0D' is zero; a period must be longer than 0 days"),
    ],
)
def test_periods_are_positive_and_at_most_ten_years(text: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_period(text)
    assert str(error.value) == message


def test_ten_years_is_the_longest_period() -> None:
    assert str(parse_period("P10Y")) == "P10Y"
    assert str(parse_period("P120M")) == "P120M"


@pytest.mark.parametrize(
    "text", ["9" * 5000, "1000000000000000", "-1000000000000000", "1.0e+400", ".inf", ".nan"]
)
def test_numbers_out_of_range_are_read_as_a_stand_in(text: str) -> None:
    assert load(f"n: {text}") == {"n": OutOfRangeNumber(text)}


def test_ordinary_numbers_are_read_as_before() -> None:
    assert load("a: 999999999999999\nb: -60\nc: 0.75\nd: 0x1F\ne: 1_000") == {
        "a": 999_999_999_999_999,
        "b": -60,
        "c": 0.75,
        "d": 31,
        "e": 1000,
    }


def test_the_stand_in_says_what_to_write() -> None:
    assert OutOfRangeNumber("9" * 5000).message() == (
        "a number of 5000 characters is out of range; numbers in records are below "
        "1,000,000,000,000,000 (15 digits) and finite"
    )
    assert OutOfRangeNumber("1e400").message() == (
        "1e400 is out of range; numbers in records are below "
        "1,000,000,000,000,000 (15 digits) and finite"
    )
