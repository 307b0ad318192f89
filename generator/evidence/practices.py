"""The Service Delivery (SD) practices of CMMI for Services, level 2, and where
Servicebook keeps the evidence of each.

Encoded here so the product never reads the requirements text at run time. Each
practice names the record folders whose records (and commits) evidence it and
the site pages that show them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Practice:
    """One specific practice (SP) of a specific goal (SG)."""

    id: str
    goal: str
    title: str
    evidence: str
    folders: tuple[str, ...]
    pages: tuple[tuple[str, str], ...]


GOALS: dict[str, str] = {
    "SG 1": "Establish service agreements",
    "SG 2": "Prepare for service delivery",
    "SG 3": "Deliver services",
}

PRACTICES: tuple[Practice, ...] = (
    Practice(
        "SP 1.1",
        "SG 1",
        "Analyze existing agreements and service data",
        "Agreements and their targets, the service catalog, the requests received "
        "under each agreement with their satisfaction ratings, customers' needs, staff "
        "concerns and survey results, supplier agreements checked against the targets "
        "they underpin, and a capability assessment of every agreement's targets "
        "against the recent requests.",
        ("agreements", "services", "requests", "needs", "suppliers"),
        (
            ("Agreements", "agreements/index.md"),
            ("Services", "services/index.md"),
            ("Needs and surveys", "needs/index.md"),
            ("Supplier agreements", "suppliers/index.md"),
        ),
    ),
    Practice(
        "SP 1.2",
        "SG 1",
        "Establish the service agreement",
        "Agreement records with parties, services, service hours, targets, pause rules, "
        "review cycle and approvals by both sides; every revision is a commit.",
        ("agreements",),
        (("Agreements", "agreements/index.md"),),
    ),
    Practice(
        "SP 2.1",
        "SG 2",
        "Establish the service delivery approach",
        "Services with request categories, assignment groups and intake channels; the "
        "roster of groups and people; service hours calendars.",
        ("services", "people", "calendars"),
        (
            ("Services", "services/index.md"),
            ("Roster", "roster/index.md"),
            ("Service hours", "calendars/index.md"),
        ),
    ),
    Practice(
        "SP 2.2",
        "SG 2",
        "Prepare for service system operations",
        "Operating procedures with owners, reviews and exercises; components with "
        "readiness checks; job execution and monitoring schedules, their runs, conflicts "
        "with maintenance windows and critical path; consumables with their stock log; "
        "monitoring rules held against the targets; rotas held against the service hours.",
        ("procedures", "components", "schedules", "consumables", "rotas"),
        (
            ("Procedures", "procedures/index.md"),
            ("Components", "components/index.md"),
            ("Readiness", "components/readiness.md"),
            ("Monitoring", "monitoring/index.md"),
            ("Schedules", "schedules/index.md"),
            ("Consumables", "consumables/index.md"),
            ("Coverage", "rotas/coverage.md"),
        ),
    ),
    Practice(
        "SP 2.3",
        "SG 2",
        "Establish a request management system",
        "The git repository of records: validated on every change, every change a "
        "commit by a person on the roster, events append-only, audited from history.",
        ("requests", "agreements", "people"),
        (("Audit trail", "audit/index.md"), ("Requests", "requests/index.md")),
    ),
    Practice(
        "SP 3.1",
        "SG 3",
        "Receive and process service requests",
        "Request records from receipt to closure: assignment, status events, actions, "
        "resolution, confirmation and satisfaction, with the commit of every step; a "
        "page per request with its completion notice, and a feed of request updates.",
        ("requests",),
        (("Requests", "requests/index.md"),),
    ),
    Practice(
        "SP 3.2",
        "SG 3",
        "Operate the service system",
        "Requests handled under the agreements, procedures exercised, component "
        "readiness checks, and the service log of operations, corrective actions and "
        "threshold revisions.",
        ("requests", "procedures", "components", "log"),
        (
            ("Requests", "requests/index.md"),
            ("Components", "components/index.md"),
            ("Service log", "log/index.md"),
        ),
    ),
    Practice(
        "SP 3.3",
        "SG 3",
        "Maintain the service system",
        "Maintenance records (corrective, preventive, adaptive) with plan, notification, "
        "documentation, tests and the commits of the configuration changes; upcoming "
        "windows with the services and customers they affect, as a page, an iCalendar "
        "file and an Atom feed.",
        ("maintenance",),
        (("Maintenance", "maintenance/index.md"),),
    ),
)
