"""The one pass: load, validate and link records; later steps compute and render.

Pure apart from the loader it calls; the CLI and the MkDocs plugin both use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.config import instant_range_of
from generator.errors import Diagnostic, sort_diagnostics
from generator.records.assignment_checks import check_assignments
from generator.records.body_links import check_body_links
from generator.records.cache import Outcome, RecordCache, scan_digest
from generator.records.catalog import Catalog, build_catalog
from generator.records.commit_claims import commit_claims
from generator.records.consistency import check_consistency
from generator.records.loader import LoadResult, load_scanned, scan_records
from generator.records.references import check_references
from generator.records.sla_checks import check_sla_config


@dataclass(frozen=True)
class Validated:
    """The linked catalog of valid records and every diagnostic, sorted."""

    catalog: Catalog
    diagnostics: list[Diagnostic]
    files: int


def validate(root: Path, cache_dir: Path | None = None) -> Validated:
    """Load every record under ``root`` and run every check; never raises for bad input.

    With ``cache_dir``, unchanged files are taken from the record cache there (see
    :mod:`generator.records.cache`) and the cache is updated afterwards.
    """
    scan = scan_records(root)
    instants = instant_range_of(root)
    if cache_dir is None:
        return check_loaded(load_scanned(scan, None, instants), root)
    cache = RecordCache(cache_dir, root, instants)
    validated = check_loaded(load_scanned(scan, cache, instants), root)
    outcome = _outcome(validated)
    cache.save(scan_digest(scan), outcome)
    return validated


def check(root: Path, cache_dir: Path | None = None) -> Outcome:
    """Diagnostics and counts of :func:`validate`; with a cache and no file changed since
    the last run, the stored outcome (nothing is parsed)."""
    if cache_dir is not None:
        scan = scan_records(root)
        digest = scan_digest(scan)
        instants = instant_range_of(root)
        cache = RecordCache(cache_dir, root, instants)
        found = cache.outcome(digest)
        if found is not None:
            return found
        validated = check_loaded(load_scanned(scan, cache, instants), root)
        outcome = _outcome(validated)
        cache.save(digest, outcome)
        return outcome
    return _outcome(validate(root))


def check_loaded(loaded: LoadResult, root: Path | None = None) -> Validated:
    """Run every check on records already loaded (the CLI swaps in a file it is about to
    write, to validate the result before writing it); with ``root``, body links to files
    are checked against the repository too."""
    catalog, catalog_diagnostics = build_catalog(loaded)
    links = [] if root is None else check_body_links(catalog.entries.values(), _exists_in(root))
    diagnostics = [
        *loaded.diagnostics,
        *links,
        *catalog_diagnostics,
        *check_references(catalog),
        *check_consistency(catalog),
        *check_assignments(catalog),
        *check_sla_config(catalog),
    ]
    return Validated(catalog, sort_diagnostics(diagnostics), loaded.files)


def _outcome(validated: Validated) -> Outcome:
    """What ``validate`` reports and caches: diagnostics, counts and the commits to check."""
    catalog = validated.catalog
    return Outcome(
        validated.diagnostics, validated.files, len(catalog.entries), commit_claims(catalog)
    )


def _exists_in(root: Path) -> Callable[[str], bool]:
    def exists(path: str) -> bool:
        return (root / path).exists()

    return exists
