"""The one path rule: records/<folder>/<id>.md, requests by the month received."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from generator.authoring.paths import record_path


def test_a_record_goes_into_its_kinds_folder() -> None:
    assert record_path("agreement", "AGR-ACME") == "records/agreements/AGR-ACME.md"
    assert record_path("agreements", "AGR-ACME") == "records/agreements/AGR-ACME.md"
    assert record_path("people", "alice") == "records/people/alice.md"


def test_a_request_is_filed_by_the_local_month_it_was_received() -> None:
    received = datetime(2026, 11, 30, 23, 30, tzinfo=timezone(timedelta(hours=1)))
    assert record_path("request", "REQ-1", received) == "records/requests/2026/11/REQ-1.md"
    assert record_path("requests", "REQ-2", date(2016, 2, 1)) == "records/requests/2016/02/REQ-2.md"
    assert record_path("request", "REQ-3") == "records/requests/REQ-3.md"
    assert record_path("procedure", "PRC-1", date(2016, 2, 1)) == "records/procedures/PRC-1.md"


@pytest.mark.parametrize(
    "record_id", ["", "../x", "a/b", "a\\b", ".hidden", "a..b", "-x", "a b", "x\n", "/etc"]
)
def test_an_id_that_is_not_one_file_name_is_refused(record_id: str) -> None:
    with pytest.raises(ValueError, match="not a plain identifier"):
        record_path("request", record_id)


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="no kind of record"):
        record_path("widgets", "W-1")
