"""The readiness page (``components/readiness.md``): which components failed their last
check, are overdue for one or were never checked, and which quality attributes the checks
have shown to hold."""

from __future__ import annotations

from generator.analysis.readiness import action_records, readiness
from generator.facts.site_facts import SiteFacts
from generator.views.page_spec import PageSpec

PATH = "components/readiness.md"


def readiness_page(facts: SiteFacts) -> PageSpec:
    """The page, from the components, the service log and the maintenance plans."""
    catalog = facts.catalog
    rows = readiness(
        catalog.components, action_records(catalog.log, catalog.maintenance), facts.as_of
    )
    by_state = {
        state: [r for r in rows if r.state == state] for state in ("failed", "stale", "never")
    }
    attributes = [(r, a) for r in rows for a in r.attributes]
    return PageSpec(
        PATH,
        "readiness",
        {
            "rows": rows,
            **by_state,
            "attributes": attributes,
            "unshown": [(r, a) for r, a in attributes if a.last is None],
        },
    )
