"""What needs attention as of the instant: breached and at-risk clocks of requests not
yet closed, and resolved requests awaiting the requester's confirmation (pure).

Read by the attention feeds (one per audience, one per group on the staff site) and by
``servicebook notify``. Every item has a stable ``key``, so a breach seen by one run is
recognised by the next (the published ``attention/breaches.json`` keeps the keys).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from generator.facts.site_facts import SiteFacts
from generator.models.request import Request
from generator.sla.status import RequestState
from generator.views.clocks import ClockAlert, alerts

AttentionKind = Literal["breached", "at_risk", "awaiting_confirmation"]
FINAL = frozenset({"closed", "rejected", "cancelled"})
"""Statuses in which nothing is owed any more."""
CLOCK_STATES = frozenset({"breached", "at_risk"})
WORDS: dict[str, str] = {
    "breached": "breached",
    "at_risk": "at risk",
    "awaiting_confirmation": "awaiting confirmation",
}


@dataclass(frozen=True)
class Attention:
    """One thing someone should act on now."""

    key: str
    kind: AttentionKind
    request: Request
    state: RequestState
    what: str
    """The clock (``resolution``) or ``confirmation``."""
    since: datetime
    """When it began: the breach, the clock's start (at risk), the resolution."""
    due: datetime | None

    @property
    def group(self) -> str | None:
        """The group the request is assigned to."""
        return self.state.group


def attention(facts: SiteFacts) -> list[Attention]:
    """Every item, most urgent kind first, then by when it began and request id."""
    live = {
        request.id: (request, facts.states[request.id])
        for request in facts.catalog.requests
        if request.id in facts.states and facts.states[request.id].status not in FINAL
    }
    found = [_of_clock(alert) for alert in alerts(live, facts.clocks, CLOCK_STATES)]
    for request, state in live.values():
        if state.status == "resolved" and state.resolved_at is not None:
            found.append(
                Attention(
                    f"{request.id}/confirmation",
                    "awaiting_confirmation",
                    request,
                    state,
                    "confirmation",
                    state.resolved_at,
                    state.auto_close_at,
                )
            )
    order = {kind: index for index, kind in enumerate(WORDS)}
    return sorted(found, key=lambda a: (order[a.kind], a.since, a.request.id, a.what))


def _of_clock(alert: ClockAlert) -> Attention:
    clock = alert.clock
    kind: AttentionKind = "breached" if clock.state == "breached" else "at_risk"
    since = clock.breached_at if kind == "breached" and clock.breached_at else clock.started_at
    metric = alert.label.replace(" ", "_")
    key = f"{alert.request.id}/{metric}/{clock.started_at.astimezone(UTC):%Y%m%dT%H%M%SZ}"
    return Attention(key, kind, alert.request, alert.state, alert.label, since, clock.due)


def breach_keys(items: list[Attention]) -> list[str]:
    """The keys of the breaches, sorted: what ``notify`` compares run to run."""
    return sorted(item.key for item in items if item.kind == "breached")


@dataclass(frozen=True)
class AttentionSection:
    """One table of the attention page."""

    title: str
    what: str
    items: tuple[Attention, ...]


SECTION_TITLES: dict[str, tuple[str, str]] = {
    "breached": ("Breached", "Clock"),
    "at_risk": ("At risk", "Clock"),
    "awaiting_confirmation": ("Awaiting confirmation", "Waiting for"),
}


def attention_page(facts: SiteFacts) -> dict[str, object]:
    """The attention page's context: one section per kind, in order of urgency."""
    items = attention(facts)
    return {
        "sections": [
            AttentionSection(title, what, tuple(i for i in items if i.kind == kind))
            for kind, (title, what) in SECTION_TITLES.items()
        ]
    }
