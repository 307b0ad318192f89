"""Consumables (``records/consumables/<id>.md``): stock, minimum, and the log of acquisition
and use."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import Record, RecordModel, Timestamp
from generator.models.reference import ComponentId, OwnerId, ServiceId


class StockChange(RecordModel):
    """One acquisition (positive) or use (negative) of a consumable."""

    at: Timestamp = Field(description="When, with offset.")
    change: int = Field(description="Units added (e.g. 200) or used (e.g. -60).")
    note: str = Field(default="", description="Order number, site, reason.")


class Consumable(Record):
    """Something the service uses up: label rolls, toner, spare devices, licences."""

    owner: OwnerId = Field(description="Group (or person) that keeps it in stock.")
    unit: str = Field(default="unit", description="What one unit is: roll, cartridge, device.")
    minimum: int = Field(ge=0, description="Reorder when the stock falls below this.")
    components: list[ComponentId] = Field(
        default_factory=list, description="Components that use it."
    )
    services: list[ServiceId] = Field(default_factory=list, description="Services that need it.")
    stock: list[StockChange] = Field(
        default_factory=list,
        description="Acquisitions and uses, oldest first; append, never edit a committed one.",
    )
