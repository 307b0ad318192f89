"""The sample organisation shows every SLA situation as of its pinned demo instant.

The expected states were worked out by hand from the calendars when the sample
was written, independently of the engine; the engine must agree.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli

EXPECTED = {
    # request id: (metric, state)
    "REQ-20261123-9B5D": ("resolution", "at_risk"),
    "REQ-20261124-C1D0": ("resolution", "at_risk"),
    "REQ-20261125-8E4F": ("resolution", "at_risk"),
    "REQ-20261125-1A93": ("resolution", "at_risk"),
    "REQ-20261125-6D2C": ("first_response", "at_risk"),
    "REQ-20261125-F3A9": ("first_response", "at_risk"),
    "REQ-20261120-E05B": ("resolution", "breached"),
    "REQ-20261123-4C07": ("resolution", "breached"),
    "REQ-20261116-D2E6": ("resolution", "breached"),  # breached, then paused: stays breached
    "REQ-20261007-D7B5": ("resolution", "breached"),  # downgraded after the breach
    "REQ-20260922-1F0B": ("first_response", "breached"),
    "REQ-20261118-B84A": ("resolution", "paused"),
    "REQ-20261119-A7D2": ("resolution", "paused"),
    "REQ-20261124-7E19": ("resolution", "paused"),
    "REQ-20260914-5B8F": ("resolution", "breached"),
}


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    from tests.conftest import REPO

    out = tmp_path_factory.mktemp("export") / "export.json"
    result = run_cli("export", "--output", str(out), cwd=REPO)
    assert result.code == 0, result.err
    document = json.loads(out.read_text())
    assert document["as_of"] == "2026-11-25T14:00:00Z"
    return {request["id"]: request for request in document["requests"]}


@pytest.mark.parametrize(("request_id", "expected"), sorted(EXPECTED.items()))
def test_sample_request_states(
    export: dict[str, dict[str, object]], request_id: str, expected: tuple[str, str]
) -> None:
    metric, state = expected
    clocks = export[request_id]["clocks"]
    assert isinstance(clocks, dict)
    assert clocks[metric]["state"] == state


def test_sample_has_every_status(export: dict[str, dict[str, object]]) -> None:
    statuses = {request["status"] for request in export.values()}
    assert statuses == {
        "new", "assigned", "in_progress", "waiting_on_requester", "waiting_on_third_party",
        "resolved", "closed", "rejected", "cancelled",
    }  # fmt: skip


def test_at_risk_page_shows_due_time_in_local_and_utc(sample_repo: Path) -> None:
    result = run_cli("generate", cwd=sample_repo)
    assert result.code == 0, result.err
    page = (sample_repo / ".servicebook/docs/requests/REQ-20261124-C1D0.md").read_text()
    assert (
        '<tr><td>Resolution</td> <td><span class="sb-badge sb-at-risk">at risk</span></td> '
        "<td>8h</td> <td>7h15m</td> <td>45m</td> <td>2026-11-25 15:45 CET<br>2026-11-25T14:45:00Z"
        "</td></tr>"
    ) in page
    agreement = (sample_repo / ".servicebook/docs/agreements/AGR-LINDENHOF-2026.md").read_text()
    assert "| 2026-10 | resolution | P1 | 0 | 1 | 0.0 % |" in agreement
    assert "Monday to Friday 08:00–18:00 \\(Europe/Berlin time\\)" in agreement
