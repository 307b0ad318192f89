"""Maintenance plans and change requests (``records/maintenance/<id>.md``)."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from generator.models.common import Duration, Record, RecordModel, Timestamp
from generator.models.recurrence import Recurrence
from generator.models.reference import ComponentId, OwnerId, RequestId, ServiceId

MaintenanceStatus = Literal[
    "proposed", "approved", "scheduled", "in_progress", "done", "failed", "cancelled"
]


class MaintenanceWindow(RecordModel):
    """When the work happens."""

    start: Timestamp = Field(description="Start, with offset.")
    end: Timestamp = Field(description="End, with offset.")


class TestResult(RecordModel):
    """A test run after (or during) the work."""

    name: str = Field(min_length=1, description="What was tested.")
    result: Literal["passed", "failed", "pending"] = Field(description="Outcome.")
    at: Timestamp | None = Field(default=None, description="When it ran.")


class Maintenance(Record):
    """A corrective or preventive maintenance change, planned and recorded."""

    type: Literal["corrective", "preventive", "adaptive"] = Field(
        description="corrective (fix a fault), preventive (avoid one) or adaptive (change)."
    )
    status: MaintenanceStatus = Field(description="Where the change is in its lifecycle.")
    priority: str = Field(default="P3", pattern=r"^P[1-5]$", description="P1 (urgent) to P5.")
    owner: OwnerId = Field(description="Group or person carrying it out.")
    requested_by: str | None = Field(default=None, description="Who asked for it.")
    components: list[ComponentId] = Field(default_factory=list, description="Components touched.")
    services: list[ServiceId] = Field(
        default_factory=list, description="Services affected (added to those of the components)."
    )
    window: MaintenanceWindow | None = Field(default=None, description="Planned window.")
    recurrence: Recurrence | None = Field(
        default=None,
        description="iCalendar RRULE for preventive schedules, e.g. FREQ=MONTHLY;BYDAY=1SA; "
        "window.start is the first occurrence (and gives the time of day and zone).",
    )
    duration: Duration | None = Field(
        default=None, description="Length of each recurring window (with recurrence)."
    )
    plan: str = Field(default="", description="What will be done, and how it is rolled back.")
    notification: str = Field(default="", description="Who is told, how and when.")
    notified: Timestamp | None = Field(
        default=None,
        description="When the notice went out to the affected customers; a plan that "
        "affects customers is done only once it is set.",
    )
    customers_affected: bool | None = Field(
        default=None,
        description="Left out, the records decide: the customers of the active agreements "
        "covering the services it touches are affected. false when no customer can notice "
        "the work (say why under notification:).",
    )
    documentation: str = Field(default="", description="Documents updated by the change.")
    tests: list[TestResult] = Field(default_factory=list, description="Tests and their results.")
    commits: list[str] = Field(
        default_factory=list,
        description="Full ids of the commits holding the change (git log --format=%H); a "
        "done plan's must exist in the repository.",
    )
    request: RequestId | None = Field(default=None, description="Request that triggered it.")

    @model_validator(mode="after")
    def _recurrence_needs_window(self) -> Self:
        if self.recurrence and self.window is None:
            raise ValueError(
                "recurrence needs a window: its start is the first occurrence and gives the "
                "time of day; add window: {start: …, end: …}"
            )
        return self
