"""Capability: would an agreement's targets be met, judged on real requests (pure).

CMMI SP 1.1 asks to analyse the provider's capability before agreeing to targets. For
an agreement (proposed or active) the population is every request received in the
``CAPABILITY_MONTHS`` before ``as_of`` for one of its services, from any customer: the
work the provider actually did. Their clocks are recomputed as if the agreement's
targets, service hours and pause rules had applied (``sla.evaluation.evaluate_under``);
this module only counts them.

Per metric (first response, resolution) and priority: clocks that stopped met or
breached, plus running clocks already breached, as in the compliance report; the share
met; and the P90 of the elapsed business time of the stopped ones against the target.
The verdict: ``achievable`` from ``ACHIEVABLE`` % met, ``tight`` from ``TIGHT`` %,
``unlikely`` below, and ``too_few`` under ``MIN_MEASURED`` clocks (nothing to judge).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from generator.analysis.compliance import nearest_rank, percent
from generator.models.agreement import Agreement
from generator.models.request import Request
from generator.sla.request_clocks import RequestClocks

CAPABILITY_MONTHS = 6
WINDOW = timedelta(days=CAPABILITY_MONTHS * 30)
ACHIEVABLE = 95.0
TIGHT = 80.0
MIN_MEASURED = 10
JUDGED = ("first_response", "resolution")
Verdict = Literal["achievable", "tight", "unlikely", "too_few"]


@dataclass(frozen=True)
class CapabilityRow:
    """Would-be compliance of one metric at one priority."""

    metric: str
    priority: str
    target_s: int | None
    met: int
    breached: int
    percent: float | None
    p90_elapsed_s: int | None
    verdict: Verdict


@dataclass(frozen=True)
class Capability:
    """The capability of one agreement: how many requests it was judged on, and the rows."""

    requests: int
    rows: tuple[CapabilityRow, ...]

    @property
    def worst(self) -> Verdict | None:
        """The worst verdict of any row that could be judged (None: none could)."""
        order: tuple[Verdict, ...] = ("unlikely", "tight", "achievable")
        found = {row.verdict for row in self.rows}
        return next((verdict for verdict in order if verdict in found), None)


@dataclass
class _Tally:
    met: int = 0
    breached: int = 0
    targets: set[int] = field(default_factory=set)
    elapsed: list[int] = field(default_factory=list)


def population(agreement: Agreement, requests: Iterable[Request], as_of: datetime) -> list[Request]:
    """The requests the capability of ``agreement`` is judged on."""
    since = as_of - WINDOW
    services = set(agreement.services)
    return [r for r in requests if r.service in services and since <= r.received <= as_of]


def capability(clocks: Iterable[RequestClocks]) -> list[CapabilityRow]:
    """Rows per metric and priority, from clocks computed under the agreement."""
    tallies: dict[tuple[str, str], _Tally] = {}
    for result in clocks:
        for clock in (result.first_response, result.resolution):
            if clock.state == "not_applicable" or clock.target_s is None:
                continue
            if clock.stopped_at is None and clock.state != "breached":
                continue  # still running within target: not judged yet
            tally = tallies.setdefault((clock.metric, clock.priority), _Tally())
            tally.targets.add(clock.target_s)
            if clock.state == "met":
                tally.met += 1
            else:
                tally.breached += 1
            if clock.stopped_at is not None and clock.elapsed_s is not None:
                tally.elapsed.append(clock.elapsed_s)
    rows = []
    for (metric, priority), tally in sorted(
        tallies.items(), key=lambda item: (JUDGED.index(item[0][0]), item[0][1])
    ):
        share = percent(tally.met, tally.met + tally.breached)
        target = max(tally.targets) if len(tally.targets) == 1 else None
        rows.append(
            CapabilityRow(
                metric,
                priority,
                target,
                tally.met,
                tally.breached,
                share,
                nearest_rank(tally.elapsed, 90),
                _verdict(tally.met + tally.breached, share),
            )
        )
    return rows


def _verdict(measured: int, share: float | None) -> Verdict:
    if measured < MIN_MEASURED or share is None:
        return "too_few"
    if share >= ACHIEVABLE:
        return "achievable"
    return "tight" if share >= TIGHT else "unlikely"
