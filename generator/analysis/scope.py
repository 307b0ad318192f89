"""Whether a request falls within its agreement: services, dates and criteria."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from generator.models.agreement import Agreement
from generator.models.request import Request

if TYPE_CHECKING:
    from generator.records.roster_index import Requester


@dataclass(frozen=True)
class ScopeProblem:
    """One reason a request is out of scope, and the request field it is about."""

    field: str
    text: str

    def __str__(self) -> str:
        return self.text


def scope_problems(
    request: Request,
    agreement: Agreement | None,
    requester: Requester | None = None,
    starts: date | None = None,
) -> list[ScopeProblem]:
    """Why the request is out of its agreement's scope; empty when in scope.

    ``agreement`` is the version in force when the request was received; ``starts`` the
    agreement's first day (its first version's ``effective``; by default
    :attr:`Agreement.starts`, as the file tells it). ``requester`` (from
    :class:`~generator.records.roster_index.RosterIndex`) is checked against
    ``scope.requesters``; without it that criterion is not checked.
    """
    if agreement is None:
        return []
    problems: list[ScopeProblem] = []
    day = request.received.date()
    first = starts if starts is not None else agreement.starts
    before = first is not None and day < first
    if before or (agreement.expires is not None and day > agreement.expires):
        since = first.isoformat() if first is not None else f"before {agreement.effective}"
        until = agreement.expires.isoformat() if agreement.expires else "open-ended"
        problems.append(
            ScopeProblem(
                "received",
                f"received on {day.isoformat()}, outside the effective dates of "
                f"{agreement.id} ({since} to {until})",
            )
        )
    if request.service not in agreement.services:
        problems.append(
            ScopeProblem(
                "service",
                f"'{request.service}' is not covered by {agreement.id} "
                f"(covers {', '.join(agreement.services)})",
            )
        )
    categories = agreement.scope.categories
    if categories and request.category not in categories:
        problems.append(
            ScopeProblem(
                "category",
                f"category '{request.category}' is outside the scope of {agreement.id} "
                f"({', '.join(categories)})",
            )
        )
    entitled = agreement.scope.requesters
    if requester is not None and entitled and not any(map(requester.matches, entitled)):
        problems.append(
            ScopeProblem(
                "requester",
                f"'{request.requester}' is not in scope of {agreement.id} "
                f"(scope.requesters: {', '.join(entitled)})",
            )
        )
    return problems
