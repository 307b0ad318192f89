"""Types shared by the record models: identifiers, durations, periods, timestamps.

Durations (``30m``, ``4h``, ``1h30m``, ISO ``PT4H``) become whole seconds; periods
(``P3M``, ``P1Y``, ``P2W``, ``P30D``) are calendar periods for review cycles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    WithJsonSchema,
)

from generator.models.instant_range import check_in_range

ID_PATTERN = r"^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*$"
_ID_RE = re.compile(ID_PATTERN)


def _check_id(value: Any) -> Any:
    if isinstance(value, str) and not _ID_RE.match(value):
        raise ValueError(
            f"'{value}' is not a plain identifier; use letters, digits, '-', '_' and "
            "single dots only (no '/', '..' or spaces), e.g. REQ-20261120-7F3A"
        )
    return value


RecordId = Annotated[
    str,
    BeforeValidator(_check_id),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN}),
]
"""A record identifier: a plain file-name-safe word, no path separators."""


class RecordModel(BaseModel):
    """Base of every record and nested value: frozen, unknown fields forbidden."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Record(RecordModel):
    """Fields common to every record kind."""

    id: RecordId = Field(description="Unique identifier; equals the file name without `.md`.")
    title: str = Field(min_length=1, description="Human-readable name shown on the site.")


_DURATION_RE = re.compile(r"^(?:(?P<h>\d+)h)?(?:(?P<m>\d+)m)?(?:(?P<s>\d+)s)?$")
_ISO_DURATION_RE = re.compile(r"^PT(?:(?P<h>\d+)H)?(?:(?P<m>\d+)M)?(?:(?P<s>\d+)S)?$")
DURATION_PATTERN = r"^(?:\d+h)?(?:\d+m)?(?:\d+s)?$|^PT(?:\d+H)?(?:\d+M)?(?:\d+S)?$"


MAX_DURATION_S = 87_600 * 3600
"""The longest duration or period a record may give: ten years (87600h), far beyond any
service target, so the clocks and calendars never compute past the instant range."""
MAX_PERIOD_MONTHS = 120
MAX_DIGITS = 9
LIMIT_WORDS = "longer than 10 years, the longest allowed"
_DURATION_FIX = "write at most 87600h, e.g. '4h' or '720h'"


def parse_duration(value: Any) -> Any:
    """``'1h30m'`` or ``'PT1H30M'`` → 5400 (seconds); other input is left to fail."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return value
    if isinstance(value, int):
        raise ValueError(
            f"{value} has no unit; write a duration such as '30m', '4h', '1h30m' or 'PT4H'"
        )
    text = value.strip()
    match = _DURATION_RE.match(text) or _ISO_DURATION_RE.match(text)
    if not text or text == "PT" or match is None:
        hint = ""
        if re.match(r"^\d+\s*d(ays?)?$|^P\d+D$", text):
            hint = " (days are ambiguous in business time: write hours, e.g. '16h')"
        raise ValueError(
            f"'{value}' is not a duration{hint}; write e.g. '30m', '4h', '1h30m' or 'PT4H'"
        )
    if any(len(match.group(g) or "") > MAX_DIGITS for g in ("h", "m", "s")):
        raise ValueError(f"'{_short(text)}' is {LIMIT_WORDS}; {_DURATION_FIX}")
    hours, minutes, seconds = (int(match.group(g) or 0) for g in ("h", "m", "s"))
    total = hours * 3600 + minutes * 60 + seconds
    if total <= 0:
        raise ValueError(f"'{value}' is zero; a duration must be longer than 0s")
    if total > MAX_DURATION_S:
        raise ValueError(f"'{value}' is {LIMIT_WORDS}; {_DURATION_FIX}")
    return total


def _short(text: str) -> str:
    return text if len(text) <= 40 else text[:37] + "..."


def format_duration(seconds: int) -> str:
    """5400 → ``'1h30m'``: the canonical written form of a duration."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    parts = [
        f"{hours}h" if hours else "",
        f"{minutes}m" if minutes else "",
        f"{secs}s" if secs else "",
    ]
    return sign + ("".join(parts) or "0s")


Duration = Annotated[
    int,
    BeforeValidator(parse_duration),
    PlainSerializer(format_duration, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": DURATION_PATTERN,
            "examples": ["30m", "4h", "1h30m", "PT4H"],
        }
    ),
]
"""A length of (business) time in whole seconds, written ``30m``, ``4h`` or ``PT4H``."""


@dataclass(frozen=True)
class Period:
    """A calendar period (years, months, days) for review cycles, e.g. ``P3M``."""

    years: int = 0
    months: int = 0
    days: int = 0

    def after(self, start: date) -> date:
        """The date one period after ``start`` (month ends are clamped: Jan 31 + P1M = Feb 28)."""
        month_index = start.month - 1 + self.months + 12 * self.years
        year, month = start.year + month_index // 12, month_index % 12 + 1
        day = min(start.day, _days_in_month(year, month))
        return date.fromordinal(date(year, month, day).toordinal() + self.days)

    def __str__(self) -> str:
        parts = [f"{self.years}Y" if self.years else "", f"{self.months}M" if self.months else ""]
        parts.append(f"{self.days}D" if self.days or not any(parts) else "")
        return "P" + "".join(parts)


def _days_in_month(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following.toordinal() - date(year, month, 1).toordinal()


_PERIOD_RE = re.compile(r"^P(?:(?P<y>\d+)Y)?(?:(?P<mo>\d+)M)?(?:(?P<w>\d+)W)?(?:(?P<d>\d+)D)?$")
PERIOD_PATTERN = r"^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?$"


def parse_period(value: Any) -> Any:
    """``'P3M'`` → ``Period(months=3)``."""
    if isinstance(value, Period):
        return value
    match = _PERIOD_RE.match(value) if isinstance(value, str) else None
    if match is None or value == "P":
        raise ValueError(
            f"'{value}' is not a period; write an ISO 8601 period such as 'P3M' "
            "(3 months), 'P1Y', 'P2W' or 'P30D'"
        )
    too_long = f"'{_short(value)}' is {LIMIT_WORDS}; write a shorter period, e.g. 'P1Y' or 'P6M'"
    if any(len(match.group(g) or "") > MAX_DIGITS for g in ("y", "mo", "w", "d")):
        raise ValueError(too_long)
    years, months, weeks, days = (int(match.group(g) or 0) for g in ("y", "mo", "w", "d"))
    if not (years or months or weeks or days):
        raise ValueError(f"'{value}' is zero; a period must be longer than 0 days")
    if 12 * years + months + (days + 7 * weeks) / 31 > MAX_PERIOD_MONTHS:
        raise ValueError(too_long)
    return Period(years=years, months=months, days=days + 7 * weeks)


PeriodField = Annotated[
    Period,
    BeforeValidator(parse_period),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": PERIOD_PATTERN, "examples": ["P3M", "P1Y"]}),
]


Timestamp = Annotated[AwareDatetime, AfterValidator(check_in_range)]
"""An instant with an explicit UTC offset or ``Z``, inside the instant range; naive
timestamps are errors."""

Day = Annotated[date, AfterValidator(check_in_range)]
"""A calendar date inside the instant range (``YYYY-MM-DD``)."""


class Review(RecordModel):
    """A periodic review cycle: how often, and when it last happened."""

    interval: PeriodField = Field(description="How often to review, ISO 8601 period, e.g. P3M.")
    last: Day | None = Field(default=None, description="Date of the last completed review.")

    def due(self) -> date | None:
        """The date the next review is due, or None when never reviewed."""
        return None if self.last is None else self.interval.after(self.last)


def as_list(value: Any) -> Any:
    """Accept a single value where a list is expected (``priority: P1`` = ``[P1]``)."""
    if isinstance(value, str | int):
        return [value]
    return value
