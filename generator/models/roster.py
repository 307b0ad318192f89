"""The roster (``records/people/``): persons, groups and organizations."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.common import Day, Record
from generator.models.reference import GroupId, OrganizationId, PersonId


class Person(Record):
    """Someone who works on, approves or receives services."""

    type: Literal["person"] = Field(description="Always `person`.")
    email: str | None = Field(
        default=None, description="Work e-mail; matches commit authors and requesters."
    )
    groups: list[GroupId] = Field(default_factory=list, description="Groups this person is in.")
    organization: OrganizationId | None = Field(
        default=None, description="Organization the person belongs to (customer or provider)."
    )
    role: str | None = Field(default=None, description="Job title or role, shown on the roster.")
    joined: Day | None = Field(
        default=None, description="Date the person joined, for orientation tracking."
    )
    oriented: bool = Field(
        default=False, description="true once the person completed orientation (onboarding)."
    )


class Group(Record):
    """A team that requests are assigned to."""

    type: Literal["group"] = Field(description="Always `group`.")
    members: list[PersonId] = Field(default_factory=list, description="Persons in the group.")
    lead: PersonId | None = Field(default=None, description="Person who leads the group.")
    email: str | None = Field(default=None, description="Shared mailbox of the group.")
    github: str | None = Field(
        default=None, description="GitHub team (org/team) that owns the group's records."
    )
    capacity: int | None = Field(
        default=None,
        ge=1,
        description="Requests a week the group can take; the workload forecast is held against it.",
    )


class Organization(Record):
    """A party to agreements: a customer, the provider, or a supplier."""

    type: Literal["organization"] = Field(description="Always `organization`.")
    role: Literal["customer", "provider", "supplier"] = Field(
        default="customer", description="What the organization is to us."
    )
    domains: list[str] = Field(
        default_factory=list,
        description="E-mail domains of its people, e.g. acme.example; "
        "requesters are matched on them.",
    )
    contact: str | None = Field(default=None, description="Main contact (person id or e-mail).")


RosterEntry = Person | Group | Organization
