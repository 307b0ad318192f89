"""The service log: operations, corrective actions and threshold revisions as records."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import replace_in, run_cli

ACTION = "records/log/LOG-20261110-backup-volume.md"


def test_log_page_puts_open_corrective_actions_first(sample_repo: Path) -> None:
    result = run_cli("generate", cwd=sample_repo)
    assert result.code == 0, result.err
    page = (sample_repo / ".servicebook/docs/log/index.md").read_text()
    open_part = page.split("## Open corrective actions")[1].split("## All entries")[0]
    assert "Restore the nightly backup of the MediDesk data volume" in open_part
    assert "overdue" not in open_part  # due 27 November, after as_of
    assert page.count("<tr><td>2026-") == 5  # one open action, then all four entries
    cmmi = (sample_repo / ".servicebook/docs/audit/cmmi.md").read_text()
    assert "no record kind yet (log)" not in cmmi


def test_an_overdue_action_shows_on_the_cmmi_evidence_page(sample_repo: Path) -> None:
    replace_in(
        sample_repo / ACTION, "due: 2026-11-27T18:00:00+01:00", "due: 2026-11-20T18:00:00+01:00"
    )
    result = run_cli("generate", cwd=sample_repo)
    assert result.code == 0, result.err
    cmmi = (sample_repo / ".servicebook/docs/audit/cmmi.md").read_text()
    assert "- LOG-20261110-backup-volume: corrective action overdue since 2026-11-20" in cmmi


def test_a_done_corrective_action_needs_its_result(sample_repo: Path) -> None:
    replace_in(sample_repo / ACTION, "status: open", "status: done")
    result = run_cli("validate", cwd=sample_repo)
    assert result.code == 1
    assert "a done corrective action needs its result" in result.out


def test_consumables_page_flags_low_stock_and_a_negative_log_is_an_error(
    sample_repo: Path,
) -> None:
    result = run_cli("generate", cwd=sample_repo)
    assert result.code == 0, result.err
    page = (sample_repo / ".servicebook/docs/consumables/index.md").read_text()
    row = next(line for line in page.splitlines() if "label-rolls.md" in line)
    assert "| 55 roll(s) | 40 | 7.6 | 7 days |" in row and "sb-stock-low" in row
    labels = "records/consumables/label-rolls.md"
    replace_in(sample_repo / labels, "change: 120,", "change: 12,")
    result = run_cli("validate", cwd=sample_repo)
    assert result.code == 1
    assert (
        f"{labels}:14: stock[4].change: takes the stock to -53 roll(s); record the acquisition "
        "that came before this use"
    ) in result.out.splitlines(), result.out
