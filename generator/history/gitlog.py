"""Read the history of ``records/`` from the repository the records are in: one pass.

The edge between git and the pure history functions. A handful of cheap
``rev-parse`` calls find the repository, refuse a shallow clone and check that
there is a commit; then one ``git log`` prints every commit that touched
``records/`` with the files it changed (parsed by :mod:`generator.history.parse`),
and one ``git rev-list --first-parent`` gives the main line. Cost grows with the
number of commits, never with commits × files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import UserError
from generator.history.gitcmd import GitMissing, run_git
from generator.history.parse import LOG_ARGS, LogEntry, Mainline, parse_first_parents, parse_log

NOT_A_REPOSITORY = "the records are not in a git repository"
NO_GIT = "git is not installed, so the history of the records cannot be read"
NO_COMMITS = "the repository has no commits yet, so the records have no history"
NOT_COMMITTED = "no commit has changed records/ yet, so the records have no history"
SHALLOW = (
    "the repository is a shallow clone, so the history of the records is incomplete "
    "and an audit of it would be wrong; fetch the full history first "
    "(`git fetch --unshallow`, or `fetch-depth: 0` for actions/checkout in GitHub Actions)"
)


@dataclass(frozen=True)
class GitLog:
    """What one pass over the history found.

    ``available`` is False when there is no history to read (no repository, no
    commit); ``note`` then says why. ``entries`` run oldest first.
    """

    available: bool
    note: str = ""
    head: str | None = None
    entries: tuple[LogEntry, ...] = ()
    mainline: Mainline = field(default_factory=lambda: Mainline((), frozenset()))


def read_log(root: Path, folder: str = "records/") -> GitLog:
    """The history of ``root / folder`` (``records/`` or a kind folder under it); raises
    UserError for a shallow clone."""
    try:
        probe = run_git(root, ["rev-parse", "--is-inside-work-tree", "--is-shallow-repository"])
    except GitMissing:
        return GitLog(False, NO_GIT)
    if not probe.ok:
        return GitLog(False, NOT_A_REPOSITORY)
    lines = probe.text.splitlines()
    if len(lines) < 2 or lines[0] != "true":
        return GitLog(False, NOT_A_REPOSITORY)
    if lines[1] == "true":
        raise UserError(SHALLOW)
    head = run_git(root, ["rev-parse", "-q", "--verify", "HEAD^{commit}"])
    if not head.ok:
        return GitLog(False, NO_COMMITS)
    head_sha = head.text.strip()
    # --relative: paths relative to ``root`` even when it is a subfolder of the repository.
    log = run_git(root, [*LOG_ARGS, "--relative", head_sha, "--", folder])
    if not log.ok:
        raise UserError(f"git log failed in {root}: {log.stderr}")
    entries = parse_log(log.text)
    entries.reverse()
    chain = run_git(root, ["rev-list", "--first-parent", "--parents", head_sha])
    if not chain.ok:
        raise UserError(f"git rev-list failed in {root}: {chain.stderr}")
    note = "" if entries else NOT_COMMITTED
    return GitLog(True, note, head_sha, tuple(entries), parse_first_parents(chain.text))


def commits_since(root: Path, revision: str) -> frozenset[str]:
    """Ids of the commits after ``revision`` up to HEAD (``REV..HEAD``)."""
    if revision.startswith("-"):
        raise UserError(f"--since '{revision}' is not a revision; give a commit, tag or branch")
    found = run_git(root, ["rev-list", f"{revision}..HEAD", "--"])
    if not found.ok:
        raise UserError(
            f"--since '{revision}' is not a commit, tag or branch of this repository "
            f"(git said: {found.stderr.splitlines()[-1] if found.stderr else 'unknown revision'})"
        )
    return frozenset(found.text.split())
