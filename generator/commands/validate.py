"""``servicebook validate``: every diagnostic of the records and commits; exit 1 on errors."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from generator.commands.options import records_root
from generator.commands.result import CommandResult
from generator.config import cache_folder, load_config
from generator.errors import format_diagnostics, has_errors, sort_diagnostics
from generator.history.commit_gate import check_commits
from generator.pipeline import check

Format = Literal["text", "json", "github"]


def run(root: Path, fmt: Format) -> CommandResult:
    """The diagnostics on standard output; with ``text``, a count line on standard error."""
    root = records_root(root)
    result = check(root, cache_folder(root, load_config(root)))
    diagnostics = sort_diagnostics([*result.diagnostics, *check_commits(root, result.commits)])
    stderr = ""
    if fmt == "text":
        errors = sum(1 for d in diagnostics if d.severity == "error")
        warnings = len(diagnostics) - errors
        stderr = (
            f"{result.files} files read, {result.records} valid records: "
            f"{errors} errors, {warnings} warnings\n"
        )
    return CommandResult(
        1 if has_errors(diagnostics) else 0, format_diagnostics(diagnostics, fmt), stderr
    )
