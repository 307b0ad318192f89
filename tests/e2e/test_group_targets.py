"""Group targets in a repository: a wrong group or pause status is an error at its line."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import copy_sample, replace_in, run_cli

AGREEMENT = "records/agreements/AGR-HAVELFRACHT-2026.md"


def test_a_wrong_group_and_pause_status_are_errors_at_their_lines(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    replace_in(
        root / AGREEMENT,
        "  - group: service-desk\n    assign: 30m\n",
        "  - group: service-dsk\n    assign: 30m\n    pause: [waiting]\n",
    )
    lines = (root / AGREEMENT).read_text(encoding="utf-8").splitlines()
    group_line = lines.index("  - group: service-dsk") + 1
    run = run_cli("validate", cwd=root)
    assert run.code == 1, run.out + run.err
    out = run.out + run.err
    assert f"{AGREEMENT}:{group_line}:" in out
    assert "service-dsk" in out and "service-desk" in out  # what to write instead
    assert f"{AGREEMENT}:{group_line + 2}:" in out
    assert "'waiting' is not a request status" in out
    assert "Traceback" not in out
