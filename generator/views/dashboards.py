"""The dashboard pages and what the home and agreement pages add from them.

Thin: each dashboard computes its context in its own module; this one names the
pages and hands the home page the answers a newcomer looks for first.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from generator.analysis.compliance import month_of
from generator.analysis.monthly import MonthTotal, month_totals, previous_month
from generator.models.calendar_record import Calendar
from generator.views.attention import attention_page
from generator.views.clocks import alerts, by_due
from generator.views.external_dashboard import external_dashboard
from generator.views.internal_dashboard import internal_dashboard
from generator.views.notices import notices_page
from generator.views.page_spec import PageSpec
from generator.views.service_report import (
    report_pages,
    report_path,
    satisfaction_trend,
    trend,
)

if TYPE_CHECKING:
    from generator.facts.site_facts import SiteFacts
    from generator.models.agreement import Agreement

HOME_DUE_NEXT = 5


def agreement_zones(facts: SiteFacts) -> dict[str, str]:
    """The time zone of every agreement: its calendar's, else the site's."""
    zones = {}
    for agreement in facts.catalog.agreements:
        calendar = facts.catalog.record(agreement.calendar, Calendar)
        zones[agreement.id] = calendar.timezone if calendar is not None else facts.timezone
    return zones


def dashboard_pages(facts: SiteFacts) -> Iterator[PageSpec]:
    """The internal and external dashboards, the reports index and every report."""
    zones = agreement_zones(facts)
    yield PageSpec("dashboards/internal.md", "dashboard_internal", internal_dashboard(facts))
    yield PageSpec("dashboards/external.md", "dashboard_external", external_dashboard(facts, zones))
    yield PageSpec("dashboards/notices.md", "notices", notices_page(facts, zones))
    yield PageSpec("dashboards/attention.md", "attention", attention_page(facts))
    yield from report_pages(facts, zones)


def agreement_extras(facts: SiteFacts, agreement: Agreement, zone: str) -> dict[str, Any]:
    """What the agreement page shows besides the record: the compliance trend, by report,
    and the satisfaction trend."""
    return trend(facts, agreement, zone) | satisfaction_trend(facts, agreement, zone)


def home_answers(facts: SiteFacts) -> dict[str, Any]:
    """The home page's pointers: last month's misses, what breaches next, the trends."""
    zones = agreement_zones(facts)
    last_month: list[tuple[Agreement, str, MonthTotal, str]] = []
    for agreement in facts.catalog.agreements:
        if agreement.id not in facts.monthly:
            continue
        month = previous_month(month_of(facts.as_of, ZoneInfo(zones[agreement.id])))
        total = month_totals(facts.compliance.get(agreement.id, [])).get(month)
        if total is not None:
            last_month.append((agreement, month, total, report_path(agreement.id, month)))
    open_ = {
        r.id: (r, facts.states[r.id])
        for r in facts.catalog.requests
        if r.id in facts.states and facts.states[r.id].is_open
    }
    due_next = sorted(alerts(open_, facts.clocks, frozenset({"running", "at_risk"})), key=by_due)
    return {
        "last_month": last_month,
        "due_next": due_next[:HOME_DUE_NEXT],
        "zones": zones,
    }
