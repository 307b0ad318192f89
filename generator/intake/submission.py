"""Checking a submitted request's answers against the records.

Service, category and priority must be ones the records offer; the contact must
be an e-mail address or a roster id. The agreement is looked up, not asked for:
the active agreement in force on the day received that covers the service (and
category) for the requester's organization, found by e-mail domain or roster
entry. When that leaves no single agreement the request gets none, and the
desk sets it while reviewing the pull request.

Every message says what is wrong and what to write instead, in words for the
person who filled in the form, not for the people who keep the records.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.models.agreement import Agreement
from generator.models.roster import Organization, Person
from generator.models.service import Category, Service

if TYPE_CHECKING:
    from datetime import datetime

    from generator.analysis.categorise import CategorySuggestion
    from generator.records.catalog import Catalog

PRIORITIES = ("P1", "P2", "P3", "P4")
_PRIORITY = re.compile(r"^(P[1-9])\b")
_EMAIL = re.compile(
    r"^[^@\s<>\"'`()\[\],;:]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\.[A-Za-z]{2,}$"
)
_CHOICE_ID = re.compile(r"\(([^()]+)\)$")


@dataclass(frozen=True)
class Problem:
    """One answer that cannot be recorded: the form field and what to do."""

    field: str
    message: str


@dataclass(frozen=True)
class Answers:
    """The requester's answers to the classifying fields, already flattened to one line."""

    service: str
    category: str
    priority: str
    contact: str


@dataclass(frozen=True)
class Classification:
    """The record fields the answers decide."""

    service: str
    category: str | None
    priority: str
    requester: str
    agreement: str | None


def classify(
    catalog: Catalog,
    answers: Answers,
    *,
    fallback_requester: str,
    received: datetime,
    suggest: Callable[[str], CategorySuggestion | None] | None = None,
) -> tuple[Classification | None, list[Problem]]:
    """The record fields, or every problem with the answers.

    ``suggest`` gives the category that fits what was written, for a service id; it
    is offered when no category was chosen.
    """
    problems: list[Problem] = []
    service = _service(catalog, answers.service, problems)
    category = None
    if service is not None:
        offer = suggest(service.id) if suggest is not None and not answers.category else None
        category = _category(service, answers.category, problems, offer)
    priority = _priority(answers.priority, problems)
    requester = _requester(catalog, answers.contact, fallback_requester, problems)
    if problems or service is None or priority is None or requester is None:
        return None, problems
    agreement = find_agreement(catalog, service.id, category, requester, received)
    return Classification(service.id, category, priority, requester, agreement), problems


def quote(value: str, limit: int = 60) -> str:
    """A requester's answer shown back as code, so it is neither markup nor a mention."""
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return "`" + text.replace("`", "'") + "`"


def option(title: str, key: str) -> str:
    """How a choice is written in the form and in comments: ``Title (id)``, or the id."""
    return key if title in ("", key) else f"{title} ({key})"


def _choices(pairs: list[tuple[str, str]]) -> str:
    return ", ".join(f"`{option(title, key)}`" for title, key in pairs)


def _key(value: str) -> str:
    """``Warehouse systems (warehouse-systems)`` → ``warehouse-systems``; else the value."""
    match = _CHOICE_ID.search(value)
    return match.group(1).strip() if match else value


def _service(catalog: Catalog, value: str, problems: list[Problem]) -> Service | None:
    offered = [s for s in catalog.services if s.status == "live"]
    menu = _choices([(s.title, s.id) for s in offered])
    if not value:
        problems.append(
            Problem("service", f"no service was chosen. Choose the one you need: {menu}.")
        )
        return None
    key = _key(value)
    found = next(
        (
            s
            for s in catalog.services
            if key in (s.id, s.title) or value.casefold() == s.title.casefold()
        ),
        None,
    )
    if found is None:
        problems.append(
            Problem(
                "service", f"{quote(value)} is not in our service catalog. Choose one of: {menu}."
            )
        )
        return None
    if found.status != "live":
        when = "not offered yet" if found.status == "planned" else "no longer offered"
        problems.append(Problem("service", f"{found.title} is {when}. Choose one of: {menu}."))
        return None
    return found


def _category(
    service: Service, value: str, problems: list[Problem], offer: CategorySuggestion | None
) -> str | None:
    if not service.categories:
        return None
    menu = _choices([(_title(c), c.id) for c in service.categories])
    if not value:
        hint = ""
        if offer is not None:
            chosen = next(c for c in service.categories if c.id == offer.category)
            hint = (
                f" From what you wrote we suggest `{option(_title(chosen), chosen.id)}` "
                f"({offer.reason()})."
            )
        problems.append(
            Problem(
                "category",
                f"no category was chosen. For {service.title} choose one of: {menu}.{hint}",
            )
        )
        return None
    # The form's options read "Service: Category (id)"; accept the part after
    # the service's name too, for categories without a title of their own.
    keys = {_key(value), _key(value).rsplit(": ", 1)[-1]}
    for category in service.categories:
        if keys & {category.id, _title(category)}:
            return category.id
    problems.append(
        Problem(
            "category",
            f"{quote(value)} is not a category of {service.title}. Choose one of: {menu}.",
        )
    )
    return None


def _title(category: Category) -> str:
    return category.title or category.id


def _priority(value: str, problems: list[Problem]) -> str | None:
    match = _PRIORITY.match(value)
    if match and match.group(1) in PRIORITIES:
        return match.group(1)
    wanted = ", ".join(PRIORITIES[:-1]) + f" or {PRIORITIES[-1]}"
    if not value:
        problems.append(
            Problem("priority", f"no priority was chosen. Choose {wanted} (P1 is the most urgent).")
        )
    else:
        problems.append(
            Problem(
                "priority",
                f"{quote(value)} is not a priority. Write {wanted} at the start of the line.",
            )
        )
    return None


def _requester(
    catalog: Catalog, contact: str, fallback: str, problems: list[Problem]
) -> str | None:
    if not contact:
        return fallback
    if _EMAIL.match(contact) or catalog.record(contact, Person) is not None:
        return contact
    problems.append(
        Problem(
            "contact",
            f"{quote(contact)} is not an e-mail address. Write the address we can reach "
            f"you at, e.g. `name@example.com`, or delete the answer and we will reply "
            f"here on GitHub to {fallback}.",
        )
    )
    return None


def find_agreement(
    catalog: Catalog, service: str, category: str | None, requester: str, received: datetime
) -> str | None:
    """The one agreement the request falls under, or None when that is not clear."""
    day = received.date()
    candidates = [
        a
        for a in catalog.of(Agreement)
        if a[1].status == "active"
        and a[1].in_force_on(day)
        and service in a[1].services
        and (not a[1].scope.categories or category in a[1].scope.categories)
    ]
    customer = _organization_of(catalog, requester)
    if customer is not None:
        mine = [a for _, a in candidates if a.customer == customer]
        return mine[0].id if len(mine) == 1 else None
    return candidates[0][1].id if len(candidates) == 1 else None


def _organization_of(catalog: Catalog, requester: str) -> str | None:
    person = catalog.record(requester, Person)
    if person is not None:
        return person.organization
    if "@" not in requester.strip("@"):
        return None
    domain = requester.rsplit("@", 1)[1].lower()
    for organization in catalog.all_of(Organization):
        if domain in (d.lower() for d in organization.domains):
            return organization.id
    return None
