"""Output folders that would overwrite the input are refused before anything is written.

``site_dir`` and ``staging_dir`` are emptied or rewritten by every build: pointed at
``records/`` (or the repository root, ``docs/``, ``templates/``, ``.git/``, a folder
that holds any of them, or each other), a build would delete the records and report
success. Paths are compared after resolving ``..`` and symbolic links.
"""

from __future__ import annotations

from pathlib import Path

INPUTS = ("records", "docs", "templates", ".git")


def output_problem(root: Path, folder: Path, other: Path | None = None) -> str | None:
    """Why ``folder`` cannot be an output folder of the repository at ``root`` (None: it can)."""
    base = root.resolve()
    target = (folder if folder.is_absolute() else base / folder).resolve()
    if target == base or target in base.parents:
        return "it is the repository root or holds it, so a build would delete the records"
    for name in INPUTS:
        inside = (base / name).resolve()
        if target == inside or inside in target.parents:
            return f"it is inside {name}/, which a build must never change"
    if other is not None:
        second = (other if other.is_absolute() else base / other).resolve()
        if target == second or second in target.parents or target in second.parents:
            return "it overlaps the staging folder (staging_dir), which a build rewrites"
    return None
