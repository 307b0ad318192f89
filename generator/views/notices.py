"""The "Notices and feeds" page: what each group of stakeholders is told, and where.

REQUIREMENTS SP 2.1 asks to review the communication mechanisms; this page is that
list, worked out from the records: per customer the agreements, their latest service
report and the maintenance coming up that touches them; then what the service teams
and the auditors use. Pure apart from its PageSpec.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.views.service_report import report_months, report_path

if TYPE_CHECKING:
    from generator.facts.site_facts import SiteFacts
    from generator.models.agreement import Agreement


@dataclass(frozen=True)
class CustomerNotices:
    """What one customer organisation receives."""

    customer: str
    agreements: tuple[Agreement, ...]
    latest_reports: tuple[tuple[Agreement, str, str], ...]
    """(agreement, month, report page) of the newest report of each agreement."""
    windows: int
    """Maintenance windows coming up that touch one of its agreements."""


def notices_page(facts: SiteFacts, zones: dict[str, str]) -> dict[str, Any]:
    """The context of ``dashboards/notices.md``."""
    by_customer: dict[str, list[Agreement]] = {}
    for agreement in facts.catalog.agreements:
        by_customer.setdefault(agreement.customer, []).append(agreement)
    customers = []
    for customer, agreements in sorted(by_customer.items()):
        reports = []
        for agreement in agreements:
            months = report_months(facts, agreement, zones[agreement.id])
            if months:
                reports.append((agreement, months[-1], report_path(agreement.id, months[-1])))
        ids = {a.id for a in agreements}
        windows = sum(1 for w in facts.maintenance if ids & {a.agreement.id for a in w.agreements})
        customers.append(CustomerNotices(customer, tuple(agreements), tuple(reports), windows))
    return {"customers": customers, "groups": [g.id for g in facts.catalog.groups]}
