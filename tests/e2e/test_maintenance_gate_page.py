"""An open maintenance plan's page lists the gates still open: a failed test shows it blocked."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import copy_sample, replace_in, run_cli
from tests.history_helpers import GitRepo


def _page(root: Path, plan: str) -> str:
    run = run_cli("generate", cwd=root)
    assert run.code == 0, run.out + run.err
    return (root / ".servicebook/docs/maintenance" / f"{plan}.md").read_text(encoding="utf-8")


def test_plan_with_a_failed_test_is_shown_blocked(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    GitRepo(root).git("init", "-q", "-b", "main")
    GitRepo(root).commit("Sample", "2026-11-25T12:00:00+01:00")
    page = _page(root, "MNT-2026-034")
    assert '!!! warning "Blocked"\n    A test failed: this plan stays open until a repeat' in page
    assert (
        '| Every test passed | <span class="sb-badge sb-failed">no</span> | failed: Restore '
        "test of the MediDesk database to an isolated VM, pending: Repeat restore test after "
        "re-indexing the backup catalogue |"
    ) in page
    assert (
        '| Customers notified | <span class="sb-badge sb-passed">yes</span> | havelfracht, '
        "lindenhof: sent 2026-11-19 |"
    ) in page


def test_plan_without_the_notice_sent_shows_that_gate_open(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    replace_in(
        root / "records/maintenance/MNT-2026-035.md", "notified: 2026-11-20T09:00:00+01:00\n", ""
    )
    page = _page(root, "MNT-2026-035")
    assert "Blocked" not in page
    assert (
        '| Customers notified | <span class="sb-badge sb-failed">no</span> | lindenhof: no '
        "notice sent yet |"
    ) in page


def test_done_plan_lists_no_gates(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    assert "Before it can be done" not in _page(root, "MNT-2026-029")
