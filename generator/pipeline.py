"""The one pass, in the order it runs: load → check → compute → views → render → write.

This is the place to read how Servicebook works; each step is one call into its layer
(see ``docs/architecture.md``):

1. **load** (``records/``): scan ``records/``, parse front matter, validate each file
   against its kind's model, link the catalog;
2. **check** (``checks/``): the rules across records (references, consistency,
   assignment, SLA settings, body links);
3. **compute** (``history/``, ``facts/``): read the git history once, then derive every
   fact as of the instant (states, clocks, compliance, windows, runs);
4. **views** (``views/``): decide what each page shows, as typed contexts;
5. **render** (``render/``, ``exports/``): templates to Markdown, feeds and calendars;
6. **write** (``publish/``): stage the files and run the builder.

``validate``/``check`` stop after step 2 (the ``validate`` command, the writers that
check a record before writing it); ``render_pages`` stops after step 5;
``generate_site`` runs them all. Nothing is written when a record has an error.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from generator.checks.assignments import check_assignments
from generator.checks.body_links import check_body_links
from generator.checks.consistency import check_consistency
from generator.checks.internal_events import check_internal_events
from generator.checks.references import check_references
from generator.checks.sla_config import check_sla_config
from generator.config import Config, cache_folder, instant_range_of
from generator.errors import Diagnostic, has_errors, sort_diagnostics
from generator.exports.feeds import feed_files, request_changes
from generator.facts.request_paging import RequestPagePolicy
from generator.facts.site_facts import compute_facts
from generator.history.commit_claims import commit_claims
from generator.history.commit_gate import audited_commits
from generator.history.findings import sort_findings
from generator.history.reader import read_history
from generator.history.sitehistory import site_history
from generator.history.worktree import read_built_from
from generator.publish.mkdocs_settings import read_mkdocs_settings
from generator.publish.progress import Phases, Progress
from generator.publish.site import BuildOutcome, stage_and_build
from generator.records.cache import Outcome, RecordCache, scan_digest
from generator.records.catalog import Catalog, build_catalog
from generator.records.loader import LoadResult, load_scanned
from generator.records.scan import scan_records
from generator.render.templates import make_environment, render
from generator.views.pages import site_pages


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
        *check_internal_events(catalog),
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


def render_pages(
    root: Path, config: Config, as_of: datetime, progress: Progress | None = None
) -> tuple[dict[str, str], list[Diagnostic]]:
    """Every generated page as Markdown text, or the diagnostics that stop it."""
    phase = Phases(progress)
    validated = validate(root, cache_folder(root, config))
    phase.done(f"validated {validated.files} files, {len(validated.catalog.entries)} records")
    if has_errors(validated.diagnostics):
        return {}, validated.diagnostics
    # The git edge: one log pass and one blob batch; the pages only see the result.
    raw_history = read_history(root)
    history = site_history(raw_history, validated.catalog)
    if history.available:
        gate = audited_commits(root, validated.catalog, raw_history)
        history = replace(history, findings=tuple(sort_findings([*history.findings, *gate])))
    phase.done(f"read the history: {len(raw_history.log.entries)} commits")
    policy = RequestPagePolicy(config.request_pages, config.recent_days)
    facts = compute_facts(
        validated.catalog, as_of, config.timezone, history, policy, config.auto_close
    )
    phase.done(f"computed the SLA clocks of {len(facts.clocks)} requests")
    mkdocs = read_mkdocs_settings(root)
    env = make_environment(root / "templates", mkdocs.directory_urls)
    site_name = config.site_name or mkdocs.site_name
    agreements_of: dict[str, list[str]] = {}
    for agreement in validated.catalog.agreements:
        for service in agreement.services:
            agreements_of.setdefault(service, []).append(agreement.id)
    base = {
        "as_of": as_of,
        "timezone": config.timezone,
        "site_name": site_name,
        "record_pages": facts.record_pages,
        "titles": facts.titles,
        "agreements_of": {s.id: agreements_of.get(s.id, []) for s in validated.catalog.services},
        # The git edge again, once: the commit every page says it was built from.
        "built_from": read_built_from(root),
    }
    pages = {
        spec.path: render(env, spec.template, {**base, **spec.context, "page_path": spec.path})
        for spec in site_pages(facts)
    }
    phase.done(f"rendered {len(pages)} pages")
    changes = request_changes(facts.catalog.requests, facts.record_pages, as_of)
    pages |= feed_files(
        facts.maintenance,
        facts.runs,
        changes,
        as_of,
        site_name,
        facts.titles,
        mkdocs.site_url,
        mkdocs.directory_urls,
    )
    return pages, validated.diagnostics


def generate_site(
    root: Path,
    config: Config,
    as_of: datetime,
    *,
    build: bool,
    site_dir: Path | None = None,
    progress: Progress | None = None,
) -> BuildOutcome:
    """The whole pass: stage the pages (and build the site when ``build``)."""
    pages, diagnostics = render_pages(root, config, as_of, progress)
    outcome = BuildOutcome(diagnostics)
    if has_errors(diagnostics):
        return outcome
    return stage_and_build(
        root, config, as_of, pages, outcome, build=build, site_dir=site_dir, progress=progress
    )
