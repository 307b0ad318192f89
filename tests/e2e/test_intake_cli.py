"""``servicebook intake github-issue`` on realistic GitHub ``issues`` event payloads.

The payloads under ``tests/fixtures/github/`` follow GitHub's documented shape of the
``issues`` webhook event (action, issue, repository, organization, sender), with
bodies as the service-request issue form writes them. They are converted in a copy
of ``tests/fixtures/github/repo``, a small fixed set of records, so the expected
texts do not change when the sample organisation does.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import HERE
from tests.helpers import fingerprint, run_cli

EVENTS = HERE / "fixtures" / "github"
RECORDS = EVENTS / "repo"
AS_OF = "2026-11-25T14:00:00Z"
RECORD = "records/requests/2026/11/REQ-20261120-D110.md"

EXPECTED_RECORD = """\
---
id: REQ-20261120-D110
title: Label printer at dock 4 prints blank labels
agreement: AGR-HAVELFRACHT-2026
service: warehouse-systems
category: labels
priority: P3
requester: p.roth@havelfracht.example
channel: github
received: 2026-11-20T08:12:31Z
---
Since the night shift the label printer at dock 4 in Ludwigsfelde prints
blank labels. The other docks are fine.

- printer: dock 4, the one next to the scale
- we print the pallet labels at dock 3 for now

Error in LagerPilot: `Label job 88213 done` (but nothing printed).

*Submitted through GitHub issue [#42](https://github.com/spreebogen/servicebook/issues/42) \
by @p-roth-hf.*
"""

FIX_IT = (
    "To fix it, edit this issue: open the **···** menu of the issue's first post, choose "
    "**Edit**, and replace the text under the heading concerned (for example the line under "
    "`### Category`); keep the headings as they are. To change the title, use **Edit** next "
    "to it. When you save, the request is checked again. Nothing has been recorded so far.\n"
)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A fresh copy of the intake test records as a repository root."""
    root = tmp_path / "repo"
    shutil.copytree(RECORDS, root)
    return root


def _intake(repo: Path, event: str, *extra: str) -> tuple[int, str, str, str | None]:
    comment = repo.parent / "comment.md"
    comment.unlink(missing_ok=True)
    result = run_cli(
        "intake",
        "github-issue",
        str(EVENTS / event),
        "--comment-file",
        str(comment),
        "--as-of",
        AS_OF,
        *extra,
        cwd=repo,
    )
    text = comment.read_text(encoding="utf-8") if comment.exists() else None
    return result.code, result.out, result.err, text


def test_a_good_form_becomes_a_request_record_that_validates(repo: Path) -> None:
    code, out, err, comment = _intake(repo, "issue-opened.json")
    assert (code, out, comment) == (0, RECORD + "\n", None), err
    assert (repo / RECORD).read_text(encoding="utf-8") == EXPECTED_RECORD
    check = run_cli("validate", cwd=repo)
    assert check.code == 0, check.out
    assert "REQ-20261120-D110" not in check.out


def test_running_the_intake_again_changes_nothing(repo: Path) -> None:
    assert _intake(repo, "issue-opened.json")[0] == 0
    before = fingerprint(repo / "records")
    code, out, err, comment = _intake(repo, "issue-opened.json")
    assert (code, out, comment) == (0, RECORD + "\n", None)
    assert err == f"servicebook: {RECORD} was recorded from this issue before; left as it is\n"
    assert fingerprint(repo / "records") == before


def test_an_unknown_service_gets_a_comment_and_nothing_is_written(repo: Path) -> None:
    before = fingerprint(repo / "records")
    code, out, err, comment = _intake(repo, "issue-wrong-service.json")
    assert (code, out) == (1, "")
    assert err == "servicebook: the issue was not recorded; the comment says why\n"
    assert comment == (
        "Thank you for your request. We could not record it yet, because this answer needs "
        "fixing:\n\n"
        "- **Service**: `Payroll and HR (payroll)` is not in our service catalog. Choose one "
        "of: `Practice systems (practice-systems)`, `Warehouse systems "
        "(warehouse-systems)`.\n\n" + FIX_IT
    )
    assert fingerprint(repo / "records") == before


def test_a_missing_category_gets_a_comment_naming_the_choices(repo: Path) -> None:
    before = fingerprint(repo / "records")
    code, _, _, comment = _intake(repo, "issue-missing-category.json")
    assert code == 1
    assert comment == (
        "Thank you for your request. We could not record it yet, because this answer needs "
        "fixing:\n\n"
        "- **Category**: no category was chosen. For Practice systems choose one of: "
        "`MediDesk practice management (medidesk)`, `Laboratory orders and results "
        "(lab-interface)`.\n\n" + FIX_IT
    )
    assert fingerprint(repo / "records") == before


def test_without_a_comment_file_the_comment_goes_to_standard_output(repo: Path) -> None:
    event = str(EVENTS / "issue-missing-category.json")
    result = run_cli("intake", "github-issue", event, "--as-of", AS_OF, cwd=repo)
    assert result.code == 1
    assert result.out.startswith("Thank you for your request.")
    assert result.out.endswith(FIX_IT)


def test_an_injection_attempt_is_stored_as_harmless_text(repo: Path) -> None:
    code, out, err, _ = _intake(repo, "issue-injection.json")
    assert code == 0, err
    path = repo / out.strip()
    text = path.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    assert "<" not in text and ">" not in text.replace("&gt;", "")
    assert "javascript" not in text.lower() and "vbscript" not in text.lower()
    assert "\u202e" not in text and "\r" not in text
    assert front.splitlines()[1:3] == [
        f"id: {path.stem}",
        "title: \"&lt;script&gt;alert('owned')&lt;/script&gt; Scanner "
        '${{ secrets.GITHUB_TOKEN }} $(id) exe.txt"',
    ]
    # The requester's text cannot add fields: the whole form is one description.
    assert 'requester: "@m4ll0ry"' in front and "service: warehouse-systems" in front
    assert '&lt;img src=x onerror="alert(1)"&gt;' in body
    assert "[Open the manual](#)) or [this](#))\n[ref]: #\n" in body
    assert "### Service\n\nPayroll and HR (payroll)" in body
    assert run_cli("validate", cwd=repo).code == 0
    generated = run_cli("generate", cwd=repo)
    assert generated.code == 0, generated.err
    page = next((repo / ".servicebook" / "docs").rglob(f"{path.stem}.md"))
    assert "<script" not in page.read_text(encoding="utf-8")
    assert "<img" not in page.read_text(encoding="utf-8")


def test_an_id_taken_by_another_record_is_an_error_for_the_maintainers(
    repo: Path,
) -> None:
    other = repo / RECORD
    other.parent.mkdir(parents=True, exist_ok=True)
    text = EXPECTED_RECORD.replace("issues/42", "issues/9").replace("#42", "#9")
    other.write_text(text, encoding="utf-8")
    code, out, err, comment = _intake(repo, "issue-opened.json")
    assert (code, out, comment) == (1, "", None)
    assert err == (
        f"servicebook: {RECORD} already holds REQ-20261120-D110 but was not made from "
        "https://github.com/spreebogen/servicebook/issues/42; the ids collided. rename that "
        "record (file and id) and run the intake again\n"
    )
    assert other.read_text(encoding="utf-8") == text


def test_an_issue_opened_after_as_of_is_refused(repo: Path) -> None:
    code, _, err, comment = _intake(repo, "issue-opened.json", "--as-of", "2026-11-19T00:00:00Z")
    assert (code, comment) == (1, None)
    assert err == (
        "servicebook: the issue was opened at 2026-11-20T08:12:31+00:00, after "
        "2026-11-19T00:00:00+00:00; check the event file or pass --as-of\n"
    )


def test_a_file_that_is_not_an_event_is_refused(repo: Path, tmp_path: Path) -> None:
    broken = tmp_path / "event.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run_cli("intake", "github-issue", str(broken), cwd=repo)
    assert result.code == 1
    assert result.err.startswith(f"servicebook: {broken} is not a JSON event payload (")
    pull = tmp_path / "pull.json"
    pull.write_text(json.dumps({"action": "opened", "pull_request": {}}), encoding="utf-8")
    result = run_cli("intake", "github-issue", str(pull), cwd=repo)
    assert (result.code, result.err) == (
        1,
        "servicebook: the event has no 'issue' object; pass the payload of an 'issues' event\n",
    )
