"""Service system components (``records/components/<id>.md``) and readiness checks."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from generator.models.common import PeriodField, Record, RecordId, RecordModel, Timestamp
from generator.models.reference import ComponentId, OwnerId, ProcedureId, ref

ActionId = Annotated[RecordId, ref("log entry", "maintenance plan")]
"""The record of a corrective action: a log entry or a maintenance plan."""


class ReadinessCheck(RecordModel):
    """A demonstration that the component works (SD SP 2.2)."""

    name: str = Field(min_length=1, description="What was checked.")
    at: Timestamp = Field(description="When.")
    result: Literal["passed", "failed"] = Field(description="Outcome.")
    by: str | None = Field(default=None, description="Who checked.")
    procedure: ProcedureId | None = Field(
        default=None, description="The operating procedure the check followed."
    )
    attributes: list[str] = Field(
        default_factory=list,
        description="Which of the component's quality attributes (its quality list, word "
        "for word) this check showed to hold.",
    )
    action: ActionId | None = Field(
        default=None,
        description="A failed check: the corrective action that answers it, the id of a log "
        "entry of type corrective_action or of a maintenance plan (required when failed).",
    )
    corrective_action: str = Field(
        default="", description="What was done about a failed check, in words."
    )


class Component(Record):
    """A part of the service system: application, server, network, supplier service."""

    type: str = Field(default="application", description="application, server, network, …")
    owner: OwnerId = Field(description="Group responsible for the component.")
    depends_on: list[ComponentId] = Field(
        default_factory=list, description="Components this one needs to work."
    )
    status: Literal["planned", "operational", "degraded", "retired"] = Field(
        default="operational", description="Current state."
    )
    checks: list[ReadinessCheck] = Field(
        default_factory=list, description="Readiness checks, oldest first."
    )
    check_every: PeriodField | None = Field(
        default=None,
        description="How often readiness must be shown again, ISO 8601 period (P1M, P3M); "
        "a last check older than this is stale on the readiness page.",
    )
    quality: list[str] = Field(
        default_factory=list, description="Security and quality attributes it provides."
    )
