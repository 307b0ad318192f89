"""Does a commit exist in the repository the records are in: the git edge of the commit gate.

gitpython serves here: one ``Repo`` and its one persistent ``git cat-file --batch-check``
answer for every id in turn, so checking a hundred ids costs one process, not a hundred.
The pure rules are in :mod:`generator.analysis.commit_gate`; this module only says which
of the ids are commits, or why the history cannot answer (no git work tree, a shallow
clone, no git executable).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NOT_A_WORK_TREE = "the records are not in a git work tree"
SHALLOW = (
    "the clone is shallow, so a commit missing here may exist upstream (fetch the whole "
    "history: git fetch --unshallow, or fetch-depth: 0 for actions/checkout)"
)
NO_GIT = "git is not installed"


@dataclass(frozen=True)
class CommitLookup:
    """The answer of the repository: which ids are commits, or why it cannot tell."""

    existing: frozenset[str]
    """The asked-for ids (lowercase) that are commits in the repository."""
    unavailable: str = ""
    """Why the history cannot answer ("" when it did)."""


def look_up_commits(root: Path, ids: Iterable[str], *, allow_shallow: bool = False) -> CommitLookup:
    """Which of ``ids`` (full lowercase hex ids) are commits in the repository of ``root``.

    A shallow clone answers only with ``allow_shallow`` (audit refuses shallow clones
    before it gets here); otherwise the lookup is ``unavailable`` with the reason.
    """
    try:
        import git  # gitpython: imported here, as it fails to import without a git executable
    except ImportError:
        return CommitLookup(frozenset(), NO_GIT)
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return CommitLookup(frozenset(), NOT_A_WORK_TREE)
    with repo:
        try:
            probe = repo.git.rev_parse("--is-inside-work-tree", "--is-shallow-repository")
        except git.GitCommandError as error:
            return CommitLookup(frozenset(), _refused(error))
        lines = str(probe).splitlines()
        if len(lines) < 2 or lines[0] != "true":
            return CommitLookup(frozenset(), NOT_A_WORK_TREE)
        if lines[1] == "true" and not allow_shallow:
            return CommitLookup(frozenset(), SHALLOW)
        return CommitLookup(frozenset(_commits(repo, ids)))


def _commits(repo: Any, ids: Iterable[str]) -> Iterable[str]:
    for commit in sorted(set(ids)):
        try:
            sha, kind, _size = repo.git.get_object_header(commit)
        except ValueError:  # "missing": no object with that id
            continue
        if _text(kind) == "commit" and _text(sha) == commit:
            yield commit


def _text(value: object) -> str:
    """gitpython answers with bytes (or str in older releases)."""
    return value.decode("ascii", "replace") if isinstance(value, bytes) else str(value)


def _refused(error: Any) -> str:
    said = str(getattr(error, "stderr", "") or "").strip().splitlines()
    last = said[-1].strip().strip("'\"") if said else "unknown error"
    return f"git could not read the repository ({last})"
