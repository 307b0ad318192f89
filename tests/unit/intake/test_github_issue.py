"""Reading the event, the record id, and the requester's comment."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from generator.errors import UserError
from generator.intake.github_issue import (
    Issue,
    comment_text,
    read_event,
    read_submission,
    request_id,
    suffix,
)
from generator.intake.submission import Problem
from generator.pipeline import validate
from tests.conftest import HERE


def _event(**issue: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "number": 7,
        "title": "[Request] Printer",
        "body": None,
        "user": {"login": "octo-cat"},
        "created_at": "2026-11-20T23:30:00Z",
        "html_url": "https://github.com/acme/book/issues/7",
    }
    base.update(issue)
    return {"action": "opened", "issue": base, "repository": {"full_name": "acme/book"}}


def _issue(number: int = 7, created: str = "2026-11-20T23:30:00Z") -> Issue:
    return read_event(_event(number=number, created_at=created))


def test_reads_the_fields_it_needs_and_a_null_body_as_empty() -> None:
    issue = _issue()
    assert issue == Issue(
        number=7,
        title="[Request] Printer",
        body="",
        login="octo-cat",
        created_at=datetime(2026, 11, 20, 23, 30, tzinfo=UTC),
        url="https://github.com/acme/book/issues/7",
        repository="acme/book",
    )


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (
            {"action": "opened"},
            "the event has no 'issue' object; pass the payload of an 'issues' event",
        ),
        (_event(number="7"), "the event's issue.number is missing or not a positive whole number"),
        (_event(created_at=None), "the event's issue.created_at is missing"),
        (
            _event(created_at="2026-11-20T10:00:00"),
            "the event's issue.created_at '2026-11-20T10:00:00' has no UTC offset",
        ),
        (
            _event(html_url="javascript:alert(1)"),
            "the event's issue.html_url is missing or not an https URL",
        ),
        (
            _event(user={"login": "bad login"}),
            "the event's issue.user.login is missing or not a GitHub login",
        ),
    ],
)
def test_payloads_that_are_not_issue_events_are_refused(
    payload: dict[str, Any], message: str
) -> None:
    with pytest.raises(UserError) as raised:
        read_event(payload)
    assert str(raised.value) == message


def test_the_suffix_is_a_permutation_so_issue_numbers_never_collide() -> None:
    values = {suffix(number, "acme/book") for number in range(1, 65_537)}
    assert len(values) == 65_536


def test_neighbouring_issue_numbers_get_spread_out_suffixes() -> None:
    # Not 0001, 0002, ...: ids of consecutive issues should not look like a counter.
    first_digits = {f"{suffix(n, 'acme/book'):04X}"[0] for n in range(1, 17)}
    assert len(first_digits) > 4


def test_the_id_is_stable_and_dated_in_the_repository_time_zone() -> None:
    late_evening = _issue(created="2026-11-20T23:30:00Z")
    assert request_id(late_evening, "UTC") == request_id(late_evening, "UTC")
    assert request_id(late_evening, "UTC").startswith("REQ-20261120-")
    # 23:30 UTC is already the next day in Berlin.
    assert request_id(late_evening, "Europe/Berlin").startswith("REQ-20261121-")
    assert request_id(_issue(number=8), "UTC") != request_id(late_evening, "UTC")


def test_the_comment_lists_each_problem_and_says_how_to_fix_it() -> None:
    one = comment_text((Problem("priority", "no priority was chosen."),))
    assert one == (
        "Thank you for your request. We could not record it yet, because this answer needs "
        "fixing:\n"
        "\n"
        "- **Priority**: no priority was chosen.\n"
        "\n"
        "To fix it, edit this issue: open the **···** menu of the issue's first post, choose "
        "**Edit**, and replace the text under the heading concerned (for example the line "
        "under `### Category`); keep the headings as they are. To change the title, use "
        "**Edit** next to it. When you save, the request is checked again. Nothing has been "
        "recorded so far.\n"
    )
    two = comment_text((Problem("title", "a."), Problem("contact", "b.")))
    assert (
        "because these answers need fixing:\n\n- **Title**: a.\n- **Contact e-mail**: b.\n" in two
    )


def test_a_bare_title_and_an_empty_description_are_problems_too() -> None:
    body = (
        "### Service\n\nwarehouse-systems\n\n### Category\n\nlabels\n\n### Priority\n\n"
        "P4\n\n### Contact e-mail\n\n_No response_\n\n### Description\n\n_No response_\n"
    )
    issue = read_event(_event(title="[Request] ", body=body))
    catalog = validate(HERE / "fixtures" / "github" / "repo").catalog
    submission = read_submission(issue, catalog)
    assert submission.classification is None
    assert [p.field for p in submission.problems] == ["title", "description"]
    body = body.removesuffix("_No response_\n") + "Broken.\n"
    fixed = read_submission(read_event(_event(title="Printer", body=body)), catalog)
    assert fixed.problems == ()
    assert (fixed.title, fixed.description) == ("Printer", "Broken.")
