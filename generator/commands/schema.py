"""``servicebook schema``: write (or ``--check``) one JSON Schema per record kind."""

from __future__ import annotations

from pathlib import Path

from generator.commands.result import CommandResult


def run(output: Path, *, check: bool) -> CommandResult:
    """Write the schemas into ``output``; with ``check``, write nothing and exit 1 when the
    folder is out of date."""
    from generator.records.schemas import sync_schemas

    outcome = sync_schemas(output, check=check)
    if check and not outcome.up_to_date:
        said = "".join(f"servicebook: {output / name} is out of date\n" for name in outcome.changed)
        said += "".join(
            f"servicebook: {output / name} belongs to no record kind\n" for name in outcome.extra
        )
        said += "servicebook: run 'servicebook schema' and commit the result\n"
        return CommandResult(1, stderr=said)
    if check:
        return CommandResult(0)
    return CommandResult(
        0,
        stderr=f"{len(outcome.changed)} schemas written, {len(outcome.extra)} removed in "
        f"{output}\n",
    )
