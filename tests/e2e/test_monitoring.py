"""``servicebook monitoring`` and the monitoring page on the sample's Prometheus rules: the
alert too slow for Havelfracht's P1 target and the components without alerts are reported,
promtool passes the sample's files and catches a broken one."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.commands.monitoring import PROMTOOL_MISSING
from tests.helpers import REPO, replace_in, run_cli

WAREHOUSE = "monitoring/warehouse.rules.yml"
SLOW = (
    f"{WAREHOUSE}:32: warning: alert WarehouseAccessPointDown reaches a person after 20m30s "
    "(evaluation, for: 15m, notification 5m), later than the P1 first-response target of "
    "AGR-HAVELFRACHT-2026 for network-connectivity, 15m; shorten for: or the notification path"
)
needs_promtool = pytest.mark.skipif(
    shutil.which("promtool") is None, reason="promtool is not installed (.ci/run installs it)"
)


@pytest.fixture
def sample(sample_repo: Path) -> Path:
    assert (sample_repo / WAREHOUSE).is_file()  # copy_sample takes the monitoring folder
    return sample_repo


def test_the_slow_alert_and_the_silent_components_are_reported(sample: Path) -> None:
    run = run_cli("monitoring", cwd=sample)
    assert run.code == 0, run.out + run.err
    lines = run.out.splitlines()
    assert SLOW in lines
    assert (
        "records/components/handheld-scanners.md:1: warning: no alert names handheld-scanners; "
        "add an alerting rule with the label component: handheld-scanners to monitoring/"
    ) in lines
    assert len([line for line in lines if "no alert names" in line]) == 2
    assert run.err.startswith("15 alerts in 3 rule files: 1 later than their target, 1 with")
    strict = run_cli("monitoring", "--strict", cwd=sample)
    assert strict.code == 1 and SLOW.replace("warning: ", "") in strict.out.splitlines()


@needs_promtool
def test_promtool_passes_the_sample_rules() -> None:
    files = sorted(str(p) for p in (REPO / "monitoring").glob("*.yml"))
    done = subprocess.run(["promtool", "check", "rules", *files], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("SUCCESS") == 3


@needs_promtool
def test_broken_promql_is_an_error_named_by_promtool(sample: Path) -> None:
    replace_in(sample / WAREHOUSE, 'expr: up{job="lagerpilot"} == 0', "expr: up{job= == 0")
    run = run_cli("monitoring", cwd=sample)
    assert run.code == 1
    [line] = [line for line in run.out.splitlines() if "promtool" in line]
    assert line.startswith(f"{WAREHOUSE}:0: promtool check rules failed: ")
    assert "parse error" in line
    assert "checked with promtool" in run.err


def test_without_promtool_the_report_says_promql_was_not_checked(sample: Path) -> None:
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    done = subprocess.run(
        [sys.executable, "-m", "generator", "monitoring"],
        cwd=sample, env=env, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr.rstrip().endswith(PROMTOOL_MISSING)
    assert SLOW in done.stdout.splitlines()


def test_rules_naming_unknown_components_and_revisions_naming_unknown_alerts(
    sample: Path,
) -> None:
    replace_in(sample / WAREHOUSE, "component: site-wan", "component: site-wann")
    replace_in(sample / WAREHOUSE, "for: 15m", "for: 15 minutes")
    log = sample / "records/log/LOG-20261103-wms-threshold.md"
    replace_in(log, "alerts: [LagerPilotSlowResponses]", "alerts: [LagerPilotSlowResponse]")
    run = run_cli("monitoring", cwd=sample)
    assert run.code == 1
    lines = run.out.splitlines()
    assert (
        f"{WAREHOUSE}:36: groups[1].rules[0].for: '15 minutes' is not a Prometheus duration; "
        "write e.g. 30s, 5m or 1h30m"
    ) in lines
    assert (
        f"{WAREHOUSE}:42: alert SiteWanPrimaryLineDown: no component has the id 'site-wann'; "
        "name a record of records/components/ in its label"
    ) in lines
    assert (
        "records/log/LOG-20261103-wms-threshold.md:9: alerts[0]: no alerting rule in "
        "monitoring/ is called LagerPilotSlowResponse; write the alert: name of the rule this "
        "revision changed"
    ) in lines


def test_the_monitoring_page_shows_the_report(sample: Path) -> None:
    assert run_cli("generate", cwd=sample).code == 0
    page = (sample / ".servicebook/docs/monitoring/index.md").read_text()
    sections = {part.split("\n", 1)[0]: part for part in page.split("\n## ")[1:]}
    slow = sections["Too slow for the agreement"]
    assert "`WarehouseAccessPointDown`" in slow and 'sb-breached">137 %' in slow
    assert "`DatabaseReplicaLagging`" in slow and 'sb-at-risk">53 %' in slow
    silent = sections["Components without an alert"]
    assert "handheld-scanners.md" in silent and "label-printing.md" in silent
    assert "telehealth-platform" not in silent  # planned: nothing runs yet
    assert (
        "`LagerPilotSlowResponses` (`monitoring/warehouse.rules.yml:16`)"
        in (sections["Threshold revisions"])
    )


def test_without_a_monitoring_folder_the_page_says_where_rules_go(sample_repo: Path) -> None:
    shutil.rmtree(sample_repo / "monitoring")
    assert run_cli("generate", cwd=sample_repo).code == 0
    page = (sample_repo / ".servicebook/docs/monitoring/index.md").read_text()
    assert "No alerting rules yet: put the Prometheus rule files in `monitoring/`" in page
    run = run_cli("monitoring", cwd=sample_repo)
    assert run.code == 0
    assert run.err.startswith("0 alerts in 0 rule files")
