"""Create a commit of the files a CLI command changed: the write side of git.

Only the named files are committed (``git commit --only``), so whatever else the
user has staged stays staged and out of the commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.errors import UserError
from generator.history.gitcmd import in_work_tree, run_git


def commit_paths(root: Path, paths: Sequence[str], message: str) -> str:
    """Commit ``paths`` (relative to ``root``) with ``message``; return the new commit id."""
    if not in_work_tree(root):
        raise UserError(
            f"--commit needs a git repository, and {root} is not in one; "
            "the file was written, commit it yourself or run `git init` first"
        )
    added = run_git(root, ["add", "--", *paths])
    if not added.ok:
        raise UserError(f"git add failed: {added.stderr}; the file was written but not committed")
    done = run_git(
        root, ["commit", "--quiet", "--only", "-F", "-", "--", *paths], stdin=message.encode()
    )
    if not done.ok:
        raise UserError(
            f"git commit failed: {done.stderr or done.text.strip()}; "
            "the file was written but not committed"
        )
    head = run_git(root, ["rev-parse", "HEAD"])
    return head.text.strip()
