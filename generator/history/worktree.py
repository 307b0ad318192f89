"""Which commit a site is built from: read once at the git edge, shown on every page.

The text is one of ``commit abc1234`` (HEAD, records/ as committed), ``commit abc1234 with
uncommitted changes`` (records/ differ from HEAD: the site shows work nobody committed
yet), ``no commit yet`` or ``not a git repository``. Only ``records/`` counts: a dirty
``docs/`` or a stray build folder does not make the figures uncommitted.
"""

from __future__ import annotations

from pathlib import Path

from generator.history.gitcmd import GitMissing, in_work_tree, run_git

NOT_A_REPOSITORY = "not a git repository"
NO_COMMIT = "no commit yet"
UNCOMMITTED = "uncommitted changes"


def built_from_text(inside: bool, head_short: str | None, status: str) -> str:
    """What the pages say about the source: pure, from git's answers.

    ``status`` is the output of ``git status --porcelain -- records/``.
    """
    if not inside:
        return NOT_A_REPOSITORY
    if not head_short:
        return NO_COMMIT
    if status.strip():
        return f"commit {head_short} with {UNCOMMITTED}"
    return f"commit {head_short}"


def read_built_from(root: Path) -> str:
    """Ask git about ``root`` (three short runs) and describe the commit."""
    try:
        if not in_work_tree(root):
            return built_from_text(False, None, "")
        head = run_git(root, ["rev-parse", "-q", "--short=7", "--verify", "HEAD^{commit}"])
        if not head.ok:
            return built_from_text(True, None, "")
        status = run_git(root, ["status", "--porcelain", "--untracked-files=all", "--", "records/"])
    except GitMissing:
        return "git is not installed"
    return built_from_text(True, head.text.strip(), status.text if status.ok else "?")
