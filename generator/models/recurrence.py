"""Recurrence rules (iCalendar RRULE, RFC 5545) for preventive maintenance and job schedules."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from dateutil.rrule import rrulestr
from pydantic import AfterValidator, WithJsonSchema


def check_rrule(value: str) -> str:
    """``value`` when python-dateutil reads it as an RRULE; a ValueError saying why not."""
    try:
        rrulestr(value, dtstart=datetime(2026, 1, 1, tzinfo=UTC))
    except (ValueError, TypeError) as error:
        reason = str(error)
        if "unpack" in reason or not reason:  # dateutil's words for a part without '='
            reason = "every part is NAME=VALUE, parts separated by ';'"
        raise ValueError(
            f"not an iCalendar RRULE ({reason}); write e.g. FREQ=MONTHLY;BYDAY=3SA "
            "(third Saturday of each month) or FREQ=WEEKLY;BYDAY=SU"
        ) from None
    return value


Recurrence = Annotated[
    str,
    AfterValidator(check_rrule),
    WithJsonSchema(
        {
            "type": "string",
            "examples": ["FREQ=MONTHLY;BYDAY=3SA", "FREQ=DAILY", "FREQ=WEEKLY;BYDAY=SU"],
        }
    ),
]
"""An iCalendar RRULE; an ``UNTIL`` in it is written in UTC (``UNTIL=20271231T230000Z``)."""
