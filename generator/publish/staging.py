"""Write the staging docs folder: generated pages plus the hand-written ``docs/``.

Only files whose content changed are rewritten (MkDocs' live reload and the
build cache see real changes only); files no longer generated are removed.
Nothing outside the staging folder is ever written or deleted.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UserError
from generator.publish.site_sync import put, remove_others


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


def write_staging(
    staging: Path, files: Mapping[str, bytes], unchanged: Collection[str] = ()
) -> WriteStats:
    """Make ``staging`` hold exactly ``files``, touching only what changed; the paths in
    ``unchanged`` are known to hold their content already and are not compared."""
    staging.mkdir(parents=True, exist_ok=True)
    known = set(unchanged)
    written = sum(put(staging / rel, content) for rel, content in files.items() if rel not in known)
    removed = remove_others(staging, set(files))
    return WriteStats(written, len(files) - written, removed)
