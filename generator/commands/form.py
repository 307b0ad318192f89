"""``servicebook form [--check]``: the issue form's options from the records."""

from __future__ import annotations

from pathlib import Path

from generator.authoring.atomic import write_atomically
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
    target = root / FORM_PATH
    current = target.read_bytes().decode("utf-8") if target.is_file() else None
    text = form_text(current, validated.catalog.services)
    if check:
        if current == text:
            return CommandResult(0, stderr=f"{FORM_PATH} is up to date\n")
        state = "missing" if current is None else "stale"
        return CommandResult(
            1,
            stderr=f"{FORM_PATH} is {state}: its Service and Category options do not match "
            "the live services and their categories; run `servicebook form` and commit it\n",
        )
    if current == text:
        return CommandResult(0, stderr=f"{FORM_PATH} is up to date\n")
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, text.encode("utf-8"))
    return CommandResult(0, stderr=f"wrote {FORM_PATH}\n")
