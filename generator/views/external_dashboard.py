"""The external dashboard: what customers see of the promises kept.

Pure: from the site facts to the template context. Compliance per agreement and
month links each figure to its monthly report; satisfaction and the recent
completion notices show the other side of the service.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from generator.analysis.monthly import MonthTotal
from generator.views.charts import Series, bar_chart, line_chart
from generator.views.service_report import SCORES, ReportLink, report_links
from generator.views.verdicts import rating_as_of

if TYPE_CHECKING:
    from datetime import datetime

    from generator.facts.site_facts import SiteFacts
    from generator.models.agreement import Agreement
    from generator.models.request import Request
    from generator.models.request import Satisfaction as Rating
    from generator.sla.status import RequestState

RECENT = timedelta(days=30)
"""Completion notices of requests finished within this time before ``as_of`` are listed."""
RECENT_LIMIT = 20
TREND_MONTHS = 6


@dataclass(frozen=True)
class Satisfaction:
    """All ratings given under one agreement up to ``as_of``."""

    agreement_id: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        """How many ratings."""
        return sum(self.counts)

    @property
    def average(self) -> float | None:
        """Mean score, two decimals; None without ratings."""
        if not self.total:
            return None
        return round(sum(s * n for s, n in zip(SCORES, self.counts, strict=True)) / self.total, 2)


@dataclass(frozen=True)
class Completion:
    """A request finished recently, as its notice is listed."""

    request: Request
    state: RequestState
    finished_at: datetime
    rating: Rating | None


def external_dashboard(facts: SiteFacts, zone_of: dict[str, str]) -> dict[str, Any]:
    """Context of ``dashboards/external.md``."""
    agreements = facts.catalog.agreements
    links = {a.id: report_links(facts, a, zone_of[a.id]) for a in agreements}
    months = sorted({ln.month for found in links.values() for ln in found})[-TREND_MONTHS:]
    cells: list[tuple[Agreement, list[ReportLink | None]]] = []
    for agreement in agreements:
        by_month = {ln.month: ln for ln in links[agreement.id]}
        if by_month:
            cells.append((agreement, [by_month.get(m) for m in months]))
    series = [
        Series(a.id, tuple(_pct(link.total) if link else None for link in row)) for a, row in cells
    ]
    chart = line_chart("Compliance per agreement and month", months, series, unit="%", maximum=100)
    ratings = _satisfaction(facts, agreements)
    rated = [s for s in ratings if s.total]
    score_chart = bar_chart(
        "Satisfaction ratings per agreement",
        [f"{s} ★" for s in SCORES],
        [Series(s.agreement_id, tuple(float(n) for n in s.counts)) for s in rated],
    )
    return {
        "months": months,
        "compliance_cells": cells,
        "compliance_chart": Markup(chart) if months else None,
        "satisfaction": rated,
        "scores": SCORES,
        "score_chart": Markup(score_chart) if rated else None,
        "recent": _recent(facts),
        "recent_days": RECENT.days,
    }


def _satisfaction(facts: SiteFacts, agreements: list[Agreement]) -> list[Satisfaction]:
    found = []
    for agreement in agreements:
        counts: Counter[int] = Counter()
        for month in facts.monthly.get(agreement.id, {}).values():
            counts.update(score for _, score, _ in month.ratings)
        found.append(Satisfaction(agreement.id, tuple(counts.get(s, 0) for s in SCORES)))
    return found


def _recent(facts: SiteFacts) -> list[Completion]:
    found = []
    for request in facts.catalog.requests:
        state = facts.states.get(request.id)
        if state is None or state.status not in ("resolved", "closed"):
            continue
        finished = state.resolved_at or state.closed_at
        if finished is not None and facts.as_of - finished <= RECENT:
            rating = rating_as_of(request, facts.as_of)
            found.append(Completion(request, state, finished, rating))
    found.sort(key=lambda c: (-c.finished_at.timestamp(), c.request.id))
    return found[:RECENT_LIMIT]


def _pct(total: MonthTotal) -> float | None:
    return total.percent
