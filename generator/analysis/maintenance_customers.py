"""Which customers a maintenance plan affects, so they can be told before it is done (pure).

The same rule as the maintenance notices (:mod:`generator.analysis.maintenance`): the
components the plan works on, every component that depends on them, the services built
on any of those plus the services the plan names, and the active agreements covering
those services. A plan with a window counts the agreements in force on the day it
starts; one without a window every active agreement. ``customers_affected: false`` in
the plan overrides the records (work no customer can notice).
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.models.agreement import Agreement
from generator.models.component import Component
from generator.models.maintenance import Maintenance
from generator.models.service import Service


class CustomerImpact:
    """Answers "whom does this plan affect" for many plans over one set of records."""

    def __init__(
        self,
        components: Iterable[Component],
        services: Iterable[Service],
        agreements: Iterable[Agreement],
    ) -> None:
        self._dependents: dict[str, set[str]] = {}
        for component in components:
            for needed in component.depends_on:
                self._dependents.setdefault(needed, set()).add(component.id)
        self._services = list(services)
        self._agreements = [a for a in agreements if a.status == "active"]

    def customers(self, plan: Maintenance) -> tuple[str, ...]:
        """Ids of the customers the plan affects, sorted (empty when none)."""
        if plan.customers_affected is False:
            return ()
        names = self.services(plan)
        day = plan.window.start.date() if plan.window is not None else None
        return tuple(
            sorted(
                {
                    agreement.customer
                    for agreement in self._agreements
                    if names & set(agreement.services)
                    and (day is None or agreement.in_force_on(day))
                }
            )
        )

    def services(self, plan: Maintenance) -> set[str]:
        """Ids of the services the plan touches: those it names and those built on the
        components it works on or on any component depending on them."""
        touched = self._with_dependents(plan.components)
        return set(plan.services) | {s.id for s in self._services if touched & set(s.components)}

    def _with_dependents(self, roots: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            current = stack.pop()
            if current not in seen:
                seen.add(current)
                stack.extend(self._dependents.get(current, ()))
        return seen
