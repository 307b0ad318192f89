"""Business-hours calendar records (``records/calendars/<id>.md``).

Named ``calendar_record`` so it never shadows the standard library ``calendar``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema

from generator.models.common import Day, Record, RecordModel

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[Weekday, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WINDOW_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$"
_WINDOW_RE = re.compile(WINDOW_PATTERN)
BUILT_IN_24X7 = "24x7"


def _check_window(value: Any) -> Any:
    if isinstance(value, int):
        raise ValueError(
            "a time window must be quoted text; YAML read an unquoted time as a number. "
            'write it in quotes, e.g. "08:00-18:00"'
        )
    if isinstance(value, str) and not _WINDOW_RE.match(value.strip()):
        raise ValueError(
            f"'{value}' is not a time window; write \"HH:MM-HH:MM\" in 24-hour local time, "
            'e.g. "08:00-18:00" (use "24:00" as the end of the day)'
        )
    return value.strip() if isinstance(value, str) else value


Window = Annotated[
    str,
    BeforeValidator(_check_window),
    WithJsonSchema({"type": "string", "pattern": WINDOW_PATTERN, "examples": ["08:00-18:00"]}),
]


def window_seconds(window: str) -> tuple[int, int]:
    """``"08:00-18:00"`` → ``(28800, 64800)``: seconds from local midnight."""
    start, end = window.split("-")
    return _clock_seconds(start), _clock_seconds(end)


def _clock_seconds(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 3600 + int(minutes) * 60


class Holiday(RecordModel):
    """A local date on which the calendar is closed all day."""

    date: Day = Field(description="The local date, YYYY-MM-DD.")
    name: str = Field(default="", description="What the day is called, shown on the site.")
    active: bool = Field(
        default=True,
        description="false keeps the entry on record but the day stays a working day.",
    )


def _holiday_entry(value: Any) -> Any:
    if isinstance(value, dt.date):
        return {"date": value}
    return value


WeeklyHours = dict[Weekday, list[Window]]


class CalendarVersion(RecordModel):
    """Working hours that apply from a date on (an effective-dated change)."""

    effective: Day = Field(description="First local date on which these hours apply.")
    timezone: str | None = Field(
        default=None, description="IANA time zone from this date on; default: the calendar's."
    )
    weekly: WeeklyHours = Field(description="Working windows per weekday from this date on.")


class Calendar(Record):
    """When a service is staffed: weekly windows in a time zone, minus holidays."""

    timezone: TimeZoneName = Field(description="IANA time zone name, e.g. Europe/Berlin.")
    weekly: WeeklyHours = Field(
        description='Working windows per weekday, e.g. mon: ["08:00-12:00", "13:00-17:00"]. '
        "Days left out are closed; 24:00 ends a day."
    )
    holidays: list[
        Annotated[
            Holiday, BeforeValidator(_holiday_entry, json_schema_input_type=dt.date | Holiday)
        ]
    ] = Field(
        default_factory=list,
        description="Closed local dates: a date, or {date, name, active}.",
    )
    country: str | None = Field(
        default=None,
        description="ISO 3166 country code whose public holidays are added (holidays library).",
    )
    subdivision: str | None = Field(
        default=None, description="Region of the country for its regional holidays, e.g. BE."
    )
    versions: list[CalendarVersion] = Field(
        default_factory=list,
        description="Later changes of the working hours, each from its effective date.",
    )


def check_timezone(value: str) -> str:
    """Reject names the IANA database does not know, suggesting a close one."""
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        lowered = value.lower()
        close = sorted(
            z for z in available_timezones() if z.lower().endswith(lowered.split("/")[-1])
        )
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise ValueError(
            f"'{value}' is not an IANA time zone{hint}; write e.g. Europe/Berlin or UTC"
        ) from None
    return value


TimeZoneName = Annotated[str, AfterValidator(check_timezone)]
"""An IANA time zone name the time zone database knows (e.g. Europe/Berlin)."""
