"""Assignment rules: the category's group, the roster's members, reasons for transfers.

- A request whose current group is not the group its category names
  (:mod:`generator.analysis.routing`) is a warning naming the rule, unless the
  assignment that put it there says why (``reason``).
- A person assigned with a group must be one of the group's members (an error).
  The roster's membership has no dates, so membership *now* counts; a group whose
  members the roster does not list (one the importer created) is not judged.
- A transfer (an ``assigned`` event to another group than the one before) needs a
  ``reason``: a warning on records as they are, so history stays readable;
  ``servicebook event`` refuses to write a new transfer without one.

Cost: one pass over each request's events, with the roster and services indexed once.
"""

from __future__ import annotations

from generator.analysis.routing import category_rule
from generator.errors import Diagnostic, Severity
from generator.models.request import Assigned, Request
from generator.models.roster import Person
from generator.models.service import Service
from generator.records.catalog import Catalog, roster_index
from generator.records.loader import LoadedRecord
from generator.records.roster_index import RosterIndex


def check_assignments(catalog: Catalog) -> list[Diagnostic]:
    """Diagnostics of every request's assignments against the rules and the roster."""
    roster = roster_index(catalog)
    services = {service.id: service for service in catalog.services}
    found: list[Diagnostic] = []
    for entry, request in catalog.of(Request):
        found.extend(_assignments(catalog, roster, services, entry, request))
    return found


def _assignments(
    catalog: Catalog,
    roster: RosterIndex,
    services: dict[str, Service],
    entry: LoadedRecord,
    request: Request,
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    current: tuple[int, Assigned] | None = None
    for index, event in enumerate(request.events):
        if not isinstance(event, Assigned):
            continue
        person = event.person
        known = person is not None and catalog.record(person, Person) is not None
        if known and person and roster.is_member(person, event.group) is False:
            found.append(
                entry.diagnostic(
                    ("events", index, "person"), _not_member(roster, person, event.group)
                )
            )
        if current is not None and current[1].group != event.group and not event.reason.strip():
            found.append(
                entry.diagnostic(
                    ("events", index, "group"),
                    transfer_without_reason(current[1].group, event.group),
                    Severity.WARNING,
                )
            )
        current = (index, event)
    rule = category_rule(services.get(request.service), request.category)
    if rule is not None and current is not None:
        index, event = current
        if event.group != rule.group and not event.reason.strip():
            found.append(
                entry.diagnostic(
                    ("events", index, "group"),
                    f"'{event.group}' is not the group of the rule {rule.describe()}; "
                    f"assign the request to {rule.group}, or say why in this "
                    "assignment's reason",
                    Severity.WARNING,
                )
            )
    return found


def transfer_without_reason(from_group: str, to_group: str) -> str:
    """What is wrong with a transfer that gives no reason, and what to write."""
    return (
        f"a transfer from '{from_group}' to '{to_group}' needs a reason; "
        "add reason: … to this assigned event (why the request moved)"
    )


def _not_member(roster: RosterIndex, person: str, group: str) -> str:
    members = ", ".join(roster.members(group))
    return (
        f"'{person}' is not a member of group '{group}' (members: {members}); assign "
        f"one of them, or add '{person}' to the group's members (the roster as it is "
        "now counts: membership has no dates)"
    )
