"""Supplier agreements (``records/suppliers/<id>.md``): what suppliers promise us, and
which customer agreements rest on it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from generator.models.common import Day, Duration, Record, RecordModel
from generator.models.reference import (
    AgreementId,
    CalendarId,
    ComponentId,
    GroupId,
    OrganizationId,
    ServiceId,
)


class SupplierTarget(RecordModel):
    """What the supplier promises at one of our priorities."""

    priority: str = Field(pattern=r"^P[1-5]$", description="Our priority the row applies to.")
    response: Duration | None = Field(default=None, description="Supplier's first response.")
    resolution: Duration | None = Field(default=None, description="Supplier's fix or restore.")
    group: GroupId | None = Field(
        default=None,
        description="The group that stands for the supplier in our records: while a request "
        "is assigned to it, the supplier's response and resolution are that group's time to "
        "assign and time held for this priority (operational level targets).",
    )
    workaround: str = Field(
        default="",
        description="How we keep our own target when the supplier's resolution does not fit "
        "inside it (e.g. a backup line).",
    )


class SupplierAgreement(Record):
    """An underpinning contract with a supplier (carrier, vendor, hosting provider)."""

    supplier: OrganizationId = Field(description="Supplier organization (roster id).")
    status: Literal["negotiating", "active", "expired"] = Field(description="Where it stands.")
    effective: Day = Field(description="First day it applies.")
    expires: Day | None = Field(default=None, description="Last day it applies.")
    calendar: CalendarId = Field(
        default="24x7", description="Hours the supplier's times count in; 24x7 is built in."
    )
    components: list[ComponentId] = Field(
        default_factory=list, description="Components the supplier provides or maintains."
    )
    services: list[ServiceId] = Field(
        default_factory=list, description="Our services that depend on it."
    )
    underpins: list[AgreementId] = Field(
        default_factory=list, description="Customer agreements whose targets rely on it."
    )
    targets: list[SupplierTarget] = Field(
        default_factory=list, description="The supplier's times per priority."
    )
    contact: str = Field(default="", description="How to reach the supplier's service desk.")
