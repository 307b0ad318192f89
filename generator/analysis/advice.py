"""What the desk is advised for a request: a category when it has none, a group when
it is unassigned. Shown on the request page, by ``servicebook new request`` and in
the record the intake writes; built once per run, so each request costs a look-up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.analysis.categorise import CategorySuggester, CategorySuggestion
from generator.analysis.routing import GroupSuggestion, suggest_group
from generator.models.request import Request
from generator.models.service import Service


@dataclass(frozen=True)
class Advice:
    """The suggestions for one request (None: nothing to suggest)."""

    category: CategorySuggestion | None = None
    group: GroupSuggestion | None = None


class Advisor:
    """Suggestions from the services' rules and keywords and the past requests."""

    def __init__(self, services: Iterable[Service], past: Iterable[Request]) -> None:
        self._services = {service.id: service for service in services}
        self._categories = CategorySuggester(self._services.values(), past)

    def advise(
        self, service: str, category: str | None, title: str, body: str, *, assigned: bool
    ) -> Advice:
        """Category (when missing) and group (when unassigned) for such a request."""
        suggested = None
        if category is None:
            suggested = self._categories.suggest(service, title, body)
        group = None
        if not assigned:
            chosen = category or (suggested.category if suggested else None)
            group = suggest_group(
                self._services.get(service), chosen, category_suggested=category is None
            )
        return Advice(suggested, group)
