"""The commit gate: a done plan's ``commits`` are full ids of commits in the repository.

Pure: the ids are checked for their form here (any plan); whether they exist is decided
against a set of existing commit ids the caller read from git
(:mod:`generator.history.commit_exists`), so this module never touches the repository.
A short id is refused even when it is unique today: it may stop being unique as the
history grows, and the record is evidence that must keep naming one commit.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from generator.analysis.maintenance_gates import GateProblem
from generator.models.maintenance import Maintenance

_FULL = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")
_HEX = re.compile(r"[0-9a-f]+")
_SHOWN = 50


def commit_id_problem(value: str) -> str | None:
    """What is wrong with the form of one commit id (None when it is a full id)."""
    text = value.strip().lower()
    if _FULL.fullmatch(text):
        return None
    shown = _shown(value)
    if _HEX.fullmatch(text) and len(text) < 40:
        return (
            f"'{shown}' is a short commit id; write the full 40-character id "
            f"(git rev-parse {shown} prints it; servicebook migrate writes every short id "
            "in full)"
        )
    return (
        f"'{shown}' is not a commit id; write the full 40-character id of the commit that "
        "holds the change (git log --format=%H shows it)"
    )


def commit_id_problems(plan: Maintenance) -> list[GateProblem]:
    """Malformed or short ids in ``commits``, whatever the plan's status."""
    found = []
    for index, value in enumerate(plan.commits):
        problem = commit_id_problem(value)
        if problem is not None:
            found.append(GateProblem(("commits", index), problem))
    return found


def claimed_commits(plan: Maintenance) -> list[tuple[int, str]]:
    """(index, id) of the well-formed ids a done plan names: those that must exist."""
    if plan.status != "done":
        return []
    return [
        (index, value.strip().lower())
        for index, value in enumerate(plan.commits)
        if commit_id_problem(value) is None
    ]


def missing_commit_message(commit: str) -> str:
    """The message for a well-formed id the repository does not hold."""
    return (
        f"no commit {commit} in this repository; write the id of the commit that holds the "
        "change, or fetch the branch or remote it is on (git fetch) and validate again"
    )


def missing_commit_problems(plan: Maintenance, existing: Collection[str]) -> list[GateProblem]:
    """Ids a done plan names that are not among the ``existing`` commits (lowercase ids)."""
    return [
        GateProblem(("commits", index), missing_commit_message(commit))
        for index, commit in claimed_commits(plan)
        if commit not in existing
    ]


def _shown(value: str) -> str:
    """The value as it goes into a message: one line, at most 50 characters."""
    flat = " ".join(value.split())
    return flat if len(flat) <= _SHOWN else flat[: _SHOWN - 1] + "…"
