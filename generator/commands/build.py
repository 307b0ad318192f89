"""``servicebook build``: validate, generate, then build the site (``mkdocs build --strict``
or Zensical)."""

from __future__ import annotations

from pathlib import Path

from generator.commands.generate import Progress, generate_site
from generator.commands.result import CommandResult


def run(
    root: Path,
    as_of: str | None,
    site_dir: str | None,
    progress: Progress | None = None,
    audience: str = "staff",
    all_audiences: bool = False,
) -> CommandResult:
    """Generate the pages, then run the builder into ``site_dir`` (default: site/): one
    audience's site, or (``all_audiences``) one per audience in ``site_dir/<audience>/``."""
    return generate_site(
        root,
        as_of,
        build=True,
        site_dir=site_dir,
        progress=progress,
        audience=audience,
        all_audiences=all_audiences,
    )
