"""Changing one request or record: find it, append events, check the repository as if
the file held the new text, write it atomically, and with ``--commit`` commit just that
file with a ``Record:``/``Event:`` trailer message (used by ``new``, ``event``, ``close``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.analysis.closure import close_needs_action
from generator.authoring.eventline import EditError, append_event
from generator.authoring.eventspec import summary
from generator.authoring.message import commit_message
from generator.authoring.workspace import Workspace
from generator.authoring.yaml_scalars import Scalar
from generator.commands.result import CommandResult
from generator.config import Config
from generator.errors import Diagnostic, UsageError, UserError, format_diagnostics, has_errors
from generator.history.commits import commit_paths
from generator.models.agreement import Agreement
from generator.models.instant import InstantError, parse_instant
from generator.models.instant_range import option_problem, range_problem
from generator.models.request import Request


def check_action(workspace: Workspace, record_id: str) -> None:
    """A new close needs an action on record (old closes only get a warning)."""
    request = workspace.catalog.record(record_id, Request)
    assert request is not None
    catalog = workspace.catalog
    agreement = catalog.record(request.agreement, Agreement) if request.agreement else None
    if close_needs_action(request, agreement):
        where = f" on {agreement.id}" if agreement is not None else " on an agreement"
        raise UserError(
            f"{record_id} has no 'action' event saying what was done, and closing needs "
            f'one: add it with servicebook event {record_id} action --text "…", then close '
            f"(or set closure_requires_action: false{where})"
        )


def request_path(workspace: Workspace, record_id: str) -> str:
    """The path of request ``record_id``; a user error when it is another kind."""
    entry = workspace.entry(record_id)
    if not isinstance(entry.record, Request):
        raise UserError(
            f"{record_id} is a {entry.kind.name}, not a request; events belong to requests"
        )
    return entry.path


def instant(text: str | None, now: datetime, config: Config) -> datetime:
    """``--at``: the given instant (checked), else ``now`` in the configured time zone."""
    if text is None:
        return now.astimezone(ZoneInfo(config.timezone)).replace(microsecond=0)
    try:
        value = parse_instant(text)
    except InstantError as error:
        if error.kind == "offset":
            raise UsageError(
                f"--at '{text}' has no UTC offset; add one, e.g. {text}+01:00"
            ) from None
        raise UsageError(
            f"--at '{text}' is not an ISO 8601 instant; write e.g. 2026-11-20T09:12:00+01:00"
        ) from None
    if range_problem(value, config.instants) is not None:
        raise UsageError(option_problem("--at", text, config.instants))
    return value


def append(
    workspace: Workspace,
    record_id: str,
    path: str,
    events: Sequence[dict[str, Scalar]],
    commit: bool,
) -> CommandResult:
    """Append ``events`` to the request at ``path``; write and report, or refuse."""
    text = workspace.read(path)
    try:
        for event in events:
            text = append_event(text, event)
    except EditError as error:
        raise UserError(f"{path}: cannot append the event: {error}") from None
    diagnostics = workspace.write(path, text, create=False)
    if has_errors(diagnostics):
        return refused(diagnostics, path)
    summaries = [summary(event) for event in events]
    message = commit_message(record_id, summaries)
    return done(
        workspace.root, path, f"{record_id}: {', '.join(summaries)}", diagnostics, commit, message
    )


def refused(diagnostics: Sequence[Diagnostic], path: str) -> CommandResult:
    """Nothing written: the problems, and what to do."""
    return CommandResult(
        1,
        stderr=format_diagnostics(diagnostics, "text")
        + f"servicebook: {path} was not written; fix the values above and run again\n",
    )


def done(
    root: Path,
    path: str,
    what: str,
    diagnostics: Sequence[Diagnostic],
    commit: bool,
    message: str,
) -> CommandResult:
    """Written: the warnings, what was done, and the commit with ``commit``."""
    said = format_diagnostics(diagnostics, "text") + f"{what} ({path})\n"
    if commit:
        sha = commit_paths(root, [path], message)
        said += f"committed {sha[:7]}\n"
    return CommandResult(0, stdout=path + "\n", stderr=said)
