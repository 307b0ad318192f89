"""The rotas index, the coverage page and the workload page (``rotas/``): who is on duty,
which service hours nobody covers, and the weekly volume each group can expect."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from markupsafe import Markup

from generator.analysis.coverage import WEEKS, CalendarCoverage, coverage, on_duty
from generator.analysis.forecast import HORIZON, SHOWN, Workload, workloads
from generator.facts.site_facts import SiteFacts
from generator.models.calendar_record import WEEKDAYS
from generator.models.rota import Rota
from generator.views.charts import Series, bar_chart, line_chart
from generator.views.page_spec import PageSpec

GAPS_LISTED = 12
"""Gaps each calendar lists (the weekly totals count them all)."""


def staffing_pages(facts: SiteFacts) -> Iterator[PageSpec]:
    """The three pages."""
    catalog = facts.catalog
    yield PageSpec(
        "rotas/index.md",
        "rotas_index",
        {
            "rotas": catalog.rotas,
            "now": {r.id: _now(r, facts) for r in catalog.rotas},
            "weeks": WEEKS,
        },
    )
    book = facts.calendars
    yield PageSpec(
        "rotas/coverage.md",
        "coverage",
        {
            "calendars": [
                _coverage_context(c)
                for c in coverage(catalog.rotas, catalog.agreements, book, facts.as_of)
            ],
            "weeks": WEEKS,
            "has_rotas": bool(catalog.rotas),
        },
    )
    found = workloads(catalog.requests, catalog.groups, facts.as_of, facts.timezone)
    yield PageSpec(
        "rotas/workload.md",
        "workload",
        {
            "groups": [_workload_context(w) for w in found],
            "horizon": HORIZON,
            "shown": SHOWN,
            "history_weeks": len(found[0].weeks) if found else 0,
        },
    )


def rota_context(facts: SiteFacts, record: Any) -> dict[str, Any]:
    """A rota's own page: who is on duty over the coming weeks."""
    return {"duties": on_duty(record, facts.as_of), "weeks": WEEKS, "weekdays": WEEKDAYS}


def _now(rota: Rota, facts: SiteFacts) -> str | None:
    for duty in on_duty(rota, facts.as_of, 1):
        if duty.start <= facts.as_of < duty.end:
            return duty.person
    return None


def _coverage_context(found: CalendarCoverage) -> dict[str, Any]:
    labels = [w.label for w in found.weeks]
    covered = tuple((w.service_s - w.uncovered_s) / 3600 for w in found.weeks)
    uncovered = tuple(w.uncovered_s / 3600 for w in found.weeks)
    chart = bar_chart(
        f"Service hours covered and uncovered per week, {found.calendar_id}",
        labels,
        [Series("covered", covered), Series("nobody on duty", uncovered)],
        unit=" h",
        stacked=True,
    )
    gaps = [(w, gap) for w in found.weeks for gap in w.gaps]
    return {
        "coverage": found,
        "chart": Markup(chart),
        "gaps": gaps[:GAPS_LISTED],
        "gap_count": len(gaps),
        "more_gaps": len(gaps) > GAPS_LISTED,
    }


def _workload_context(found: Workload) -> dict[str, Any]:
    weeks = found.weeks[-SHOWN:]
    volume = found.volume[-SHOWN:]
    labels = [_short_label(w) for w in (*weeks, *found.ahead)]
    history = tuple(float(v) for v in volume) + (None,) * len(found.ahead)
    ahead = (None,) * len(weeks) + found.forecast.values
    capacity = found.capacity
    chart = line_chart(
        f"Requests per week and forecast, {found.group.id}",
        labels,
        [Series("received", history), Series("forecast", ahead)],
        reference=float(capacity) if capacity is not None else None,
        reference_label=f"capacity {capacity} a week" if capacity is not None else "",
    )
    rows = [
        (
            _week_label(week),
            value,
            found.forecast.low(i),
            found.forecast.high(i),
            week in found.over,
        )
        for i, (week, value) in enumerate(zip(found.ahead, found.forecast.values, strict=True))
    ]
    return {
        "workload": found,
        "chart": Markup(chart),
        "rows": rows,
        "received": sum(found.volume),
        "recent": list(zip((_week_label(w) for w in weeks), volume, strict=True)),
    }


def _short_label(monday: date) -> str:
    """``W48``: 24 weeks of full labels would not fit under the chart."""
    return f"W{monday.isocalendar()[1]:02d}"


def _week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"
