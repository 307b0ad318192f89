"""SLA configuration checks on real record files: the exact line and text a user sees."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.checks.sla_config import check_sla_config
from generator.pipeline import validate
from tests.helpers import replace_in, run_cli

CAL = "records/calendars/office-berlin.md"
AGR = "records/agreements/AGR-ACME-IT.md"
FRI = '  fri: ["08:00-12:00", "13:00-18:00"]'
DEFAULT_ROW = "  - match: {}\n    first_response: 4h\n    resolution: 40h\n"

CASES = [
    pytest.param(
        CAL, FRI, '  fri: ["08:00-12:00", "11:00-18:00"]',
        f"{CAL}:10: weekly.fri[1]: '11:00-18:00' overlaps '08:00-12:00' on fri; join them "
        "into one window or make them end before the next begins",
        id="overlap",
    ),
    pytest.param(
        CAL, '  mon: ["08:00-18:00"]', '  mon: ["22:00-06:00"]',
        f"{CAL}:6: weekly.mon[0]: '22:00-06:00' ends before it starts; a window lies within "
        "one day: for service overnight write '22:00-24:00' on this day and '00:00-06:00' on "
        "the next",
        id="backwards",
    ),
    pytest.param(
        CAL, '  mon: ["08:00-18:00"]', '  mon: ["08:00-08:00"]',
        f"{CAL}:6: weekly.mon[0]: '08:00-08:00' is empty (it starts when it ends); give the "
        "end of the shift",
        id="empty",
    ),
    pytest.param(
        CAL, '  mon: ["08:00-18:00"]', '  mon: ["00:00-23:59"]',
        f"{CAL}:6: warning: weekly.mon[0]: '00:00-23:59' ends at 23:59, so the last minute "
        "of the day stays closed; write '00:00-24:00' to work until midnight",
        id="23:59",
    ),
    pytest.param(
        CAL, "holidays:", "country: XX\nholidays:",
        f"{CAL}:11: country: 'XX' is not a country the holidays library knows; write an ISO "
        "3166 alpha-2 code such as DE, AT or US, or list the holidays yourself",
        id="unknown-country",
    ),
    pytest.param(
        CAL, "holidays:", "country: AT\nsubdivision: BE\nholidays:",
        f"{CAL}:12: subdivision: 'BE' is not a subdivision of AT; use one of 1, 2, 3, 4, 5, "
        "6, 7, 8, 9",
        id="unknown-subdivision",
    ),
    pytest.param(
        CAL, "holidays:",
        'versions:\n  - {effective: 2026-06-01, weekly: {mon: ["09:00-17:00"]}}\n'
        '  - {effective: 2026-06-01, weekly: {mon: ["10:00-17:00"]}}\nholidays:',
        f"{CAL}:13: versions[1].effective: 2026-06-01 is also the date of versions[0]; merge "
        "the two or give each its own date",
        id="versions-same-date",
    ),
    pytest.param(
        AGR, DEFAULT_ROW, DEFAULT_ROW + "  - match: {priority: P4}\n    resolution: 80h\n",
        f"{AGR}:25: targets[3].match: unreachable: row 3 above has match: {{}} and takes "
        "every request; move this row above it or remove it",
        id="after-catch-all",
    ),
    pytest.param(
        AGR, DEFAULT_ROW,
        "  - match: {priority: [P1, P2], category: hardware}\n    resolution: 2h\n" + DEFAULT_ROW,
        f"{AGR}:22: targets[2].match: unreachable: every request this row fits is taken by "
        "row(s) 1, 2 above; move it above them, narrow them, or remove it",
        id="covered",
    ),
    pytest.param(
        AGR, DEFAULT_ROW, "",
        f"{AGR}:14: targets: no default row: requests that fit no row get no SLA clocks; add "
        "a last row with match: {} and its targets (a row without durations means no SLA)",
        id="no-default",
    ),
    pytest.param(
        AGR, "[waiting_on_requester, waiting_on_third_party]", "[waiting_on_requester, pending]",
        f"{AGR}:12: pause.resolution[1]: 'pending' is not a request status; use one of new, "
        "assigned, in_progress, waiting_on_requester, waiting_on_third_party, resolved, "
        "closed, rejected, cancelled",
        id="unknown-pause-status",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("path", "old", "new", "expected"), CASES)
def test_one_mistake_one_diagnostic(
    contract_repo: Path, path: str, old: str, new: str, expected: str
) -> None:
    replace_in(contract_repo / path, old, new)
    found = check_sla_config(validate(contract_repo).catalog)
    assert [d.text() for d in found] == [expected]


def test_the_contract_examples_and_the_sample_have_no_findings(contract_repo: Path) -> None:
    assert check_sla_config(validate(contract_repo).catalog) == []
    sample = Path(__file__).parents[3]
    assert check_sla_config(validate(sample).catalog) == []


def test_validate_reports_them(contract_repo: Path) -> None:
    replace_in(contract_repo / AGR, DEFAULT_ROW, "")
    run = run_cli("validate", cwd=contract_repo)
    assert run.code == 1
    assert f"{AGR}:14: targets: no default row" in run.out
