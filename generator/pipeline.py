"""The one pass: load, validate and link records; later steps compute and render.

Pure apart from the loader it calls; the CLI and the MkDocs plugin both use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Diagnostic, sort_diagnostics
from generator.records.catalog import Catalog, build_catalog
from generator.records.consistency import check_consistency
from generator.records.loader import load_records
from generator.records.references import check_references


@dataclass(frozen=True)
class Validated:
    """The linked catalog of valid records and every diagnostic, sorted."""

    catalog: Catalog
    diagnostics: list[Diagnostic]
    files: int


def validate(root: Path) -> Validated:
    """Load every record under ``root`` and run every check; never raises for bad input."""
    loaded = load_records(root)
    catalog, catalog_diagnostics = build_catalog(loaded)
    diagnostics = [
        *loaded.diagnostics,
        *catalog_diagnostics,
        *check_references(catalog),
        *check_consistency(catalog),
    ]
    return Validated(catalog, sort_diagnostics(diagnostics), loaded.files)
