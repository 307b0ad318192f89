"""Service hours in words a customer understands: "Monday to Friday 08:00-18:00"."""

from __future__ import annotations

from generator.models.calendar_record import WEEKDAYS, Calendar

DAY_NAMES = {
    "mon": "Monday",
    "tue": "Tuesday",
    "wed": "Wednesday",
    "thu": "Thursday",
    "fri": "Friday",
    "sat": "Saturday",
    "sun": "Sunday",
}


def describe_hours(calendar: Calendar | None) -> str:
    """Working windows grouped into runs of days with the same hours, plus holidays."""
    if calendar is None:
        return "around the clock, every day of the year"
    runs: list[tuple[list[str], list[str]]] = []
    for day in WEEKDAYS:
        windows = calendar.weekly.get(day) or []
        if not windows:
            continue
        if runs and runs[-1][1] == windows and _follows(runs[-1][0][-1], day):
            runs[-1][0].append(day)
        else:
            runs.append(([day], windows))
    if not runs:
        return f"closed every day ({calendar.timezone} time)"
    parts = []
    for days, windows in runs:
        span = (
            DAY_NAMES[days[0]]
            if len(days) == 1
            else f"{DAY_NAMES[days[0]]} to {DAY_NAMES[days[-1]]}"
        )
        hours = " and ".join(w.replace("-", "–") for w in windows)
        parts.append(f"{span} {hours}")
    text = "; ".join(parts) + f" ({calendar.timezone} time)"
    closed = [h for h in calendar.holidays if h.active]
    if closed or calendar.country:
        listed = f"{len(closed)} listed holidays" if closed else "no listed holidays"
        public = f" and the public holidays of {calendar.country}" if calendar.country else ""
        text += f"; closed on {listed}{public}"
    return text


def _follows(previous: str, day: str) -> bool:
    return WEEKDAYS.index(day) == WEEKDAYS.index(previous) + 1
