"""``servicebook audit`` on temporary repositories with planted problems.

Each test starts from the contract examples committed with a clean history (see
``tests/history_helpers.py``), plants one problem with fixed dates and authors,
and checks the exact finding.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.helpers import run_cli
from tests.history_helpers import (
    AGREEMENT,
    MALLORY,
    REQUEST,
    GitRepo,
    contract_history,
    git_env,
)

WHY_LATE = "a back-dated entry makes the timeline and the SLA clocks computed from it unverifiable"


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return contract_history(tmp_path / "repo")


def _audit(repo: GitRepo, *args: str) -> list[dict[str, str]]:
    result = run_cli("audit", "--format", "json", *args, cwd=repo.root)
    assert result.code in (0, 1), result.err
    findings: list[dict[str, str]] = json.loads(result.out)
    return findings


def _only(findings: list[dict[str, str]]) -> dict[str, str]:
    assert len(findings) == 1, findings
    return findings[0]


def test_clean_history_has_no_finding(repo: GitRepo) -> None:
    result = run_cli("audit", cwd=repo.root)
    assert result.code == 0, result.err
    assert result.out == ""
    assert result.err == "8 commits read; 0 findings: 0 errors, 0 warnings\n"


def test_back_dated_event_is_a_late_entry(repo: GitRepo) -> None:
    repo.insert_after(
        REQUEST,
        "type: closed",
        "  - {at: 2026-11-24T10:00:00+01:00, type: note, text: Called back}\n",
    )
    sha = repo.commit("Forgotten note", "2026-11-26T12:00:00+01:00")
    finding = _only(_audit(repo))
    assert finding == {
        "kind": "late_entry",
        "severity": "warning",
        "record": "REQ-20261120-7F3A",
        "path": REQUEST,
        "commit": sha,
        "message": "event 8 (note) is dated 2026-11-24T10:00:00+01:00 but was first recorded "
        f"on 2026-11-26T12:00:00+01:00, 2 days 2h later (allowed: 24h); {WHY_LATE}",
        "author": "bob@provider.example",
        "date": "2026-11-26T11:00:00Z",
    }


def test_late_after_sets_the_allowed_delay(repo: GitRepo) -> None:
    repo.insert_after(
        REQUEST,
        "type: closed",
        "  - {at: 2026-11-24T10:00:00+01:00, type: note, text: Called back}\n",
    )
    repo.commit("Forgotten note", "2026-11-26T12:00:00+01:00")
    assert _audit(repo, "--late-after", "3d") == []
    finding = _only(_audit(repo, "--late-after", "90m"))
    assert "2 days 2h later (allowed: 1h30m)" in finding["message"]


def test_edited_committed_event_is_a_rewrite(repo: GitRepo) -> None:
    resolved = repo.git("log", "-1", "--format=%h", "--grep", "resolved")
    repo.replace(
        REQUEST, "resolution: Laptop handed over", "resolution: Laptop and bag handed over"
    )
    sha = repo.commit("Better wording", "2026-11-25T09:00:00+01:00")
    finding = _only(_audit(repo))
    assert (finding["kind"], finding["severity"], finding["commit"]) == (
        "event_rewritten",
        "error",
        sha,
    )
    assert finding["message"] == (
        f"event 6 (resolved, 2026-11-23T15:00:00+01:00), recorded in commit {resolved}, was "
        "edited: the event log is append-only, so what was committed must stay as evidence; "
        "record a correction as a new event"
    )


def test_removed_committed_event_is_a_rewrite(repo: GitRepo) -> None:
    repo.replace(REQUEST, "  - {at: 2026-11-23T08:30:00+01:00, type: message}\n", "")
    repo.commit("Drop the message", "2026-11-25T09:00:00+01:00")
    finding = _only(_audit(repo))
    assert finding["kind"] == "event_rewritten"
    assert finding["message"].startswith("event 4 (message, 2026-11-23T08:30:00+01:00)")
    assert ", was removed: the event log is append-only" in finding["message"]


def test_event_inserted_in_time_order_is_late_not_rewritten(repo: GitRepo) -> None:
    repo.insert_after(
        REQUEST,
        "type: responded",
        "  - {at: 2026-11-20T10:05:30+01:00, type: note, text: Sent the form}\n",
    )
    repo.commit("Note on the reply", "2026-11-25T09:00:00+01:00")
    finding = _only(_audit(repo))
    assert finding["kind"] == "late_entry"
    assert finding["message"].startswith("event 3 (note) is dated 2026-11-20T10:05:30+01:00")


def test_deleted_record(repo: GitRepo) -> None:
    repo.git("rm", "-q", REQUEST)
    sha = repo.commit("Remove the request", "2026-11-25T09:00:00+01:00")
    result = run_cli("audit", cwd=repo.root)
    assert result.code == 1
    assert result.out == (
        f"{REQUEST}: error: record_deleted: the request was deleted: it no longer appears on "
        "the site and its record of what happened is gone from the current version; close, "
        "cancel or retire a record instead of deleting it "
        f"(commit {sha[:7]} by bob@provider.example on 2026-11-25T08:00:00Z)\n"
    )
    assert result.err == "9 commits read; 1 finding: 1 error, 0 warnings\n"


def test_unknown_author(repo: GitRepo) -> None:
    repo.insert_after(
        REQUEST, "type: closed", "  - {at: 2026-11-25T08:55:00+01:00, type: note, text: Checked}\n"
    )
    sha = repo.commit("A note", "2026-11-25T09:00:00+01:00", author=MALLORY)
    finding = _only(_audit(repo))
    assert finding == {
        "kind": "unknown_author",
        "severity": "error",
        "record": "REQ-20261120-7F3A",
        "path": REQUEST,
        "commit": sha,
        "message": "changed by Mallory <mallory@elsewhere.example>, who is not in the roster "
        "(no person has this e-mail): a change nobody accountable made cannot serve as "
        "evidence; add the person to records/people/ with this e-mail, or find out who made "
        "the change",
        "author": "mallory@elsewhere.example",
        "date": "2026-11-25T08:00:00Z",
    }


def test_author_added_to_the_roster_is_known_from_then_on(repo: GitRepo) -> None:
    repo.write(
        "records/people/mallory.md",
        "---\nid: mallory\ntype: person\ntitle: Mallory\nemail: Mallory@Elsewhere.example\n---\n",
    )
    repo.commit("Welcome Mallory", "2026-11-25T08:00:00+01:00")
    repo.insert_after(
        REQUEST, "type: closed", "  - {at: 2026-11-25T08:55:00+01:00, type: note, text: Checked}\n"
    )
    repo.commit("A note", "2026-11-25T09:00:00+01:00", author=MALLORY)
    assert _audit(repo) == []


def test_activation_without_approvals_dated_before_the_commit(repo: GitRepo) -> None:
    text = repo.read(AGREEMENT).replace("id: AGR-ACME-IT", "id: AGR-ACME-2027")
    text = text.replace("status: active", "status: negotiating").replace("2026-12-31", "2027-12-31")
    text = text.replace("effective: 2026-01-01", "effective: 2027-01-01")
    text = text.replace("  - {by: acme, role: customer, at: 2025-12-16T10:00:00+01:00}\n", "")
    path = "records/agreements/AGR-ACME-2027.md"
    repo.write(path, text)
    repo.commit("Draft terms for 2027", "2026-11-10T12:00:00+01:00")
    repo.replace(path, "status: negotiating", "status: active")
    repo.insert_after(
        path, "role: provider", "  - {by: acme, role: customer, at: 2026-11-30T10:00:00+01:00}\n"
    )
    sha = repo.commit("Activate 2027 terms", "2026-11-25T12:00:00+01:00")
    assert run_cli("validate", cwd=repo.root).code == 0
    finding = _only(_audit(repo))
    assert (finding["kind"], finding["severity"], finding["path"]) == (
        "unapproved_activation",
        "error",
        path,
    )
    assert finding["message"] == (
        f"made active in commit {sha[:7]} without approvals dated before it (missing: customer); "
        "an agreement binds both sides only once provider and customer have approved it, so "
        "approve first, then activate"
    )


def test_renamed_record_changes_its_id(repo: GitRepo) -> None:
    repo.git("mv", "records/services/workplace-it.md", "records/services/workplace.md")
    repo.replace("records/services/workplace.md", "id: workplace-it", "id: workplace")
    sha = repo.commit("Shorter id", "2026-11-25T09:00:00+01:00")
    finding = _only(_audit(repo))
    assert (finding["kind"], finding["severity"], finding["commit"]) == (
        "record_renamed",
        "warning",
        sha,
    )
    assert finding["record"] == "workplace"
    assert finding["message"] == (
        "renamed from records/services/workplace-it.md, so its id changed from workplace-it "
        "to workplace: links and references to the old id break; an id must never change "
        "once it is committed"
    )


def test_moved_record_keeps_its_history(repo: GitRepo) -> None:
    moved = "records/requests/2026/11/REQ-20261120-7F3A.md"
    (repo.root / moved).parent.mkdir(parents=True)
    repo.git("mv", REQUEST, moved)
    repo.commit("File by month", "2026-11-25T09:00:00+01:00")
    finding = _only(_audit(repo))
    assert finding["kind"] == "record_renamed"
    assert finding["message"].startswith(f"moved from {REQUEST}: links to the old page break")
    # The events' recording commits are followed across the move: nothing is late.


NEW_REQUEST = "records/requests/2026/REQ-20261125-AB12.md"
NEW_TEXT = """---
id: REQ-20261125-AB12
title: Docking station
agreement: AGR-ACME-IT
service: workplace-it
category: hardware
priority: P3
requester: alice@acme.example
received: 2026-11-25T09:00:00+01:00
events:
  - {at: 2026-11-25T09:10:00+01:00, type: assigned, group: desk, person: bob}
---
"""


def test_direct_status_commit_on_main_is_found_and_a_merged_one_is_not(repo: GitRepo) -> None:
    repo.write(NEW_REQUEST, NEW_TEXT)
    repo.commit("REQ-20261125-AB12: received", "2026-11-25T09:15:00+01:00")
    repo.git("checkout", "-q", "-b", "work")
    repo.insert_after(
        NEW_REQUEST,
        "type: assigned",
        "  - {at: 2026-11-25T10:00:00+01:00, type: status, status: in_progress}\n",
    )
    repo.commit("REQ-20261125-AB12: status in_progress", "2026-11-25T10:05:00+01:00")
    repo.git("checkout", "-q", "main")
    merge_date = "2026-11-25T10:30:00+01:00"
    repo.git("merge", "-q", "--no-ff", "-m", "Merge branch 'work'", "work", when=merge_date)
    merge = repo.git("rev-parse", "HEAD")
    assert _audit(repo) == []
    repo.insert_after(
        NEW_REQUEST,
        "type: status",
        "  - {at: 2026-11-25T11:00:00+01:00, type: resolved, resolution: Delivered}\n",
    )
    sha = repo.commit("REQ-20261125-AB12: resolved", "2026-11-25T11:05:00+01:00")
    finding = _only(_audit(repo))
    assert (finding["kind"], finding["severity"], finding["commit"]) == (
        "direct_commit",
        "warning",
        sha,
    )
    assert finding["message"] == (
        f"A resolution was committed straight to the main branch in {sha[:7]}, not merged from "
        f"a branch, although the main branch takes changes by merge since {merge[:7]}; a status "
        "change that bypasses review is not controlled"
    )


def test_since_limits_findings_to_later_commits(repo: GitRepo) -> None:
    repo.git("rm", "-q", REQUEST)
    repo.commit("Remove the request", "2026-11-25T09:00:00+01:00")
    assert len(_audit(repo)) == 1
    assert _audit(repo, "--since", "HEAD") == []
    result = run_cli("audit", "--since", "no-such-rev", cwd=repo.root)
    assert result.code == 1
    assert result.err.startswith(
        "servicebook: --since 'no-such-rev' is not a commit, tag or branch"
    )


def test_shallow_clone_is_refused_with_advice(repo: GitRepo, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    for command in (("audit",), ("generate", "--as-of", "2026-11-25T12:00:00Z")):
        result = run_cli(*command, cwd=clone)
        assert result.code == 1, command
        assert result.err == (
            "servicebook: the repository is a shallow clone, so the history of the records is "
            "incomplete and an audit of it would be wrong; fetch the full history first "
            "(`git fetch --unshallow`, or `fetch-depth: 0` for actions/checkout in GitHub "
            "Actions)\n"
        )


def test_no_repository_and_no_commits(contract_repo: Path) -> None:
    result = run_cli("audit", cwd=contract_repo)
    assert (result.code, result.err) == (
        1,
        "servicebook: nothing to audit: the records are not in a git repository\n",
    )
    GitRepo(contract_repo).git("init", "-q", "-b", "main")
    result = run_cli("audit", cwd=contract_repo)
    assert result.err == (
        "servicebook: nothing to audit: the repository has no commits yet, "
        "so the records have no history\n"
    )


def test_parallel_branches_merged_with_both_events_are_clean(repo: GitRepo) -> None:
    repo.write(NEW_REQUEST, NEW_TEXT)
    repo.commit("REQ-20261125-AB12: received", "2026-11-25T09:15:00+01:00")
    status = "  - {at: 2026-11-25T10:00:00+01:00, type: status, status: in_progress}\n"
    note = "  - {at: 2026-11-25T10:30:00+01:00, type: note, text: Ordered}\n"
    for branch, line, when in (("a", status, "10:05"), ("b", note, "10:35")):
        repo.git("checkout", "-q", "-b", branch, "main")
        repo.insert_after(NEW_REQUEST, "type: assigned", line)
        repo.commit(f"REQ-20261125-AB12: {branch}", f"2026-11-25T{when}:00+01:00")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge a", "a", when="2026-11-25T11:00:00+01:00")
    merged = subprocess.run(
        ["git", "merge", "-q", "--no-ff", "b"],
        cwd=repo.root,
        env=git_env(when="2026-11-25T11:30:00+01:00"),
        capture_output=True,
        check=False,
    )
    assert merged.returncode != 0  # both appended at the same place: a conflict
    repo.write(NEW_REQUEST, NEW_TEXT.replace("bob}\n", "bob}\n" + status + note))
    repo.commit("Merge b", "2026-11-25T11:30:00+01:00")
    assert len(repo.git("rev-list", "--merges", "HEAD").split()) == 2
    assert _audit(repo) == []
    # Dropping the other side's event while merging is a rewrite, found in the merge.
    repo.git("reset", "-q", "--hard", "HEAD~1")
    subprocess.run(
        ["git", "merge", "-q", "--no-ff", "b"], cwd=repo.root, env=git_env(), check=False
    )
    repo.write(NEW_REQUEST, NEW_TEXT.replace("bob}\n", "bob}\n" + note))
    sha = repo.commit("Merge b, badly", "2026-11-25T11:30:00+01:00")
    finding = _only(_audit(repo))
    assert (finding["kind"], finding["commit"]) == ("event_rewritten", sha)
    assert ", was removed: the event log is append-only" in finding["message"]
