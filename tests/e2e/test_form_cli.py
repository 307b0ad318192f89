"""``servicebook form``: the issue form's options follow the records; the rest is kept."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import copy_sample, replace_in, run_cli

FORM = ".github/ISSUE_TEMPLATE/service-request.yml"


def test_the_sample_form_is_current(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    (root / ".github/ISSUE_TEMPLATE").mkdir(parents=True, exist_ok=True)
    source = Path(__file__).resolve().parents[2] / FORM
    (root / FORM).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    run = run_cli("form", "--check", cwd=root)
    assert run.code == 0, run.err


def test_a_retired_service_leaves_the_form_and_the_wording_stays(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    (root / ".github/ISSUE_TEMPLATE").mkdir(parents=True, exist_ok=True)
    source = Path(__file__).resolve().parents[2] / FORM
    text = source.read_text(encoding="utf-8").replace("Tell us what you need.", "Hello!")
    (root / FORM).write_text(text, encoding="utf-8")
    replace_in(root / "records/services/backup-restore.md", "title: Backup and restore\n",
               "title: Backup and restore\nstatus: retired\n")  # fmt: skip
    stale = run_cli("form", "--check", cwd=root)
    assert stale.code == 1
    assert "is stale" in stale.err and "servicebook form" in stale.err
    assert run_cli("form", cwd=root).code == 0
    written = (root / FORM).read_text(encoding="utf-8")
    assert "Backup and restore" not in written
    assert "Hello!" in written and "- Workplace support (workplace-support)\n" in written
    assert run_cli("form", "--check", cwd=root).code == 0
