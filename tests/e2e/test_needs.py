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
