"""Whether a request falls within its agreement: services, dates and criteria."""

from __future__ import annotations

from generator.models.agreement import Agreement
from generator.models.request import Request


def scope_problems(request: Request, agreement: Agreement | None) -> list[str]:
    """Why the request is out of its agreement's scope; empty when in scope."""
    if agreement is None:
        return []
    problems: list[str] = []
    day = request.received.date()
    if not agreement.in_force_on(day):
        until = agreement.expires.isoformat() if agreement.expires else "open-ended"
        problems.append(
            f"received on {day.isoformat()}, outside the effective dates of "
            f"{agreement.id} ({agreement.effective.isoformat()} to {until})"
        )
    if request.service not in agreement.services:
        problems.append(
            f"'{request.service}' is not covered by {agreement.id} "
            f"(covers {', '.join(agreement.services)})"
        )
    categories = agreement.scope.categories
    if categories and request.category not in categories:
        problems.append(
            f"category '{request.category}' is outside the scope of {agreement.id} "
            f"({', '.join(categories)})"
        )
    return problems
