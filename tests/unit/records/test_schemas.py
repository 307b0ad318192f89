"""The published JSON Schemas: up to date, valid, descriptive, and true to the records."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from generator.records.frontmatter import split
from generator.records.kinds import KINDS
from generator.records.schemas import DIALECT, file_name, schema_documents
from tests.conftest import CONTRACT, REPO
from tests.helpers import run_cli

SCHEMAS = REPO / "schemas"


class Yaml12Loader(yaml.SafeLoader):
    """Reads timestamps and dates as strings, as YAML 1.2 editors and linters do."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _front_matter(path: Path) -> Any:
    parts = split(path.read_text(encoding="utf-8"))
    assert isinstance(parts, tuple), path
    return yaml.load(parts[0], Loader=Yaml12Loader)


def _validator(folder: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMAS / f"{folder}.schema.json").read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def _records(root: Path) -> Iterator[tuple[str, Path]]:
    for kind in KINDS:
        for path in sorted((root / "records" / kind.folder).rglob("*.md")):
            yield kind.folder, path


def test_the_committed_schemas_are_up_to_date() -> None:
    result = run_cli("schema", "--check", cwd=REPO)
    assert result.code == 0, f"{result.err}regenerate them with: servicebook schema"


@pytest.mark.parametrize("root", [REPO, CONTRACT], ids=["sample", "contract"])
def test_every_valid_record_matches_its_schema(root: Path) -> None:
    validators = {kind.folder: _validator(kind.folder) for kind in KINDS}
    checked = 0
    for folder, path in _records(root):
        errors = [e.message for e in validators[folder].iter_errors(_front_matter(path))]
        assert errors == [], f"{path}: {errors}"
        checked += 1
    assert checked > 5


@pytest.mark.parametrize(
    ("folder", "data", "message"),
    [
        (
            "requests",
            {
                "id": "R-1",
                "title": "x",
                "service": "s",
                "priority": "urgent",
                "requester": "a@b.example",
                "received": "2026-11-20T09:00:00Z",
            },
            "'urgent' does not match '^P[1-5]$'",
        ),
        (
            "services",
            {"id": "s", "title": "S", "owner": "g", "colour": "red"},
            "Additional properties are not allowed ('colour' was unexpected)",
        ),
        (
            "people",
            {"id": "p", "title": "P", "type": "robot"},
            "is not valid under any of the given schemas",
        ),
    ],
)
def test_the_schemas_reject_what_validation_rejects(
    folder: str, data: dict[str, Any], message: str
) -> None:
    errors = [e.message for e in _validator(folder).iter_errors(data)]
    assert any(message in error for error in errors), errors


def test_short_forms_the_loader_accepts_are_accepted_by_the_schemas() -> None:
    agreements = _validator("agreements")
    assert agreements.is_valid(
        {
            "id": "A",
            "title": "A",
            "status": "draft",
            "customer": "c",
            "services": ["s"],
            "effective": "2026-01-01",
            "targets": [{"match": {"priority": "P1"}, "resolution": "4h"}],
        }
    )
    assert _validator("services").is_valid(
        {"id": "s", "title": "S", "owner": "g", "categories": ["wifi", {"id": "vpn"}]}
    )


def _properties(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            yield f"{where}.{name}", value
        for key, value in node.items():
            yield from _properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _properties(value, f"{where}[{index}]")


@pytest.mark.parametrize("kind", KINDS, ids=lambda kind: kind.folder)
def test_schemas_are_draft_07_with_a_description_on_every_field(kind: Any) -> None:
    schema = json.loads(schema_documents()[file_name(kind)])
    assert schema["$schema"] == DIALECT
    assert schema["$comment"].startswith(f"Front matter of records/{kind.folder}/**/*.md.")
    text = json.dumps(schema)
    for keyword in ("discriminator", "prefixItems", "unevaluatedProperties", "$dynamicRef"):
        assert f'"{keyword}"' not in text
    undescribed = [where for where, prop in _properties(schema) if not prop.get("description")]
    assert undescribed == []


def test_schema_writes_a_folder_and_check_reports_stale_and_stray_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = run_cli("schema", "--output", str(out), cwd=tmp_path)
    assert written.code == 0, written.err
    assert sorted(p.name for p in out.iterdir()) == sorted(schema_documents())
    (out / "requests.schema.json").write_text("{}\n", encoding="utf-8")
    (out / "tickets.schema.json").write_text("{}\n", encoding="utf-8")
    check = run_cli("schema", "--check", "--output", str(out), cwd=tmp_path)
    assert check.code == 1
    assert check.err == (
        f"servicebook: {out}/requests.schema.json is out of date\n"
        f"servicebook: {out}/tickets.schema.json belongs to no record kind\n"
        "servicebook: run 'servicebook schema' and commit the result\n"
    )
    assert run_cli("schema", "--output", str(out), cwd=tmp_path).code == 0
    assert not (out / "tickets.schema.json").exists()
    assert run_cli("schema", "--check", "--output", str(out), cwd=tmp_path).code == 0
