"""``servicebook new KIND``: create a record from its template (asking on a terminal for
what the options leave out), check it, write it, and with ``--commit`` commit it."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.authoring.ids import new_id
from generator.authoring.message import commit_message
from generator.authoring.newrecord import NEW_FIELDS, parse_value, render_record
from generator.authoring.paths import record_path
from generator.authoring.prompts import Ask, complete
from generator.authoring.request_advice import advice_lines, advisor_of, category_prompt
from generator.authoring.workspace import Workspace
from generator.commands.options import records_root
from generator.commands.record_change import done, refused
from generator.commands.result import CommandResult
from generator.config import load_config
from generator.errors import UsageError, has_errors
from generator.models.common import ID_PATTERN
from generator.records.lock import records_lock

Suffix = Callable[[], str]


def run(
    root: Path,
    kind: str,
    given: Mapping[str, str | None],
    *,
    commit: bool,
    now: datetime,
    suffix: Suffix,
    ask: Ask | None = None,
) -> CommandResult:
    """Create a record of ``kind`` from its template, under the records lock."""
    root = records_root(root)
    with records_lock(root):
        return _create(root, kind, given, commit=commit, now=now, suffix=suffix, ask=ask)


def _create(
    root: Path,
    kind: str,
    given: Mapping[str, str | None],
    *,
    commit: bool,
    now: datetime,
    suffix: Suffix,
    ask: Ask | None = None,
) -> CommandResult:
    """Create a record of ``kind`` from its template."""
    workspace = Workspace(root)
    config = load_config(root)
    specs = NEW_FIELDS[kind]
    advisor = advisor_of(workspace.catalog) if kind == "request" else None
    prompt = category_prompt(advisor) if advisor is not None else None
    raw = complete(specs, given, ask=ask, suggest=prompt)
    values: dict[str, object] = {}
    for spec in specs:
        try:
            values[spec.name] = parse_value(spec, raw[spec.name])
        except ValueError as error:
            raise UsageError(str(error)) from None
    local_now = now.astimezone(ZoneInfo(config.timezone)).replace(microsecond=0)
    if kind == "request":
        values["received"] = values["received"] or local_now
        received = values["received"]
        assert isinstance(received, datetime)
        values["id"] = new_id("REQ", received, workspace.ids(), suffix)
    elif kind == "maintenance" and not values["id"]:
        values["id"] = new_id("MNT", local_now, workspace.ids(), suffix)
    if kind == "agreement" and not values["provider"]:
        values["provider"] = config.provider
    record_id = str(values["id"])
    if not re.match(ID_PATTERN, record_id):
        raise UsageError(
            f"--id '{record_id}' is not a plain identifier; use letters, digits, '-', '_' "
            "and single dots (it becomes the file name)"
        )
    filed = values.get("received")
    path = record_path(kind, record_id, filed if isinstance(filed, datetime) else None)
    text = render_record(kind, {**values, "description": raw["description"]}, root / "templates")
    diagnostics = workspace.write(path, text, create=True)
    if has_errors(diagnostics):
        return refused(diagnostics, path)
    message = commit_message(
        record_id, [f"created {kind}"], subject=f"new {kind}: {values['title']}"
    )
    written = done(root, path, f"created {record_id}", diagnostics, commit, message)
    if advisor is None:
        return written
    advice = advice_lines(advisor, {**values, "description": raw["description"]}, record_id)
    return CommandResult(written.code, stdout=written.stdout, stderr=written.stderr + advice)
