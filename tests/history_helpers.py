"""Temporary git repositories with fixed authors and dates, for history and audit tests.

Every commit sets ``GIT_AUTHOR_DATE`` and ``GIT_COMMITTER_DATE`` (and the author's
name and e-mail), and the user's own git configuration is ignored, so commit
ids and findings are the same on every machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import CONTRACT

BOB = ("Bob Example", "bob@provider.example")
MALLORY = ("Mallory", "mallory@elsewhere.example")
REQUEST = "records/requests/2026/REQ-20261120-7F3A.md"
AGREEMENT = "records/agreements/AGR-ACME-IT.md"


def git_env(author: tuple[str, str] = BOB, when: str | None = None) -> dict[str, str]:
    """An environment for git that ignores the user's config and fixes identity and time."""
    env = {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": author[0],
        "GIT_AUTHOR_EMAIL": author[1],
        "GIT_COMMITTER_NAME": author[0],
        "GIT_COMMITTER_EMAIL": author[1],
    }
    if when is not None:
        env["GIT_AUTHOR_DATE"] = when
        env["GIT_COMMITTER_DATE"] = when
    return env


class GitRepo:
    """A repository folder with helpers to edit files and commit at a given instant."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def git(self, *args: str, author: tuple[str, str] = BOB, when: str | None = None) -> str:
        """Run git in the repository; its standard output, stripped."""
        completed = subprocess.run(
            ["git", *args],
            cwd=self.root,
            env=git_env(author, when),
            capture_output=True,
            text=True,
            check=True,
        )
        return completed.stdout.strip()

    def commit(self, message: str, when: str, author: tuple[str, str] = BOB) -> str:
        """Stage everything and commit it at ``when``; the new commit's id."""
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, author=author, when=when)
        return self.git("rev-parse", "HEAD")

    def read(self, rel: str) -> str:
        """A file's text, byte for byte."""
        return (self.root / rel).read_bytes().decode("utf-8")

    def write(self, rel: str, text: str) -> None:
        """Write a file, creating folders."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))

    def replace(self, rel: str, old: str, new: str) -> None:
        """Replace text that must occur in the file."""
        text = self.read(rel)
        assert old in text, f"{old!r} not in {rel}"
        self.write(rel, text.replace(old, new, 1))

    def insert_after(self, rel: str, anchor: str, line: str) -> None:
        """Insert ``line`` (with its newline) after the line holding ``anchor``."""
        lines = self.read(rel).splitlines(keepends=True)
        index = next(i for i, text in enumerate(lines) if anchor in text)
        lines.insert(index + 1, line)
        self.write(rel, "".join(lines))


def contract_history(root: Path) -> GitRepo:
    """The contract examples with a clean history: each step committed minutes after it.

    The roster, calendar, service and agreement arrive on 2026-01-01 (after the
    agreement's approvals); the request arrives with its assignment, and every later
    event is committed five minutes after it happened. The last commit leaves the
    files exactly as in ``tests/fixtures/contract``.
    """
    shutil.copytree(CONTRACT, root)
    repo = GitRepo(root)
    repo.git("init", "-q", "-b", "main")
    full = repo.read(REQUEST)
    lines = full.splitlines(keepends=True)
    events = [line for line in lines if line.startswith("  - {at:")]
    satisfaction = next(line for line in lines if line.startswith("satisfaction:"))
    later = [*events[1:], satisfaction]
    (root / REQUEST).unlink()
    repo.commit("Roster, calendar, service and agreement", "2026-01-01T09:00:00+01:00")
    repo.write(REQUEST, "".join(line for line in lines if line not in later))
    repo.commit("REQ-20261120-7F3A: received and assigned", "2026-11-20T09:45:00+01:00")
    previous = events[0]
    for line in events[1:]:
        at = line.split("at: ", 1)[1].split(",", 1)[0]
        repo.insert_after(REQUEST, previous.strip(), line)
        if line is events[-1]:
            repo.insert_after(REQUEST, line.strip(), satisfaction)
        kind = line.split("type: ")[1].split(",")[0].strip("}\n")
        repo.commit(f"REQ-20261120-7F3A: {kind}", _plus5(at))
        previous = line
    assert repo.read(REQUEST) == full
    return repo


def _plus5(at: str) -> str:
    """The instant five minutes after ``at`` (``…T10:05:00+01:00`` → ``…T10:10:00+01:00``)."""
    return (datetime.fromisoformat(at) + timedelta(minutes=5)).isoformat()


def cli_history(folder: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> GitRepo:
    """A clean contract history in ``folder``; the CLI's own commits get a fixed identity
    and the date ``when``."""
    repository = contract_history(folder)
    for key, value in git_env(when=when).items():
        if key.startswith("GIT_"):
            monkeypatch.setenv(key, value)
    return repository
