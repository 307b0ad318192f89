"""The monitoring report: alerts held against the first-response target of their priority
under every agreement in force that covers a service on their component."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from generator.analysis.monitoring import monitoring_report
from generator.config import MonitoringSetting
from generator.models.agreement import Agreement
from generator.models.component import Component
from generator.models.log_entry import LogEntry
from generator.models.service import Service
from generator.records.alert_rules import AlertRule, prometheus_seconds

AS_OF = datetime(2026, 11, 25, 14, tzinfo=UTC)
SETTING = MonitoringSetting()


def _alert(name: str, for_s: int, interval_s: int | None = None, **labels: str) -> AlertRule:
    return AlertRule("monitoring/a.yml", 7, "g", name, "up == 0", for_s, interval_s, labels, {})


def _component(component_id: str, status: str = "operational") -> Component:
    return Component.model_validate(
        {"id": component_id, "title": component_id, "owner": "ops", "status": status}
    )


SERVICE = Service.model_validate(
    {"id": "wms", "title": "WMS", "owner": "ops", "components": ["wms-app"]}
)


def _agreement(status: str = "active", **more: Any) -> Agreement:
    return Agreement.model_validate(
        {"id": "AGR-1", "title": "Agreement", "status": status, "customer": "acme",
         "services": ["wms"], "effective": "2026-01-01",
         "targets": [{"match": {"priority": "P1"}, "first_response": "15m"},
                     {"match": {}, "first_response": "4h"}], **more}
    )  # fmt: skip


def _report(alerts: list[AlertRule], **more: Any) -> Any:
    components = [_component("wms-app"), _component("scanners"), _component("new", "planned")]
    return monitoring_report(
        alerts, components, [SERVICE], [_agreement(**more)], [], SETTING, AS_OF
    )


def test_prometheus_durations() -> None:
    assert prometheus_seconds("1h30m") == 5400
    assert prometheus_seconds("90s") == 90
    assert prometheus_seconds("1d") == 86400
    assert prometheus_seconds("1500ms") == 2
    assert prometheus_seconds("5 minutes") is None
    assert prometheus_seconds("") is None


def test_an_alert_is_ok_thin_or_too_slow_for_its_priority() -> None:
    report = _report(
        [
            _alert("Fast", 60, severity="critical", component="wms-app"),  # 1+1+5 = 7m
            _alert("Thin", 120, severity="critical", component="wms-app"),  # 8m of 15m
            _alert("Slow", 900, 30, priority="P1", component="wms-app"),  # 20m30s
            _alert("Ticket", 3600, severity="warning", component="wms-app"),  # P3: 66m of 4h
        ]
    )
    verdicts = {t.alert.name: (t.priority, t.used_s, t.target_s, t.verdict) for t in report.timings}
    assert verdicts == {
        "Fast": ("P1", 420, 900, "ok"),
        "Thin": ("P1", 480, 900, "thin"),
        "Slow": ("P1", 1230, 900, "exceeds"),
        "Ticket": ("P3", 3960, 14400, "ok"),
    }
    assert [(f.kind, f.line) for f in report.findings] == [("thin", 7), ("exceeds", 7)]
    assert "later than the P1 first-response target of AGR-1 for wms, 15m" in (
        report.findings[1].message
    )


def test_components_without_alerts_and_rules_to_correct() -> None:
    report = _report(
        [
            _alert("NoLabel", 60, severity="critical"),
            _alert("Elsewhere", 60, severity="critical", component="printer"),
            _alert("Odd", 60, severity="page", component="wms-app"),
        ]
    )
    assert [c.id for c in report.silent] == ["scanners"]  # planned components need none
    assert [f.kind for f in report.findings] == [
        "no_component",
        "unknown_component",
        "unmapped_severity",
    ]
    assert report.timings == []


def test_only_agreements_in_force_count() -> None:
    alerts = [_alert("Slow", 900, component="wms-app", severity="critical")]
    assert _report(alerts, status="draft").timings == []
    assert _report(alerts, expires="2026-06-30").timings == []
    assert len(_report(alerts).timings) == 1


def test_a_threshold_revision_names_the_rules_it_changed() -> None:
    entry = LogEntry.model_validate(
        {"id": "LOG-1", "title": "Lowered", "at": "2026-11-03T09:00:00Z",
         "type": "threshold_revision", "by": "ops", "alerts": ["Fast", "Gone"]}
    )  # fmt: skip
    fast = _alert("Fast", 60, severity="critical", component="wms-app")
    report = monitoring_report(
        [fast], [_component("wms-app")], [SERVICE], [], [entry], SETTING, AS_OF
    )
    [revision] = report.revisions
    assert (revision.rules, revision.missing) == ((fast,), ("Gone",))
