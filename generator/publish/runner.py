"""Run the static-site builder on the staging folder (MkDocs today).

The only module that knows how the builder is invoked, so moving to another
builder that reads the same folder (ProperDocs, Zensical) changes this file only.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class BuilderResult:
    """Whether the build passed, and what the builder printed."""

    ok: bool
    output: str


def run_mkdocs(config_file: Path, as_of: datetime, command: str = "build") -> BuilderResult:
    """``mkdocs build --strict`` on the staging configuration.

    ``SOURCE_DATE_EPOCH`` is set to ``as_of`` so dates MkDocs writes (the
    sitemap's) come from the records' instant, not the clock: same input, same bytes.
    """
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(int(as_of.timestamp())), NO_MKDOCS_2_WARNING="1")
    # Not --quiet: it hides warnings from the counter that makes --strict fail.
    args = [sys.executable, "-m", "mkdocs", command, "--strict", "-f", str(config_file)]
    completed = subprocess.run(
        args, cwd=config_file.parent, env=env, capture_output=True, text=True, check=False
    )
    return BuilderResult(completed.returncode == 0, completed.stdout + completed.stderr)
