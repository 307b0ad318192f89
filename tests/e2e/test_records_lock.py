"""A command that cannot get the records lock in time stops, says why, and writes nothing.

The test process holds the lock itself (``flock``, as a running ``servicebook`` would)
and lets the command wait one second through ``SERVICEBOOK_LOCK_TIMEOUT``.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.helpers import fingerprint, held_lock, run_cli
from tests.history_helpers import GitRepo, cli_history

NOW = "2026-11-25T10:00:00+01:00"
NEW_REQUEST = (
    "new", "request", "--title", "Printer jams", "--service", "workplace-it",
    "--requester", "alice@acme.example", "--agreement", "AGR-ACME-IT",
    "--received", "2026-11-25T09:58:00+01:00", "--description", "It jams.",
)  # fmt: skip
NOTE = (
    "event", "REQ-20261120-7F3A", "note", "--note", "Still jamming",
    "--at", "2026-11-24T09:30:00+01:00", "--by", "bob",
)  # fmt: skip
TIMED_OUT = (
    "servicebook: .servicebook/records.lock: another servicebook command has been changing "
    "the records for over 1 s; nothing was changed; wait for it to finish and run again "
    "(or set SERVICEBOOK_LOCK_TIMEOUT to wait longer)\n"
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    return cli_history(tmp_path / "repo", monkeypatch, NOW)


@pytest.mark.parametrize("command", [NEW_REQUEST, NOTE], ids=["new", "event"])
def test_a_held_lock_times_out_with_nothing_written(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    monkeypatch.setenv("SERVICEBOOK_LOCK_TIMEOUT", "1")
    before = fingerprint(repo.root / "records")
    with held_lock(repo.root):
        started = time.monotonic()
        result = run_cli(*command, cwd=repo.root)
        waited = time.monotonic() - started
    assert (result.code, result.out, result.err) == (1, "", TIMED_OUT)
    assert 1 <= waited < 60
    assert fingerprint(repo.root / "records") == before
    # Released, the same command goes through: the lock was the only obstacle.
    assert run_cli(*command, cwd=repo.root).code == 0
    assert fingerprint(repo.root / "records") != before


@pytest.mark.parametrize("value", ["soon", "-1", "nan", "1e9"])
def test_a_bad_timeout_is_a_usage_error(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("SERVICEBOOK_LOCK_TIMEOUT", value)
    before = fingerprint(repo.root / "records")
    result = run_cli(*NOTE, cwd=repo.root)
    assert (result.code, result.err) == (
        2,
        f"servicebook: SERVICEBOOK_LOCK_TIMEOUT={value}: give the seconds to wait for the "
        "records lock, from 0 to 86400 (unset: 120)\n",
    )
    assert fingerprint(repo.root / "records") == before
