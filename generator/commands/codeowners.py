"""``servicebook codeowners [--check]``: write or check ``.github/CODEOWNERS``."""

from __future__ import annotations

from pathlib import Path

from generator.access.codeowners import CODEOWNERS_PATH, codeowners
from generator.authoring.atomic import write_atomically
from generator.commands.options import records_root
from generator.commands.result import CommandResult
from generator.config import load_config
from generator.errors import format_diagnostics, has_errors
from generator.pipeline import validate


def run(root: Path, *, check: bool) -> CommandResult:
    """Generate the file (or, with ``check``, fail when the committed one differs)."""
    root = records_root(root)
    validated = validate(root)
    if has_errors(validated.diagnostics):
        return CommandResult(
            1,
            stderr=format_diagnostics(validated.diagnostics, "text")
            + "servicebook: fix the errors above; CODEOWNERS is made from valid records\n",
        )
    text = codeowners(validated.catalog, load_config(root).maintainers)
    target = root / CODEOWNERS_PATH
    current = target.read_bytes().decode("utf-8") if target.is_file() else None
    if check:
        if current == text:
            return CommandResult(0, stderr=f"{CODEOWNERS_PATH} is up to date\n")
        state = "missing" if current is None else "stale"
        return CommandResult(
            1,
            stderr=f"{CODEOWNERS_PATH} is {state}: it does not match the roster and record "
            "owners; run `servicebook codeowners` and commit the result\n",
        )
    if current != text:
        write_atomically(target, text.encode("utf-8"))
        return CommandResult(0, stderr=f"wrote {CODEOWNERS_PATH}\n")
    return CommandResult(0, stderr=f"{CODEOWNERS_PATH} is up to date\n")
