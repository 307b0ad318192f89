"""Service log entries: operations done, corrective actions, threshold revisions
(``records/log/<id>.md``)."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from generator.models.common import Record, Timestamp
from generator.models.reference import (
    ComponentId,
    MaintenanceId,
    OwnerId,
    ProcedureId,
    RequestId,
    ScheduleId,
    ServiceId,
)

LogType = Literal["operation", "corrective_action", "threshold_revision", "delivery"]


class LogEntry(Record):
    """Something done to run the service system, recorded when it happened."""

    at: Timestamp = Field(description="When it happened (or was raised), with offset.")
    type: LogType = Field(
        description="operation (done per a procedure or schedule), corrective_action (fixes "
        "the cause of a breach, incident or failed check), threshold_revision (a monitoring "
        "or SLA threshold changed) or delivery (a service delivered outside a request)."
    )
    by: OwnerId = Field(description="Person or group who did it (or owns the action).")
    status: Literal["open", "done"] = Field(
        default="done", description="Corrective actions stay open until their result is in."
    )
    due: Timestamp | None = Field(default=None, description="When an open action is due.")
    components: list[ComponentId] = Field(default_factory=list, description="Components involved.")
    services: list[ServiceId] = Field(default_factory=list, description="Services involved.")
    procedure: ProcedureId | None = Field(default=None, description="Procedure followed.")
    schedule: ScheduleId | None = Field(default=None, description="Job schedule concerned.")
    request: RequestId | None = Field(
        default=None, description="Request (incident or breach) it answers."
    )
    maintenance: MaintenanceId | None = Field(
        default=None, description="Maintenance it belongs to."
    )
    result: str = Field(default="", description="What came of it.")
    alerts: list[str] = Field(
        default_factory=list,
        description="A threshold revision: the alerting rules it changed, by their alert "
        "name in the monitoring folder's rule files.",
    )

    @model_validator(mode="after")
    def _done_needs_result(self) -> Self:
        if self.type == "corrective_action" and self.status == "done" and not self.result:
            raise ValueError(
                "a done corrective action needs its result: add result: what was changed "
                "and how it was checked"
            )
        return self
