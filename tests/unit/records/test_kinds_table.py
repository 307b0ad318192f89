"""The kinds table is the one declaration of a record kind, and everything reads it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from generator.checks.references import KIND_NAMES
from generator.facts.site_facts import SECTIONS
from generator.history.audit import KIND_NAMES as AUDIT_NAMES
from generator.models.reference import steps
from generator.publish.site_config import RECORD_FOLDERS
from generator.records.kinds import KINDS, SHAPES, SHAPES_BY_NAME

ROOT = Path(__file__).resolve().parents[3]


def test_every_model_has_exactly_one_row() -> None:
    models = [model for kind in KINDS for model in kind.models]
    assert len(models) == len(set(models)) == len(SHAPES) == 16
    assert len(SHAPES_BY_NAME) == len(SHAPES), "two models share a name"


def test_every_folder_of_the_sample_is_a_kind() -> None:
    folders = {p.name for p in (ROOT / "records").iterdir() if p.is_dir()}
    assert folders == {kind.folder for kind in KINDS}


def test_every_shape_has_its_template() -> None:
    templates = resources.files("generator") / "default_templates"
    for shape in SHAPES.values():
        assert (templates / f"{shape.template}.md.j2").is_file(), shape


def test_every_reference_names_a_kind_of_the_table() -> None:
    for shape in SHAPES.values():
        for _name, _shape, kinds in steps(shape.model):
            assert set(kinds) <= set(SHAPES_BY_NAME), (shape.model, kinds)


def test_the_other_tables_are_read_from_it() -> None:
    assert {m: s.section for m, s in SHAPES.items()} == SECTIONS
    assert {m: s.name for m, s in SHAPES.items()} == KIND_NAMES
    assert AUDIT_NAMES["people"] == "roster entry" and AUDIT_NAMES["log"] == "log entry"
    assert set(RECORD_FOLDERS) >= set(SECTIONS.values())
