"""The write step: stage the site's files and run the builder (MkDocs or Zensical).

Called by the pipeline once every page is rendered, and only when no record has an
error, so a broken pull request never half-updates a site. Returns values; the CLI prints.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from importlib import resources
from pathlib import Path

from generator.config import Config, cache_folder
from generator.errors import Diagnostic, Severity, UserError, has_errors
from generator.publish.direct_build import DirectBuild, build_direct, shell_files
from generator.publish.direct_pages import is_candidate
from generator.publish.fragments import EXTENSION
from generator.publish.mkdocs_settings import MkdocsSettings, read_mkdocs_settings
from generator.publish.progress import Phases, Progress
from generator.publish.runner import MATERIAL_END_OF_LIFE, BuilderResult, run_builder
from generator.publish.site_config import missing_extensions, staging_config
from generator.publish.staging import (
    WriteStats,
    collect_docs,
    for_customers,
    merge,
    write_staging,
)


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


def stage_and_build(
    root: Path,
    config: Config,
    as_of: datetime,
    pages: dict[str, str],
    outcome: BuildOutcome,
    *,
    build: bool,
    site_dir: Path | None = None,
    progress: Progress | None = None,
    staging: Path | None = None,
    customer_site: bool = False,
    unchanged: Collection[str] = (),
) -> BuildOutcome:
    """Write the rendered pages, the assets and ``docs/`` into the staging folder
    (``staging``, relative to ``root``; default the setting) with its ``mkdocs.yml``; with
    ``build``, run the builder on it. A ``customer_site`` gets only the guide pages marked
    for customers. ``unchanged``: pages known to be staged already as they are (they
    are not compared again)."""
    phase = Phases(progress)
    staging_rel = staging or Path(config.staging_dir)
    staging_root = root / staging_rel
    docs = collect_docs(root / "docs")
    if customer_site:
        docs = for_customers(docs)
    files = merge(pages, {**_assets(), **docs})
    shell = build and _shell_route(config, pages)
    if shell:
        files |= shell_files()
    outcome.pages = sum(1 for path in pages if path.endswith(".md"))
    outcome.stats = write_staging(staging_root / "docs", files, unchanged)
    stats = outcome.stats
    phase.done(
        f"staged {len(files)} files in {staging_rel.as_posix()} ({stats.written} written, "
        f"{stats.unchanged} unchanged, {stats.removed} removed)"
    )
    target = (site_dir or root / config.site_dir).resolve()
    config_file = staging_root / "mkdocs.yml"
    guide = [path for path in docs if path.endswith(".md") and path != "index.md"]
    settings = read_mkdocs_settings(root)
    text = staging_config(
        _relative_inherit(root, staging_root),
        str(target),
        guide,
        config.site_name,
        set(files),
        settings,
    )
    if not config_file.is_file() or config_file.read_text(encoding="utf-8") != text:
        config_file.write_text(text, encoding="utf-8")
    if build:
        if not (root / "mkdocs.yml").is_file():
            raise UserError(
                f"no mkdocs.yml in {root}; servicebook build needs one: a single line "
                "'site_name: Your service book' is enough (Servicebook adds the theme, "
                "Markdown extensions, stylesheet and script)"
            )
        if not settings.fragments_extension:
            outcome.diagnostics.append(_SLOW_FRAGMENTS)
        missing = missing_extensions(settings)
        if missing:
            outcome.diagnostics.append(_missing_extensions(settings, missing))
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
        outcome.site_dir = target
        if shell:
            direct = _build_with_shell(root, config, staging_root, target, files, as_of, phase)
            if direct.builder is not None:
                outcome.builder = direct.builder
                return outcome
            outcome.diagnostics.append(_shell_fallback(direct.fallback))
            for path in shell_files():
                (staging_root / "docs" / path).unlink(missing_ok=True)
        name = "Zensical" if config.builder == "zensical" else "MkDocs"
        phase.start(f"building {sum(1 for f in files if f.endswith('.md'))} pages with {name}")
        outcome.builder = run_builder(config.builder, config_file, as_of, target)
        phase.done(f"{name} {'built' if outcome.builder.ok else 'failed on'} the site in {target}")
    return outcome


def _shell_route(config: Config, pages: Mapping[str, str]) -> bool:
    """Whether request pages are filled into the page shell (publish/direct_build.py)."""
    if config.builder != "mkdocs" or not config.request_page_shell:
        return False
    return any(is_candidate(path) for path in pages)


def _build_with_shell(
    root: Path,
    config: Config,
    staging_root: Path,
    target: Path,
    files: dict[str, bytes],
    as_of: datetime,
    phase: Phases,
) -> DirectBuild:
    pages = sum(1 for f in files if f.endswith(".md"))
    phase.start(f"building {pages} pages: MkDocs the summary pages, the shell the requests")
    direct = build_direct(staging_root, target, files, as_of, cache_folder(root, config))
    if direct.builder is None:
        return direct
    state = "built" if direct.builder.ok else "failed on"
    summary = "" if direct.mkdocs_ran else "; MkDocs not run again: nothing it builds had changed"
    phase.done(
        f"MkDocs {state} the site in {target} ({direct.filled} request pages filled, "
        f"{direct.written} files written, {direct.removed} removed{summary})"
    )
    return direct


def _shell_fallback(reason: str) -> Diagnostic:
    return Diagnostic(
        "mkdocs.yml",
        0,
        0,
        "request_page_shell",
        f"MkDocs built every request page itself, which takes longer on many requests: "
        f"{reason}; set request_page_shell: false in servicebook.yml to say so and "
        "silence this",
        Severity.WARNING,
    )


def _missing_extensions(settings: MkdocsSettings, missing: list[str]) -> Diagnostic:
    return Diagnostic(
        "mkdocs.yml",
        settings.line_of("markdown_extensions"),
        0,
        "markdown_extensions",
        f"{', '.join(missing)} {'is' if len(missing) == 1 else 'are'} not listed, but the "
        "generated pages need them (without, attribute lists and tables show as raw text); "
        "add them, or remove markdown_extensions to let Servicebook set the list",
        Severity.WARNING,
    )


_SLOW_FRAGMENTS = Diagnostic(
    "mkdocs.yml",
    0,
    0,
    "markdown_extensions",
    f"{EXTENSION} is not listed, so MkDocs parses every generated table again and the "
    f"build takes about twice as long; add '- {EXTENSION}' under markdown_extensions",
    Severity.WARNING,
)


def _assets() -> dict[str, bytes]:
    folder = resources.files("generator") / "assets"
    return {f"assets/{item.name}": item.read_bytes() for item in folder.iterdir() if item.is_file()}


def _relative_inherit(root: Path, staging_root: Path) -> str:
    depth = len(staging_root.relative_to(root).parts)
    return "/".join([".."] * depth + ["mkdocs.yml"])
