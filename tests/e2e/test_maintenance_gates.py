"""A maintenance plan is done only once its gates are met: validate says which is not."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import copy_sample, replace_in, run_cli


def test_failed_test_keeps_a_done_plan_open(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    record = root / "records/maintenance/MNT-2026-029.md"
    replace_in(
        record, "result: passed, at: 2026-08-22T09:25", "result: failed, at: 2026-08-22T09:25"
    )
    run = run_cli("validate", cwd=root)
    assert run.code == 1
    assert (
        "records/maintenance/MNT-2026-029.md:20: tests[1].result: test 'Battery health "
        "reading' failed; a plan with a failed test stays open (status in_progress) until "
        "it passes" in run.out + run.err
    )


def test_done_plan_without_documentation_is_an_error(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    record = root / "records/maintenance/MNT-2026-029.md"
    text = record.read_text(encoding="utf-8").splitlines(keepends=True)
    record.write_text(
        "".join(
            'documentation: ""\n' if line.startswith("documentation:") else line for line in text
        ),
        encoding="utf-8",
    )
    run = run_cli("validate", cwd=root)
    assert run.code == 1
    assert (
        "records/maintenance/MNT-2026-029.md:5: status: a plan is done only once its "
        "documentation is updated; write which documents changed under documentation:, "
        "or keep status in_progress" in run.out + run.err
    )
