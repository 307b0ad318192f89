"""Resolve short commit ids to full ones: the git edge of ``servicebook migrate``.

One ``git cat-file --batch-check`` answers every id at once. An id git cannot turn into
exactly one commit is reported with the reason (none, several, or not a commit), never
guessed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.history.gitcmd import run_git


@dataclass(frozen=True)
class Resolved:
    """What the repository says of one short id: its full id, or why there is none."""

    full: str = ""
    problem: str = ""


def resolve_commit_ids(root: Path, short_ids: Iterable[str]) -> dict[str, Resolved]:
    """Each of ``short_ids`` (lowercase hex) with its full commit id or the reason it has none."""
    wanted = sorted(set(short_ids))
    if not wanted:
        return {}
    probe = run_git(root, ["rev-parse", "--is-inside-work-tree", "--is-shallow-repository"])
    lines = probe.text.split()
    if not probe.ok or not lines or lines[0] != "true":
        reason = "the records are not in a git repository, so short ids cannot be resolved"
        return {name: Resolved(problem=reason) for name in wanted}
    shallow = len(lines) > 1 and lines[1] == "true"
    answer = run_git(
        root, ["cat-file", "--batch-check"], stdin="".join(f"{n}\n" for n in wanted).encode()
    )
    replies = answer.text.splitlines() if answer.ok else []
    if len(replies) != len(wanted):
        reason = f"git could not look the ids up ({answer.stderr or 'no answer'})"
        return {name: Resolved(problem=reason) for name in wanted}
    return {
        name: _resolved(name, reply, shallow) for name, reply in zip(wanted, replies, strict=True)
    }


def _resolved(name: str, reply: str, shallow: bool) -> Resolved:
    parts = reply.split()
    if len(parts) == 3 and not parts[0].startswith(name):
        return Resolved(
            problem=f"'{name}' is the name of a branch or tag here, not the start of a commit "
            "id; write the commit's full id (git log --format=%H shows it)"
        )
    if len(parts) == 3 and parts[1] == "commit":
        return Resolved(full=parts[0])
    if len(parts) == 3:
        return Resolved(problem=f"'{name}' names a {parts[1]}, not a commit")
    if parts[-1:] == ["ambiguous"]:
        return Resolved(
            problem=f"'{name}' is ambiguous: several objects start with it; find the commit "
            "with git log --format=%H and write its full id"
        )
    if shallow:
        return Resolved(
            problem=f"no commit starts with '{name}' in this shallow clone; fetch the whole "
            "history (git fetch --unshallow) and migrate again"
        )
    return Resolved(
        problem=f"no commit starts with '{name}' in this repository; fetch the branch or "
        "remote it is on (git fetch), or write the full id yourself"
    )
