"""The one pass: load, validate and link records; later steps compute and render.

Pure apart from the loader it calls; the CLI and the MkDocs plugin both use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Diagnostic, sort_diagnostics
from generator.records.catalog import Catalog, build_catalog
from generator.records.consistency import check_consistency
from generator.records.loader import LoadResult, load_records
from generator.records.references import check_references
from generator.records.sla_checks import check_sla_config


@dataclass(frozen=True)
class Validated:
    """The linked catalog of valid records and every diagnostic, sorted."""

    catalog: Catalog
    diagnostics: list[Diagnostic]
    files: int


def validate(root: Path) -> Validated:
    """Load every record under ``root`` and run every check; never raises for bad input."""
    return check_loaded(load_records(root))


def check_loaded(loaded: LoadResult) -> Validated:
    """Run every check on records already loaded (the CLI swaps in a file it is about to
    write, to validate the result before writing it)."""
    catalog, catalog_diagnostics = build_catalog(loaded)
    diagnostics = [
        *loaded.diagnostics,
        *catalog_diagnostics,
        *check_references(catalog),
        *check_consistency(catalog),
        *check_sla_config(catalog),
    ]
    return Validated(catalog, sort_diagnostics(diagnostics), loaded.files)
