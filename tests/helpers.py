"""Helpers for tests: run the real CLI, edit files, fingerprint trees."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_FOLDERS = ("records", "docs", "templates", "monitoring")
SAMPLE_FILES = ("mkdocs.yml", "servicebook.yml")


def copy_sample(root: Path) -> Path:
    """This repository's sample (records, docs, templates and both settings files) in
    ``root``, a new folder, so a test can build or change it without touching ours."""
    root.mkdir(parents=True)
    for name in SAMPLE_FOLDERS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    for name in SAMPLE_FILES:
        if (REPO / name).is_file():
            shutil.copy2(REPO / name, root / name)
    return root


@dataclass(frozen=True)
class Run:
    """Exit code and output of one CLI run."""

    code: int
    out: str
    err: str


def run_cli(*args: str, cwd: Path) -> Run:
    """Run ``python -m generator ARGS`` in ``cwd`` as a user would."""
    completed = subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    return Run(completed.returncode, completed.stdout, completed.stderr)


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace text that must occur in the file (a typo in a test fails loudly)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fingerprint(folder: Path) -> dict[str, str]:
    """Path → SHA-256 of every file below ``folder`` (to prove nothing changed)."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def failing_validate(root: Path) -> list[str]:
    """The output lines of ``validate`` on ``root``, which must fail cleanly: exit 1, no
    traceback, and the records unchanged."""
    before = fingerprint(root / "records")
    result = run_cli("validate", cwd=root)
    assert result.code == 1, result.out + result.err
    assert "Traceback" not in result.out + result.err
    assert fingerprint(root / "records") == before
    return result.out.splitlines()


@contextmanager
def held_lock(root: Path) -> Iterator[None]:
    """The records lock of ``root``, taken by the test as another servicebook command would."""
    (root / ".servicebook").mkdir(exist_ok=True)
    handle = os.open(root / ".servicebook" / "records.lock", os.O_RDWR | os.O_CREAT, 0o666)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        os.close(handle)


# What `export` and `build` say once on a plain folder (no git history of the agreements).
NO_HISTORY_WARNING = (
    "records/agreements:0: warning: agreement versions: the records are not in a git "
    "repository; each agreement is measured under its current file for every request, so a "
    "revised agreement changes past figures\n"
)
