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
check a record before writing it; they live in ``generator/validation.py``, which the
writers import alone); ``render_pages`` stops after step 5;
``generate_site`` runs them all. Nothing is written when a record has an error.
"""

from __future__ import annotations

__all__ = ["Validated", "check", "check_loaded", "compute", "generate_site", "generate_sites",
           "read_monitoring", "render_audience", "render_pages", "validate"]  # fmt: skip

from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from jinja2 import Environment

from generator.analysis.monitoring import MonitoringReport, monitoring_report
from generator.analysis.visibility import (
    STAFF,
    Audience,
    all_audiences,
    check_audience,
    visibility,
)
from generator.config import Config, cache_folder
from generator.errors import Diagnostic, has_errors
from generator.exports.attention import attention_files
from generator.exports.feeds import feed_files, request_changes
from generator.facts.audience_facts import facts_for
from generator.facts.request_paging import RequestPagePolicy
from generator.facts.site_facts import SiteFacts, compute_facts
from generator.history.agreement_versions import (
    agreement_versions,
    read_agreement_versions,
    versions_note,
)
from generator.history.commit_gate import audited_commits
from generator.history.findings import sort_findings
from generator.history.reader import read_history
from generator.history.sitehistory import NO_SITE_HISTORY, site_history
from generator.history.worktree import read_built_from
from generator.publish.mkdocs_settings import read_mkdocs_settings
from generator.publish.progress import Phases, Progress
from generator.publish.rendered_pages import RenderedPages, rendering_inputs
from generator.publish.site import BuildOutcome, stage_and_build
from generator.publish.staging import WriteStats
from generator.publish.unchanged_run import forget, kept, remember, run_key
from generator.records.alert_rules import RuleSet, read_rules
from generator.records.catalog import Catalog
from generator.render.fingerprint import Fingerprints
from generator.render.templates import make_environment, render
from generator.validation import Validated, check, check_loaded, validate
from generator.views.attention import attention
from generator.views.pages import site_pages


@dataclass(frozen=True)
class Computed:
    """Steps 1-3 done once: the staff's facts and what every audience's pages share."""

    facts: SiteFacts
    diagnostics: list[Diagnostic]
    env: Environment
    site_name: str
    site_url: str | None
    directory_urls: bool
    built_from: str | None


def with_monitoring(facts: SiteFacts, root: Path, config: Config) -> SiteFacts:
    """``facts`` with the monitoring folder's alerting rules read and reported on."""
    rules, report = read_monitoring(root, config, facts.catalog, facts.as_of)
    return replace(facts, rules=rules, monitoring=report)


def read_monitoring(
    root: Path, config: Config, catalog: Catalog, as_of: datetime
) -> tuple[RuleSet, MonitoringReport]:
    """The alerting rule files of ``root`` and their report against ``catalog``."""
    rules = read_rules(root, config.monitoring.folder)
    report = monitoring_report(
        rules.alerts,
        catalog.components,
        catalog.services,
        catalog.agreements,
        catalog.log,
        config.monitoring,
        as_of,
    )
    return rules, report


def compute(
    root: Path,
    config: Config,
    as_of: datetime,
    progress: Progress | None = None,
    *,
    with_history: bool = True,
) -> Computed | list[Diagnostic]:
    """Load, check and compute as of ``as_of``; the diagnostics alone when a record has
    an error (then nothing may be rendered). Without ``with_history`` git is not read
    (the facts have no history: enough for the clocks)."""
    phase = Phases(progress)
    validated = validate(root, cache_folder(root, config))
    phase.done(f"validated {validated.files} files, {len(validated.catalog.entries)} records")
    if has_errors(validated.diagnostics):
        return validated.diagnostics
    catalog = validated.catalog
    history = NO_SITE_HISTORY
    if with_history:
        # The git edge: one log pass and one blob batch; the pages only see the result.
        raw_history = read_history(root, cache=cache_folder(root, config))
        history = site_history(raw_history, validated.catalog)
        if history.available:
            gate = audited_commits(root, validated.catalog, raw_history)
            findings = tuple(sort_findings([*history.findings, *gate]))
            history = replace(history, findings=findings)
        versions = agreement_versions(raw_history, catalog, as_of, config.timezone, config.instants)
        phase.done(f"read the history: {len(raw_history.log.entries)} commits")
    else:
        versions = read_agreement_versions(root, catalog, as_of, config.timezone, config.instants)
    diagnostics = [*validated.diagnostics, *versions_note(versions, catalog)]
    policy = RequestPagePolicy(config.request_pages, config.recent_days)
    facts = compute_facts(
        catalog, as_of, config.timezone, history, policy, config.auto_close, versions
    )
    phase.done(f"computed the SLA clocks of {len(facts.clocks)} requests")
    facts = with_monitoring(facts, root, config)
    mkdocs = read_mkdocs_settings(root)
    return Computed(
        facts,
        diagnostics,
        make_environment(root / "templates", mkdocs.directory_urls),
        config.site_name or mkdocs.site_name,
        mkdocs.site_url,
        mkdocs.directory_urls,
        # The git edge again, once: the commit every page says it was built from.
        read_built_from(root),
    )


def render_audience(
    computed: Computed,
    audience: Audience,
    provider: str | None,
    progress: Progress | None = None,
    rendered: RenderedPages | None = None,
) -> dict[str, str]:
    """Steps 4-5 for one audience: its pages, feeds and calendars, as text by path. With
    ``rendered``, the reusable pages (record pages, months of the requests archive) whose
    context is unchanged since its last run are taken from there instead of rendered
    (:mod:`generator.publish.rendered_pages`)."""
    phase = Phases(progress)
    facts = facts_for(computed.facts, visibility(computed.facts.catalog, audience, provider))
    catalog = facts.catalog
    agreements_of: dict[str, list[str]] = {}
    for agreement in catalog.agreements:
        for service in agreement.services:
            agreements_of.setdefault(service, []).append(agreement.id)
    base = {
        "as_of": facts.as_of,
        "timezone": facts.timezone,
        "site_name": computed.site_name,
        "record_pages": facts.record_pages,
        "titles": facts.titles,
        "agreements_of": {s.id: agreements_of.get(s.id, []) for s in catalog.services},
        "built_from": computed.built_from,
        "staff_site": audience.is_staff,
    }
    # One record's page does not name the commit (its history names the commits that
    # changed it): a commit elsewhere would otherwise change every page of the site.
    one_record = {key: value for key, value in base.items() if key != "built_from"}
    env = computed.env
    fingerprints = Fingerprints()
    if rendered is not None:
        rendered.start(fingerprints.of((one_record, computed.directory_urls)))
    pages: dict[str, str] = {}
    for spec in site_pages(facts):
        shared = one_record if spec.reusable else base
        if rendered is None or not spec.reusable:
            context = {**shared, **spec.full_context(), "page_path": spec.path}
            pages[spec.path] = render(env, spec.template, context)
            continue
        # One of many similar pages: taken from the last run when nothing it shows changed.
        fingerprint = fingerprints.of((spec.template, spec.context))
        text = None if fingerprint is None else rendered.reuse(spec.path, fingerprint)
        if text is None:
            context = {**shared, **spec.full_context(), "page_path": spec.path}
            text = render(env, spec.template, context)
        pages[spec.path] = text
    who = "" if audience.is_staff else f" for {audience.name}"
    again = f", {len(rendered.reused)} of them unchanged" if rendered and rendered.reused else ""
    phase.done(f"rendered {len(pages)} pages{who}{again}")
    changes = request_changes(catalog.requests, facts.record_pages, facts.as_of)
    pages |= feed_files(
        facts.maintenance,
        facts.runs,
        changes,
        facts.as_of,
        computed.site_name,
        facts.titles,
        computed.site_url,
        computed.directory_urls,
    )
    groups = [g.id for g in catalog.groups] if audience.is_staff else None
    pages |= attention_files(
        attention(facts),
        groups,
        facts.as_of,
        computed.site_name,
        facts.record_pages,
        facts.titles,
        computed.site_url,
        computed.directory_urls,
    )
    return pages


def render_pages(
    root: Path,
    config: Config,
    as_of: datetime,
    progress: Progress | None = None,
    audience: Audience = STAFF,
    rendered: RenderedPages | None = None,
) -> tuple[dict[str, str], list[Diagnostic]]:
    """Every generated page of one audience's site as Markdown text, or the diagnostics
    that stop it."""
    computed = compute(root, config, as_of, progress)
    if isinstance(computed, list):
        return {}, computed
    check_audience(computed.facts.catalog, audience)
    pages = render_audience(computed, audience, config.provider, progress, rendered)
    return pages, computed.diagnostics


def generate_site(
    root: Path,
    config: Config,
    as_of: datetime,
    *,
    build: bool,
    site_dir: Path | None = None,
    progress: Progress | None = None,
    audience: Audience = STAFF,
) -> BuildOutcome:
    """The whole pass for one audience: stage the pages (and build the site when
    ``build``). ``generate`` with nothing changed since its last run keeps the staged
    pages as they are (:mod:`generator.publish.unchanged_run`)."""
    cache = cache_folder(root, config) if not build else None
    staging = root / config.staging_dir
    key = ""
    if cache is not None:
        key = run_key(root, config, as_of, audience.name, site_dir)
        found = kept(cache, key, staging)
        if found is not None:
            pages_kept, staged, said = found
            Phases(progress).done(f"nothing changed since the last run: {staged} files kept")
            return BuildOutcome(said, pages_kept, WriteStats(0, staged, 0))
        forget(cache)
    rendered = _rendered_pages(root, config, staging)
    pages, diagnostics = render_pages(root, config, as_of, progress, audience, rendered)
    outcome = BuildOutcome(diagnostics)
    if has_errors(diagnostics):
        return outcome
    done = stage_and_build(
        root,
        config,
        as_of,
        pages,
        outcome,
        build=build,
        site_dir=site_dir,
        progress=progress,
        customer_site=not audience.is_staff,
        unchanged=rendered.reused,
    )
    rendered.save()
    if cache is not None and done.ok and done.stats is not None:
        files = done.stats.written + done.stats.unchanged
        remember(cache, key, staging, done.pages, files, done.diagnostics)
    return done


def generate_sites(
    root: Path,
    config: Config,
    as_of: datetime,
    *,
    build: bool,
    site_dir: Path | None = None,
    progress: Progress | None = None,
) -> list[tuple[Audience, BuildOutcome]]:
    """The pass for every audience, computing once: ``<site>/<audience>/`` each, staged in
    ``<staging>/<audience>/``. Stops at the first builder failure; empty on record errors
    (the diagnostics are the staff outcome's)."""
    computed = compute(root, config, as_of, progress)
    if isinstance(computed, list):
        return [(STAFF, BuildOutcome(computed))]
    results: list[tuple[Audience, BuildOutcome]] = []
    target = site_dir or root / config.site_dir
    for audience in all_audiences(computed.facts.catalog):
        staging = Path(config.staging_dir) / audience.folder
        rendered = _rendered_pages(root, config, root / staging)
        pages = render_audience(computed, audience, config.provider, progress, rendered)
        outcome = BuildOutcome(list(computed.diagnostics))
        results.append((audience, outcome))
        stage_and_build(
            root,
            config,
            as_of,
            pages,
            outcome,
            build=build,
            site_dir=target / audience.folder,
            progress=progress,
            staging=staging,
            customer_site=not audience.is_staff,
            unchanged=rendered.reused,
        )
        rendered.save()
        if not outcome.ok:
            break
    return results


def _rendered_pages(root: Path, config: Config, staging: Path) -> RenderedPages:
    """The record pages the last run staged in ``staging`` (none without a cache)."""
    return RenderedPages(cache_folder(root, config), staging / "docs", rendering_inputs(root))
