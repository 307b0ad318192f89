"""Which folder under ``records/`` holds which kind of record, and its model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field, TypeAdapter

from generator.models.agreement import Agreement
from generator.models.calendar_record import Calendar
from generator.models.common import Record
from generator.models.component import Component
from generator.models.consumable import Consumable
from generator.models.instant_range import CONTEXT_KEY, DEFAULT_RANGE, InstantRange
from generator.models.log_entry import LogEntry
from generator.models.maintenance import Maintenance
from generator.models.need import Need
from generator.models.procedure import Procedure
from generator.models.request import Request
from generator.models.roster import Group, Organization, Person
from generator.models.schedule import Schedule
from generator.models.service import Service
from generator.models.supplier import SupplierAgreement


@dataclass(frozen=True)
class Kind:
    """A record kind: its folder, singular name and how to validate one."""

    folder: str
    name: str
    adapter: TypeAdapter[Any]
    models: tuple[type[Record], ...]

    def validate(self, data: dict[str, Any], instants: InstantRange = DEFAULT_RANGE) -> Record:
        """Build the record model from parsed front matter (raises ValidationError); every
        instant and date must lie in ``instants``."""
        record: Record = self.adapter.validate_python(data, context={CONTEXT_KEY: instants})
        return record


def _kind(folder: str, name: str, *models: type[Record]) -> Kind:
    if len(models) == 1:
        adapter: TypeAdapter[Any] = TypeAdapter(models[0])
    else:
        union = Annotated[models[0] | models[1] | models[2], Field(discriminator="type")]  # type: ignore[valid-type]
        adapter = TypeAdapter(union)
    return Kind(folder=folder, name=name, adapter=adapter, models=models)


KINDS: tuple[Kind, ...] = (
    _kind("agreements", "agreement", Agreement),
    _kind("calendars", "calendar", Calendar),
    _kind("components", "component", Component),
    _kind("consumables", "consumable", Consumable),
    _kind("log", "log entry", LogEntry),
    _kind("maintenance", "maintenance", Maintenance),
    _kind("needs", "need", Need),
    _kind("people", "person", Person, Group, Organization),
    _kind("procedures", "procedure", Procedure),
    _kind("requests", "request", Request),
    _kind("schedules", "schedule", Schedule),
    _kind("services", "service", Service),
    _kind("suppliers", "supplier agreement", SupplierAgreement),
)
KINDS_BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
