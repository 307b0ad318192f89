"""``servicebook monitoring``: the alerting rules against the components and the targets.

The report of :mod:`generator.analysis.monitoring` as diagnostics at the rule's line,
plus ``promtool check rules`` on every rule file when promtool is installed (Debian's
``prometheus`` package), so the PromQL and the rule syntax are checked too. Rule files
that cannot be read, promtool's complaints, alerts naming unknown components and
threshold revisions naming unknown alerts are errors; timings, components without an
alert and unmapped severities are warnings (errors with ``strict``).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Literal

from generator.commands.options import parse_as_of, records_root
from generator.commands.result import CommandResult
from generator.config import load_config
from generator.errors import Diagnostic, Severity, format_diagnostics, has_errors, sort_diagnostics
from generator.pipeline import read_monitoring, validate

Format = Literal["text", "json", "github"]
_ERRORS = frozenset({"unknown_component"})
PROMTOOL_MISSING = "PromQL not checked: promtool is not installed (Debian: apt install prometheus)"


def run(root: Path, as_of: str | None, fmt: Format, *, strict: bool) -> CommandResult:
    """The report's diagnostics on standard output, a summary on standard error."""
    root = records_root(root)
    config = load_config(root)
    instant = parse_as_of(as_of, config.as_of, config.instants)
    validated = validate(root)
    if has_errors(validated.diagnostics):
        return CommandResult(
            1,
            stderr=format_diagnostics(validated.diagnostics, "text")
            + "servicebook: fix the errors above; the report is made from valid records\n",
        )
    catalog = validated.catalog
    setting = config.monitoring
    rules, report = read_monitoring(root, config, catalog, instant)
    warning = Severity.ERROR if strict else Severity.WARNING
    found = list(rules.problems)
    for finding in report.findings:
        severity = Severity.ERROR if finding.kind in _ERRORS else warning
        found.append(Diagnostic(finding.file, finding.line, 0, "", finding.message, severity))
    for component in report.silent:
        entry = catalog.entries[component.id]
        found.append(
            Diagnostic(
                entry.path,
                1,
                0,
                "",
                f"no alert names {component.id}; add an alerting rule with the label "
                f"{setting.component_label}: {component.id} to {setting.folder}/",
                warning,
            )
        )
    for revision in report.revisions if rules.files else []:
        entry = catalog.entries[revision.entry.id]
        for name in revision.missing:
            index = revision.entry.alerts.index(name)
            found.append(
                entry.diagnostic(
                    ("alerts", index),
                    f"no alerting rule in {setting.folder}/ is called {name}; write the "
                    "alert: name of the rule this revision changed",
                )
            )
    checked, said = _promtool(root, rules.files)
    found += said
    diagnostics = sort_diagnostics(found)
    summary = (
        f"{len(rules.alerts)} alerts in {len(rules.files)} rule files: "
        f"{sum(1 for t in report.timings if t.verdict == 'exceeds')} later than their "
        f"target, {sum(1 for t in report.timings if t.verdict == 'thin')} with a thin "
        f"margin, {len(report.silent)} components without an alert; {checked}\n"
    )
    return CommandResult(
        1 if has_errors(diagnostics) else 0,
        format_diagnostics(diagnostics, fmt),
        summary if fmt == "text" else "",
    )


def _promtool(root: Path, files: list[str]) -> tuple[str, list[Diagnostic]]:
    """What promtool said of the rule files (nothing to say when it passed them all)."""
    if not files:
        return "no rule files to check", []
    program = shutil.which("promtool")
    if program is None:
        return PROMTOOL_MISSING, []
    found = []
    for rel in files:
        done = subprocess.run(
            [program, "check", "rules", rel],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            said = " ".join((done.stderr or done.stdout).split())
            found.append(Diagnostic(rel, 0, 0, "", f"promtool check rules failed: {said}"))
    return "PromQL and rule syntax checked with promtool", found
