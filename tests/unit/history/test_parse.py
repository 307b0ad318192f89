"""The ``git log`` parser on canned text, exactly as git prints it for LOG_ARGS."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from generator.history.parse import (
    FileChange,
    LogFormatError,
    parse_first_parents,
    parse_log,
)

A = "a" * 40
B = "b" * 40
C = "c" * 40
Z = "0" * 40
BLOB1 = "1" * 40
BLOB2 = "2" * 40
BLOB3 = "3" * 40


def _commit(sha: str, parents: str, message: str, changes: str) -> str:
    header = "\x1f".join(
        [
            sha,
            parents,
            "Bob Example",
            "bob@provider.example",
            "2026-11-20T09:45:00+01:00",
            "2026-11-20T10:00:00Z",
            message,
        ]
    )
    return f"\x1e{header}\x1d\x00" + (f"\n{changes}" if changes else "")


LOG = (
    _commit(
        C,
        f"{B} {A}",
        "Merge branch 'work'\n",
        "",
    )
    + _commit(
        B,
        A,
        "REQ-1: status in_progress\n\nRecord: REQ-1\nEvent: status in_progress\n",
        f":100644 100644 {BLOB1} {BLOB2} M\x00records/requests/REQ-1.md\x00"
        f":100644 100644 {BLOB2} {BLOB2} R100\x00records/services/a.md\x00records/services/b.md\x00"
        f":100644 000000 {BLOB3} {Z} D\x00records/people/x.md\x00",
    )
    + _commit(A, "", "First\n", f":000000 100644 {Z} {BLOB1} A\x00records/requests/REQ-1.md\x00")
)


def test_commits_come_out_in_log_order_with_all_fields() -> None:
    merge, change, first = parse_log(LOG)
    assert [e.commit.sha for e in (merge, change, first)] == [C, B, A]
    assert merge.commit.parents == (B, A) and merge.commit.is_merge and merge.changes == ()
    assert first.commit.parents == () and not first.commit.is_merge
    commit = change.commit
    assert (commit.author, commit.email) == ("Bob Example", "bob@provider.example")
    assert commit.authored == datetime(2026, 11, 20, 9, 45, tzinfo=timezone(timedelta(hours=1)))
    assert commit.committed == datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    assert commit.subject == "REQ-1: status in_progress"
    assert commit.short == "bbbbbbb"
    assert commit.trailers == {"Record": "REQ-1", "Event": "status in_progress"}


def test_raw_changes_give_status_paths_and_blobs() -> None:
    change = parse_log(LOG)[1]
    assert change.changes == (
        FileChange("M", "records/requests/REQ-1.md", None, (BLOB1,), BLOB2),
        FileChange("R", "records/services/b.md", "records/services/a.md", (BLOB2,), BLOB2, 100),
        FileChange("D", "records/people/x.md", None, (BLOB3,), None),
    )
    assert parse_log(LOG)[2].changes == (
        FileChange("A", "records/requests/REQ-1.md", None, (None,), BLOB1),
    )


def test_message_without_trailer_paragraph_has_no_trailers() -> None:
    first = parse_log(LOG)[2].commit
    assert first.trailers == {}
    assert first.message == "First"


def test_empty_output_is_no_commits() -> None:
    assert parse_log("") == []


@pytest.mark.parametrize(
    "text",
    [
        "\x1eabc\x1fdef",  # no end of message
        "\x1e" + "\x1f".join(["a"] * 3) + "\x1d",  # too few fields
        _commit(A, "", "m", "M\x00records/x.md\x00"),  # change without raw header
        _commit(A, "", "m", f":100644 100644 {BLOB1} {BLOB2} R100\x00records/x.md"),
    ],
)
def test_malformed_text_is_a_format_error(text: str) -> None:
    with pytest.raises(LogFormatError):
        parse_log(text)


def test_first_parent_chain_and_its_merges() -> None:
    mainline = parse_first_parents(f"{C} {B} {A}\n{B} {A}\n{A}\n")
    assert mainline.commits == (C, B, A)
    assert mainline.merges == frozenset({C})
