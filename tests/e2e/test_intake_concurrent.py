"""Two ``servicebook intake github-issue`` runs at once: the id is checked under the lock.

The test holds the records lock, starts both intakes, and lets go only once both have
opened the lock file (seen in ``/proc``), so both are certain to be waiting for it. An
intake that checked the id before taking the lock would then find it free in both runs,
and the second would replace the first's record.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import HERE
from tests.helpers import held_lock

EVENTS = HERE / "fixtures" / "github"
AS_OF = "2026-11-25T14:00:00Z"
RECORD = "records/requests/2026/11/REQ-20261120-D110.md"
ISSUE_42 = "https://github.com/spreebogen/servicebook/issues/42"
# 65,536 issues later the permuted suffix comes round again: the same id, another issue.
ISSUE_LATER = "https://github.com/spreebogen/servicebook/issues/65578"

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")


def _event(folder: Path, number: int) -> Path:
    data = json.loads((EVENTS / "issue-opened.json").read_text(encoding="utf-8"))
    data["issue"]["number"] = number
    data["issue"]["html_url"] = f"https://github.com/spreebogen/servicebook/issues/{number}"
    path = folder / f"issue-{number}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _holds_lock_file(process: subprocess.Popen[str], lock: Path) -> bool:
    folder = Path(f"/proc/{process.pid}/fd")
    try:
        return any(fd.readlink() == lock for fd in folder.iterdir())
    except OSError:  # an fd closed while we looked
        return False


def _both_intakes(root: Path, events: list[Path]) -> list[tuple[int, str, str]]:
    """Run the intakes while the lock is held; release it once both wait for it."""
    env = {**os.environ, "SERVICEBOOK_LOCK_TIMEOUT": "600"}
    lock = (root / ".servicebook" / "records.lock").resolve()
    with held_lock(root):
        processes = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "generator",
                    "intake",
                    "github-issue",
                    str(event),
                    "--as-of",
                    AS_OF,
                ],
                cwd=root,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for event in events
        ]
        deadline = time.monotonic() + 120
        while not all(_holds_lock_file(p, lock) for p in processes):
            finished = [p for p in processes if p.poll() is not None]
            assert not finished, [p.communicate() for p in finished]
            assert time.monotonic() < deadline, "the intakes never reached the lock"
            time.sleep(0.05)
    results = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        results.append((process.returncode, out, err))
    return sorted(results)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(EVENTS / "repo", root)
    return root


def test_two_issues_with_one_id_do_not_overwrite_each_other(repo: Path, tmp_path: Path) -> None:
    events = [_event(tmp_path, 42), _event(tmp_path, 65578)]
    (ok, ok_out, ok_err), (refused, refused_out, refused_err) = _both_intakes(repo, events)
    assert (ok, ok_out, ok_err) == (0, RECORD + "\n", "")
    assert (refused, refused_out) == (1, "")
    text = (repo / RECORD).read_text(encoding="utf-8")
    winner, loser = (ISSUE_42, ISSUE_LATER) if f"({ISSUE_42})" in text else (ISSUE_LATER, ISSUE_42)
    assert f"({winner})" in text and loser not in text
    assert refused_err == (
        f"servicebook: {RECORD} already holds REQ-20261120-D110 but was not made from "
        f"{loser}; the ids collided. rename that record (file and id) and run the intake "
        "again\n"
    )


def test_the_same_issue_twice_at_once_is_recorded_once(repo: Path, tmp_path: Path) -> None:
    event = _event(tmp_path, 42)
    results = _both_intakes(repo, [event, event])
    assert [(code, out) for code, out, _ in results] == [(0, RECORD + "\n")] * 2
    assert sorted(err for _, _, err in results) == [
        "",
        f"servicebook: {RECORD} was recorded from this issue before; left as it is\n",
    ]
