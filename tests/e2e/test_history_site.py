"""The site's history: record pages, the request timeline's commits, the audit pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import fingerprint, run_cli
from tests.history_helpers import MALLORY, REQUEST, GitRepo, contract_history

AS_OF = "2026-11-25T12:00:00Z"


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    return contract_history(tmp_path / "repo")


def _generate(repo: GitRepo) -> dict[str, str]:
    before = fingerprint(repo.root / "records")
    result = run_cli("generate", "--as-of", AS_OF, cwd=repo.root)
    assert result.code == 0, result.err
    assert fingerprint(repo.root / "records") == before, "generate modified records/"
    docs = repo.root / ".servicebook" / "docs"
    return {p.relative_to(docs).as_posix(): p.read_text() for p in sorted(docs.rglob("*.md"))}


def test_request_timeline_names_the_commit_of_every_step(repo: GitRepo) -> None:
    shas = repo.git("log", "--reverse", "--format=%h", "--", REQUEST).split()
    page = _generate(repo)["requests/REQ-20261120-7F3A.md"]
    timeline = page.split("## Timeline")[1].split("\n## ")[0]
    assert "<th>By</th> <th>Recorded in</th>" in timeline
    events = [
        row
        for row in timeline.splitlines()
        if row.startswith("<tr><td>2026") and "<strong>" not in row  # not the clock steps
    ]
    recorded = [row.split("<td>")[-1].removesuffix("</td></tr>") for row in events]
    assert len(recorded) == 8  # received and seven events
    assert recorded[0] == f"<code>{shas[0]}</code> 2026-11-20 08:45 UTC, Bob Example"  # received
    assert recorded[1] == recorded[0]  # assigned in the same commit
    assert [cell.split("code>")[1].removesuffix("</") for cell in recorded[2:]] == shas[1:]


def test_record_pages_show_history_with_field_changes(repo: GitRepo) -> None:
    repo.replace(
        "records/services/workplace-it.md", "title: Workplace IT", "title: Workplace IT support"
    )
    sha = repo.commit("Clearer service name", "2026-11-25T09:00:00+01:00")
    page = _generate(repo)["services/workplace-it.md"]
    assert "## History" in page
    assert (
        f"<tr><td>2026-11-25 08:00 UTC</td> <td>Bob Example</td> <td><code>{sha[:7]}</code></td> "
        "<td>changed: Clearer service name<br><code>title</code>: Workplace IT → Workplace IT "
        "support</td></tr>"
    ) in page
    first = repo.git("rev-list", "--max-parents=0", "HEAD")
    assert (
        f"<tr><td>2026-01-01 08:00 UTC</td> <td>Bob Example</td> <td><code>{first[:7]}</code>"
        "</td> <td>created: Roster, "
    ) in page


def test_audit_pages_list_findings_and_evidence(repo: GitRepo) -> None:
    repo.insert_after(
        REQUEST, "type: closed", "  - {at: 2026-11-25T08:55:00+01:00, type: note, text: Checked}\n"
    )
    sha = repo.commit("A note", "2026-11-25T09:00:00+01:00", author=MALLORY)
    pages = _generate(repo)
    audit = pages["audit/index.md"]
    assert "Read from the git history of the records: 9 commits changed" in audit
    assert "| Changes by authors not in the roster | 1 | 0 |" in audit
    assert f"| `{sha[:7]}` | 2026-11-25T08:00:00Z | mallory@elsewhere.example | error |" in audit
    cmmi = pages["audit/cmmi.md"]
    assert "### SP 2.3 Establish a request management system" in cmmi
    assert "- audit: 1 unknown author finding\\(s\\) \\(error\\)" in cmmi
    assert f"| Commits | 9; newest `{sha[:7]}` 2026-11-25 08:00 UTC, Mallory |" in cmmi


def test_same_commit_and_as_of_give_the_same_pages(repo: GitRepo) -> None:
    assert _generate(repo) == _generate(repo)


def test_without_git_the_site_says_history_is_not_available(contract_repo: Path) -> None:
    result = run_cli("generate", "--as-of", AS_OF, cwd=contract_repo)
    assert result.code == 0, result.err
    docs = contract_repo / ".servicebook" / "docs"
    page = (docs / "agreements" / "AGR-ACME-IT.md").read_text()
    assert "*History is not available: the records are not in a git repository.*" in page
    assert "Recorded in" not in (docs / "requests" / "REQ-20261120-7F3A.md").read_text()


def test_uncommitted_records_are_said_to_be_so(repo: GitRepo) -> None:
    repo.write(
        "records/people/carol.md",
        "---\nid: carol\ntype: person\ntitle: Carol\ngroups: [desk]\n---\n",
    )
    page = _generate(repo)["roster/carol.md"]
    assert "*Not committed yet: no commit in the repository's history holds this record.*" in page


def test_without_git_installed_the_site_still_builds(
    contract_repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    result = run_cli("generate", "--as-of", AS_OF, cwd=contract_repo)
    assert result.code == 0, result.err
    page = (contract_repo / ".servicebook" / "docs" / "roster" / "bob.md").read_text()
    assert (
        "*History is not available: git is not installed, so the history of the records "
        "cannot be read.*"
    ) in page
