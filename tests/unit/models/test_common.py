"""Durations, periods and identifiers as users write them."""

from __future__ import annotations

from datetime import date

import pytest

from generator.models.common import Period, format_duration, parse_duration, parse_period


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30m", 1800),
        ("4h", 14400),
        ("1h30m", 5400),
        ("PT4H", 14400),
        ("PT1H30M", 5400),
        ("90s", 90),
        ("40h", 144000),
    ],
)
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1 hour", "'1 hour' is not a duration; write e.g. '30m', '4h', '1h30m' or 'PT4H'"),
        (
            "2d",
            "'2d' is not a duration (days are ambiguous in business time: write hours, "
            "e.g. '16h'); write e.g. '30m', '4h', '1h30m' or 'PT4H'",
        ),
        ("0m", "'0m' is zero; a duration must be longer than 0s"),
    ],
)
def test_bad_durations(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=None) as caught:
        parse_duration(text)
    assert str(caught.value) == message


def test_bare_number_needs_a_unit() -> None:
    with pytest.raises(ValueError) as caught:
        parse_duration(30)
    assert (
        str(caught.value)
        == "30 has no unit; write a duration such as '30m', '4h', '1h30m' or 'PT4H'"
    )


@pytest.mark.parametrize("seconds", [60, 5400, 14400, 90061])
def test_format_duration_round_trips(seconds: int) -> None:
    assert parse_duration(format_duration(seconds)) == seconds


def test_periods_clamp_month_ends() -> None:
    assert parse_period("P3M") == Period(months=3)
    assert Period(months=1).after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert Period(years=1).after(date(2024, 2, 29)) == date(2025, 2, 28)
    assert parse_period("P2W").after(date(2026, 11, 1)) == date(2026, 11, 15)
    assert str(parse_period("P1Y6M")) == "P1Y6M"


def test_bad_period() -> None:
    with pytest.raises(ValueError) as caught:
        parse_period("3 months")
    assert str(caught.value) == (
        "'3 months' is not a period; write an ISO 8601 period such as 'P3M' (3 months), "
        "'P1Y', 'P2W' or 'P30D'"
    )
