"""Twelve ``servicebook event`` processes on one request at once: every event lands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.history_helpers import REQUEST, GitRepo, cli_history

NOW = "2026-11-25T10:00:00+01:00"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return cli_history(tmp_path / "repo", monkeypatch, NOW)


@pytest.mark.parametrize("commit", [False, True])
def test_twelve_concurrent_events_all_land(repo: GitRepo, commit: bool) -> None:
    notes = [f"Concurrent note {n:02d}" for n in range(12)]
    flags = ["--commit"] if commit else []
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "generator",
                "event",
                "REQ-20261120-7F3A",
                "note",
                "--note",
                note,
                "--at",
                "2026-11-24T09:30:00+01:00",
                "--by",
                "bob",
                *flags,
            ],
            cwd=repo.root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for note in notes
    ]
    results = [(p.wait(timeout=300), p.communicate()[1]) for p in processes]
    assert [code for code, _ in results] == [0] * 12, results
    text = repo.read(REQUEST)
    assert [note for note in notes if note not in text] == []
    assert run_cli("validate", cwd=repo.root).code == 0
    if commit:
        assert repo.git("status", "--porcelain", "--untracked-files=no") == ""
        assert len(repo.git("log", "--format=%H", "-12", "--", REQUEST).split()) == 12
