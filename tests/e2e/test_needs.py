"""Needs, staff concerns and surveys: input to the agreement review."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import replace_in, run_cli

SURVEY = "records/needs/SURVEY-2026-Q3-lindenhof.md"


def test_agreement_page_lists_its_needs_concerns_and_surveys(sample_repo: Path) -> None:
    result = run_cli("generate", cwd=sample_repo)
    assert result.code == 0, result.err
    docs = sample_repo / ".servicebook" / "docs"
    page = (docs / "agreements" / "AGR-HAVELFRACHT-2026.md").read_text()
    section = page.split("## Needs, concerns and surveys")[1].split("\n## ")[0]
    assert "[Night on-call for the Havelfracht P1 cover rests on three people]" in section
    assert "4.2 of 5 from 14 answers" in section
    assert "Wustermark" in section
    index = (docs / "needs" / "index.md").read_text()
    assert "| 9 | 3.6 |" in index
    cmmi = (docs / "audit" / "cmmi.md").read_text()
    assert "no record kind yet (need/survey)" not in cmmi
    assert "no satisfaction survey recorded" not in cmmi


def test_a_survey_without_results_is_an_error(sample_repo: Path) -> None:
    replace_in(sample_repo / SURVEY, "score: 3.6\n", "")
    result = run_cli("validate", cwd=sample_repo)
    assert result.code == 1
    assert "a survey needs its results" in result.out


def test_a_supplier_resolution_that_does_not_fit_is_a_warning(sample_repo: Path) -> None:
    path = "records/suppliers/SUP-MEDIDESK.md"
    replace_in(sample_repo / path, "resolution: 3h}", "resolution: 5h}")
    result = run_cli("validate", cwd=sample_repo)
    assert result.code == 0, result.out  # a warning: the records are valid
    assert (
        f"{path}:12: warning: targets[0].resolution: 5h does not fit inside the 4h resolution "
        "that AGR-LINDENHOF-2026 promises at P1 for practice-systems; agree a shorter time "
        "with the supplier, or describe the workaround that keeps our target (workaround: …)"
    ) in result.out.splitlines(), result.out
    result = run_cli("generate", cwd=sample_repo)
    page = (sample_repo / ".servicebook/docs/suppliers/index.md").read_text()
    assert "does not fit" in page
