"""Run git: the one place that starts a git process.

Every caller passes a fixed argument list; the environment and configuration
overrides below make the output independent of the user's git settings (colours,
signatures shown in logs, quoted paths, pagers, translated messages).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UserError

# Settings a user's ~/.gitconfig may hold that would change what we parse.
_OVERRIDES = (
    "-c",
    "core.quotepath=off",
    "-c",
    "log.showSignature=false",
    "-c",
    "color.ui=never",
    "-c",
    "log.mailmap=false",
)


class GitMissing(UserError):
    """No ``git`` executable: reading degrades to "no history", writing fails."""


@dataclass(frozen=True)
class GitResult:
    """Exit code and output of one git run (stdout as bytes, stderr as text)."""

    code: int
    stdout: bytes
    stderr: str

    @property
    def ok(self) -> bool:
        """True when git exited with 0."""
        return self.code == 0

    @property
    def text(self) -> str:
        """Standard output decoded as UTF-8 (undecodable bytes replaced)."""
        return self.stdout.decode("utf-8", errors="replace")


def run_git(
    root: Path,
    args: Sequence[str],
    *,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
) -> GitResult:
    """Run ``git ARGS`` in ``root`` and return what it said; never raises for git's errors.

    A missing git executable is a user error (nothing in git can be read then).
    """
    environment = {
        **os.environ,
        "LC_ALL": "C",
        "LANGUAGE": "C",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_PAGER": "cat",
        # Reading must not take the index lock another git process may hold.
        "GIT_OPTIONAL_LOCKS": "0",
        **(env or {}),
    }
    try:
        completed = subprocess.run(
            ["git", *_OVERRIDES, *args],
            cwd=root,
            input=stdin,
            capture_output=True,
            env=environment,
            check=False,
        )
    except FileNotFoundError:
        raise GitMissing(
            "git is not installed or not on PATH; install git to read or write the history"
        ) from None
    return GitResult(
        completed.returncode,
        completed.stdout,
        completed.stderr.decode("utf-8", errors="replace").strip(),
    )


def in_work_tree(root: Path) -> bool:
    """Whether ``root`` is inside a git work tree (a missing git raises ``GitMissing``)."""
    probe = run_git(root, ["rev-parse", "--is-inside-work-tree"])
    return probe.ok and probe.text.strip() == "true"
