"""Monitoring thresholds against the agreements (SD SP 2.2, 3.2): does each component
raise an alert, and does the alert reach a person within its first-response target?

Pure. An alert names its component by a label and its priority by another (or by a
severity the settings map to one). For every agreement in force that covers a service
running on the component, the time the alert takes to reach a person is held against
the first-response target of its priority under that agreement:

    evaluation interval (the group's, else the global one) + for + notification delay

More than the target: the alert **exceeds** it (the customer can call before anyone is
told); more than ``safe_share`` of it: the margin is **thin**.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from generator.config import MonitoringSetting
from generator.models.agreement import Agreement
from generator.models.common import format_duration
from generator.models.component import Component
from generator.models.log_entry import LogEntry
from generator.models.service import Service
from generator.records.alert_rules import AlertRule
from generator.sla.targets import applied_target

Verdict = Literal["exceeds", "thin", "ok"]
_PRIORITY = re.compile(r"P[1-5]")


@dataclass(frozen=True)
class Timing:
    """One alert held against one agreement's first-response target for one service."""

    alert: AlertRule
    component: str
    agreement: str
    service: str
    priority: str
    used_s: int
    target_s: int
    verdict: Verdict

    @property
    def share(self) -> float:
        """The share of the target the alert uses, in percent."""
        return 100.0 * self.used_s / self.target_s


@dataclass(frozen=True)
class Finding:
    """Something the report flags, at the rule's line (or a component's record)."""

    kind: Literal["unknown_component", "no_component", "unmapped_severity", "exceeds", "thin"]
    file: str
    line: int
    message: str


@dataclass
class MonitoringReport:
    """Alerts per component, their timings, the components without any, the findings."""

    setting: MonitoringSetting = field(default_factory=MonitoringSetting)
    alerts: dict[str, list[AlertRule]] = field(default_factory=dict)
    timings: list[Timing] = field(default_factory=list)
    silent: list[Component] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    revisions: list[Revision] = field(default_factory=list)
    """Threshold revisions of the service log, newest first."""


@dataclass(frozen=True)
class Revision:
    """A threshold revision, the rules it names and the names no rule file defines."""

    entry: LogEntry
    rules: tuple[AlertRule, ...]
    missing: tuple[str, ...]


def monitoring_report(
    alerts: Sequence[AlertRule],
    components: Sequence[Component],
    services: Sequence[Service],
    agreements: Sequence[Agreement],
    log: Sequence[LogEntry],
    setting: MonitoringSetting,
    as_of: datetime,
) -> MonitoringReport:
    """The report as of ``as_of`` (which agreements are in force)."""
    report = MonitoringReport(setting)
    known = {c.id: c for c in components}
    in_force = [a for a in agreements if a.status == "active" and a.in_force_on(as_of.date())]
    for alert in alerts:
        component = alert.labels.get(setting.component_label, "").strip()
        if not component:
            report.findings.append(
                Finding(
                    "no_component",
                    alert.file,
                    alert.line,
                    f"alert {alert.name} names no component; add the label "
                    f"{setting.component_label}: <component id>",
                )
            )
            continue
        if component not in known:
            report.findings.append(
                Finding(
                    "unknown_component",
                    alert.file,
                    alert.line,
                    f"alert {alert.name}: no component has the id '{component}'; name a "
                    "record of records/components/ in its label",
                )
            )
            continue
        report.alerts.setdefault(component, []).append(alert)
        priority = _priority(alert, setting)
        if priority is None:
            severity = alert.labels.get(setting.severity_label, "")
            report.findings.append(
                Finding(
                    "unmapped_severity",
                    alert.file,
                    alert.line,
                    f"alert {alert.name}: severity '{severity}' maps to no priority; add "
                    f"the label {setting.priority_label}: P1 to P5, or map the severity "
                    f"under monitoring.severities (now: {', '.join(setting.severities)})",
                )
            )
            continue
        for timing in _timings(alert, component, priority, services, in_force, setting):
            report.timings.append(timing)
            if timing.verdict != "ok":
                report.findings.append(_timing_finding(timing, setting))
    report.silent = [
        c
        for c in components
        if c.status in ("operational", "degraded") and c.id not in report.alerts
    ]
    names = {alert.name: alert for alert in alerts}
    revisions = [e for e in log if e.type == "threshold_revision" and e.at <= as_of]
    report.revisions = [
        Revision(
            entry,
            tuple(names[n] for n in entry.alerts if n in names),
            tuple(n for n in entry.alerts if n not in names),
        )
        for entry in sorted(revisions, key=lambda e: (e.at, e.id), reverse=True)
    ]
    return report


def _priority(alert: AlertRule, setting: MonitoringSetting) -> str | None:
    written = alert.labels.get(setting.priority_label, "").strip()
    if _PRIORITY.fullmatch(written):
        return written
    return setting.severities.get(alert.labels.get(setting.severity_label, "").strip())


def _timings(
    alert: AlertRule,
    component: str,
    priority: str,
    services: Sequence[Service],
    agreements: Sequence[Agreement],
    setting: MonitoringSetting,
) -> list[Timing]:
    interval = alert.interval_s if alert.interval_s is not None else setting.evaluation_interval
    used = interval + alert.for_s + setting.notification_delay
    found = []
    for agreement in agreements:
        for service in services:
            if service.id not in agreement.services or component not in service.components:
                continue
            target = applied_target(agreement, priority, service.id, None).first_response
            if not target:
                continue
            verdict: Verdict = (
                "exceeds"
                if used > target
                else "thin"
                if used > setting.safe_share * target
                else "ok"
            )
            found.append(
                Timing(alert, component, agreement.id, service.id, priority, used, target, verdict)
            )
    return found


def _timing_finding(timing: Timing, setting: MonitoringSetting) -> Finding:
    alert = timing.alert
    spent = (
        f"{format_duration(timing.used_s)} (evaluation, for: {format_duration(alert.for_s)}, "
        f"notification {format_duration(setting.notification_delay)})"
    )
    target = (
        f"the {timing.priority} first-response target of {timing.agreement} for "
        f"{timing.service}, {format_duration(timing.target_s)}"
    )
    if timing.verdict == "exceeds":
        return Finding(
            "exceeds",
            alert.file,
            alert.line,
            f"alert {alert.name} reaches a person after {spent}, later than {target}; "
            "shorten for: or the notification path",
        )
    return Finding(
        "thin",
        alert.file,
        alert.line,
        f"alert {alert.name} reaches a person after {spent}, {timing.share:.0f} % of "
        f"{target} (more than the safe share of {setting.safe_share * 100:.0f} %)",
    )
