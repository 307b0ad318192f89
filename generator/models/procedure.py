"""Operating procedures (``records/procedures/<id>.md``): steps in the body."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.common import Day, Record, RecordModel, Review
from generator.models.reference import ComponentId, OwnerId, ServiceId


class Exercise(RecordModel):
    """A time the procedure was validated, rehearsed or used for real."""

    at: Day = Field(description="When.")
    by: OwnerId = Field(description="Who ran it.")
    result: Literal["passed", "failed"] = Field(description="Whether it worked as written.")
    note: str = Field(default="", description="What was learned or changed.")


class Procedure(Record):
    """How to operate a service or component, step by step."""

    owner: OwnerId = Field(description="Group or person who keeps the procedure current.")
    status: Literal["draft", "active", "retired"] = Field(
        default="active", description="Whether staff should follow it."
    )
    version: int = Field(default=1, ge=1, description="Version, raised on each revision.")
    services: list[ServiceId] = Field(default_factory=list, description="Services it serves.")
    components: list[ComponentId] = Field(
        default_factory=list, description="Components it operates."
    )
    review: Review | None = Field(default=None, description="Review cycle: interval and last.")
    exercised: list[Exercise] = Field(
        default_factory=list, description="Validations and rehearsals, oldest first."
    )
