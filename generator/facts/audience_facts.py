"""The facts one audience may see, cut from the facts computed once for the staff (pure).

Nothing is computed again: request states and SLA clocks do not depend on internal
events, so a customer's site reads the staff's figures for its own records only. What
is cut: records the customer may not open (their pages, rows and titles), internal
events, the figures of other customers' agreements, windows and runs that do not touch
it, and the git history (its diffs would show internal events and staff e-mail).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from generator.analysis.maintenance import PlannedWindow
from generator.analysis.visibility import Visibility, public_plan, public_request
from generator.facts.site_facts import SiteFacts
from generator.history.sitehistory import SiteHistory
from generator.models.maintenance import Maintenance
from generator.models.request import Request
from generator.records.catalog import Catalog

CUSTOMER_SECTIONS = frozenset(
    {"services", "agreements", "requests", "maintenance", "needs", "calendars", "reports"}
)
"""The sections of a customer's site; the rest (operations, roster, audit) is staff's."""
CUSTOMER_HISTORY = SiteHistory(False, "the change history of the records is kept on the staff site")


def catalog_for(catalog: Catalog, seen: Visibility) -> Catalog:
    """The records the audience of ``seen`` may open, as it may read them (the same
    catalog for staff); exports for a customer read this."""
    if seen.audience.is_staff:
        return catalog
    entries = {}
    for record_id, entry in catalog.entries.items():
        if record_id not in seen.records:
            continue
        if isinstance(entry.record, Request):
            entry = replace(entry, record=public_request(entry.record))
        elif isinstance(entry.record, Maintenance):
            entry = replace(entry, record=public_plan(entry.record))
        entries[record_id] = entry
    return Catalog(entries=entries)


def facts_for(facts: SiteFacts, seen: Visibility) -> SiteFacts:
    """``facts`` as the audience of ``seen`` may read them (the same object for staff)."""
    if seen.audience.is_staff:
        return facts
    catalog = catalog_for(facts.catalog, seen)
    entries = catalog.entries
    agreements = {a.id for a in catalog.agreements}
    return replace(
        facts,
        catalog=catalog,
        audience=seen.audience,
        states={k: v for k, v in facts.states.items() if k in entries},
        bodies={k: v for k, v in facts.bodies.items() if k in entries},
        paths={k: v for k, v in facts.paths.items() if k in entries},
        record_pages={
            k: v
            for k, v in facts.record_pages.items()
            if k in entries and v.split("/", 1)[0] in CUSTOMER_SECTIONS
        },
        titles={k: v for k, v in facts.titles.items() if seen.names_(k)},
        history=CUSTOMER_HISTORY,
        clocks={k: v for k, v in facts.clocks.items() if k in entries},
        compliance={k: v for k, v in facts.compliance.items() if k in agreements},
        monthly={k: v for k, v in facts.monthly.items() if k in agreements},
        capability={k: v for k, v in facts.capability.items() if k in agreements},
        maintenance=[
            _window_for(w, agreements, entries.keys())
            for w in facts.maintenance
            if w.plan.id in entries
        ],
        runs=[],
    )


def _window_for(
    window: PlannedWindow, agreements: set[str], visible: Collection[str]
) -> PlannedWindow:
    """The window with only the audience's own agreements and services among those it
    affects, and no components (the provider's inventory is not the customer's)."""
    return replace(
        window,
        plan=public_plan(window.plan),
        services=tuple(s for s in window.services if s in visible),
        agreements=tuple(a for a in window.agreements if a.agreement.id in agreements),
        components=(),
    )
