"""Service requests (``records/requests/**/<id>.md``) and their append-only event log.

Status, assignee and priority are derived from the events, never stored twice.
"""

from __future__ import annotations

from typing import Annotated, Literal, Self, get_args

from pydantic import Field, field_validator, model_validator

from generator.models.common import Record, RecordModel, Timestamp
from generator.models.reference import AgreementId, GroupId, OwnerId, PersonId, ServiceId

RequestStatus = Literal[
    "new",
    "assigned",
    "in_progress",
    "waiting_on_requester",
    "waiting_on_third_party",
    "resolved",
    "closed",
    "rejected",
    "cancelled",
]
STATUSES: tuple[str, ...] = get_args(RequestStatus)
OPEN_STATUSES = frozenset(
    {"new", "assigned", "in_progress", "waiting_on_requester", "waiting_on_third_party"}
)
SettableStatus = Literal[
    "assigned",
    "in_progress",
    "waiting_on_requester",
    "waiting_on_third_party",
    "rejected",
    "cancelled",
]
PRIORITY_PATTERN = r"^P[1-5]$"


class _Event(RecordModel):
    at: Timestamp = Field(description="When it happened, with offset.")
    by: str | None = Field(default=None, description="Who did it (person id or e-mail).")
    internal: bool = Field(
        default=False,
        description="true: staff only, never on a customer's site, feed or notice "
        "(every `note` is internal anyway).",
    )


class Assigned(_Event):
    """The request was assigned, or transferred, to a group (and person)."""

    type: Literal["assigned"] = Field(description="Always `assigned`.")
    group: GroupId = Field(description="Group now responsible.")
    person: PersonId | None = Field(default=None, description="Person now responsible.")
    reason: str = Field(default="", description="Why (required wording for transfers is free).")


def _seen_by_the_requester(internal: bool, event: str) -> bool:
    if internal:
        raise ValueError(
            f"a '{event}' event is what the requester saw, so it cannot be internal; "
            "remove 'internal: true', or write a 'note' for staff"
        )
    return internal


class Responded(_Event):
    """A public reply to the requester (stops response clocks)."""

    type: Literal["responded"] = Field(description="Always `responded`.")

    @field_validator("internal")
    @classmethod
    def _public(cls, internal: bool) -> bool:
        return _seen_by_the_requester(internal, "responded")

    via: str | None = Field(default=None, description="Channel of the reply.")
    text: str = Field(default="", description="Summary of the reply.")


class Message(_Event):
    """The requester wrote (starts a next-response cycle)."""

    type: Literal["message"] = Field(description="Always `message`.")
    text: str = Field(default="", description="Summary of the message.")

    @field_validator("internal")
    @classmethod
    def _public(cls, internal: bool) -> bool:
        return _seen_by_the_requester(internal, "message")


class StatusChange(_Event):
    """The status changed (resolution and closure have events of their own)."""

    type: Literal["status"] = Field(description="Always `status`.")
    status: SettableStatus = Field(description="The new status.")
    reason: str = Field(default="", description="Why.")


class PriorityChange(_Event):
    """The priority changed; SLA targets switch, elapsed time is kept."""

    type: Literal["priority"] = Field(description="Always `priority`.")
    priority: Annotated[str, Field(pattern=PRIORITY_PATTERN)] = Field(description="New priority.")
    reason: str = Field(description="Why the priority changed.")


class Action(_Event):
    """Work done on the request."""

    type: Literal["action"] = Field(description="Always `action`.")
    text: str = Field(min_length=1, description="What was done.")


class Resolved(_Event):
    """The request was fulfilled or the incident resolved."""

    type: Literal["resolved"] = Field(description="Always `resolved`.")
    resolution: str = Field(min_length=1, description="What was done to resolve it.")


class Reopened(_Event):
    """The requester (or an agent) reopened a resolved request."""

    type: Literal["reopened"] = Field(description="Always `reopened`.")
    reason: str = Field(default="", description="Why it was reopened.")


class Closed(_Event):
    """The request was closed: confirmed by someone, or closed automatically."""

    type: Literal["closed"] = Field(description="Always `closed`.")
    confirmed_by: str | None = Field(
        default=None, description="Who confirmed the resolution (`requester` or an id)."
    )
    auto: bool = Field(default=False, description="true when closed by the auto-close rule.")


class Note(_Event):
    """An internal note: staff only, on every site and in every notice."""

    type: Literal["note"] = Field(description="Always `note`.")
    internal: bool = Field(default=True, description="Always true: a note is staff only.")

    @field_validator("internal")
    @classmethod
    def _always_internal(cls, internal: bool) -> bool:
        if not internal:
            raise ValueError(
                "a note is always internal and never reaches a customer; remove "
                "'internal: false', or tell the requester with a 'responded' event"
            )
        return internal

    text: str = Field(min_length=1, description="The note.")


Event = Annotated[
    Assigned
    | Responded
    | Message
    | StatusChange
    | PriorityChange
    | Action
    | Resolved
    | Reopened
    | Closed
    | Note,
    Field(discriminator="type"),
]
EVENT_TYPES: tuple[str, ...] = (
    "assigned",
    "responded",
    "message",
    "status",
    "priority",
    "action",
    "resolved",
    "reopened",
    "closed",
    "note",
)


class Satisfaction(RecordModel):
    """The requester's rating after delivery."""

    score: int = Field(ge=1, le=5, description="1 (very unhappy) to 5 (very happy).")
    comment: str = Field(default="", description="What the requester said.")
    at: Timestamp | None = Field(default=None, description="When the rating was given.")


class Outage(RecordModel):
    """When the service was unavailable because of this incident (availability uses it)."""

    start: Timestamp = Field(description="When the service stopped working, with offset.")
    end: Timestamp | None = Field(
        default=None, description="When it worked again; omit while it is still down."
    )
    services: list[ServiceId] = Field(
        default_factory=list, description="Services that were down; default: the request's."
    )

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.end is not None and self.end <= self.start:
            raise ValueError("the outage ends before it starts; end is the moment it worked again")
        return self


class PlannedAction(RecordModel):
    """An action proposed for the request, with an owner and a due date."""

    action: str = Field(min_length=1, description="What is to be done.")
    owner: OwnerId = Field(description="Person or group who will do it.")
    due: Timestamp | None = Field(default=None, description="By when.")
    done: bool = Field(default=False, description="true once carried out.")


class Request(Record):
    """A service request or incident, from receipt to closure."""

    agreement: AgreementId | None = Field(
        default=None, description="Agreement it is handled under (omit: no SLA)."
    )
    service: ServiceId = Field(description="Service requested.")
    category: str | None = Field(default=None, description="Category of that service.")
    priority: Annotated[str, Field(pattern=PRIORITY_PATTERN)] = Field(
        description="Priority at receipt, P1 (highest) to P5."
    )
    requester: str = Field(min_length=1, description="Who asked: e-mail or person id.")
    channel: str = Field(default="portal", description="How it arrived: portal, email, phone…")
    received: Timestamp = Field(description="When it was received, with offset.")
    events: list[Event] = Field(default_factory=list, description="Append-only event log.")
    plan: list[PlannedAction] = Field(default_factory=list, description="Proposed actions.")
    satisfaction: Satisfaction | None = Field(default=None, description="Rating after delivery.")
    outage: Outage | None = Field(
        default=None,
        description="An incident that made the service unavailable: start and end; the "
        "service reports' availability counts it.",
    )
    imported: str | None = Field(
        default=None, description="Source of an imported request (tool and original id)."
    )
    imported_sla: Literal["met", "breached"] | None = Field(
        default=None,
        description="The source tool's own SLA verdict on an imported request (e.g. "
        "ServiceNow's made_sla), kept to compare with Servicebook's clocks; never used by them.",
    )
