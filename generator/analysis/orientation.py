"""Orientation of staff (SD SP 2.2, "orient staff"): what a group's newcomer needs to know,
and who joined without finishing orientation. Pure.

Staff are the provider's people: a person of an organization whose role is ``provider``,
or, without an organization, a member of one of the provider's groups. A customer's or
supplier's people are never staff, whatever groups they sit in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.models.component import Component
from generator.models.log_entry import LogEntry
from generator.models.maintenance import Maintenance
from generator.models.procedure import Procedure
from generator.models.roster import Group, Organization, Person
from generator.models.service import Service

CURRENT = frozenset({"proposed", "approved", "scheduled", "in_progress"})
"""Maintenance a newcomer will meet: not done, failed or cancelled yet."""


@dataclass(frozen=True)
class Onboarding:
    """What one group's onboarding page lists."""

    members: tuple[Person, ...]
    services: tuple[Service, ...]
    procedures: tuple[Procedure, ...]
    components: tuple[Component, ...]
    maintenance: tuple[Maintenance, ...]
    actions: tuple[LogEntry, ...]


def members_of(group: Group, people: Sequence[Person]) -> list[Person]:
    """The group's members, named by the group or naming it, in id order."""
    return sorted((p for p in people if is_member(p, group)), key=lambda p: p.id)


def is_member(person: Person, group: Group) -> bool:
    """Whether the group names the person or the person names the group."""
    return person.id in group.members or group.id in person.groups


def onboarding(
    group: Group,
    people: Sequence[Person],
    services: Sequence[Service],
    procedures: Sequence[Procedure],
    components: Sequence[Component],
    maintenance: Sequence[Maintenance],
    log: Sequence[LogEntry],
) -> Onboarding:
    """The group's services, procedures and components, its current maintenance and its
    open corrective actions, with its members as the contacts."""
    return Onboarding(
        tuple(members_of(group, people)),
        tuple(s for s in services if s.owner == group.id),
        tuple(p for p in procedures if p.owner == group.id),
        tuple(c for c in components if c.owner == group.id and c.status != "retired"),
        tuple(m for m in maintenance if m.owner == group.id and m.status in CURRENT),
        tuple(
            e
            for e in log
            if e.by == group.id and e.type == "corrective_action" and e.status == "open"
        ),
    )


def is_staff(
    person: Person, organizations: Sequence[Organization], groups: Sequence[Group]
) -> bool:
    """Whether ``person`` works for the provider (see the module doc)."""
    if person.organization is not None:
        return any(o.id == person.organization and o.role == "provider" for o in organizations)
    return any(is_member(person, g) for g in groups)


def not_oriented(
    people: Sequence[Person], organizations: Sequence[Organization], groups: Sequence[Group]
) -> list[Person]:
    """Staff who joined (``joined`` set) and have not completed orientation, newest first."""
    found = [
        p
        for p in people
        if p.joined is not None and not p.oriented and is_staff(p, organizations, groups)
    ]
    return sorted(found, key=lambda p: (p.joined, p.id), reverse=True)
