"""Every line of the Service Delivery text, as ``REQUIREMENTS.md`` lists them under their
practices, with the records and pages that evidence it (pure data).

Encoded here so the product never reads the requirements at run time;
``tests/test_seed_lines.py`` checks the table against ``REQUIREMENTS.md`` line by line.
``checks`` name the gap checks of :mod:`generator.evidence.matrix` that apply to a
line; ``absent`` says what of the line the product does not do (a standing gap).
"""

from __future__ import annotations

from dataclasses import dataclass

PAGE_TITLES: dict[str, str] = {
    "index.md": "Home",
    "agreements/index.md": "Agreements",
    "services/index.md": "Services",
    "requests/index.md": "Requests",
    "procedures/index.md": "Procedures",
    "maintenance/index.md": "Maintenance",
    "schedules/index.md": "Schedules",
    "log/index.md": "Service log",
    "components/index.md": "Components",
    "components/readiness.md": "Readiness",
    "monitoring/index.md": "Monitoring",
    "consumables/index.md": "Consumables",
    "suppliers/index.md": "Suppliers",
    "needs/index.md": "Needs and surveys",
    "roster/index.md": "Roster",
    "rotas/index.md": "Rotas",
    "rotas/coverage.md": "Coverage",
    "rotas/workload.md": "Workload",
    "calendars/index.md": "Service hours",
    "audit/index.md": "Audit trail",
    "dashboards/internal.md": "Internal dashboard",
    "dashboards/external.md": "External dashboard",
    "dashboards/attention.md": "Needs attention",
    "dashboards/notices.md": "Notices and feeds",
    "reports/index.md": "Service reports",
}
"""The generated pages lines point to, with the titles the matrix shows."""


@dataclass(frozen=True)
class SeedLine:
    """One line of the text: its practice, its words, and where its evidence is."""

    practice: str
    text: str
    folders: tuple[str, ...]
    pages: tuple[str, ...]
    checks: tuple[str, ...] = ()
    absent: str = ""


LINES: tuple[SeedLine, ...] = (
    SeedLine(
        "SP 1.1",
        "customer descriptions of plans, goals, needs",
        ("needs",),
        ("needs/index.md", "agreements/index.md"),
        checks=("needs_open",),
    ),
    SeedLine(
        "SP 1.1",
        "results of satisfaction surveys",
        ("needs", "requests"),
        ("needs/index.md", "agreements/index.md", "dashboards/external.md"),
        checks=("surveys", "ratings"),
    ),
    SeedLine(
        "SP 1.1",
        "results of assessments of provider capability",
        ("agreements", "requests"),
        ("agreements/index.md",),
    ),
    SeedLine(
        "SP 1.1",
        "review need data; review staff concerns",
        ("needs",),
        ("needs/index.md", "agreements/index.md"),
        checks=("needs_open",),
    ),
    SeedLine(
        "SP 1.1",
        "review existing service and supplier agreements",
        ("suppliers", "agreements"),
        ("suppliers/index.md", "agreements/index.md"),
        checks=("supplier_fit",),
    ),
    SeedLine(
        "SP 1.1",
        "review current service data and system designs",
        ("services", "components"),
        ("services/index.md", "components/index.md"),
    ),
    SeedLine(
        "SP 1.1",
        "analyze capability to supply requested services",
        ("agreements", "requests"),
        ("agreements/index.md",),
    ),
    SeedLine("SP 1.2", "service agreement", ("agreements",), ("agreements/index.md",)),
    SeedLine("SP 1.2", "define structure and format", ("agreements",), ("agreements/index.md",)),
    SeedLine(
        "SP 1.2",
        "define, negotiate, obtain agreement on a draft",
        ("agreements",),
        ("agreements/index.md", "audit/index.md"),
        checks=("activation",),
    ),
    SeedLine("SP 1.2", "publish and make available", ("agreements",), ("agreements/index.md",)),
    SeedLine(
        "SP 1.2",
        "review and revise periodically and on events",
        ("agreements",),
        ("agreements/index.md", "dashboards/internal.md"),
        checks=("reviews",),
    ),
    SeedLine(
        "SP 2.1",
        "service delivery approach",
        ("services",),
        ("services/index.md",),
        checks=("categories", "channels"),
    ),
    SeedLine(
        "SP 2.1",
        "contact and roster lists",
        ("people", "rotas"),
        ("roster/index.md", "rotas/index.md"),
        checks=("empty_groups",),
    ),
    SeedLine(
        "SP 2.1",
        "service request criteria",
        ("agreements",),
        ("agreements/index.md", "requests/index.md"),
    ),
    SeedLine(
        "SP 2.1",
        "internal status reporting templates (dashboards)",
        (),
        ("dashboards/internal.md", "dashboards/attention.md"),
    ),
    SeedLine(
        "SP 2.1",
        "external status reporting templates (completion notices)",
        ("requests",),
        ("requests/index.md", "dashboards/external.md"),
    ),
    SeedLine(
        "SP 2.1",
        "define criteria for determining service requests",
        ("agreements",),
        ("agreements/index.md",),
    ),
    SeedLine(
        "SP 2.1",
        "define categories and categorizing criteria",
        ("services",),
        ("services/index.md",),
        checks=("categories",),
    ),
    SeedLine(
        "SP 2.1",
        "how responsibility is assigned and transferred",
        ("services", "requests"),
        ("services/index.md", "requests/index.md"),
    ),
    SeedLine("SP 2.1", "mechanisms to submit requests", ("requests",), ("requests/index.md",)),
    SeedLine(
        "SP 2.1",
        "time requirements for fulfilment in the agreement",
        ("agreements", "calendars"),
        ("agreements/index.md", "calendars/index.md"),
    ),
    SeedLine(
        "SP 2.1",
        "resource requirements",
        ("people", "requests"),
        ("rotas/workload.md", "dashboards/internal.md"),
        checks=("capacity", "over_capacity"),
    ),
    SeedLine("SP 2.1", "review communication mechanisms", (), ("dashboards/notices.md",)),
    SeedLine(
        "SP 2.1",
        "document / agree / revise the approach",
        ("services",),
        ("services/index.md",),
        absent="the approach is not versioned like an agreement: a service's history is its "
        "commits, without published version numbers or a diff between versions",
    ),
    SeedLine(
        "SP 2.2",
        "monitoring tool thresholds validation report",
        ("components",),
        ("monitoring/index.md",),
        checks=("monitoring",),
    ),
    SeedLine(
        "SP 2.2",
        "operating procedures validation report",
        ("procedures",),
        ("procedures/index.md",),
        checks=("procedures",),
    ),
    SeedLine(
        "SP 2.2",
        "consumables validation report; logs of acquisition and use",
        ("consumables",),
        ("consumables/index.md",),
        checks=("stock",),
    ),
    SeedLine(
        "SP 2.2",
        "service delivery logs and receipts",
        ("log", "requests"),
        ("log/index.md", "requests/index.md"),
    ),
    SeedLine(
        "SP 2.2",
        "results from demonstrated operation",
        ("components",),
        ("components/readiness.md",),
        checks=("readiness",),
    ),
    SeedLine(
        "SP 2.2",
        "confirm components and tools operational; corrective action",
        ("components", "log", "maintenance"),
        ("components/readiness.md", "log/index.md"),
        checks=("readiness",),
    ),
    SeedLine(
        "SP 2.2",
        "SLA thresholds set in monitoring tools",
        ("components",),
        ("monitoring/index.md",),
        checks=("monitoring",),
    ),
    SeedLine(
        "SP 2.2",
        "develop, review, refine procedures",
        ("procedures",),
        ("procedures/index.md",),
        checks=("procedures",),
    ),
    SeedLine(
        "SP 2.2",
        "resources available",
        ("rotas", "calendars"),
        ("rotas/coverage.md", "rotas/index.md"),
        checks=("coverage",),
    ),
    SeedLine(
        "SP 2.2",
        "job execution and monitoring schedules",
        ("schedules",),
        ("schedules/index.md",),
        checks=("schedule_monitoring",),
    ),
    SeedLine(
        "SP 2.2",
        "orientation of incoming staff",
        ("people",),
        ("roster/index.md",),
        checks=("orientation",),
    ),
    SeedLine(
        "SP 2.2",
        "consumables available",
        ("consumables",),
        ("consumables/index.md",),
        checks=("stock",),
    ),
    SeedLine(
        "SP 2.3",
        "request management system with controlled work products",
        (),
        ("audit/index.md",),
        checks=("history",),
    ),
    SeedLine(
        "SP 2.3", "access control procedures", ("people",), ("audit/index.md",), checks=("authors",)
    ),
    SeedLine(
        "SP 2.3",
        "reassignment and transfer among groups",
        ("requests", "people"),
        ("requests/index.md", "dashboards/internal.md"),
    ),
    SeedLine("SP 2.3", "storage, update, retrieval", ("requests",), ("requests/index.md",)),
    SeedLine(
        "SP 2.3",
        "data reporting",
        (),
        ("dashboards/internal.md", "dashboards/external.md", "reports/index.md"),
    ),
    SeedLine(
        "SP 2.3",
        "integrity of the system and its contents",
        (),
        ("audit/index.md",),
        checks=("integrity",),
    ),
    SeedLine("SP 2.3", "maintain the request management system", (), ("audit/index.md",)),
    SeedLine(
        "SP 3.1",
        "request management record",
        ("requests",),
        ("requests/index.md",),
        checks=("late_entries",),
    ),
    SeedLine("SP 3.1", "action proposal", ("requests",), ("requests/index.md",)),
    SeedLine(
        "SP 3.1",
        "customer satisfaction data",
        ("requests",),
        ("dashboards/external.md", "reports/index.md"),
        checks=("ratings",),
    ),
    SeedLine("SP 3.1", "end-user receipts", ("requests",), ("requests/index.md",)),
    SeedLine(
        "SP 3.1",
        "receive, check scope",
        ("requests", "agreements"),
        ("requests/index.md", "dashboards/attention.md"),
    ),
    SeedLine("SP 3.1", "record, categorize, analyze", ("requests",), ("requests/index.md",)),
    SeedLine(
        "SP 3.1",
        "resources, actions, plan",
        ("requests",),
        ("requests/index.md",),
        checks=("unassigned",),
    ),
    SeedLine(
        "SP 3.1",
        "monitor status until fulfilled per agreement",
        ("requests",),
        ("requests/index.md", "dashboards/internal.md", "dashboards/attention.md"),
    ),
    SeedLine(
        "SP 3.1",
        "review status and resolution, confirm with stakeholders",
        ("requests",),
        ("requests/index.md",),
        checks=("unconfirmed",),
    ),
    SeedLine(
        "SP 3.1", "close and record actions and results", ("requests",), ("requests/index.md",)
    ),
    SeedLine(
        "SP 3.2",
        "list of services delivered; service logs",
        ("log", "requests"),
        ("reports/index.md", "log/index.md"),
    ),
    SeedLine(
        "SP 3.2",
        "performance reports and dashboards",
        ("requests", "agreements"),
        ("reports/index.md", "dashboards/external.md", "dashboards/internal.md"),
        checks=("availability",),
    ),
    SeedLine(
        "SP 3.2",
        "log of corrective actions",
        ("log",),
        ("log/index.md",),
        checks=("overdue_actions",),
    ),
    SeedLine("SP 3.2", "request management database record", ("requests",), ("requests/index.md",)),
    SeedLine(
        "SP 3.2",
        "operate components per procedures; operations support",
        ("log", "procedures"),
        ("log/index.md", "procedures/index.md"),
    ),
    SeedLine(
        "SP 3.2",
        "critical dependencies and paths of delivery schedules",
        ("schedules",),
        ("schedules/index.md",),
    ),
    SeedLine(
        "SP 3.2",
        "security of service delivery; other quality attributes",
        ("components", "services"),
        ("components/readiness.md", "services/index.md"),
    ),
    SeedLine(
        "SP 3.2",
        "low-level monitoring",
        ("components",),
        ("monitoring/index.md", "components/index.md"),
        checks=("silent",),
    ),
    SeedLine(
        "SP 3.2",
        "fulfil requests / resolve incidents per agreement",
        ("requests",),
        ("requests/index.md", "reports/index.md"),
    ),
    SeedLine(
        "SP 3.2",
        "communicate status until closed",
        ("requests",),
        ("requests/index.md", "dashboards/notices.md"),
    ),
    SeedLine(
        "SP 3.2",
        "collect satisfaction immediately after delivery",
        ("requests",),
        ("requests/index.md",),
        checks=("ratings",),
    ),
    SeedLine(
        "SP 3.3",
        "corrective or preventive maintenance change requests",
        ("maintenance",),
        ("maintenance/index.md",),
    ),
    SeedLine(
        "SP 3.3",
        "maintenance notifications",
        ("maintenance",),
        ("maintenance/index.md", "dashboards/notices.md"),
    ),
    SeedLine(
        "SP 3.3", "preventive maintenance schedules", ("maintenance",), ("maintenance/index.md",)
    ),
    SeedLine(
        "SP 3.3", "review and prioritize per criteria", ("maintenance",), ("maintenance/index.md",)
    ),
    SeedLine(
        "SP 3.3",
        "analyze impacts",
        ("maintenance", "components"),
        ("maintenance/index.md",),
        absent="freeze periods are not recorded: a window is checked against the agreements' "
        "service hours only",
    ),
    SeedLine(
        "SP 3.3", "plan, notify, update documentation", ("maintenance",), ("maintenance/index.md",)
    ),
    SeedLine(
        "SP 3.3",
        "implement and test per plan",
        ("maintenance",),
        ("maintenance/index.md",),
        checks=("maintenance_tests",),
    ),
    SeedLine(
        "SP 3.3",
        "submit documentation and configuration changes to CM",
        ("maintenance",),
        ("maintenance/index.md",),
        checks=("maintenance_commits",),
    ),
)
