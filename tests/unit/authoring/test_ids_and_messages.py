"""New ids, event options and commit messages of the record-changing commands."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from generator.authoring.eventspec import build_event, summary
from generator.authoring.ids import new_id
from generator.authoring.message import commit_message
from generator.errors import UsageError, UserError

CET = timezone(timedelta(hours=1))
AT = datetime(2026, 11, 20, 23, 30, tzinfo=CET)


def test_request_ids_use_the_written_date_and_skip_taken_suffixes() -> None:
    suffixes = iter(["7f3a", "7f3a", "0b1c"])
    taken = {"REQ-20261120-7F3A"}
    assert new_id("REQ", AT, taken, lambda: next(suffixes)) == "REQ-20261120-0B1C"


def test_no_free_id_is_a_user_error() -> None:
    with pytest.raises(UserError, match="pass one with --id"):
        new_id("REQ", AT, {"REQ-20261120-AAAA"}, lambda: "aaaa")


def test_events_take_their_options_in_model_order() -> None:
    event = build_event(
        "assigned", AT, {"reason": "hardware", "group": "desk", "person": None}, "bob"
    )
    assert list(event) == ["at", "type", "group", "reason", "by"]
    assert summary(event) == "assigned desk"
    assert (
        summary(build_event("status", AT, {"status": "in_progress"}, None)) == "status in_progress"
    )
    closed = build_event("closed", AT, {"confirmed_by": "requester"}, None)
    assert summary(closed) == "closed requester"


def test_missing_and_misplaced_options_name_the_flags() -> None:
    with pytest.raises(UsageError, match=r"^a status event needs --status$"):
        build_event("status", AT, {}, None)
    with pytest.raises(UsageError) as caught:
        build_event("status", AT, {"status": "in_progress", "group": "desk"}, None)
    assert str(caught.value) == (
        "--group does not apply to a status event (it takes --status, --reason, --internal)"
    )
    with pytest.raises(UsageError, match="'done' is not an event type"):
        build_event("done", AT, {}, None)


def test_commit_message_has_subject_and_trailers() -> None:
    assert commit_message("REQ-1", ["status in_progress"]) == (
        "REQ-1: status in_progress\n\nRecord: REQ-1\nEvent: status in_progress\n"
    )
    assert commit_message("REQ-1", ["resolved", "closed requester"]).splitlines() == [
        "REQ-1: resolved and closed requester",
        "",
        "Record: REQ-1",
        "Event: resolved",
        "Event: closed requester",
    ]
