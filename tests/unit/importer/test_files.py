"""The record files an import writes read back as the values that went in."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from generator.importer.convert import Ticket
from generator.importer.files import repository_files, request_text, skeleton_files
from generator.importer.mapping import load_mapping
from generator.pipeline import validate
from generator.publish.mkdocs_settings import read_mkdocs_settings

ZONE = timezone(timedelta(hours=-3))


def test_request_text_layout() -> None:
    at = datetime(2016, 3, 1, 9, 0, tzinfo=ZONE)
    ticket = Ticket(
        "INC1",
        {"id": "INC1", "title": "A: b", "category": None, "received": at},
        [{"at": at, "type": "assigned", "group": "g", "person": None}],
        "Body.\n",
    )
    assert request_text(ticket) == (
        '---\nid: INC1\ntitle: "A: b"\nreceived: 2016-03-01T09:00:00-03:00\nevents:\n'
        "  - {at: 2016-03-01T09:00:00-03:00, type: assigned, group: g}\n---\nBody.\n"
    )


def test_skeletons_and_site_files_validate(tmp_path: Path) -> None:
    mapping, _ = load_mapping("uci-servicenow")
    files = skeleton_files(mapping, [("uci-group-7", "Group 7")], [("uci-resolver-3", "R 3")])
    files |= repository_files(mapping)
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    result = validate(tmp_path)
    assert result.diagnostics == []
    assert sorted(result.catalog.entries) == [
        "AGR-UCI-SERVICENOW",
        "uci-business-hours",
        "uci-customer",
        "uci-group-7",
        "uci-it-support",
        "uci-provider",
        "uci-resolver-3",
        "uci-service-desk",
    ]
    agreement = (tmp_path / "records/agreements/AGR-UCI-SERVICENOW.md").read_text()
    assert "status: draft" in agreement
    assert "Amaral, C. A. L., Fantinato, M., Peres, S. M. (2018)" in agreement
    assert "[CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)" in agreement
    assert "  - {match: {priority: [P1]}, calendar: 24x7, resolution: 4h}" in agreement
    credits = (tmp_path / "docs/credits-uci-servicenow.md").read_text()
    assert "<https://doi.org/10.24432/C57S4H>" in credits
    # The site settings it writes are ones the build does not warn about (slow tables).
    assert read_mkdocs_settings(tmp_path).fragments_extension


def test_bpic_mapping_skeletons_validate(tmp_path: Path) -> None:
    mapping, _ = load_mapping("bpic2014")
    for rel, text in skeleton_files(mapping, [], []).items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert validate(tmp_path).diagnostics == []
