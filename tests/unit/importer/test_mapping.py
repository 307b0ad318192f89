"""Mapping files: shipped ones by name, others by path, mistakes named."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import UserError
from generator.importer.mapping import load_mapping, shipped_mappings


def test_shipped_mappings_load_by_name() -> None:
    assert shipped_mappings() == ["bpic2014", "uci-servicenow"]
    mapping, where = load_mapping("uci-servicenow")
    assert where == "uci-servicenow (shipped)"
    assert mapping.layout == "event_per_row"
    assert mapping.priorities["2 - High"] == "P2"
    assert "-100" not in mapping.states  # reported, not mapped


def test_a_mapping_file_loads_by_path(tmp_path: Path) -> None:
    shipped = Path(__file__).parents[3] / "generator/importer/mappings/bpic2014.yml"
    copy = tmp_path / "mine.yml"
    copy.write_text(shipped.read_text(encoding="utf-8").replace("bpic-", "mine-"))
    mapping, where = load_mapping(str(copy))
    assert where == str(copy)
    assert mapping.ref_prefix == "mine-"


def test_unknown_name() -> None:
    with pytest.raises(
        UserError,
        match="no such file and no shipped mapping of that name; "
        "name one of bpic2014, uci-servicenow",
    ):
        load_mapping("servicenow")


def test_mistakes_are_named(tmp_path: Path) -> None:
    shipped = Path(__file__).parents[3] / "generator/importer/mappings/uci-servicenow.yml"
    text = shipped.read_text(encoding="utf-8")
    bad = tmp_path / "bad.yml"
    bad.write_text(
        text.replace("timezone: America/Sao_Paulo", "timezone: Mars/Olympus")
        .replace("  1 - Critical: P1", "  1 - Critical: P9")
        .replace('title: "{category}', 'title: "{0}{category}')
        .replace("layout: event_per_row", "layout: event_per_row\ncolour: blue")
    )
    with pytest.raises(UserError) as error:
        load_mapping(str(bad))
    message = str(error.value)
    assert f"{bad}: timezone: 'Mars/Olympus' is not an IANA time zone" in message
    assert (
        f"{bad}: priorities.1 - Critical: 'P9' is not a priority; write P1 (highest) to P5"
        in message
    )
    assert f"{bad}: title: '{{0}}' in the title template must name" in message
    assert f"{bad}: colour: unknown field; did you mean 'columns'?" in message
