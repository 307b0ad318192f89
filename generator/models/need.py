"""Customer input (``records/needs/<id>.md``): needs and plans, staff concerns, surveys."""

from __future__ import annotations

from typing import Literal, Self

from pydantic import Field, model_validator

from generator.models.common import Record, Timestamp
from generator.models.reference import AgreementId, PartyId, ServiceId


class Need(Record):
    """A need, goal or plan a customer described, a concern staff raised, or a survey."""

    type: Literal["need", "staff_concern", "survey"] = Field(
        description="need (a customer's plan, goal or need), staff_concern (raised by "
        "the provider's staff) or survey (results of a satisfaction survey)."
    )
    raised_by: PartyId = Field(description="Organization, person or group it came from.")
    at: Timestamp = Field(description="When it was raised or the survey closed.")
    agreement: AgreementId | None = Field(default=None, description="Agreement it concerns.")
    services: list[ServiceId] = Field(default_factory=list, description="Services concerned.")
    status: Literal["open", "accepted", "declined", "done"] = Field(
        default="open", description="Where it stands after review."
    )
    response: str = Field(default="", description="What the provider decided or did.")
    responses: int | None = Field(default=None, ge=1, description="Survey: answers received.")
    score: float | None = Field(
        default=None, ge=1, le=5, description="Survey: average rating from 1 to 5."
    )

    @model_validator(mode="after")
    def _survey_has_results(self) -> Self:
        if self.type == "survey" and (self.responses is None or self.score is None):
            raise ValueError(
                "a survey needs its results: add responses (how many answered) and score "
                "(the average rating, 1 to 5)"
            )
        return self
