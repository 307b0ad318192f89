"""Write or check a file made from the records (CODEOWNERS, the issue form)."""

from __future__ import annotations

from pathlib import Path

from generator.authoring.atomic import write_atomically
from generator.commands.result import CommandResult


def read_current(root: Path, rel: str) -> str | None:
    """The committed text of ``root/rel`` (None when there is none)."""
    target = root / rel
    return target.read_bytes().decode("utf-8") if target.is_file() else None


def write_or_check(
    root: Path, rel: str, current: str | None, text: str, *, check: bool, stale: str
) -> CommandResult:
    """Write ``text`` to ``root/rel`` when it differs from ``current``; with ``check``,
    write nothing and exit 1 when it differs (``stale``: what is wrong and what to run)."""
    if current == text:
        return CommandResult(0, stderr=f"{rel} is up to date\n")
    if check:
        state = "missing" if current is None else "stale"
        return CommandResult(1, stderr=f"{rel} is {state}: {stale}\n")
    target = root / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, text.encode("utf-8"))
    return CommandResult(0, stderr=f"wrote {rel}\n")
