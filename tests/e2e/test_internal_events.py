"""Validation keeps internal notes internal: no note made public, no reply hidden."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import replace_in, run_cli

REQUEST = "records/requests/2026/11/REQ-20261104-7A3F.md"


def test_a_note_made_public_and_a_hidden_reply_are_both_refused(sample_repo: Path) -> None:
    path = sample_repo / REQUEST
    replace_in(
        path, "type: note, by: amira.haddad,", "type: note, internal: false, by: amira.haddad,"
    )
    replace_in(
        path,
        "type: responded, by: amira.haddad,",
        "type: responded, internal: true, by: amira.haddad,",
    )
    before = path.read_bytes()
    run = run_cli("validate", cwd=sample_repo)
    assert run.code == 1
    assert (
        f"{REQUEST}:15:" in run.out
        and "a note is always internal and never reaches a customer; remove 'internal: false', "
        "or tell the requester with a 'responded' event"
        in run.out
    )
    assert (
        f"{REQUEST}:13:" in run.out
        and "a 'responded' event is what the requester saw, so it cannot be internal; remove "
        "'internal: true', or write a 'note' for staff"
        in run.out
    )
    assert path.read_bytes() == before


def test_an_action_may_be_internal(sample_repo: Path) -> None:
    replace_in(
        sample_repo / REQUEST,
        "type: action, by: amira.haddad,",
        "type: action, internal: true, by: amira.haddad,",
    )
    assert run_cli("validate", cwd=sample_repo).code == 0


def test_the_event_command_marks_an_action_internal_and_never_a_reply(sample_repo: Path) -> None:
    path = sample_repo / REQUEST
    before = path.read_bytes()
    reply = run_cli("event", "REQ-20261104-7A3F", "responded", "--internal", cwd=sample_repo)
    assert reply.code == 2
    assert reply.err == (
        "servicebook: --internal does not apply to a responded event (it takes --via, --text)\n"
    )
    assert path.read_bytes() == before
    run = run_cli(
        "event", "REQ-20261104-7A3F", "action", "--text", "swapped the board", "--internal",
        "--at", "2026-11-25T10:00:00+01:00", cwd=sample_repo,
    )  # fmt: skip
    assert run.code == 0, run.err
    assert (
        path.read_text(encoding="utf-8").count(
            "- {at: 2026-11-25T10:00:00+01:00, type: action, text: swapped the board, "
            "internal: true}"
        )
        == 1
    )
