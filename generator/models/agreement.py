"""Service agreements (``records/agreements/<id>.md``): parties, targets, pauses."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)

from generator.models.common import (
    DURATION_PATTERN,
    Day,
    Duration,
    Record,
    RecordModel,
    Review,
    Timestamp,
    as_list,
    format_duration,
    parse_duration,
)
from generator.models.day_count import DAYS_PATTERN, DayCount, parse_day_count
from generator.models.reference import (
    AgreementId,
    CalendarId,
    GroupId,
    OrganizationId,
    PartyId,
    ServiceId,
)

AgreementStatus = Literal["draft", "negotiating", "active", "expired", "retired"]
Metric = Literal["first_response", "resolution", "next_response", "periodic_update"]
Percent = Annotated[float, Field(gt=0, le=100)]


def _rising(value: list[float]) -> list[float]:
    if any(later <= earlier for earlier, later in pairwise(value)):
        raise ValueError(
            f"escalation thresholds must rise, each above the one before, e.g. [50, 75, 90]; "
            f"got {value}"
        )
    return value


Thresholds = Annotated[list[Percent], AfterValidator(_rising)]


def _day_count(value: object) -> DayCount:
    if isinstance(value, DayCount):
        return value
    found = parse_day_count(value)
    if found is None:
        raise ValueError(
            f"{value!r} is not a target in days; write e.g. '3 working days' or "
            "'2 calendar days' (or a duration such as '8h')"
        )
    return found


DayCountText = Annotated[
    DayCount,
    BeforeValidator(_day_count),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": DAYS_PATTERN, "examples": ["3 working days"]}),
]
# A row's metric: a duration (``4h``) or, moved into ``days`` on load, a day count.
TargetDuration = Annotated[
    int,
    BeforeValidator(parse_duration),
    PlainSerializer(format_duration, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": f"{DURATION_PATTERN}|{DAYS_PATTERN}",
            "examples": ["30m", "4h", "PT4H", "3 working days", "2 calendar days"],
        }
    ),
]
METRICS: tuple[Metric, ...] = ("first_response", "next_response", "periodic_update", "resolution")
# One value or a list; the JSON Schema says so, so editors accept `priority: P1` too.
StrList = Annotated[list[str], BeforeValidator(as_list, json_schema_input_type=str | list[str])]


class Match(RecordModel):
    """Which requests a target row applies to; an empty match applies to all."""

    priority: StrList = Field(default_factory=list, description="Priorities, e.g. P1 or [P1, P2].")
    service: StrList = Field(default_factory=list, description="Service ids.")
    category: StrList = Field(default_factory=list, description="Category ids.")

    def is_empty(self) -> bool:
        """True for the catch-all row."""
        return not (self.priority or self.service or self.category)

    def fits(self, priority: str, service: str, category: str | None) -> bool:
        """Whether a request with these attributes falls under the row."""
        return (
            (not self.priority or priority in self.priority)
            and (not self.service or service in self.service)
            and (not self.category or (category is not None and category in self.category))
        )


class Target(RecordModel):
    """One row of the targets table: durations per metric for the matching requests."""

    match: Match = Field(
        default_factory=Match, description="Which requests the row applies to; {} = all others."
    )
    calendar: CalendarId | None = Field(
        default=None, description="Calendar for this row; default: the agreement's (e.g. 24x7)."
    )
    first_response: TargetDuration | None = Field(
        default=None, description="Time from receipt to the first public reply."
    )
    next_response: TargetDuration | None = Field(
        default=None, description="Time from a requester's message to the next public reply."
    )
    periodic_update: TargetDuration | None = Field(
        default=None, description="Longest time between public updates while open."
    )
    resolution: TargetDuration | None = Field(
        default=None, description="Time from receipt to resolution, excluding pauses."
    )
    days: dict[Metric, DayCountText] = Field(
        default_factory=dict,
        description="Targets in whole days per metric, e.g. resolution: 3 working days (due "
        "at the end of the third working day after the day the clock starts) or 2 calendar "
        "days. Written directly as the metric's value; kept here.",
    )
    escalate_at: Thresholds | None = Field(
        default=None,
        description="Escalation thresholds in percent of each target of the row, rising "
        "(e.g. [50, 75, 90]: levels 1 to 3); default: the agreement's escalate_at.",
    )

    @model_validator(mode="before")
    @classmethod
    def _day_counts(cls, data: Any) -> Any:
        """``resolution: 3 working days`` is a day target: move it to ``days``."""
        if not isinstance(data, dict):
            return data
        moved = {m: data[m] for m in METRICS if parse_day_count(data.get(m)) is not None}
        if not moved:
            return data
        rest = {key: value for key, value in data.items() if key not in moved}
        days = rest.get("days")
        return {**rest, "days": {**(days if isinstance(days, dict) else {}), **moved}}

    def day_count(self, metric: Metric) -> DayCount | None:
        """The metric's target in days, None when it has none (or a duration)."""
        return self.days.get(metric)

    def target_text(self, metric: Metric) -> str:
        """The metric's target as written: ``4h``, ``3 working days`` or ``—`` (none)."""
        days = self.days.get(metric)
        if days is not None:
            return str(days)
        seconds: int | None = getattr(self, metric)
        return "—" if seconds is None else format_duration(seconds)


GroupMetric = Literal["assign", "hold"]
"""Operational level clocks of a group: time to assign (or own) and time held."""


class GroupTarget(RecordModel):
    """An operational level target (OLA) of one group for the matching requests."""

    group: GroupId = Field(description="The group the row binds (roster id).")
    match: Match = Field(
        default_factory=Match, description="Which requests the row applies to; {} = all."
    )
    calendar: CalendarId | None = Field(
        default=None, description="Calendar for this row; default: the agreement's."
    )
    assign: Duration | None = Field(
        default=None,
        description="Time to assign or own: from each time the group gets the request until "
        "a person of it is named or it is taken in progress.",
    )
    hold: Duration | None = Field(
        default=None,
        description="Time the group may hold the request, all its turns together, "
        "excluding the pause statuses.",
    )
    pause: list[str] = Field(
        default_factory=lambda: ["waiting_on_requester"],
        description="Statuses in which both group clocks stop counting (default: waiting on "
        "the requester; a group waiting on its supplier still holds the request).",
    )

    @model_validator(mode="after")
    def _something(self) -> GroupTarget:
        if self.assign is None and self.hold is None:
            raise ValueError(
                f"group target for '{self.group}' sets neither assign nor hold; "
                "give at least one duration, e.g. assign: 30m"
            )
        return self


def _default_pause() -> dict[Metric, list[str]]:
    return {"resolution": ["waiting_on_requester", "waiting_on_third_party"]}


class Approval(RecordModel):
    """A sign-off of the agreement by one of the parties."""

    by: PartyId = Field(description="Person or organization that approved.")
    role: Literal["provider", "customer"] = Field(description="Which side they approved for.")
    at: Timestamp = Field(description="When they approved, with offset.")
    note: str = Field(default="", description="Remarks made with the approval.")


class Scope(RecordModel):
    """Which requests the agreement covers beyond its services (request criteria)."""

    categories: list[str] = Field(
        default_factory=list, description="Only these categories are in scope; empty = all."
    )
    requesters: list[str] = Field(
        default_factory=list,
        description="E-mail domains or person ids entitled to request; "
        "empty = anyone of the customer.",
    )


class Agreement(Record):
    """A service agreement between the provider and a customer."""

    status: AgreementStatus = Field(description="draft, negotiating, active, expired or retired.")
    customer: OrganizationId = Field(description="Customer organization (roster id).")
    provider: OrganizationId | None = Field(
        default=None, description="Provider organization (roster id), if recorded."
    )
    services: list[ServiceId] = Field(min_length=1, description="Services the agreement covers.")
    effective: Day = Field(description="First day the agreement applies.")
    expires: Day | None = Field(default=None, description="Last day the agreement applies.")
    version: int = Field(default=1, ge=1, description="Version number, raised on each revision.")
    supersedes: AgreementId | None = Field(
        default=None, description="Earlier agreement this one replaces from its effective date."
    )
    calendar: CalendarId = Field(
        default="24x7", description="Service hours calendar; 24x7 is built in."
    )
    targets: list[Target] = Field(
        default_factory=list,
        description="Target rows in order; the first whose match fits applies; end with match: {}.",
    )
    group_targets: list[GroupTarget] = Field(
        default_factory=list,
        description="Operational level targets per group, in order; the first row for the "
        "group whose match fits applies.",
    )
    pause: dict[Metric, list[str]] = Field(
        default_factory=_default_pause,
        description="Statuses in which each metric's clock stops.",
    )
    availability: Percent | None = Field(
        default=None,
        description="Agreed availability of each service in its service hours, percent per "
        "month (e.g. 99.5); the service reports flag a month below it.",
    )
    objectives: dict[Metric, Percent] = Field(
        default_factory=dict,
        description="Compliance objective per clock: the share of clocks in target a month "
        "must reach, in percent (e.g. resolution: 95); a month below it raises a review flag.",
    )
    escalate_at: Thresholds = Field(
        default_factory=list,
        description="Escalation thresholds in percent of a target for every row that sets "
        "none, rising (e.g. [50, 75, 90]); the internal dashboard lists each open clock at "
        "its level. Empty: no escalation levels.",
    )
    warn_at: float = Field(
        default=0.75, gt=0, le=1, description="Fraction of a target after which a clock is at risk."
    )
    breach_sticky: bool = Field(
        default=True,
        description="A breached clock stays breached after a priority downgrade.",
    )
    auto_close: Duration | None = Field(
        default=None,
        description="Close resolved requests not confirmed within this time (calendar time).",
    )
    closure_requires_action: bool = Field(
        default=True,
        description="Closing a request needs an `action` event first (what was done), "
        "unless it was rejected or cancelled.",
    )
    scope: Scope = Field(default_factory=Scope, description="Request criteria beyond services.")
    review: Review | None = Field(default=None, description="Review cycle: interval and last.")
    approvals: list[Approval] = Field(default_factory=list, description="Sign-offs by the parties.")
    reporting: str = Field(
        default="monthly", description="How often service reports are produced for the customer."
    )

    @property
    def starts(self) -> date | None:
        """The agreement's first day as this file tells it: ``effective`` of version 1. A
        later version's ``effective`` is the day that revision took effect; the agreement
        began before, on a day only its history knows (None)."""
        return self.effective if self.version == 1 else None

    def in_force_on(self, day: date) -> bool:
        """Whether ``day`` lies within the agreement's dates (from :attr:`starts`, when
        known, to ``expires``)."""
        starts = self.starts
        return (starts is None or starts <= day) and (self.expires is None or day <= self.expires)
