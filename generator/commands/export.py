"""``servicebook export``: validate, then every request's SLA clocks (or one kind's records)
as JSON or CSV; exit 1 on any error."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from generator.analysis.visibility import check_audience, parse_audience, visibility
from generator.commands.options import parse_as_of, records_root
from generator.commands.result import CommandResult
from generator.config import cache_folder, load_config
from generator.errors import UsageError, format_diagnostics, has_errors
from generator.facts.audience_facts import catalog_for
from generator.pipeline import validate

Format = Literal["json", "csv"]


def run(
    root: Path,
    as_of: str | None,
    fmt: Format,
    *,
    kind: str | None,
    output: str | None,
    audience: str = "staff",
) -> CommandResult:
    """The export on standard output, or written to ``output``; for a customer
    ``audience``, only what that customer may read."""
    from generator.exports.clocks import export_text
    from generator.exports.records import kind_names, kind_text
    from generator.history.agreement_versions import read_agreement_versions, versions_note
    from generator.sla.evaluation import collector_paused

    if kind is not None and kind not in kind_names():
        raise UsageError(
            f"--kind {kind!r} is not a record kind; use one of {', '.join(kind_names())}"
        )
    root = records_root(root)
    config = load_config(root)
    instant = parse_as_of(as_of, config.as_of, config.instants)
    with collector_paused():  # a batch of many small objects; see its docstring
        result = validate(root, cache_folder(root, config))
        problems = format_diagnostics(result.diagnostics, "text") if result.diagnostics else ""
        if has_errors(result.diagnostics):
            return CommandResult(
                1, stderr=problems + "servicebook: fix the errors above; nothing was exported\n"
            )
        who = parse_audience(audience)
        check_audience(result.catalog, who)
        catalog = catalog_for(result.catalog, visibility(result.catalog, who, config.provider))
        if kind is not None:
            text = kind_text(catalog, kind, fmt)
        else:
            versions = read_agreement_versions(
                root, result.catalog, instant, config.timezone, config.instants
            )
            problems += format_diagnostics(versions_note(versions, result.catalog), "text")
            text = export_text(
                catalog,
                instant,
                fmt,
                default_timezone=config.timezone,
                auto_close_s=config.auto_close,
                versions=versions,
                staff=who.is_staff,
            )
    if output:
        Path(output).write_text(text, encoding="utf-8")
        return CommandResult(0, stderr=problems)
    return CommandResult(0, stdout=text, stderr=problems)
