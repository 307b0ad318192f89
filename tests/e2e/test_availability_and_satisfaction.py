"""Availability in the monthly service reports and the satisfaction trend on the agreement
page, on the sample's generated Markdown."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import replace_in, run_cli

DOCS = ".servicebook/docs"


def _section(page: str, title: str) -> str:
    return page.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_report_gives_availability_per_service(sample_repo: Path) -> None:
    assert run_cli("generate", cwd=sample_repo).code == 0
    october = (sample_repo / DOCS / "reports/AGR-LINDENHOF-2026/2026-10.md").read_text()
    table = _section(october, "Availability per service")
    # Without history the file's terms apply: 99.0 % agreed, so October falls short.
    assert "Agreed availability: **99.0 %**." in table
    assert (
        "| [Practice systems](../../services/practice-systems.md) | 220h | — | 5h30m | "
        '<span class="sb-badge sb-breached">97.50 %</span> | '
        "[MediDesk does not start at Prenzlauer Berg](../../requests/REQ-20261026-3C51.md) |"
    ) in table
    assert (
        "| [Workplace support](../../services/workplace-support.md) | 220h | — | — | 100.00 % |"
        in table
    )
    september = (sample_repo / DOCS / "reports/AGR-HAVELFRACHT-2026/2026-09.md").read_text()
    table = _section(september, "Availability per service")
    assert "Agreed availability: **99.5 %**." in table
    # 06:35 to 08:25, of which 07:00 to 08:25 falls in the extended hours.
    assert "| 310h | — | 1h25m | 99.54 % |" in table
    havel_october = (sample_repo / DOCS / "reports/AGR-HAVELFRACHT-2026/2026-10.md").read_text()
    table = _section(havel_october, "Availability per service")
    # The night outage of 14 October is recorded but lies outside the service hours.
    assert (
        "| [Warehouse systems](../../services/warehouse-systems.md) | 310h | — | — | 100.00 % | "
        "[LagerPilot unavailable"
    ) in table


def test_a_month_below_the_agreed_availability_is_flagged(sample_repo: Path) -> None:
    request = sample_repo / "records/requests/2026/09/REQ-20260922-1F0B.md"
    replace_in(request, "end: 2026-09-22T08:25:00+02:00", "end: 2026-09-22T11:25:00+02:00")
    assert run_cli("generate", cwd=sample_repo).code == 0
    page = (sample_repo / DOCS / "reports/AGR-HAVELFRACHT-2026/2026-09.md").read_text()
    table = _section(page, "Availability per service")
    assert '| 4h25m | <span class="sb-badge sb-breached">98.58 %</span> |' in table


def test_the_agreement_page_charts_satisfaction_over_time(sample_repo: Path) -> None:
    assert run_cli("generate", cwd=sample_repo).code == 0
    page = (sample_repo / DOCS / "agreements/AGR-LINDENHOF-2026.md").read_text()
    section = _section(page, "Satisfaction")
    assert "Satisfaction per month, AGR-LINDENHOF-2026" in section
    assert "request ratings (average)" in section and "surveys" in section
    assert "| 2026-10 | 10 | 3.60 | 3.60 |" in section  # the third-quarter survey closed 2 Oct
    assert "| 2026-07 | 0 | — | 3.90 |" in section
    assert section.index("| 2026-11 |") < section.index("| 2026-07 |")  # newest first
