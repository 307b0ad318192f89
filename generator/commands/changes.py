"""``servicebook new``, ``event`` and ``close``: change one record, check it, write it, commit.

Each command works the same way: load the records, build the new text (a new
file from a template, or the old file with event lines inserted), validate the
repository as if the file held it, write it atomically, and with ``--commit``
commit just that file with a ``Record:``/``Event:`` trailer message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.analysis.closure import close_needs_action
from generator.authoring.eventline import EditError, Scalar, append_event
from generator.authoring.eventspec import build_event, summary
from generator.authoring.ids import new_id
from generator.authoring.message import commit_message
from generator.authoring.newrecord import NEW_FIELDS, parse_value, record_path, render_record
from generator.authoring.prompts import Ask, complete
from generator.authoring.request_advice import advice_lines, advisor_of, category_prompt
from generator.authoring.workspace import Workspace
from generator.commands.result import CommandResult
from generator.config import Config, load_config
from generator.errors import Diagnostic, UsageError, UserError, format_diagnostics, has_errors
from generator.history.commits import commit_paths
from generator.models.agreement import Agreement
from generator.models.common import ID_PATTERN
from generator.models.instant import InstantError, parse_instant
from generator.models.instant_range import option_problem, range_problem
from generator.models.request import Request
from generator.records.lock import records_lock
from generator.sla.status import request_state

Suffix = Callable[[], str]


def _run_new_locked(
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
    advisor = advisor_of(workspace.validated.catalog) if kind == "request" else None
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
    path = record_path(kind, record_id, values)
    text = render_record(kind, {**values, "description": raw["description"]}, root / "templates")
    diagnostics = workspace.write(path, text, create=True)
    if has_errors(diagnostics):
        return _refused(diagnostics, path)
    message = commit_message(
        record_id, [f"created {kind}"], subject=f"new {kind}: {values['title']}"
    )
    done = _done(root, path, f"created {record_id}", diagnostics, commit, message)
    if advisor is None:
        return done
    advice = advice_lines(advisor, {**values, "description": raw["description"]}, record_id)
    return CommandResult(done.code, stdout=done.stdout, stderr=done.stderr + advice)


def _run_event_locked(
    root: Path,
    record_id: str,
    event_type: str,
    options: Mapping[str, Scalar | None],
    *,
    at: str | None,
    by: str | None,
    commit: bool,
    now: datetime,
) -> CommandResult:
    """Append one event to a request."""
    workspace = Workspace(root)
    path = _request_path(workspace, record_id)
    when = _instant(at, now, load_config(root))
    if event_type == "assigned":
        _check_transfer(workspace, record_id, options)
    if event_type == "closed" and not options.get("auto"):
        _check_action(workspace, record_id)
    event = build_event(event_type, when, options, by)
    return _append(workspace, record_id, path, [event], commit)


def _check_transfer(workspace: Workspace, record_id: str, options: Mapping[str, object]) -> None:
    """A new transfer to another group must say why (old records only get a warning)."""
    request = workspace.validated.catalog.record(record_id, Request)
    assert request is not None
    current = request_state(request).group
    group, reason = options.get("group"), options.get("reason")
    if current is not None and group and group != current and not str(reason or "").strip():
        raise UserError(
            f"{record_id} is assigned to '{current}'; moving it to '{group}' is a transfer "
            'and needs a reason: add --reason "…" (why the request moves)'
        )


def _check_action(workspace: Workspace, record_id: str) -> None:
    """A new close needs an action on record (old closes only get a warning)."""
    request = workspace.validated.catalog.record(record_id, Request)
    assert request is not None
    catalog = workspace.validated.catalog
    agreement = catalog.record(request.agreement, Agreement) if request.agreement else None
    if close_needs_action(request, agreement):
        where = f" on {agreement.id}" if agreement is not None else " on an agreement"
        raise UserError(
            f"{record_id} has no 'action' event saying what was done, and closing needs "
            f'one: add it with servicebook event {record_id} action --text "…", then close '
            f"(or set closure_requires_action: false{where})"
        )


def _run_close_locked(
    root: Path,
    record_id: str,
    *,
    resolution: str | None,
    confirmed_by: str | None,
    at: str | None,
    by: str | None,
    commit: bool,
    now: datetime,
) -> CommandResult:
    """Resolve (unless already resolved, rejected or cancelled) and close a request."""
    workspace = Workspace(root)
    path = _request_path(workspace, record_id)
    request = workspace.validated.catalog.record(record_id, Request)
    assert request is not None
    status = request_state(request).status
    if status == "closed":
        raise UserError(f"{record_id} is already closed; reopen it first to change it")
    when = _instant(at, now, load_config(root))
    _check_action(workspace, record_id)
    events = []
    if status in ("resolved", "rejected", "cancelled"):
        if resolution:
            raise UsageError(
                f"{record_id} is already {status}; close it without --resolution "
                "(the recorded outcome stands)"
            )
    elif not resolution:
        raise UsageError(f"{record_id} is {status.replace('_', ' ')}; closing needs --resolution")
    else:
        events.append(build_event("resolved", when, {"resolution": resolution}, by))
    events.append(build_event("closed", when, {"confirmed_by": confirmed_by}, by))
    return _append(workspace, record_id, path, events, commit)


def _request_path(workspace: Workspace, record_id: str) -> str:
    entry = workspace.entry(record_id)
    if not isinstance(entry.record, Request):
        raise UserError(
            f"{record_id} is a {entry.kind.name}, not a request; events belong to requests"
        )
    return entry.path


def _instant(text: str | None, now: datetime, config: Config) -> datetime:
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


def _append(
    workspace: Workspace,
    record_id: str,
    path: str,
    events: Sequence[dict[str, Scalar]],
    commit: bool,
) -> CommandResult:
    text = workspace.read(path)
    try:
        for event in events:
            text = append_event(text, event)
    except EditError as error:
        raise UserError(f"{path}: cannot append the event: {error}") from None
    diagnostics = workspace.write(path, text, create=False)
    if has_errors(diagnostics):
        return _refused(diagnostics, path)
    summaries = [summary(event) for event in events]
    message = commit_message(record_id, summaries)
    return _done(
        workspace.root, path, f"{record_id}: {', '.join(summaries)}", diagnostics, commit, message
    )


def _refused(diagnostics: Sequence[Diagnostic], path: str) -> CommandResult:
    return CommandResult(
        1,
        stderr=format_diagnostics(diagnostics, "text")
        + f"servicebook: {path} was not written; fix the values above and run again\n",
    )


def _done(
    root: Path,
    path: str,
    what: str,
    diagnostics: Sequence[Diagnostic],
    commit: bool,
    message: str,
) -> CommandResult:
    said = format_diagnostics(diagnostics, "text") + f"{what} ({path})\n"
    if commit:
        sha = commit_paths(root, [path], message)
        said += f"committed {sha[:7]}\n"
    return CommandResult(0, stdout=path + "\n", stderr=said)


def run_new(
    root: Path, kind: str, given: Mapping[str, str | None], **options: object
) -> CommandResult:
    """Create a record of ``kind`` from its template, under the records lock."""
    with records_lock(root):
        return _run_new_locked(root, kind, given, **options)  # type: ignore[arg-type]


def run_event(
    root: Path, record_id: str, event_type: str, *args: object, **options: object
) -> CommandResult:
    """Append one event to a request, re-read under the records lock so none is lost."""
    with records_lock(root):
        return _run_event_locked(root, record_id, event_type, *args, **options)  # type: ignore[arg-type]


def run_close(root: Path, record_id: str, **options: object) -> CommandResult:
    """Resolve and close a request under the records lock."""
    with records_lock(root):
        return _run_close_locked(root, record_id, **options)  # type: ignore[arg-type]
