"""Validate, compute, render and stage the site; optionally run the builder.

Gathers everything first and writes only when no record has an error, so a
broken pull request never half-updates a site. Returns values; the CLI prints.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path

from generator.config import Config, cache_folder
from generator.errors import Diagnostic, Severity, UserError, has_errors
from generator.history.reader import read_history
from generator.history.sitehistory import site_history
from generator.history.worktree import read_built_from
from generator.pipeline import validate
from generator.publish.feeds import feed_files, request_changes
from generator.publish.fragments import EXTENSION
from generator.publish.mkdocs_settings import read_mkdocs_settings
from generator.publish.pages import compute_facts, site_pages
from generator.publish.render import make_environment, render
from generator.publish.request_pages import RequestPagePolicy
from generator.publish.runner import MATERIAL_END_OF_LIFE, BuilderResult, run_builder
from generator.publish.site_config import staging_config
from generator.publish.staging import WriteStats, collect_docs, merge, write_staging

Progress = Callable[[str], None]


@dataclass
class BuildOutcome:
    """What a generate/build run did."""

    diagnostics: list[Diagnostic]
    pages: int = 0
    stats: WriteStats | None = None
    builder: BuilderResult | None = None
    site_dir: Path | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when records were valid and the builder (if run) passed."""
        if has_errors(self.diagnostics):
            return False
        return self.builder is None or self.builder.ok


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
    """Stage the pages (and build the site when ``build``)."""
    pages, diagnostics = render_pages(root, config, as_of, progress)
    outcome = BuildOutcome(diagnostics)
    if has_errors(diagnostics):
        return outcome
    phase = Phases(progress)
    staging_root = root / config.staging_dir
    docs = collect_docs(root / "docs")
    files = merge(pages, {**_assets(), **docs})
    outcome.pages = sum(1 for path in pages if path.endswith(".md"))
    outcome.stats = write_staging(staging_root / "docs", files)
    stats = outcome.stats
    phase.done(
        f"staged {len(files)} files in {config.staging_dir} ({stats.written} written, "
        f"{stats.unchanged} unchanged, {stats.removed} removed)"
    )
    target = (site_dir or root / config.site_dir).resolve()
    config_file = staging_root / "mkdocs.yml"
    guide = [path for path in docs if path.endswith(".md") and path != "index.md"]
    text = staging_config(
        _relative_inherit(root, staging_root), str(target), guide, config.site_name
    )
    if not config_file.is_file() or config_file.read_text(encoding="utf-8") != text:
        config_file.write_text(text, encoding="utf-8")
    if build:
        if not (root / "mkdocs.yml").is_file():
            raise UserError(
                f"no mkdocs.yml in {root}; servicebook build needs one for the theme and "
                "site name (copy the one from the Servicebook repository)"
            )
        settings = read_mkdocs_settings(root)
        if not settings.fragments_extension:
            outcome.diagnostics.append(_SLOW_FRAGMENTS)
        if config.builder == "mkdocs" and settings.theme == "material":
            outcome.diagnostics.append(
                Diagnostic(
                    "mkdocs.yml",
                    settings.theme_line,
                    0,
                    "theme",
                    MATERIAL_END_OF_LIFE,
                    Severity.WARNING,
                )
            )
        name = "Zensical" if config.builder == "zensical" else "MkDocs"
        phase.start(f"building {sum(1 for f in files if f.endswith('.md'))} pages with {name}")
        outcome.builder = run_builder(config.builder, config_file, as_of, target)
        outcome.site_dir = target
        phase.done(f"{name} {'built' if outcome.builder.ok else 'failed on'} the site in {target}")
    return outcome


_SLOW_FRAGMENTS = Diagnostic(
    "mkdocs.yml",
    0,
    0,
    "markdown_extensions",
    f"{EXTENSION} is not listed, so MkDocs parses every generated table again and the "
    f"build takes about twice as long; add '- {EXTENSION}' under markdown_extensions",
    Severity.WARNING,
)


class Phases:
    """One progress line per phase of a run, with its counts and seconds."""

    def __init__(self, progress: Progress | None) -> None:
        self._say = progress
        self._started = time.perf_counter()

    def start(self, message: str) -> None:
        """Announce a long phase before it runs (the builder gives no counts of its own)."""
        if self._say is not None:
            self._say(f"{message} …")
        self._started = time.perf_counter()

    def done(self, message: str) -> None:
        """Report a finished phase and start timing the next."""
        now = time.perf_counter()
        if self._say is not None:
            self._say(f"{message} in {now - self._started:.1f} s")
        self._started = now


def _assets() -> dict[str, bytes]:
    folder = resources.files("generator") / "assets"
    return {f"assets/{item.name}": item.read_bytes() for item in folder.iterdir() if item.is_file()}


def _relative_inherit(root: Path, staging_root: Path) -> str:
    depth = len(staging_root.relative_to(root).parts)
    return "/".join([".."] * depth + ["mkdocs.yml"])
