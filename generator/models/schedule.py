"""Job execution and monitoring schedules (``records/schedules/<id>.md``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.common import Duration, Record, Timestamp
from generator.models.recurrence import Recurrence
from generator.models.reference import ComponentId, OwnerId, ProcedureId, ScheduleId, ServiceId


class Schedule(Record):
    """A recurring job (backup, batch, monitoring check) and what it needs."""

    owner: OwnerId = Field(description="Group (or person) that runs and watches the job.")
    status: Literal["active", "paused", "retired"] = Field(
        default="active", description="Only active schedules have runs."
    )
    start: Timestamp = Field(
        description="First run, with offset; its local time of day is kept for every run."
    )
    recurrence: Recurrence = Field(
        description="iCalendar RRULE, e.g. FREQ=DAILY or FREQ=WEEKLY;BYDAY=SU."
    )
    duration: Duration = Field(description="Expected length of a run, e.g. 2h.")
    components: list[ComponentId] = Field(
        default_factory=list, description="Components the job runs on or works with."
    )
    services: list[ServiceId] = Field(
        default_factory=list, description="Services that rely on the job."
    )
    depends_on: list[ScheduleId] = Field(
        default_factory=list, description="Schedules whose run must finish before this starts."
    )
    procedure: ProcedureId | None = Field(
        default=None, description="Operating procedure for running or recovering the job."
    )
    monitoring: str = Field(default="", description="How a failed or late run is noticed.")
