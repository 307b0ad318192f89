"""``servicebook build``: validate, generate, then build the site (``mkdocs build --strict``
or Zensical)."""

from __future__ import annotations

from pathlib import Path

from generator.commands.generate import Progress, generate_site
from generator.commands.result import CommandResult


def run(
    root: Path, as_of: str | None, site_dir: str | None, progress: Progress | None = None
) -> CommandResult:
    """Generate the pages, then run the builder into ``site_dir`` (default: site/)."""
    return generate_site(root, as_of, build=True, site_dir=site_dir, progress=progress)
