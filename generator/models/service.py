"""Service catalog entries (``records/services/<id>.md``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

from generator.models.common import Record, RecordId, RecordModel
from generator.models.reference import ComponentId, GroupId, OwnerId


class Category(RecordModel):
    """A kind of request within a service, with hints for suggesting it."""

    id: RecordId = Field(description="Short name used in requests, e.g. `hardware`.")
    title: str = Field(default="", description="Readable name; default: the id.")
    group: GroupId | None = Field(
        default=None, description="Group that requests of this category are assigned to."
    )
    keywords: list[str] = Field(
        default_factory=list,
        description="Words that suggest this category for an uncategorised request.",
    )


def _category_entry(value: Any) -> Any:
    return {"id": value} if isinstance(value, str) else value


class Service(Record):
    """A service offered to customers, as listed in the catalog."""

    owner: OwnerId = Field(description="Group (or person) accountable for the service.")
    status: Literal["planned", "live", "retired"] = Field(
        default="live", description="Whether the service is offered now."
    )
    categories: list[
        Annotated[
            Category,
            BeforeValidator(_category_entry, json_schema_input_type=RecordId | Category),
        ]
    ] = Field(
        default_factory=list,
        description="Request categories: a name, or {id, title, group, keywords}.",
    )
    components: list[ComponentId] = Field(
        default_factory=list, description="Service system components the service runs on."
    )
    channels: list[str] = Field(
        default_factory=list,
        description="How requests reach the service, e.g. portal, email, phone, github.",
    )
    quality: list[str] = Field(
        default_factory=list,
        description="Security and quality attributes promised, e.g. 'data encrypted at rest'.",
    )

    def category_ids(self) -> list[str]:
        """The category names requests may use."""
        return [c.id for c in self.categories]
