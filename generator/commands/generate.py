"""``servicebook generate``: validate, then write the staging folder's Markdown pages.

``build`` is the same run followed by the builder, so both share :func:`generate_site`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from generator.analysis.visibility import Audience, parse_audience
from generator.commands.options import parse_as_of, records_root
from generator.commands.result import CommandResult
from generator.config import Config, load_config
from generator.errors import Diagnostic, UsageError, format_diagnostics
from generator.output_folders import output_problem

if TYPE_CHECKING:
    from generator.publish.site import BuildOutcome

Progress = Callable[[str], None]


def run(
    root: Path,
    as_of: str | None,
    progress: Progress | None = None,
    audience: str = "staff",
    all_audiences: bool = False,
) -> CommandResult:
    """Write the pages as of ``as_of`` (the option's text; default: pinned, else now)."""
    return generate_site(
        root,
        as_of,
        build=False,
        site_dir=None,
        progress=progress,
        audience=audience,
        all_audiences=all_audiences,
    )


def generate_site(
    root: Path,
    as_of: str | None,
    *,
    build: bool,
    site_dir: str | None,
    progress: Progress | None,
    audience: str = "staff",
    all_audiences: bool = False,
) -> CommandResult:
    """Validate and write the pages; with ``build``, run the builder into ``site_dir``."""
    from generator.pipeline import generate_site as pipeline_site
    from generator.pipeline import generate_sites

    root = records_root(root)
    config = load_config(root)
    instant = parse_as_of(as_of, config.as_of, config.instants)
    folder = Path(site_dir) if site_dir else None
    if folder is not None:
        problem = output_problem(root, folder, Path(config.staging_dir))
        if problem is not None:
            raise UsageError(
                f"--site-dir {site_dir} cannot be the site folder: {problem}; "
                "name a folder of its own, such as site"
            )
    if all_audiences:
        results = generate_sites(
            root, config, instant, build=build, site_dir=folder, progress=progress
        )
        said = _problems(results[0][1].diagnostics)
        code = 0
        for who, outcome in results:
            one = _report(config, instant, outcome, who)
            code = max(code, one.code)
            said += one.stderr
        return CommandResult(code, stderr=said)
    who = parse_audience(audience)
    outcome = pipeline_site(
        root, config, instant, build=build, site_dir=folder, progress=progress, audience=who
    )
    result = _report(config, instant, outcome, who)
    return CommandResult(result.code, stderr=_problems(outcome.diagnostics) + result.stderr)


def _problems(diagnostics: list[Diagnostic]) -> str:
    return format_diagnostics(diagnostics, "text") if diagnostics else ""


def _report(
    config: Config, instant: datetime, outcome: BuildOutcome, who: Audience
) -> CommandResult:
    """What one site's run says (its diagnostics aside), and its exit code."""
    if not outcome.ok and outcome.builder is not None:
        name = "Zensical" if config.builder == "zensical" else "MkDocs"
        said = outcome.builder.output + f"servicebook: the {name} build failed (see above)\n"
        return CommandResult(1, stderr=said)
    if not outcome.ok:
        return CommandResult(1)
    stats = outcome.stats
    assert stats is not None
    named = "" if who.is_staff else f" for {who.name}"
    said = (
        f"{outcome.pages} pages generated{named} as of {instant.isoformat()} "
        f"({stats.written} written, {stats.unchanged} unchanged, {stats.removed} removed)\n"
    )
    if outcome.site_dir is not None:
        said += f"site built in {outcome.site_dir}\n"
    return CommandResult(0, stderr=said)
