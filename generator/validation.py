"""Steps 1-2 of the pass (``generator.pipeline``): load every record and run every check.

Apart from the rest of the pipeline so that the record commands (``event``, ``close``,
``new``), which check one record before writing it, import only what checking needs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.checks.assignments import check_assignments
from generator.checks.body_links import check_body_links
from generator.checks.consistency import check_consistency
from generator.checks.hints import narrow_priorities
from generator.checks.references import check_references
from generator.checks.sla_config import check_sla_config
from generator.config import load_config
from generator.errors import Diagnostic, sort_diagnostics
from generator.history.commit_claims import commit_claims
from generator.models.instant_range import InstantRange
from generator.records.cache import RecordCache, ValidationSummary, scan_digest
from generator.records.catalog import Catalog, build_catalog
from generator.records.loader import LoadResult, load_scanned
from generator.records.scan import Scan, scan_records


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
    instants, zone = _settings_of(root)
    if cache_dir is None:
        return check_loaded(load_scanned(scan, None, instants, zone), root)
    cache = RecordCache(cache_dir, root, instants)
    validated = check_loaded(load_scanned(scan, cache, instants, zone), root)
    outcome = _outcome(validated)
    cache.save(_digest(scan, zone), outcome)
    return validated


def check(root: Path, cache_dir: Path | None = None) -> ValidationSummary:
    """Diagnostics and counts of :func:`validate`; with a cache and no file changed since
    the last run, the stored outcome (nothing is parsed)."""
    if cache_dir is not None:
        scan = scan_records(root)
        instants, zone = _settings_of(root)
        digest = _digest(scan, zone)
        cache = RecordCache(cache_dir, root, instants)
        found = cache.outcome(digest)
        if found is not None:
            return found
        validated = check_loaded(load_scanned(scan, cache, instants, zone), root)
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
        *narrow_priorities(loaded.diagnostics, catalog.agreements),
        *links,
        *catalog_diagnostics,
        *check_references(catalog),
        *check_consistency(catalog),
        *check_assignments(catalog),
        *check_sla_config(catalog),
    ]
    return Validated(catalog, sort_diagnostics(diagnostics), loaded.files)


def _digest(scan: Scan, zone: str) -> str:
    """The key of a stored outcome: the files, and the zone its messages are worded in."""
    return f"{scan_digest(scan)}/{zone}"


def _settings_of(root: Path) -> tuple[InstantRange, str]:
    """The settings loading depends on: the instant range, and the zone hints are worded in."""
    config = load_config(root)
    return config.instants, config.timezone


def _outcome(validated: Validated) -> ValidationSummary:
    """What ``validate`` reports and caches: diagnostics, counts and the commits to check."""
    catalog = validated.catalog
    return ValidationSummary(
        validated.diagnostics, validated.files, len(catalog.entries), commit_claims(catalog)
    )


def _exists_in(root: Path) -> Callable[[str], bool]:
    def exists(path: str) -> bool:
        return (root / path).exists()

    return exists
