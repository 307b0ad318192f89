"""``servicebook codeowners [--check]``: write or check ``.github/CODEOWNERS``."""

from __future__ import annotations

from pathlib import Path

from generator.access.codeowners import CODEOWNERS_PATH, codeowners
from generator.commands.generated_file import read_current, write_or_check
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
    return write_or_check(
        root,
        CODEOWNERS_PATH,
        read_current(root, CODEOWNERS_PATH),
        codeowners(validated.catalog, load_config(root).maintainers),
        check=check,
        stale="it does not match the roster and record owners; run `servicebook codeowners` "
        "and commit the result",
    )
