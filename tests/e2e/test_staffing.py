"""Rotas, coverage and workload on the sample: the Friday evening gap in the Havelfracht
extended hours, who is on duty, a person on a rota outside its group, and the forecast
chart held against each group's capacity."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import failing_validate, replace_in, run_cli

LATE = "records/rotas/havelfracht-late.md"


def _sections(root: Path, page: str) -> dict[str, str]:
    """The generated page's sections by heading (after a fresh generate)."""
    assert run_cli("generate", cwd=root).code == 0
    text = (root / ".servicebook/docs" / page).read_text()
    return {part.split("\n", 1)[0]: part for part in text.split("\n## ")[1:]}


def test_coverage_shows_the_friday_evening_gap(sample_repo: Path) -> None:
    sections = _sections(sample_repo, "rotas/coverage.md")
    office = sections["[Berlin office hours](../calendars/berlin-office.md)"]
    assert "Every service hour of these weeks is covered." in office
    havel = sections["[Havelfracht extended hours](../calendars/havelfracht-extended.md)"]
    assert "Nobody is on duty for **12h** of these service hours." in havel
    assert "| 2026-W48 | 2026-11-23 | 71h | 2h | 97.2 % |" in havel
    # Christmas Day is a Friday and a holiday in this calendar: no gap that week.
    assert "| 2026-W52 | 2026-12-21 | 52h | — | 100.0 % |" in havel
    assert "| 2026-W53 | 2026-12-28 | 58h | — | 100.0 % |" in havel  # New Year's Day, a Friday
    assert "| 2026-W48 | 2026-11-27 18:00–20:00 CET |" in havel
    assert '<svg class="sb-chart"' in havel and "nobody on duty" in havel
    # The late shift staffs the Havelfracht calendar only.
    assert "havelfracht-late.md" not in office


def test_a_fifth_evening_closes_the_gap(sample_repo: Path) -> None:
    replace_in(
        sample_repo / LATE,
        '  thu: ["18:00-20:00"]\n',
        '  thu: ["18:00-20:00"]\n  fri: ["18:00-20:00"]\n',
    )
    assert run_cli("generate", cwd=sample_repo).code == 0
    page = (sample_repo / ".servicebook/docs/rotas/coverage.md").read_text()
    assert "Nobody is on duty" not in page
    assert page.count("Every service hour of these weeks is covered.") == 2


def test_rota_pages_say_who_is_on_duty(sample_repo: Path) -> None:
    assert run_cli("generate", cwd=sample_repo).code == 0
    docs = sample_repo / ".servicebook/docs/rotas"
    index = (docs / "index.md").read_text()
    # As of Wednesday 25 November 15:00 the day shift is on: 324 days after 5 January,
    # a daily turn, the first of three people.
    assert "| daily | [Anna Kowalski](../roster/anna.kowalski.md) |" in index
    assert index.count("| weekly | — |") == 2  # nobody on the evening or night rota now
    oncall = (docs / "infra-oncall.md").read_text()
    assert "| 2026-11-27 20:00 – 2026-11-30 07:30 CET |" in oncall
    # Five shifts a week for eight weeks, and the weekend shift running into this Monday.
    assert oncall.count("\n| 202") == 8 * 5 + 1
    assert "| 2026-11-23 00:00–07:30 CET |" in oncall


def test_a_person_outside_the_group_is_an_error_at_their_line(sample_repo: Path) -> None:
    replace_in(
        sample_repo / LATE,
        "people: [mehmet.yilmaz, jonas.becker]",
        "people: [mehmet.yilmaz, david.schulz]",
    )
    errors = [line for line in failing_validate(sample_repo) if ": warning: " not in line]
    assert errors == [
        f"{LATE}:12: people[1]: 'david.schulz' is not a member of service-desk; add them to "
        "the group's members, or take them off the rota"
    ]


def test_workload_charts_the_forecast_against_capacity(sample_repo: Path) -> None:
    sections = _sections(sample_repo, "rotas/workload.md")
    apps = sections["[Business applications](../roster/applications.md)"]
    assert "20 requests in the history · method: Holt's damped trend · capacity: 2." in apps
    assert "**Above capacity** in" in apps
    assert "Requests per week and forecast, applications" in apps
    assert 'class="sb-chart-ref"' in apps  # the capacity line
    assert apps.count("\n| 202") == 8
    security = sections["[Security operations](../roster/security.md)"]
    assert "capacity: not recorded." in security and "sb-chart-ref" not in security


def test_the_cmmi_page_evidences_each_line_with_its_gaps(sample_repo: Path) -> None:
    assert run_cli("generate", cwd=sample_repo).code == 0
    page = (sample_repo / ".servicebook/docs/audit/cmmi.md").read_text()
    rows = {row.split(" | ", 1)[0][2:]: row for row in page.splitlines() if row.startswith("| ")}
    assert (
        "| [Coverage](../rotas/coverage.md), [Rotas](../rotas/index.md) | havelfracht-extended: "
        "12h of service hours with nobody on duty in the next 8 weeks |"
    ) in rows["resources available"]
    assert "not built: freeze periods are not recorded" in rows["analyze impacts"]
    assert "applications: forecast above its capacity of 2" in rows["resource requirements"]
    assert rows["service delivery logs and receipts"].endswith("| none |")
    for rota in (sample_repo / "records/rotas").iterdir():
        rota.unlink()
    assert run_cli("generate", cwd=sample_repo).code == 0
    page = (sample_repo / ".servicebook/docs/audit/cmmi.md").read_text()
    # Without rotas every service hour is uncovered: 6 weeks of 50 hours, 2 holiday weeks of 40.
    assert "berlin-office: 380h of service hours with nobody on duty in the next 8 weeks" in page
    assert "- no rotas recorded" in page
