"""Through the CLI: a record's YAML means one thing, and every problem comes out in one run."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.helpers import failing_validate, run_cli

PEOPLE = "records/people"
REQUEST = "records/requests/2026/REQ-20261120-7F3A.md"


def _validate_lines(root: Path) -> list[str]:
    return [line for line in failing_validate(root) if "warning" not in line]


def test_a_repeated_key_is_an_error_naming_both_lines(contract_repo: Path) -> None:
    (contract_repo / PEOPLE / "twice.md").write_text(
        "---\nid: twice\ntype: person\ntitle: Twice\ntitle: Again\n---\n"
    )
    assert _validate_lines(contract_repo) == [
        f"{PEOPLE}/twice.md:5: title: key 'title' appears twice (lines 4 and 5); keep one"
    ]


def test_explicit_tags_are_refused_each_at_its_line(contract_repo: Path) -> None:
    (contract_repo / PEOPLE / "tagged.md").write_text(
        "---\nid: tagged\ntype: person\ntitle: !!binary aGVsbG8=\nemail: !!str x@y.example\n---\n"
    )
    assert _validate_lines(contract_repo) == [
        f"{PEOPLE}/tagged.md:4: title: the tag '!!binary' is not allowed; "
        "write the value plainly, without a tag",
        f"{PEOPLE}/tagged.md:5: email: the tag '!!str' is not allowed; "
        "write the value plainly, without a tag",
    ]


def test_aliases_to_a_big_value_are_refused_by_size(contract_repo: Path) -> None:
    big = "x" * 200_000
    aliases = ", ".join(["*a"] * 19_000)
    (contract_repo / PEOPLE / "wide.md").write_text(
        f"---\nid: wide\ntype: person\ntitle: &a {big}\nnotes: [{aliases}]\n---\n"
    )
    assert _validate_lines(contract_repo) == [
        f"{PEOPLE}/wide.md:4: YAML aliases expand to 19009 nodes / 3800200026 bytes; "
        "write the values out or remove the anchors"
    ]


def test_a_request_with_ten_thousand_events_is_valid(contract_repo: Path) -> None:
    path = contract_repo / REQUEST
    text = path.read_text(encoding="utf-8")
    head, tail = text.split("satisfaction:", 1)
    head = head.replace(
        "  - {at: 2026-11-24T09:00:00+01:00, type: closed, confirmed_by: requester}\n", ""
    )
    start = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
    notes = "".join(
        f"  - {{at: {(start + timedelta(seconds=i)).isoformat()}, type: note, text: n{i} & more}}\n"
        for i in range(10_000)
    )
    path.write_text(head + notes + "satisfaction:" + tail, encoding="utf-8")
    result = run_cli("validate", cwd=contract_repo)
    assert "Traceback" not in result.err
    assert "alias" not in result.out + result.err
    assert result.code == 0, result.out + result.err


def test_every_event_problem_in_one_run(contract_repo: Path) -> None:
    path = contract_repo / REQUEST
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "2026-11-20T10:05:00+01:00, type: responded", "2026-11-20T09:05:00+01:00, type: responded"
    )
    text = text.replace(
        "2026-11-23T08:45:00+01:00, type: status, status: in_progress",
        "2026-11-23T08:45:00+01:00, type: status, status: inprogress",
    )
    text = text.replace(
        "2026-11-23T15:00:00+01:00, type: resolved", "2026-11-22T15:00:00+01:00, type: resolvd"
    )
    path.write_text(text, encoding="utf-8")
    assert _validate_lines(contract_repo) == [
        f"{REQUEST}:13: events[1].at: 2026-11-20T09:05:00+01:00 is earlier than when the event "
        "before (2026-11-20T09:40:00+01:00); events are appended in time order: correct the "
        "time or move the event",
        f"{REQUEST}:16: events[4].status: 'inprogress' is not allowed; write one of 'assigned', "
        "'in_progress', 'waiting_on_requester', 'waiting_on_third_party', 'rejected' or "
        "'cancelled'",
        f"{REQUEST}:17: events[5]: 'resolvd' is not a known type; write one of 'assigned', "
        "'responded', 'message', 'status', 'priority', 'action', 'resolved', 'reopened', "
        "'closed', 'note'",
        f"{REQUEST}:17: events[5].at: 2026-11-22T15:00:00+01:00 is earlier than when the event "
        "before (2026-11-23T08:45:00+01:00); events are appended in time order: correct the "
        "time or move the event",
    ]


def test_a_nul_byte_is_reported_at_its_line(contract_repo: Path) -> None:
    for line in (2, 6, 11):
        path = contract_repo / PEOPLE / "nul.md"
        lines = [
            "---",
            "id: nul",
            "type: person",
            "title: Nul",
            "",
            "",
            "",
            "",
            "",
            "",
            "x: 1",
            "---",
        ]
        lines[line - 1] = "a: b\0c" if line != 2 else "id\0: nul"
        path.write_text("\n".join(lines) + "\n")
        column = 3 if line == 2 else 5
        found = _validate_lines(contract_repo)
        assert found == [
            f"{PEOPLE}/nul.md:{line}: a NUL byte at column {column} is not allowed in YAML; "
            "remove it"
        ], found


def test_a_fifo_among_the_records_is_skipped_not_opened(contract_repo: Path) -> None:
    os.mkfifo(contract_repo / PEOPLE / "pipe.md")
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "validate"],
        cwd=contract_repo,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert f"{PEOPLE}/pipe.md:0: warning: not a regular file; skipped" in completed.stdout


def test_settings_files_follow_the_same_rules(contract_repo: Path) -> None:
    (contract_repo / "servicebook.yml").write_text(
        "timezone: Europe/Berlin\nprovider: acme\ntimezone: !!str UTC\n", encoding="utf-8"
    )
    result = run_cli("validate", cwd=contract_repo)
    assert (result.code, result.err) == (
        1,
        "servicebook: servicebook.yml:3: timezone: key 'timezone' appears twice (lines 1 and 3); "
        "keep one\n"
        "servicebook.yml:3: timezone: the tag '!!str' is not allowed; write the value plainly, "
        "without a tag\n",
    )
