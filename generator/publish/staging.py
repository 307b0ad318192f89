"""Write the staging docs folder: generated pages plus the hand-written ``docs/``.

Only files whose content changed are rewritten (MkDocs' live reload and the
build cache see real changes only); files no longer generated are removed.
Nothing outside the staging folder is ever written or deleted.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UserError


@dataclass(frozen=True)
class WriteStats:
    """How many staged files were written, left as they were, and removed."""

    written: int
    unchanged: int
    removed: int


def collect_docs(docs_dir: Path) -> dict[str, bytes]:
    """The hand-written pages and assets under ``docs/``, by relative path."""
    files: dict[str, bytes] = {}
    if not docs_dir.is_dir():
        return files
    for path in sorted(docs_dir.rglob("*")):
        if path.is_file() and not path.is_symlink():
            files[path.relative_to(docs_dir).as_posix()] = path.read_bytes()
    return files


CUSTOMER_PAGE = re.compile(
    r"\A---\r?\n(?:.*\r?\n)*?customers:[ \t]*true[ \t]*\r?\n(?:.*\r?\n)*?---"
)
"""A guide page meant for customers too says so in its front matter: ``customers: true``."""


def for_customers(docs: Mapping[str, bytes]) -> dict[str, bytes]:
    """The hand-written files a customer's site gets: every file but the Markdown pages
    that do not say ``customers: true`` (most of the guide is for the staff, and links
    to their pages)."""
    return {
        path: content
        for path, content in docs.items()
        if not path.endswith(".md") or CUSTOMER_PAGE.match(content.decode("utf-8", "replace"))
    }


def merge(generated: Mapping[str, str], docs: Mapping[str, bytes]) -> dict[str, bytes]:
    """Generated pages and hand-written files together; a clash is an error."""
    clashes = sorted(set(generated) & set(docs))
    if clashes:
        raise UserError(
            f"docs/{clashes[0]} has the same path as a generated page; "
            "rename the hand-written file (generated sections: services/, agreements/, …)"
        )
    merged = {path: text.encode("utf-8") for path, text in generated.items()}
    merged.update(docs)
    return merged


def write_staging(staging: Path, files: Mapping[str, bytes]) -> WriteStats:
    """Make ``staging`` hold exactly ``files``, touching only what changed."""
    staging.mkdir(parents=True, exist_ok=True)
    written = unchanged = 0
    made_dirs: set[Path] = set()
    for rel, content in files.items():
        target = staging / rel
        try:
            if target.stat().st_size == len(content) and target.read_bytes() == content:
                unchanged += 1
                continue
        except FileNotFoundError:
            pass
        if target.parent not in made_dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            made_dirs.add(target.parent)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(content)
        tmp.replace(target)
        written += 1
    removed = _remove_stale(staging, set(files))
    return WriteStats(written, unchanged, removed)


def _remove_stale(staging: Path, keep: set[str]) -> int:
    removed = 0
    for dirpath, dirnames, filenames in os.walk(staging, topdown=False):
        here = Path(dirpath)
        for name in filenames:
            path = here / name
            if path.relative_to(staging).as_posix() not in keep:
                path.unlink()
                removed += 1
        for name in dirnames:
            folder = here / name
            if folder.is_symlink():
                folder.unlink()
            elif not any(folder.iterdir()):
                shutil.rmtree(folder)
    return removed
