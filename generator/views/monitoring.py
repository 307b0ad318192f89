"""The monitoring page (``monitoring/index.md``): the alerting rules against the
components and the agreements' first-response targets."""

from __future__ import annotations

from generator.facts.site_facts import SiteFacts
from generator.views.page_spec import PageSpec
from generator.views.verdicts import Verdict

PATH = "monitoring/index.md"
_STYLE = {"exceeds": "breached", "thin": "at-risk"}


def monitoring_page(facts: SiteFacts) -> PageSpec:
    """The page from the report the pipeline made of the rule files."""
    report = facts.monitoring
    timings = sorted(
        report.timings,
        key=lambda t: (-t.share, t.component, t.alert.name, t.agreement, t.service),
    )
    components = [
        (component, report.alerts.get(component.id, []))
        for component in facts.catalog.components
        if component.status != "retired"
    ]
    return PageSpec(
        PATH,
        "monitoring",
        {
            "report": report,
            "rules": facts.rules,
            "timings": timings,
            "slow": [
                (t, Verdict(_STYLE[t.verdict], f"{t.share:.0f} %"))
                for t in timings
                if t.verdict in _STYLE
            ],
            "components": components,
            "findings": [f for f in report.findings if f.kind not in ("exceeds", "thin")],
            "safe_percent": round(report.setting.safe_share * 100),
        },
    )
