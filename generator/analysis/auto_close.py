"""The auto-close rule: a resolved request nobody confirms counts as closed after a while.

An agreement's ``auto_close`` (else the ``auto_close`` setting of ``servicebook.yml``) is
the period, in calendar time, from the resolution after which a request still resolved
(no ``closed`` event, no reopening) counts as closed, automatically, as of that instant.
Builds only compute this (see :func:`generator.sla.status.request_state`); the
record is changed only by ``servicebook close --auto``, which writes the
``closed {auto: true}`` events of the requests that are due.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from generator.sla.status import closes_at
from generator.sla.targets import TargetTable

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from generator.models.agreement import Agreement
    from generator.models.request import Request
    from generator.sla.status import RequestState


@dataclass(frozen=True)
class DueClose:
    """A request the rule has closed by ``as_of`` whose record does not say so yet."""

    request_id: str
    resolved_at: datetime
    closes_at: datetime


def auto_close_periods(
    requests: Iterable[Request], agreements: Iterable[Agreement], default_s: int | None
) -> dict[str, int | None]:
    """Per request id: the period of the agreement version in force at receipt, else
    ``default_s`` (requests under no agreement get ``default_s`` too)."""
    table = TargetTable(tuple(agreements))
    found: dict[str, int | None] = {}
    for request in requests:
        agreement = None
        if request.agreement is not None:
            agreement = table.in_force(request.agreement, request.received.date())
        own = None if agreement is None else agreement.auto_close
        found[request.id] = own if own is not None else default_s
    return found


def awaiting_confirmation(
    pairs: Iterable[tuple[Request, RequestState]],
) -> list[tuple[Request, RequestState]]:
    """Resolved requests still waiting for a confirmation: those that will close by
    themselves first, soonest first, then those that will not, oldest resolution first."""
    waiting = [(r, s) for r, s in pairs if s.status == "resolved"]
    return sorted(
        waiting,
        key=lambda pair: (
            pair[1].auto_close_at is None,
            pair[1].auto_close_at or pair[1].resolved_at or pair[0].received,
            pair[0].id,
        ),
    )


def due_closes(
    recorded: Mapping[str, RequestState], periods: Mapping[str, int | None], as_of: datetime
) -> list[DueClose]:
    """The requests whose recorded state (folded without the rule) is resolved and whose
    period has run out by ``as_of``, by closing instant then id."""
    found = []
    for request_id, state in recorded.items():
        due = closes_at(state.status, state.resolved_at, periods.get(request_id))
        if due is not None and state.resolved_at is not None and due <= as_of:
            found.append(DueClose(request_id, state.resolved_at, due))
    return sorted(found, key=lambda d: (d.closes_at, d.request_id))
