"""`servicebook validate` on temporary repositories: one broken contract example per case.

Each case asserts the exact text a user sees, the exit code, and that nothing
under records/ was modified.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import fingerprint, replace_in, run_cli

AGR = "records/agreements/AGR-ACME-IT.md"
REQ = "records/requests/2026/REQ-20261120-7F3A.md"
CAL = "records/calendars/office-berlin.md"
SVC = "records/services/workplace-it.md"

CASES = [
    pytest.param(
        AGR,
        "    first_response: 1h\n",
        "    first_response: 1 hour\n",
        f"{AGR}:19: targets[1].first_response: '1 hour' is not a duration; "
        "write e.g. '30m', '4h', '1h30m' or 'PT4H'",
        id="bad-duration",
    ),
    pytest.param(
        REQ,
        "received: 2026-11-20T09:12:00+01:00",
        "received: 2026-11-20T09:12:00",
        # The contract repository sets no time zone: UTC.
        f"{REQ}:10: received: the timestamp has no UTC offset; in UTC (the settings' time "
        "zone) that local time is 2026-11-20T09:12:00+00:00: write that, or "
        "2026-11-20T09:12:00Z",
        id="naive-timestamp",
    ),
    pytest.param(
        REQ,
        "channel: portal\n",
        "channel: portal\nchanel: email\n",
        f"{REQ}:10: chanel: unknown field; did you mean 'channel'? (known fields: agreement, "
        "category, channel, events, id, imported, imported_sla, outage, plan, priority, received, "
        "requester, satisfaction, service, title)",
        id="unknown-field",
    ),
    pytest.param(
        REQ,
        "type: assigned, group: desk,",
        "type: assigned, group: desks,",
        f"{REQ}:12: events[0].group: no group has the id 'desks'; did you mean 'desk'?",
        id="dangling-group",
    ),
    pytest.param(
        REQ,
        "type: assigned, group: desk,",
        "type: assigned, group: finance,",
        f"{REQ}:12: events[0].group: no group has the id 'finance'; create it or correct the id",
        id="dangling-group-nothing-close",
    ),
    pytest.param(
        AGR,
        "services: [workplace-it]",
        "services: [workplace-itt]",
        f"{AGR}:6: services[0]: no service has the id 'workplace-itt'; "
        "did you mean 'workplace-it'?",
        id="dangling-service",
    ),
    pytest.param(
        REQ,
        "category: hardware",
        "category: printers",
        f"{REQ}:6: category: 'printers' is not a category of service 'workplace-it'; "
        "write one of hardware, software, access",
        id="unknown-category",
    ),
    pytest.param(
        SVC,
        "title: Workplace IT\n",
        "title: Workplace IT: laptops\n",
        f"{SVC}:3: YAML syntax error: mapping values are not allowed in this context; "
        "quote values that contain ': ' (e.g. title: \"Re: printer\")",
        id="bad-yaml",
    ),
    pytest.param(
        SVC,
        "title: Workplace IT\n",
        "title: Workplace IT\n   owner_note: x\n",
        f"{SVC}:4: wrong indentation: this line is indented by 3 spaces, more than 'title:' on "
        "line 3, which already has a value; give it the indentation of that line (no spaces), "
        "or end 'title:' with ':' and no value if this line belongs under it",
        id="indentation",
    ),
    pytest.param(
        REQ,
        "  - {at: 2026-11-20T10:05:00+01:00, type: responded, by: bob}",
        "  - {at: 2026-11-20T09:05:00+01:00, type: responded, by: bob}",
        f"{REQ}:13: events[1].at: 2026-11-20T09:05:00+01:00 is earlier than when the event "
        "before (2026-11-20T09:40:00+01:00); events are appended in time order: "
        "correct the time or move the event",
        id="events-out-of-order",
    ),
    pytest.param(
        REQ,
        "status: waiting_on_requester}",
        "status: waiting}",
        f"{REQ}:14: events[2].status: 'waiting' is not allowed; write one of 'assigned', "
        "'in_progress', 'waiting_on_requester', 'waiting_on_third_party', 'rejected' or "
        "'cancelled'",
        id="unknown-status",
    ),
    pytest.param(
        REQ,
        "id: REQ-20261120-7F3A",
        "id: REQ-20261120-7F3B",
        f"{REQ}:2: id: 'REQ-20261120-7F3B' differs from the file name 'REQ-20261120-7F3A.md'; "
        "rename the file to REQ-20261120-7F3B.md or set id: REQ-20261120-7F3A",
        id="id-not-stem",
    ),
    pytest.param(
        REQ,
        "id: REQ-20261120-7F3A",
        "id: ../etc/passwd",
        f"{REQ}:2: id: '../etc/passwd' is not a plain identifier; use letters, digits, '-', "
        "'_' and single dots only (no '/', '..' or spaces), e.g. REQ-20261120-7F3A",
        id="path-in-id",
    ),
    pytest.param(
        AGR,
        "  - {by: acme, role: customer, at: 2025-12-16T10:00:00+01:00}\n",
        "",
        f"{AGR}:4: status: an active agreement needs approvals by the provider and the "
        "customer side; missing: customer. add them under approvals ({by, role, at}) or set "
        "status: negotiating",
        id="active-without-customer-approval",
    ),
    pytest.param(
        CAL,
        'mon: ["08:00-18:00"]',
        "mon: [8:00-18:00]",
        f"{CAL}:6: weekly.mon[0]: '8:00-18:00' is not a time window; write \"HH:MM-HH:MM\" "
        'in 24-hour local time, e.g. "08:00-18:00" (use "24:00" as the end of the day)',
        id="unquoted-window",
    ),
    pytest.param(
        CAL,
        "timezone: Europe/Berlin",
        "timezone: Europe/Berln",
        f"{CAL}:4: timezone: 'Europe/Berln' is not an IANA time zone; write e.g. "
        "Europe/Berlin or UTC",
        id="bad-timezone",
    ),
]


@pytest.mark.parametrize(("path", "old", "new", "expected"), CASES)
def test_broken_contract_example_is_reported(
    contract_repo: Path, path: str, old: str, new: str, expected: str
) -> None:
    replace_in(contract_repo / path, old, new)
    before = fingerprint(contract_repo / "records")
    result = run_cli("validate", cwd=contract_repo)
    assert result.code == 1, result.out + result.err
    assert expected in result.out.splitlines(), result.out
    assert "Traceback" not in result.out + result.err
    assert fingerprint(contract_repo / "records") == before


def test_contract_examples_validate_together(contract_repo: Path) -> None:
    result = run_cli("validate", cwd=contract_repo)
    assert result.code == 0, result.out
    assert result.out == ""
    assert result.err == "7 files read, 7 valid records: 0 errors, 0 warnings\n"


def test_duplicate_id_names_both_files(contract_repo: Path) -> None:
    copy = contract_repo / "records/people/bob-copy.md"
    copy.write_text((contract_repo / "records/people/bob.md").read_text())
    result = run_cli("validate", cwd=contract_repo)
    assert result.code == 1
    assert result.out.splitlines() == [
        "records/people/bob-copy.md:2: id: 'bob' differs from the file name 'bob-copy.md'; "
        "rename the file to bob.md or set id: bob-copy",
        "records/people/bob-copy.md:2: id: duplicate id 'bob', also used by "
        "records/people/bob.md; give each record its own id",
    ]


def test_all_problems_in_one_run_sorted(contract_repo: Path) -> None:
    replace_in(contract_repo / REQ, "channel: portal\n", "channel: portal\ncolour: red\n")
    replace_in(contract_repo / AGR, "    resolution: 8h\n", "    resolution: 8 hours\n")
    result = run_cli("validate", "--format", "json", cwd=contract_repo)
    assert result.code == 1
    rows = json.loads(result.out)
    assert [(r["path"], r["line"], r["field"], r["severity"]) for r in rows] == [
        (AGR, 21, "targets[1].resolution", "error"),
        (REQ, 10, "colour", "error"),
    ]
    assert set(rows[0]) == {"path", "line", "column", "field", "message", "severity"}


def test_github_format_is_annotations(contract_repo: Path) -> None:
    replace_in(contract_repo / REQ, "priority: P2", "priority: high")
    result = run_cli("validate", "--format", "github", cwd=contract_repo)
    assert result.code == 1
    assert result.out == (
        f"::error file={REQ},line=7,col=11,title=priority::'high' is not a priority; "
        "write P1, P2, P3 (P1 is the highest), the priorities the agreements cover\n"
    )


def test_out_of_scope_is_a_warning_not_an_error(contract_repo: Path) -> None:
    replace_in(
        contract_repo / REQ,
        "received: 2026-11-20T09:12:00+01:00",
        "received: 2025-11-20T09:12:00+01:00",
    )
    for line in ("  - {at: 2026-11-20T09:40",):
        assert line in (contract_repo / REQ).read_text()
    result = run_cli("validate", cwd=contract_repo)
    assert result.code == 0, result.out
    assert result.out == (
        f"{REQ}:10: warning: received: received on 2025-11-20, outside the effective dates of "
        "AGR-ACME-IT (2026-01-01 to 2026-12-31); the request is shown as out of scope\n"
    )


def test_usage_error_exits_2(contract_repo: Path) -> None:
    result = run_cli("validate", "--format", "xml", cwd=contract_repo)
    assert result.code == 2
    assert "invalid choice: 'xml'" in result.err


def test_missing_records_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = run_cli("validate", cwd=tmp_path)
    assert result.code == 1
    assert result.err == (
        f"servicebook: no records/ folder in {tmp_path}; "
        "run servicebook in the repository root or pass --root DIR\n"
    )
