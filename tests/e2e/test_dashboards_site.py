"""The sample's dashboards, service reports and request pages answer a newcomer's questions.

Checked on the generated Markdown (the built HTML changes with every theme release);
the browser tests check the rendered site.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.helpers import replace_in, run_cli
from tests.history_helpers import git_env

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import REPO

    root = tmp_path_factory.mktemp("dashboards")
    for name in ("records", "docs", "templates"):
        if (REPO / name).is_dir():
            subprocess.run(["cp", "-r", str(REPO / name), str(root / name)], check=True)
    for name in ("mkdocs.yml", "servicebook.yml"):
        (root / name).write_bytes((REPO / name).read_bytes())
    result = run_cli("generate", cwd=root)
    assert result.code == 0, result.err
    return root / ".servicebook" / "docs"


def _section(page: str, title: str) -> str:
    return page.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def _first_row(table: str) -> str:
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    return rows[1]  # after the header


def test_home_page_says_who_missed_last_month_and_what_breaches_next(docs: Path) -> None:
    home = (docs / "index.md").read_text()
    assert (
        "| [Lindenhof Kliniken IT support](agreements/AGR-LINDENHOF-2026.md) | 2026-10 | 14 | 5 | "
        '<span class="sb-badge sb-breached">73.7 %</span> | '
        "[breaches in the 2026-10 report](reports/AGR-LINDENHOF-2026/2026-10.md) |"
    ) in home
    assert (
        "| 2026-11-25 15:10 CET | [REQ-20261125-F3A9](requests/REQ-20261125-F3A9.md) "
        "Spreadsheet program crashes on the delivery note template | first response | 10m |"
    ) in home


def test_internal_dashboard_sorts_by_urgency(docs: Path) -> None:
    page = (docs / "dashboards" / "internal.md").read_text()
    at_risk = _section(page, "At risk: due soonest first")
    dues = re.findall(r"^\| (2026-\d\d-\d\d \d\d:\d\d) ", at_risk, re.M)
    assert dues == sorted(dues) and len(dues) == 6
    breached = _section(page, "Breached: most overdue first")
    assert _first_row(breached).startswith(
        "| 35h50m | [REQ-20261120-E05B](../requests/REQ-20261120-E05B.md) Second monitor"
    )
    assert (
        "| [Service desk](../roster/service-desk.md) | 0 | 1 | 0 | 3 | 0 | **4** | 4 | 1.0 |"
        in (page)
    )
    assert (
        "| [Password and MFA reset with identity check](../procedures/password-reset.md) | "
        'procedure | 2026-09-30 | <span class="sb-badge sb-breached">overdue by 56 days</span> |'
    ) in page
    # The Lindenhof review was held on 20 November, after its October objectives were missed.
    assert "AGR-LINDENHOF-2026" not in _section(page, "Reviews due")
    assert "AGR-LINDENHOF-2026" in _section(page, "Objectives missed")
    assert "REQ-20261106-2C9D" in _section(page, "Out of scope")
    assert "REQ-20261120-E05B" in _section(page, "Unassigned")
    assert "<title>open requests, under 1 day: 5</title>" in page


def test_monthly_report_explains_each_breach(docs: Path) -> None:
    report = (docs / "reports" / "AGR-LINDENHOF-2026" / "2026-10.md").read_text()
    assert "| Compliance | 73.7 % |" in report
    assert (
        "| [REQ-20261008-5E09](../../requests/REQ-20261008-5E09.md) Printer in Weißensee jams on "
        "every second page | resolution, P3 | **8h35m over** the 24h target (took 32h35m) | "
        "2026-10-13 13:25 CEST, in progress, with "
        "[Workplace and field support](../../roster/workplace.md) |"
    ) in report
    assert "| Satisfaction | 3.60 of 5 from 10 ratings |" in report
    assert "[← 2026-09](2026-09.md) · [2026-11 →](2026-11.md)" in report
    current = (docs / "reports" / "AGR-LINDENHOF-2026" / "2026-11.md").read_text()
    assert "**Month to date**" in current


def test_agreement_page_charts_its_trend_and_links_the_reports(docs: Path) -> None:
    page = (docs / "agreements" / "AGR-LINDENHOF-2026.md").read_text()
    assert '<title id="sb-compliance-per-month-agr-lindenhof-2026-t">' in page
    assert (
        "| 2026-10 | 14 | 5 | 73.7 % | "
        "[service report 2026-10](../reports/AGR-LINDENHOF-2026/2026-10.md) |"
    ) in page
    assert '<span class="sb-badge sb-approved">approved by both parties</span>' in page


def test_request_page_tells_what_happened(docs: Path) -> None:
    page = (docs / "requests" / "REQ-20260803-91C4.md").read_text()
    assert (
        '<td><strong>transferred</strong></td> <td>from <a href="../../roster/service-desk/">'
        'Service desk</a> to <a href="../../roster/workplace/">Workplace and field support</a>'
        ' / <a href="../../roster/sofia.marino/">Sofia Marino</a>: Hardware swap needed on site'
        "</td>"
    ) in page
    assert "## Completion notice" in page
    paused = (docs / "requests" / "REQ-20260813-0F6D.md").read_text()
    assert (
        "<td><strong>resolution clock paused</strong></td> <td>while waiting on requester</td>"
    ) in paused


def test_untrusted_title_stays_text_in_the_notice_and_lists(docs: Path) -> None:
    for path in ("requests/REQ-20261116-A53B.md", "dashboards/external.md"):
        text = (docs / path).read_text()
        assert "<script>" not in text, path
    assert "&lt;script&gt;alert" in (docs / "dashboards" / "external.md").read_text()


def test_pages_name_the_commit_they_were_built_from(contract_repo: Path) -> None:
    def git(*args: str) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=contract_repo,
            env=git_env(when="2026-11-21T10:00:00Z"),
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "Records")
    sha = git("rev-parse", "--short=7", "HEAD")
    page = contract_repo / ".servicebook" / "docs" / "index.md"
    assert run_cli("generate", "--as-of", "2026-11-21T12:00:00Z", cwd=contract_repo).code == 0
    assert f"· source: commit {sha}*" in page.read_text()
    replace_in(
        contract_repo / "records" / "services" / "workplace-it.md", "Workplace IT", "Desk IT"
    )
    assert run_cli("generate", "--as-of", "2026-11-21T12:00:00Z", cwd=contract_repo).code == 0
    assert f"· source: commit {sha} with uncommitted changes*" in page.read_text()


def test_notices_page_tells_each_customer_where_to_look(docs: Path) -> None:
    page = (docs / "dashboards" / "notices.md").read_text()
    assert "### [Havelfracht Logistik GmbH](../roster/havelfracht.md)" in page
    assert (
        "| Service reports | [2026-11: Havelfracht managed IT and warehouse systems 2026-2027]"
        "(../reports/AGR-HAVELFRACHT-2026/2026-11.md) |"
    ) in page
    assert "6 window(s) coming up that touch their services" in page
    assert "[calendar (iCalendar)](../maintenance/windows.ics)" in page


def test_agreement_page_judges_its_targets_on_recent_requests(docs: Path) -> None:
    page = (docs / "agreements" / "AGR-HAVELFRACHT-2026.md").read_text()
    section = page.split("## Capability")[1].split("\n## ")[0]
    assert "The 60 requests for its services" in section
    assert (
        '| resolution | P3 | 16h | 19 | 6 | 76.0 % | 23h | <span class="sb-badge '
        'sb-capability-unlikely">unlikely</span> |'
    ) in section
    draft = (docs / "agreements" / "AGR-LINDENHOF-TELEHEALTH.md").read_text()
    assert "too few" in draft.split("## Capability")[1]


def test_sample_shows_the_suggestions_and_a_requester_out_of_scope(docs: Path) -> None:
    uncategorised = (docs / "requests" / "REQ-20261125-6D2C.md").read_text(encoding="utf-8")
    assert (
        "    - Category: suggested: 'printing' \\(past workplace-support requests with the "
        "title words 'reception', 'pages': 2 of 2 were 'printing'\\)\n"
    ) in uncategorised
    unassigned = (docs / "requests" / "REQ-20261120-E05B.md").read_text(encoding="utf-8")
    assert (
        "    - Suggested group: workplace \\(rule: category 'hardware' → group 'workplace' "
        "in workplace-support\\)\n"
    ) in unassigned
    stranger = (
        "'disposition@zeitwerk-personal.example' is not in scope of AGR-HAVELFRACHT-2026 "
        "\\(scope.requesters: havelfracht.example\\)"
    )
    page = (docs / "requests" / "REQ-20261123-0A6C.md").read_text(encoding="utf-8")
    assert f"    - {stranger}\n" in page
    dashboard = (docs / "dashboards" / "internal.md").read_text(encoding="utf-8")
    assert stranger in _section(dashboard, "Out of scope")


def test_a_downgrade_after_a_breach_reads_the_same_on_the_request_and_the_report(
    docs: Path,
) -> None:
    """REQ-20261007-D7B5 breached its P2 resolution target (8h), then was lowered to P3
    (24h): neither page may say "time remaining" or "0s over the 24h target"."""
    page = (docs / "requests" / "REQ-20261007-D7B5.md").read_text()
    assert (
        "breached 2026-10-07 16:40 CEST under the P2 target of 8h; the priority was lowered "
        "to P3 (24h) afterwards. The breach stands, 9h30m over the target it breached"
    ) in page
    assert "<td>none: breached</td>" in page
    report = (docs / "reports" / "AGR-LINDENHOF-2026" / "2026-10.md").read_text()
    row = next(line for line in report.splitlines() if "REQ-20261007-D7B5" in line)
    assert (
        "**9h30m over** the 8h P2 target it breached under (the priority was lowered to P3, "
        "24h, afterwards; the breach stands)"
    ) in row
