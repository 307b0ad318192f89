"""Run the static-site builder on the staging folder: MkDocs, or Zensical.

The only module that knows how a builder is invoked. Both read the same staging folder
(its ``mkdocs.yml`` inherits the repository's and lists the generated pages), so moving
from one to the other is one setting (``builder`` in ``servicebook.yml``).

Material for MkDocs prints a notice of its end of life (5 May 2027) inside MkDocs'
output, which Servicebook captures; the notice is not lost but shown once per build by
the caller as a warning that names the setting to move to Zensical
(:data:`MATERIAL_END_OF_LIFE`).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from generator.errors import UserError

Builder = Literal["mkdocs", "zensical"]
ZENSICAL_CONFIG = "zensical.yml"
ZENSICAL_OUTPUT = "_site"
"""Zensical writes only inside its project folder: the site is built here, then moved."""
MATERIAL_END_OF_LIFE = (
    "Material for MkDocs reaches end of life on 5 May 2027 (its maintainers' notice: "
    "critical and security fixes until then). Zensical, its successor by the same team, "
    "builds this site from the same pages: set 'builder: zensical' in servicebook.yml and "
    "install it with pip install 'servicebook[zensical]'"
)


@dataclass(frozen=True)
class BuilderResult:
    """Whether the build passed, and what the builder printed."""

    ok: bool
    output: str


def _environment(as_of: datetime) -> dict[str, str]:
    # SOURCE_DATE_EPOCH: dates a builder writes (the sitemap's) come from the records'
    # instant, not the clock: same input, same bytes. The Material notice is shown by
    # the caller, once, in Servicebook's own words (see the module docstring).
    return dict(os.environ, SOURCE_DATE_EPOCH=str(int(as_of.timestamp())), NO_MKDOCS_2_WARNING="1")


def run_mkdocs(config_file: Path, as_of: datetime, command: str = "build") -> BuilderResult:
    """``mkdocs build --strict`` on the staging configuration."""
    # Not --quiet: it hides warnings from the counter that makes --strict fail.
    args = [sys.executable, "-m", "mkdocs", command, "--strict", "-f", str(config_file)]
    completed = subprocess.run(
        args,
        cwd=config_file.parent,
        env=_environment(as_of),
        capture_output=True,
        text=True,
        check=False,
    )
    return BuilderResult(completed.returncode == 0, completed.stdout + completed.stderr)


def zensical_config(staging_text: str) -> str:
    """The staging configuration for Zensical: the same, with the site built inside it."""
    lines = [
        f'site_dir: "{ZENSICAL_OUTPUT}"' if line.startswith("site_dir:") else line
        for line in staging_text.splitlines()
    ]
    return "\n".join(lines) + "\n"


def run_zensical(config_file: Path, as_of: datetime, site_dir: Path) -> BuilderResult:
    """``zensical build --strict`` on the staging configuration, then the site moved to
    ``site_dir`` (which Zensical cannot write to: it must lie inside its project)."""
    if importlib.util.find_spec("zensical") is None:
        raise UserError(
            "servicebook.yml sets 'builder: zensical', but Zensical is not installed; "
            "install it with pip install 'servicebook[zensical]', or set 'builder: mkdocs'",
        )
    staging = config_file.parent
    zensical_file = staging / ZENSICAL_CONFIG
    text = zensical_config(config_file.read_text(encoding="utf-8"))
    if not zensical_file.is_file() or zensical_file.read_text(encoding="utf-8") != text:
        zensical_file.write_text(text, encoding="utf-8")
    output = staging / ZENSICAL_OUTPUT
    shutil.rmtree(output, ignore_errors=True)
    args = [sys.executable, "-m", "zensical", "build", "--strict", "-f", ZENSICAL_CONFIG]
    completed = subprocess.run(
        args, cwd=staging, env=_environment(as_of), capture_output=True, text=True, check=False
    )
    printed = completed.stdout + completed.stderr
    if completed.returncode != 0 or not output.is_dir():
        return BuilderResult(False, printed)
    if site_dir.exists():
        shutil.rmtree(site_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(output), str(site_dir))
    return BuilderResult(True, printed)


def run_builder(
    builder: Builder, config_file: Path, as_of: datetime, site_dir: Path
) -> BuilderResult:
    """Build the staged site with ``builder`` into ``site_dir``."""
    if builder == "zensical":
        return run_zensical(config_file, as_of, site_dir)
    return run_mkdocs(config_file, as_of)
