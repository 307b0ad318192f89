"""``generate`` with nothing changed: the staged pages of the last run are kept as they are.

A run's pages are a function of its inputs, so when every input is the same as in the
last successful run and the staging folder still holds exactly what that run left,
computing them again can only give the same bytes. The key covers:

- every file of the Servicebook package (code, templates, assets) and the versions of
  Python and of the libraries that shape the pages;
- the records (every path and content key, as the record cache scans them), the
  settings (``servicebook.yml``, ``mkdocs.yml``), and every file under ``docs/``,
  ``templates/`` and the monitoring folder;
- git: the commit checked out (its history is the audit trail on the pages) and the
  status of ``records/`` (the pages say "with uncommitted changes");
- the run itself: ``as_of``, the audience and the site folder.

The staging folder is checked file by file (path, size, modification time) against the
list the last run wrote, so a staged page edited or deleted by hand is written again.
Nothing is trusted in part: any difference, or an unreadable state file, runs the whole
generation. The state lives in the cache folder (``cache: false`` turns it off).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from dataclasses import asdict
from datetime import datetime
from functools import cache
from importlib import metadata
from pathlib import Path

import generator
from generator.config import Config
from generator.errors import Diagnostic, Severity
from generator.history.gitcmd import GitMissing, in_work_tree, run_git
from generator.records.cache import scan_digest
from generator.records.scan import scan_records

FILE = "generate.v1.json"
LIBRARIES = (
    "Jinja2",
    "MarkupSafe",
    "pydantic",
    "pydantic-core",
    "PyYAML",
    "python-dateutil",
    "holidays",
    "tzdata",
    "GitPython",
)


def run_key(
    root: Path, config: Config, as_of: datetime, audience: str, site_dir: Path | None
) -> str:
    """The digest of everything a generate run's pages depend on (see the module doc)."""
    digest = hashlib.sha256()
    digest.update(f"{tool_digest()}\n{as_of.isoformat()}\n{audience}\n{site_dir}\n".encode())
    digest.update(scan_digest(scan_records(root)).encode())
    for name in ("servicebook.yml", "mkdocs.yml"):
        path = root / name
        digest.update(f"{name}\0".encode() + (path.read_bytes() if path.is_file() else b"-"))
    for folder in ("docs", "templates", config.monitoring.folder):
        tree_digest(digest, root / folder, folder)
    digest.update(_git_state(root).encode())
    return digest.hexdigest()


@cache
def tool_digest() -> str:
    """The digest of the tool itself: every file of the package, and the versions of
    Python and of the libraries that shape the pages (once per process: the code a
    process runs is the code it imported)."""
    digest = hashlib.sha256(f"{sys.version}\n".encode())
    for name in LIBRARIES:
        try:
            digest.update(f"{name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} -\n".encode())
    tree_digest(digest, Path(generator.__file__).parent, "package")
    return digest.hexdigest()


def kept(cache: Path, key: str, staging: Path) -> tuple[int, int, list[Diagnostic]] | None:
    """(pages, staged files, diagnostics) of the last run when ``key`` is its key and
    ``staging`` holds what it left; None otherwise."""
    try:
        state = json.loads((cache / FILE).read_text(encoding="utf-8"))
        if state["key"] != key or state["files"] != _listing(staging):
            return None
        diagnostics = [
            Diagnostic(**{**item, "severity": Severity(item["severity"])})
            for item in state["diagnostics"]
        ]
        return int(state["pages"]), int(state["staged"]), diagnostics
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember(
    cache: Path, key: str, staging: Path, pages: int, staged: int, diagnostics: list[Diagnostic]
) -> None:
    """Keep the key and the staged files of a successful run (best effort: a cache that
    cannot be written only means the next run generates everything)."""
    state = {
        "key": key,
        "files": _listing(staging),
        "pages": pages,
        "staged": staged,
        "diagnostics": [{**asdict(d), "severity": d.severity.value} for d in diagnostics],
    }
    try:
        cache.mkdir(parents=True, exist_ok=True)
        ignore = cache / ".gitignore"
        if not ignore.is_file():
            ignore.write_text("# Servicebook's cache: local state, never committed\n*\n")
        temporary = cache / f"{FILE}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(state), encoding="utf-8")
        temporary.replace(cache / FILE)
    except OSError:
        return


def forget(cache: Path) -> None:
    """Drop the state before a run changes the staging folder (a run that stops half way
    must not leave a state that matches it)."""
    try:
        (cache / FILE).unlink(missing_ok=True)
    except OSError:
        return


def tree_digest(digest: hashlib._Hash, folder: Path, label: str) -> None:
    """Add every file under ``folder`` (path and content) to ``digest``."""
    digest.update(f"{label}/\n".encode())
    if not folder.is_dir():
        return
    for path in sorted(folder.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        digest.update(f"{path.relative_to(folder).as_posix()}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def _listing(staging: Path) -> dict[str, list[int]]:
    """Every staged file (and the staging ``mkdocs.yml``) with its size and mtime."""
    found: dict[str, list[int]] = {}
    for base in (staging / "docs", staging / "mkdocs.yml"):
        paths = sorted(base.rglob("*")) if base.is_dir() else [base]
        for path in paths:
            if path.is_file():
                info = path.stat()
                found[path.relative_to(staging).as_posix()] = [info.st_size, info.st_mtime_ns]
    return found


def _git_state(root: Path) -> str:
    try:
        if not in_work_tree(root):
            return "no git"
        head = run_git(root, ["rev-parse", "-q", "--verify", "HEAD^{commit}"])
        status = run_git(root, ["status", "--porcelain", "--untracked-files=all", "--", "records/"])
    except GitMissing:
        return "git missing"
    return f"{head.text.strip() if head.ok else '-'}\n{status.text if status.ok else '?'}"
