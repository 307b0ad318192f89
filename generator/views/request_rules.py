"""The rules a request page and the internal dashboard show: scope (with the requester
looked up in the roster) and the suggested category and group.

Built once per site from the catalog and the requests known at ``as_of`` (a
suggestion never learns from a request received later), then asked per request.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from generator.analysis.advice import Advice, Advisor
from generator.analysis.scope import ScopeProblem, scope_problems
from generator.models.agreement import Agreement
from generator.models.request import Request
from generator.records.catalog import Catalog, roster_index
from generator.records.roster_index import RosterIndex
from generator.sla.status import RequestState
from generator.sla.versions import VersionBook


@dataclass(frozen=True)
class RequestRules:
    """The roster's look-ups and the advisor, shared by every request of one site."""

    roster: RosterIndex
    advisor: Advisor
    versions: VersionBook

    def out_of_scope(self, request: Request, agreement: Agreement | None) -> list[ScopeProblem]:
        """Why the request falls outside its agreement (the version in force when it was
        received), requester criterion included."""
        return out_of_scope(request, agreement, self.roster, self.versions)

    def advice(self, request: Request, body: str, state: RequestState) -> Advice:
        """A category when it has none; a group while it is open and unassigned."""
        assigned = state.group is not None or not state.is_open
        return self.advisor.advise(
            request.service, request.category, request.title, body, assigned=assigned
        )


def out_of_scope(
    request: Request, agreement: Agreement | None, roster: RosterIndex, versions: VersionBook
) -> list[ScopeProblem]:
    """Why ``request`` falls outside ``agreement`` as it stood when the request came in."""
    if agreement is None:
        return []
    in_force = versions.at(agreement, request.received)
    starts = versions.starts(agreement.id)
    return scope_problems(request, in_force, roster.requester(request.requester), starts)


def request_rules(
    catalog: Catalog, states: Mapping[str, RequestState], versions: VersionBook
) -> RequestRules:
    """The rules for a site whose known requests are those with a state."""
    known = [request for request in catalog.requests if request.id in states]
    return RequestRules(roster_index(catalog), Advisor(catalog.services, known), versions)
