"""On-call and shift rotas (``records/rotas/<id>.md``): who of a group is on duty, when."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from generator.models.calendar_record import TimeZoneName, WeeklyHours
from generator.models.common import Day, Duration, Record, RecordModel, Timestamp
from generator.models.recurrence import Recurrence
from generator.models.reference import CalendarId, GroupId, PersonId


class Shift(RecordModel):
    """Shifts that recur by an iCalendar RRULE, each ``duration`` long."""

    start: Timestamp = Field(
        description="Start of the first shift, with offset; its local time of day is kept."
    )
    recurrence: Recurrence = Field(
        description="iCalendar RRULE of the shift starts, e.g. FREQ=WEEKLY;BYDAY=SA,SU."
    )
    duration: Duration = Field(description="Length of one shift, e.g. 14h.")


class Rota(Record):
    """A group's on-call or shift rota: when someone is on duty and who takes turns."""

    group: GroupId = Field(description="Group whose people are on duty.")
    timezone: TimeZoneName = Field(
        description="IANA time zone of the rota's hours, e.g. Europe/Berlin."
    )
    weekly: WeeklyHours = Field(
        default_factory=dict,
        description='Hours on duty per weekday in local time, e.g. sat: ["00:00-24:00"]; '
        "24:00 ends a day.",
    )
    shifts: list[Shift] = Field(
        default_factory=list, description="Shifts by RRULE, in addition to the weekly hours."
    )
    people: list[PersonId] = Field(
        min_length=1, description="Who takes turns, in order; the first is on duty first."
    )
    handover: Literal["daily", "weekly"] = Field(
        default="weekly", description="How often duty passes to the next person."
    )
    effective: Day = Field(description="First local day the rota applies (the first turn).")
    until: Day | None = Field(default=None, description="Last local day the rota applies.")
    calendars: list[CalendarId] = Field(
        default_factory=list,
        description="Service hours the rota staffs; empty: every calendar.",
    )

    @model_validator(mode="after")
    def _has_hours(self) -> Self:
        if not self.weekly and not self.shifts:
            raise ValueError(
                'a rota needs its hours: add weekly (e.g. sat: ["00:00-24:00"]) or shifts '
                "(start, recurrence, duration)"
            )
        if self.until is not None and self.until < self.effective:
            raise ValueError("until is before effective; the rota would never apply")
        return self
