"""``servicebook form [--check]``: the issue form's options from the records."""

from __future__ import annotations

from pathlib import Path

from generator.commands.generated_file import read_current, write_or_check
from generator.commands.options import records_root
from generator.commands.result import CommandResult
from generator.errors import format_diagnostics, has_errors
from generator.intake.form import FORM_PATH, form_text
from generator.pipeline import validate


def run(root: Path, *, check: bool) -> CommandResult:
    """Rewrite the form's Service and Category options (with ``check``: exit 1 when stale)."""
    root = records_root(root)
    validated = validate(root)
    if has_errors(validated.diagnostics):
        return CommandResult(
            1,
            stderr=format_diagnostics(validated.diagnostics, "text")
            + "servicebook: fix the errors above; the form is made from valid records\n",
        )
    current = read_current(root, FORM_PATH)
    return write_or_check(
        root,
        FORM_PATH,
        current,
        form_text(current, validated.catalog.services),
        check=check,
        stale="its Service and Category options do not match the live services and their "
        "categories; run `servicebook form` and commit it",
    )
