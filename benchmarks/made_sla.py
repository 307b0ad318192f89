"""Realism check for ``bench_scale``: our resolution clock against the source's ``made_sla``.

Compares, per imported request, the state of our resolution clock (``met`` or
``breached`` in the export) with the verdict the source tool recorded (``imported_sla``),
and looks for the single threshold per priority that would agree best on three measures:
our business-time resolution clock, wall-clock time to the first resolution, and
wall-clock time to closure. Where the best fit lies says what the source measured.
"""

from __future__ import annotations

import csv
import gzip
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from generator.models.request import Closed, Resolved

if TYPE_CHECKING:
    from pathlib import Path

    from generator.models.request import Request

PRIORITIES = ("P1", "P2", "P3", "P4")


@dataclass(frozen=True)
class Case:
    """One request with both verdicts and the measures compared."""

    priority: str
    ours_met: bool
    theirs_met: bool
    business_s: int
    paused_s: int
    to_resolution_s: float | None
    to_closure_s: float | None


@dataclass(frozen=True)
class Fit:
    """The best single threshold for a measure: agreement and the threshold in hours."""

    agreement: float
    hours: float
    cases: int


def cases(requests: list[Request], export: dict[str, Any]) -> list[Case]:
    """Requests with a source verdict and a resolution clock that met or breached."""
    clocks = {item["id"]: item for item in export["requests"]}
    found = []
    for request in requests:
        item = clocks.get(request.id)
        if request.imported_sla is None or item is None:
            continue
        resolution = item["clocks"]["resolution"]
        if resolution["state"] not in ("met", "breached"):
            continue
        resolved = next((e.at for e in request.events if isinstance(e, Resolved)), None)
        closed = next((e.at for e in request.events if isinstance(e, Closed)), None)
        found.append(
            Case(
                priority=item["priority"],
                ours_met=resolution["state"] == "met",
                theirs_met=request.imported_sla == "met",
                business_s=resolution["elapsed_s"] or 0,
                paused_s=item["paused_s"] or 0,
                to_resolution_s=_seconds(request, resolved),
                to_closure_s=_seconds(request, closed),
            )
        )
    return found


def _seconds(request: Request, moment: Any) -> float | None:
    return None if moment is None else (moment - request.received).total_seconds()


def agreement_table(found: list[Case]) -> list[list[str]]:
    """Rows: priority, cases, agreement, and the four cells of the confusion matrix."""
    rows = []
    for priority in (*PRIORITIES, "all"):
        subset = [c for c in found if priority in ("all", c.priority)]
        if not subset:
            continue
        cells = Counter((c.ours_met, c.theirs_met) for c in subset)
        agree = cells[(True, True)] + cells[(False, False)]
        rows.append(
            [
                priority,
                str(len(subset)),
                f"{agree / len(subset):.1%}",
                str(cells[(True, True)]),
                str(cells[(False, False)]),
                str(cells[(True, False)]),
                str(cells[(False, True)]),
            ]
        )
    return rows


def best_fit(pairs: list[tuple[float, bool]]) -> Fit | None:
    """The threshold t maximising agreement of "value <= t" with the verdict (a sweep)."""
    if not pairs:
        return None
    ordered = sorted(pairs)
    total_breached = sum(1 for _, met in ordered if not met)
    best = (total_breached, -1.0)  # threshold below every value: all predicted breached
    met_below = breached_below = 0
    for index, (value, met) in enumerate(ordered):
        met_below += met
        breached_below += not met
        last_of_value = index + 1 == len(ordered) or ordered[index + 1][0] != value
        if last_of_value:
            right = met_below + (total_breached - breached_below)
            best = max(best, (right, value))
    return Fit(best[0] / len(ordered), max(best[1], 0.0) / 3600, len(ordered))


def fit_table(found: list[Case]) -> list[list[str]]:
    """Per priority: the best agreement (and threshold) on each measure."""
    rows = []
    for priority in PRIORITIES:
        subset = [c for c in found if c.priority == priority]
        measures = (
            [(float(c.business_s), c.theirs_met) for c in subset],
            [(c.to_resolution_s, c.theirs_met) for c in subset if c.to_resolution_s is not None],
            [(c.to_closure_s, c.theirs_met) for c in subset if c.to_closure_s is not None],
        )
        cells = [priority, str(len(subset))]
        for pairs in measures:
            fit = best_fit(pairs)
            cells.append("—" if fit is None else f"{fit.agreement:.1%} at {fit.hours:.1f} h")
        rows.append(cells)
    return rows


def first_false_states(event_log: Path) -> Counter[str]:
    """The state of the row on which ``made_sla`` first reads false, per incident.

    Rows of an incident are taken in time order (then by ``sys_mod_count``), as the
    importer takes them.
    """
    rows: dict[str, list[tuple[datetime, int, str, str]]] = {}
    with gzip.open(event_log, "rt", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            when = datetime.strptime(row["sys_updated_at"], "%d/%m/%Y %H:%M")
            entry = (when, int(row["sys_mod_count"]), row["incident_state"], row["made_sla"])
            rows.setdefault(row["number"], []).append(entry)
    found: Counter[str] = Counter()
    for events in rows.values():
        state = next((state for *_, state, flag in sorted(events) if flag == "false"), None)
        if state is not None:
            found[state] += 1
    return found


def paused_share(found: list[Case]) -> tuple[int, int, float]:
    """Of the cases we judged met and the source breached: how many, how many of them our
    clock paused for longer than it ran, and the median pause in hours."""
    cases_ = [c for c in found if c.ours_met and not c.theirs_met]
    long_pauses = sum(1 for c in cases_ if c.paused_s > c.business_s)
    pauses = sorted(c.paused_s for c in cases_)
    median = pauses[len(pauses) // 2] / 3600 if pauses else 0.0
    return len(cases_), long_pauses, median
