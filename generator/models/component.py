"""Service system components (``records/components/<id>.md``) and readiness checks."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.common import Record, RecordModel, Timestamp
from generator.models.reference import ComponentId, OwnerId


class ReadinessCheck(RecordModel):
    """A demonstration that the component works (SD SP 2.2)."""

    name: str = Field(min_length=1, description="What was checked.")
    at: Timestamp = Field(description="When.")
    result: Literal["passed", "failed"] = Field(description="Outcome.")
    by: str | None = Field(default=None, description="Who checked.")
    corrective_action: str = Field(
        default="", description="Log entry or request opened for a failed check."
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
    quality: list[str] = Field(
        default_factory=list, description="Security and quality attributes it provides."
    )
