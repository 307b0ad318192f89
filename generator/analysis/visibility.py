"""Who may read what: the staff see every record; a customer its own, and nothing
internal (pure).

An *audience* is one published site. ``staff`` (the default) is the whole service book.
``customer:ORG`` is what the organization ``ORG`` may read: its agreements, the services
and service hours they cover, its requests (under its agreements, or asked by its people)
without internal events, its needs and surveys, and the maintenance plans that affect
it. Everything else (other customers, suppliers, operations, the roster, the audit trail)
stays in the staff site. Ids a customer may see named but not opened (the provider,
the staff working on its requests) are its *names*.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from generator.analysis.maintenance_customers import CustomerImpact
from generator.errors import UsageError
from generator.models.agreement import Agreement
from generator.models.maintenance import Maintenance
from generator.models.request import Event, Request
from generator.records.catalog import Catalog, roster_index

STAFF_NAME = "staff"
CUSTOMER_PREFIX = "customer:"
_ORG_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass(frozen=True, order=True)
class Audience:
    """One published site: the staff's (``customer`` None) or one customer's."""

    customer: str | None = None

    @property
    def is_staff(self) -> bool:
        """True for the staff site, which shows everything."""
        return self.customer is None

    @property
    def name(self) -> str:
        """``staff`` or ``customer:ORG``, as written on the command line."""
        return STAFF_NAME if self.customer is None else f"{CUSTOMER_PREFIX}{self.customer}"

    @property
    def folder(self) -> str:
        """The folder of its site under ``site/`` when every audience is built."""
        return STAFF_NAME if self.customer is None else f"customer-{self.customer}"


STAFF = Audience()


def parse_audience(text: str) -> Audience:
    """``staff`` or ``customer:ORG``; anything else is a usage error."""
    value = text.strip()
    if value == STAFF_NAME:
        return STAFF
    if value.startswith(CUSTOMER_PREFIX):
        organization = value[len(CUSTOMER_PREFIX) :]
        if _ORG_RE.match(organization):
            return Audience(organization)
    raise UsageError(
        f"unknown audience '{text}'; write 'staff' or 'customer:ORG' with ORG the id of "
        "an organization that is the customer of an agreement",
    )


def customers(agreements: Iterable[Agreement]) -> tuple[str, ...]:
    """The customers of the agreements, sorted: one customer site each."""
    return tuple(sorted({agreement.customer for agreement in agreements}))


def all_audiences(catalog: Catalog) -> tuple[Audience, ...]:
    """The staff site, then one site per customer of an agreement."""
    return (STAFF, *(Audience(c) for c in customers(catalog.agreements)))


def check_audience(catalog: Catalog, audience: Audience) -> None:
    """Refuse a customer audience that names no customer of an agreement."""
    if audience.customer is None or audience.customer in customers(catalog.agreements):
        return
    known = ", ".join(f"customer:{c}" for c in customers(catalog.agreements)) or "none"
    raise UsageError(
        f"'{audience.customer}' is the customer of no agreement, so it has no site; "
        f"write one of: staff, {known}",
    )


def is_internal(event: Event) -> bool:
    """Whether only staff may read the event: every note, and any event marked
    ``internal: true``."""
    return event.internal


def public_request(request: Request) -> Request:
    """The request as its customer may read it: without its internal events."""
    if not any(is_internal(event) for event in request.events):
        return request
    events = [event for event in request.events if not is_internal(event)]
    return request.model_copy(update={"events": events})


def public_plan(plan: Maintenance) -> Maintenance:
    """The maintenance plan as a customer may read it: without the staff's notes on whom
    they told how (they name the other customers told)."""
    if not plan.notification:
        return plan
    return plan.model_copy(update={"notification": ""})


@dataclass(frozen=True)
class Visibility:
    """What one audience may open (``records``) and see named (``names``)."""

    audience: Audience
    records: frozenset[str]
    names: frozenset[str]

    def shows(self, record_id: str) -> bool:
        """Whether the record has a page (or a row) on this audience's site."""
        return self.audience.is_staff or record_id in self.records

    def names_(self, record_id: str) -> bool:
        """Whether the record's title may appear on this audience's site."""
        return self.audience.is_staff or record_id in self.records or record_id in self.names


def visibility(catalog: Catalog, audience: Audience, provider: str | None) -> Visibility:
    """The records ``audience`` may open, and the further ones it may see named."""
    if audience.customer is None:
        every = frozenset(catalog.entries)
        return Visibility(audience, every, every)
    org = audience.customer
    roster = roster_index(catalog)
    agreements = [a for a in catalog.agreements if a.customer == org]
    agreement_ids = {a.id for a in agreements}
    services = {s for a in agreements for s in a.services}
    calendars = {a.calendar for a in agreements}
    calendars |= {t.calendar for a in agreements for t in a.targets if t.calendar}
    own_people = {p.id for p in catalog.people if p.organization == org}
    staff = {p.id for p in catalog.people if provider and p.organization == provider}
    requests = {
        r.id
        for r in catalog.requests
        if (r.agreement is not None and r.agreement in agreement_ids)
        or roster.requester(r.requester).organization == org
    }
    impact = CustomerImpact(catalog.components, catalog.services, catalog.agreements)
    plans = {p.id for p in catalog.maintenance if org in impact.customers(p)}
    needs = {
        n.id
        for n in catalog.needs
        if n.type != "staff_concern"
        and (n.raised_by == org or n.raised_by in own_people or n.agreement in agreement_ids)
    }
    records = {org, *agreement_ids, *services, *calendars, *requests, *plans, *needs}
    names = {*own_people, *staff, *(g.id for g in catalog.groups)}
    if provider:
        names.add(provider)
    return Visibility(audience, frozenset(records & set(catalog.entries)), frozenset(names))
