"""``servicebook serve``: a live preview that follows edits.

Builds the site into ``<staging_dir>/preview/`` the way ``build`` does, serves it
(``publish/preview_server.py``), and polls ``records/``, ``docs/``, ``templates/``,
``monitoring/`` and the two settings files once a second (no extra dependency). On a
change it builds again: request pages are filled into the page shell and only files that
changed are written, and open pages reload themselves once the build is done. A build
that fails (a record with an error) leaves the preview as it was and says why.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from generator.commands.options import parse_as_of, records_root
from generator.commands.result import CommandResult
from generator.config import load_config
from generator.errors import UserError, format_diagnostics
from generator.pipeline import generate_site
from generator.publish.preview_server import PreviewServer

WATCHED = ("records", "docs", "templates", "monitoring", "servicebook.yml", "mkdocs.yml")
PREVIEW_FOLDER = "preview"

Say = Callable[[str], None]
"""Writes text at once (the preview runs until interrupted, so it cannot wait to print)."""


def run(
    root: Path,
    as_of: str | None,
    dev_addr: str,
    say: Say,
    keep_going: Callable[[], bool] = lambda: True,
) -> CommandResult:
    """Serve until interrupted (or until ``keep_going`` says no).

    The instant is ``as_of``, else the ``as_of`` setting as it reads at each build, else the
    moment the preview started: a preview does not follow the clock, because a new instant
    changes every open request's page and an edit would cost the whole site.
    """
    root = records_root(root)
    host, port = _address(dev_addr)
    settings = load_config(root)
    site = root / settings.staging_dir / PREVIEW_FOLDER
    said: list[str] = []
    started = datetime.now(UTC).replace(microsecond=0)

    def rebuild() -> bool:
        began = time.perf_counter()
        config = load_config(root)
        pinned = config.as_of if config.as_of is not None else started
        instant = parse_as_of(as_of, pinned, config.instants)
        outcome = generate_site(root, config, instant, build=True, site_dir=site)
        text = format_diagnostics(outcome.diagnostics, "text") if outcome.diagnostics else ""
        if outcome.builder is not None and not outcome.builder.ok:
            text += outcome.builder.output
        if text and text not in said:  # the same warnings again: said once
            say(text if text.endswith("\n") else text + "\n")
        said[:] = [text]
        stamp = datetime.now(UTC).strftime("%H:%M:%S")
        seconds = time.perf_counter() - began
        state = f"built in {seconds:.1f} s" if outcome.ok else "not built; the preview is unchanged"
        say(f"[{stamp}] {state}\n")
        return outcome.ok

    try:
        server = PreviewServer(site, host, port)
    except OSError as problem:
        raise UserError(
            f"cannot serve on {dev_addr} ({problem.strerror}); pick another address with "
            "--dev-addr HOST:PORT"
        ) from None
    server.start()
    clock = as_of is None and settings.as_of is None
    when = f" as of {started.isoformat()} (restart to move it)" if clock else ""
    say(f"Serving the preview on {server.address} (Ctrl+C stops it); building it{when} …\n")
    if rebuild():
        server.bump()
    seen = _snapshot(root)
    try:
        while keep_going():
            time.sleep(0.5)
            now = _snapshot(root)
            if now != seen:
                seen = now
                if rebuild():
                    server.bump()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return CommandResult(0)


def _address(dev_addr: str) -> tuple[str, int]:
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise UserError(f"--dev-addr {dev_addr!r} is not HOST:PORT; e.g. 127.0.0.1:8000")
    return host, int(port)


def _snapshot(root: Path) -> dict[str, tuple[float, int]]:
    """Size and time of every watched file. Hidden files are left out: a record being
    written goes through a hidden temporary file (``authoring/atomic.py``), and an editor
    keeps its swap files so; a file gone between listing and reading is left out too."""
    stamps: dict[str, tuple[float, int]] = {}
    for name in WATCHED:
        path = root / name
        if path.is_file():
            stat = path.stat()
            stamps[name] = (stat.st_mtime, stat.st_size)
        for dirpath, _dirs, files in os.walk(path):
            for file in files:
                if file.startswith("."):
                    continue
                full = Path(dirpath, file)
                try:
                    stat = full.stat()
                except FileNotFoundError:
                    continue
                stamps[str(full)] = (stat.st_mtime, stat.st_size)
    return stamps
