"""The kinds of record, declared once: folder, model, names, site section, template."""

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
from generator.models.rota import Rota
from generator.models.schedule import Schedule
from generator.models.service import Service
from generator.models.supplier import SupplierAgreement


@dataclass(frozen=True)
class Shape:
    """One record model as the rest of the program names and shows it."""

    model: type[Record]
    name: str
    """What one record is called in messages (``maintenance plan``); ``Ref`` uses it."""
    section: str
    """The site folder of its pages (``roster`` for the people folder's three models)."""
    template: str
    """The template of its page, without ``.md.j2``."""


@dataclass(frozen=True)
class Kind:
    """A record kind: its folder, singular name, models and how to validate one."""

    folder: str
    name: str
    adapter: TypeAdapter[Any]
    models: tuple[type[Record], ...]
    shapes: tuple[Shape, ...] = ()
    entry: str = ""
    """What one file of the folder is called in the audit trail (``roster entry``)."""

    def validate(self, data: dict[str, Any], instants: InstantRange = DEFAULT_RANGE) -> Record:
        """Build the record model from parsed front matter (raises ValidationError); every
        instant and date must lie in ``instants``."""
        record: Record = self.adapter.validate_python(data, context={CONTEXT_KEY: instants})
        return record


def _kind(
    folder: str, section: str, *shapes: tuple[type[Record], str, str], entry: str = ""
) -> Kind:
    models = tuple(model for model, _, _ in shapes)
    if len(models) == 1:
        adapter: TypeAdapter[Any] = TypeAdapter(models[0])
    else:
        union = Annotated[models[0] | models[1] | models[2], Field(discriminator="type")]  # type: ignore[valid-type]
        adapter = TypeAdapter(union)
    rows = tuple(Shape(model, name, section, template) for model, name, template in shapes)
    return Kind(folder, rows[0].name, adapter, models, rows, entry or rows[0].name)


KINDS: tuple[Kind, ...] = (
    _kind("agreements", "agreements", (Agreement, "agreement", "agreement")),
    _kind("calendars", "calendars", (Calendar, "calendar", "calendar")),
    _kind("components", "components", (Component, "component", "component")),
    _kind("consumables", "consumables", (Consumable, "consumable", "consumable")),
    _kind("log", "log", (LogEntry, "log entry", "log_entry")),
    _kind("maintenance", "maintenance", (Maintenance, "maintenance plan", "maintenance")),
    _kind("needs", "needs", (Need, "need", "need")),
    _kind(
        "people",
        "roster",
        (Person, "person", "person"),
        (Group, "group", "group"),
        (Organization, "organization", "organization"),
        entry="roster entry",
    ),
    _kind("procedures", "procedures", (Procedure, "procedure", "procedure")),
    _kind("requests", "requests", (Request, "request", "request")),
    _kind("rotas", "rotas", (Rota, "rota", "rota")),
    _kind("schedules", "schedules", (Schedule, "schedule", "schedule")),
    _kind("services", "services", (Service, "service", "service")),
    _kind("suppliers", "suppliers", (SupplierAgreement, "supplier agreement", "supplier")),
)
"""Every record kind, declared once: folder, models, names, site section and templates.
Adding a kind is one model, one row here, one view and two templates (``docs/architecture.md``)."""
KINDS_BY_FOLDER: dict[str, Kind] = {kind.folder: kind for kind in KINDS}
SHAPES: dict[type[Record], Shape] = {shape.model: shape for kind in KINDS for shape in kind.shapes}
"""Each record model's row."""
SHAPES_BY_NAME: dict[str, Shape] = {shape.name: shape for shape in SHAPES.values()}
