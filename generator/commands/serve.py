"""Live preview: regenerate the staging folder when records change; MkDocs serves it.

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

from generator.config import Config
from generator.errors import format_diagnostics
from generator.pipeline import generate_site

WATCHED = ("records", "docs", "templates", "servicebook.yml", "mkdocs.yml")


def serve(root: Path, config: Config, as_of: Callable[[], datetime], dev_addr: str) -> int:
    """Serve until interrupted; returns the exit code. ``as_of`` is asked again at every
    regeneration, so a preview without a pinned instant follows the clock."""

    def regenerate() -> bool:
        outcome = generate_site(root, config, as_of(), build=False)
        if outcome.diagnostics:
            sys.stderr.write(format_diagnostics(outcome.diagnostics, "text"))
        stamp = datetime.now(UTC).strftime("%H:%M:%S")
        state = "regenerated" if outcome.ok else "records have errors; the preview is unchanged"
        print(f"[{stamp}] {state}", file=sys.stderr, flush=True)
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
    return 0


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
