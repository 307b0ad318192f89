"""Closing requires an action: ``close`` refuses without one; old closes get a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import fingerprint, run_cli
from tests.history_helpers import AGREEMENT, REQUEST, GitRepo, cli_history

PATH = "records/requests/2026/REQ-20261125-AB12.md"
OPEN = (
    "---\nid: REQ-20261125-AB12\ntitle: Docking station\nagreement: AGR-ACME-IT\n"
    "service: workplace-it\ncategory: hardware\npriority: P3\nrequester: alice@acme.example\n"
    "received: 2026-11-25T09:00:00+01:00\nevents:\n"
    "  - {at: 2026-11-25T09:10:00+01:00, type: assigned, group: desk, person: bob}\n"
    "---\nThe desk in room 4 needs one.\n"
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The contract history with the rule on (the default) and an open request."""
    repository = cli_history(tmp_path / "repo", monkeypatch, "2026-11-25T12:00:00+01:00")
    repository.replace(AGREEMENT, "closure_requires_action: false\n", "")
    repository.write(PATH, OPEN)
    repository.commit("Rule on; REQ-20261125-AB12 received", "2026-11-25T09:15:00+01:00")
    return repository


def test_close_without_an_action_is_refused_and_writes_nothing(repo: GitRepo) -> None:
    records = fingerprint(repo.root / "records")
    for args in (
        ("close", "REQ-20261125-AB12", "--resolution", "Installed"),
        ("event", "REQ-20261125-AB12", "closed", "--confirmed-by", "requester"),
    ):
        result = run_cli(*args, cwd=repo.root)
        assert (result.code, result.err) == (
            1,
            "servicebook: REQ-20261125-AB12 has no 'action' event saying what was done, and "
            "closing needs one: add it with servicebook event REQ-20261125-AB12 action "
            '--text "…", then close (or set closure_requires_action: false on AGR-ACME-IT)\n',
        )
    assert fingerprint(repo.root / "records") == records

    done = run_cli(
        "event", "REQ-20261125-AB12", "action", "--text", "Docking station installed",
        "--at", "2026-11-25T10:00:00+01:00", cwd=repo.root,
    )  # fmt: skip
    assert done.code == 0, done.err
    closed = run_cli(
        "close", "REQ-20261125-AB12", "--resolution", "Installed",
        "--at", "2026-11-25T11:00:00+01:00", cwd=repo.root,
    )  # fmt: skip
    assert closed.code == 0, closed.err


def test_a_rejected_request_closes_without_an_action(repo: GitRepo) -> None:
    rejected = run_cli(
        "event", "REQ-20261125-AB12", "status", "--status", "rejected", "--reason", "Duplicate",
        "--at", "2026-11-25T10:00:00+01:00", cwd=repo.root,
    )  # fmt: skip
    assert rejected.code == 0, rejected.err
    closed = run_cli(
        "close", "REQ-20261125-AB12", "--at", "2026-11-25T11:00:00+01:00", cwd=repo.root
    )
    assert closed.code == 0, closed.err


def test_an_old_close_without_an_action_is_a_warning(repo: GitRepo) -> None:
    result = run_cli("validate", cwd=repo.root)
    assert result.code == 0, result.out + result.err
    assert result.out.splitlines()[0] == (
        f"{REQUEST}:18: warning: events[6]: closed without an 'action' event saying what "
        'was done; add one with servicebook event REQ-20261120-7F3A action --text "…" (new '
        "closes need it), or set closure_requires_action: false on AGR-ACME-IT"
    )


def test_a_close_that_came_with_an_import_is_no_warning(repo: GitRepo) -> None:
    """The other tool's closes were kept under its rules; nobody can add the action now."""
    repo.replace(REQUEST, "received: ", "imported: servicenow INC0000045\nreceived: ")
    repo.commit("Mark the request as imported", "2026-11-25T09:20:00+01:00")
    result = run_cli("validate", cwd=repo.root)
    assert result.code == 0, result.out + result.err
    assert "closed without an 'action' event" not in result.out
