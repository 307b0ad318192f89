"""``servicebook serve``: regenerate the staging folder when records change; MkDocs serves it.

Polls ``records/``, ``docs/``, ``templates/`` and ``servicebook.yml`` once a second
(no extra dependency); MkDocs' own live reload then refreshes the browser.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from generator.commands.options import parse_as_of, records_root
from generator.commands.result import CommandResult
from generator.config import load_config
from generator.errors import format_diagnostics
from generator.pipeline import generate_site

WATCHED = ("records", "docs", "templates", "servicebook.yml", "mkdocs.yml")

Say = Callable[[str], None]
"""Writes text at once (the preview runs until interrupted, so it cannot wait to print)."""


def run(root: Path, as_of: str | None, dev_addr: str, say: Say) -> CommandResult:
    """Serve until interrupted. ``as_of`` is read again at every regeneration, so a
    preview without a pinned instant follows the clock."""
    root = records_root(root)
    config = load_config(root)

    def regenerate() -> bool:
        instant = parse_as_of(as_of, config.as_of, config.instants)
        outcome = generate_site(root, config, instant, build=False)
        if outcome.diagnostics:
            say(format_diagnostics(outcome.diagnostics, "text"))
        stamp = datetime.now(UTC).strftime("%H:%M:%S")
        state = "regenerated" if outcome.ok else "records have errors; the preview is unchanged"
        say(f"[{stamp}] {state}\n")
        return outcome.ok

    regenerate()
    config_file = root / config.staging_dir / "mkdocs.yml"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config_file), "-a", dev_addr],
        cwd=config_file.parent,
    )
    seen = _snapshot(root)
    try:
        while process.poll() is None:
            time.sleep(1)
            now = _snapshot(root)
            if now != seen:
                seen = now
                regenerate()
    except KeyboardInterrupt:
        pass
    finally:
        process.terminate()
        process.wait()
    return CommandResult(0)


def _snapshot(root: Path) -> dict[str, float]:
    stamps: dict[str, float] = {}
    for name in WATCHED:
        path = root / name
        if path.is_file():
            stamps[name] = path.stat().st_mtime
        for dirpath, _dirs, files in os.walk(path):
            for file in files:
                full = Path(dirpath) / file
                stamps[str(full)] = full.stat().st_mtime
    return stamps
