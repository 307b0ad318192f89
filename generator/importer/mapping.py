"""The mapping file of an import: which CSV column means what, and how values translate.

A mapping is YAML validated by the models below (unknown keys are errors, as in records).
Mappings shipped with Servicebook live in ``generator/importer/mappings/`` and are chosen by
name (``--mapping uci-servicenow``); any other file is chosen by path.
"""

from __future__ import annotations

import string
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator

from generator.errors import UserError
from generator.models.agreement import Target
from generator.models.calendar_record import WeeklyHours, check_timezone
from generator.models.common import RecordId, RecordModel
from generator.models.request import PRIORITY_PATTERN
from generator.settings_file import load_settings

ImportStatus = Literal[
    "new",
    "in_progress",
    "waiting_on_requester",
    "waiting_on_third_party",
    "resolved",
    "closed",
    "rejected",
    "cancelled",
]
"""What a source state becomes: ``new`` adds no event, the others a status, resolved or
closed event."""

Priority = Annotated[str, Field(pattern=PRIORITY_PATTERN)]


class Columns(RecordModel):
    """CSV column names; leave out what the source does not have."""

    id: str = Field(description="The ticket's id in the source (one ticket per distinct value).")
    opened_at: str = Field(description="When the ticket was opened (becomes `received`).")
    priority: str = Field(description="Priority, translated through `priorities`.")
    state: str | None = Field(
        default=None, description="State after this row's update (event-per-row layout)."
    )
    updated_at: str | None = Field(
        default=None, description="When this row's update happened (event-per-row layout)."
    )
    order: str | None = Field(
        default=None,
        description="Update counter that orders rows with the same time (e.g. sys_mod_count).",
    )
    resolved_at: str | None = Field(
        default=None,
        description="Resolution time (row-per-ticket); event-per-row: used only when a row "
        "closes a ticket never resolved.",
    )
    closed_at: str | None = Field(default=None, description="Closure time (row-per-ticket layout).")
    reopened_at: str | None = Field(
        default=None, description="Last reopening time (row-per-ticket layout; kept as a note)."
    )
    category: str | None = Field(default=None, description="Category of the request.")
    group: str | None = Field(default=None, description="Assignment group.")
    assignee: str | None = Field(default=None, description="Person assigned.")
    requester: str | None = Field(default=None, description="Who asked (caller).")
    channel: str | None = Field(default=None, description="How it arrived (contact type).")
    reassignments: str | None = Field(default=None, description="Reassignment counter.")
    reopens: str | None = Field(default=None, description="Reopen counter.")
    sla_met: str | None = Field(
        default=None, description="The source's own SLA verdict (true = met), kept as is."
    )
    resolution: str | None = Field(
        default=None, description="Resolution (close) code, used as the resolution text."
    )


class Party(RecordModel):
    """An organization or group record the import generates when it is missing."""

    id: RecordId = Field(description="Record id.")
    title: str = Field(description="Name shown on the site.")


class CalendarSkeleton(RecordModel):
    """The service-hours calendar written for the imported agreement."""

    id: RecordId = Field(description="Calendar id.")
    title: str = Field(description="Name shown on the site.")
    weekly: WeeklyHours = Field(description="Working windows per weekday (local time).")


class AgreementSkeleton(RecordModel):
    """The agreement written for the imported requests: assumed targets, status draft."""

    id: RecordId = Field(description="Agreement id every imported request names.")
    title: str = Field(description="Name shown on the site.")
    effective: date = Field(description="First day; before the oldest ticket.")
    targets: list[Target] = Field(min_length=1, description="Target rows, as in agreements.")
    assumptions: str = Field(description="Why these targets and hours (Markdown, shown).")


class Credit(RecordModel):
    """Where the data comes from; the imported site credits it."""

    title: str = Field(description="Title of the data set.")
    authors: str = Field(description="Authors, as they are to be cited.")
    year: int = Field(description="Year of publication.")
    publisher: str = Field(description="Who publishes it.")
    doi: str | None = Field(default=None, description="DOI, without https://doi.org/.")
    licence: str = Field(description="Licence name, e.g. CC BY 4.0.")
    licence_url: str | None = Field(default=None, description="Link to the licence text.")
    notes: str = Field(default="", description="What was changed (Markdown).")


class Skeleton(RecordModel):
    """Records the imported requests refer to; each written only when absent."""

    customer: Party = Field(description="Customer organization.")
    provider: Party = Field(description="Provider organization.")
    owner: Party = Field(description="Group that owns the service.")
    service: Party = Field(description="The one service every request names.")
    calendar: CalendarSkeleton = Field(description="Service hours of the agreement.")
    agreement: AgreementSkeleton = Field(description="The agreement with assumed targets.")


class Mapping(RecordModel):
    """How to read one tool's CSV export."""

    source: RecordId = Field(description="Short name of the source, written to `imported`.")
    description: str = Field(description="What the source is (one line).")
    layout: Literal["event_per_row", "row_per_ticket"] = Field(
        description="event_per_row: one row per update of a ticket (an audit log); "
        "row_per_ticket: one row per ticket with its timestamps."
    )
    date_format: str = Field(description="strptime format of the timestamps.")
    timezone: str = Field(description="IANA zone the source's wall-clock times are in.")
    missing: list[str] = Field(
        default_factory=lambda: [""], description="Cell values meaning 'no value'."
    )
    id_prefix: str = Field(default="", description="Put before the source id to make the id.")
    ref_prefix: str = Field(
        default="", description="Put before group and person ids (keeps them apart from yours)."
    )
    columns: Columns = Field(description="Which column holds what.")
    title: str = Field(
        description="Title template, e.g. '{category}: {u_symptom}'; names are CSV columns."
    )
    states: dict[str, ImportStatus] = Field(
        default_factory=dict, description="Source state → status (event-per-row)."
    )
    priorities: dict[str, Priority] = Field(description="Source priority → P1…P5.")
    channels: dict[str, str] = Field(
        default_factory=dict, description="Source contact type → channel (default: slug)."
    )
    true_values: list[str] = Field(
        default_factory=lambda: ["true"], description="Cell values meaning true."
    )
    default_requester: str = Field(
        default="unknown", description="Requester when the source has none."
    )
    default_resolution: str = Field(
        default="resolved in the source system", description="Resolution text without a code."
    )
    skeleton: Skeleton = Field(description="Records generated for the imported requests.")
    credit: Credit = Field(description="Citation and licence of the data.")

    @field_validator("timezone")
    @classmethod
    def _zone(cls, value: str) -> str:
        return check_timezone(value)

    @field_validator("title")
    @classmethod
    def _template(cls, value: str) -> str:
        try:
            parts = list(string.Formatter().parse(value))
        except ValueError as error:
            raise ValueError(f"'{value}' is not a title template ({error})") from None
        for _, name, spec, conversion in parts:
            positional = name is not None and (not name or name.isdigit())
            if positional or (name and ("." in name or "[" in name or spec or conversion)):
                raise ValueError(
                    f"'{{{name}}}' in the title template must name a CSV column, "
                    "e.g. '{category}: {u_symptom}' (no positions, formats or attributes)"
                )
        return value

    def needed_columns(self) -> list[str]:
        """Every column the mapping names (all must be in the header)."""
        named = [value for value in self.columns.model_dump().values() if value is not None]
        return sorted(set(named) | set(template_fields(self.title)))


def template_fields(template: str) -> list[str]:
    """Column names used in a ``{column}`` title template."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def shipped_mappings() -> list[str]:
    """Names of the mappings that come with Servicebook."""
    folder = resources.files("generator.importer") / "mappings"
    return sorted(item.name[:-4] for item in folder.iterdir() if item.name.endswith(".yml"))


def load_mapping(name_or_path: str) -> tuple[Mapping, str]:
    """The mapping named (shipped) or at a path, and where it was read from."""
    path = Path(name_or_path)
    if name_or_path in shipped_mappings():
        resource = resources.files("generator.importer") / "mappings" / f"{name_or_path}.yml"
        text, where = resource.read_text(encoding="utf-8"), f"{name_or_path} (shipped)"
    elif path.is_file():
        text, where = path.read_text(encoding="utf-8"), str(path)
    else:
        names = ", ".join(shipped_mappings())
        raise UserError(
            f"--mapping {name_or_path}: no such file and no shipped mapping of that name; "
            f"name one of {names} or give the path of a mapping file"
        )
    return parse_mapping(text, where), where


def parse_mapping(text: str, where: str) -> Mapping:
    """Validate mapping text; problems are a UserError naming each field."""
    return load_settings(text, where, Mapping)
