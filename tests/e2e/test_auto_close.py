"""The auto-close rule end to end: the views count it, ``close --auto`` writes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import fingerprint, run_cli
from tests.history_helpers import AGREEMENT, GitRepo, cli_history

NOW = "2026-11-30T10:00:00+01:00"
PATH = "records/requests/2026/REQ-20261125-AB12.md"
REQUEST = (
    "---\nid: REQ-20261125-AB12\ntitle: Docking station\nagreement: AGR-ACME-IT\n"
    "service: workplace-it\ncategory: hardware\npriority: P3\nrequester: alice@acme.example\n"
    "received: 2026-11-25T09:00:00+01:00\nevents:\n"
    "  - {at: 2026-11-25T09:10:00+01:00, type: assigned, group: desk, person: bob}\n"
    "  - {at: 2026-11-25T10:00:00+01:00, type: action, text: Docking station installed}\n"
    "  - {at: 2026-11-25T11:00:00+01:00, type: resolved, resolution: Installed at desk 4}\n"
    "---\nThe desk in room 4 needs one.\n"
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """The contract history, its agreement closing after 72h, and a resolved request."""
    repository = cli_history(tmp_path / "repo", monkeypatch, NOW)
    repository.replace(AGREEMENT, "warn_at: 0.75\n", "warn_at: 0.75\nauto_close: 72h\n")
    repository.write(PATH, REQUEST)
    repository.commit("REQ-20261125-AB12: resolved", "2026-11-25T11:05:00+01:00")
    return repository


def _status(repo: GitRepo, as_of: str) -> str:
    result = run_cli("export", "--as-of", as_of, cwd=repo.root)
    assert result.code == 0, result.err
    found = {r["id"]: r["status"] for r in json.loads(result.out)["requests"]}
    return str(found["REQ-20261125-AB12"])


def test_the_export_counts_it_closed_once_the_period_has_run_out(repo: GitRepo) -> None:
    assert _status(repo, "2026-11-28T09:59:59Z") == "resolved"
    assert _status(repo, "2026-11-28T10:00:00Z") == "closed"
    assert repo.git("status", "--porcelain") == ""


def test_close_auto_writes_the_due_closes_in_one_commit(repo: GitRepo) -> None:
    head = repo.git("rev-parse", "HEAD")
    result = run_cli("close", "--auto", "--as-of", "2026-11-28T09:59:59Z", cwd=repo.root)
    assert (result.code, result.out) == (0, "")
    assert result.err == (
        "nothing to close: no resolved request has waited out its auto_close period "
        "as of 2026-11-28T09:59:59Z\n"
    )
    assert repo.git("rev-parse", "HEAD") == head

    result = run_cli("close", "--auto", "--as-of", "2026-11-30T09:00:00Z", cwd=repo.root)
    assert result.code == 0, result.err
    assert result.out == f"{PATH}\n"
    sha = repo.git("rev-parse", "--short=7", "HEAD")
    assert result.err == (
        "REQ-20261125-AB12: closed automatically at 2026-11-28T10:00:00+00:00, resolved "
        "2026-11-25T10:00:00+00:00 and not confirmed within 72h "
        f"(records/requests/2026/REQ-20261125-AB12.md)\ncommitted {sha}\n"
    )
    assert repo.read(PATH) == REQUEST.replace(
        "\n---\nThe desk",
        "\n  - {at: 2026-11-28T10:00:00+00:00, type: closed, auto: true}\n---\nThe desk",
    )
    assert repo.git("log", "-1", "--format=%B") == (
        "auto-close: 1 request resolved and not confirmed in time\n\n"
        "Record: REQ-20261125-AB12\nEvent: closed auto"
    )
    assert repo.git("status", "--porcelain") == ""
    assert _status(repo, "2026-11-30T09:00:00Z") == "closed"
    again = run_cli("close", "--auto", "--as-of", "2026-12-30T09:00:00Z", cwd=repo.root)
    assert again.err.startswith("nothing to close: ")


def test_close_auto_outside_git_writes_without_committing(tmp_path: Path) -> None:
    root = tmp_path / "plain"
    root.mkdir()
    (root / "records").mkdir()
    result = run_cli("close", "--auto", cwd=root)
    assert (result.code, result.err) == (
        0,
        "nothing to close: no resolved request has waited out its auto_close period "
        f"as of {result.err.rsplit(' ', 1)[1].strip()}\n",
    )


def test_close_auto_refuses_what_belongs_to_closing_one_request(repo: GitRepo) -> None:
    records = fingerprint(repo.root / "records")
    result = run_cli("close", "--auto", "REQ-20261125-AB12", "--by", "bob", cwd=repo.root)
    assert (result.code, result.err) == (
        2,
        "servicebook: close --auto closes every request due and takes no ID, --by; "
        "leave them out, or close one request without --auto\n",
    )
    result = run_cli("close", cwd=repo.root)
    assert (result.code, result.err) == (
        2,
        "servicebook: close needs the request ID, or --auto to close every request due\n",
    )
    assert fingerprint(repo.root / "records") == records


def test_the_dashboard_and_the_notice_say_when_it_will_close(repo: GitRepo) -> None:
    result = run_cli("generate", "--as-of", "2026-11-27T12:00:00Z", cwd=repo.root)
    assert result.code == 0, result.err
    docs = repo.root / ".servicebook" / "docs"
    dashboard = (docs / "dashboards" / "internal.md").read_text(encoding="utf-8")
    assert (
        "| Closes automatically | Request | Resolved | Group |\n|---|---|---|---|\n"
        "| 2026-11-28 10:00 UTC | [REQ-20261125-AB12](../requests/REQ-20261125-AB12.md) "
        "Docking station | 2026-11-25 10:00 UTC | [Service desk](../roster/desk.md) |\n"
    ) in dashboard
    page = (docs / "requests" / "REQ-20261125-AB12.md").read_text(encoding="utf-8")
    assert (
        "<p><strong>Not fixed?</strong> This request will close automatically on "
        "2026-11-28 11:00 CET unless you tell us before then that it is not resolved: reply "
        "to the message that brought you here, quoting <code>REQ-20261125-AB12</code>.</p>"
    ) in page

    result = run_cli("generate", "--as-of", "2026-11-28T10:00:00Z", cwd=repo.root)
    assert result.code == 0, result.err
    dashboard = (docs / "dashboards" / "internal.md").read_text(encoding="utf-8")
    assert "No resolved request is waiting for a confirmation." in dashboard
    page = (docs / "requests" / "REQ-20261125-AB12.md").read_text(encoding="utf-8")
    assert "REQ-20261125-AB12 is closed</p>" in page
    assert (
        "closed 2026-11-28 11:00 CET (closed automatically after the confirmation period)"
    ) in page
    assert "Not fixed?" not in page
