"""``servicebook close ID``: resolve (when needed) and close one request; ``close --auto``:
write the auto-closes the views already count, in one commit.

The builds count a resolved request as closed once its ``auto_close`` period has run out
(:mod:`generator.analysis.auto_close`) without touching the record; ``--auto`` makes the
record say so, for every request due as of the instant, so a scheduled job can keep the
records in step. Every file is checked before any is written, and in a git repository
they are committed together, so the history shows one change for one run.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.analysis.auto_close import DueClose, auto_close_periods, due_closes
from generator.authoring.atomic import write_atomically
from generator.authoring.eventline import EditError, append_event
from generator.authoring.eventspec import build_event
from generator.authoring.workspace import Workspace
from generator.commands.options import parse_as_of, records_root
from generator.commands.record_change import append, check_action, instant, request_path
from generator.commands.result import CommandResult
from generator.config import load_config
from generator.errors import UsageError, UserError, format_diagnostics, has_errors
from generator.exports.values import utc_text
from generator.history.commits import commit_paths
from generator.history.gitcmd import in_work_tree
from generator.models.common import format_duration
from generator.models.request import Request
from generator.records.lock import records_lock
from generator.sla.status import request_state


def run(
    root: Path,
    record_id: str | None,
    *,
    auto: bool,
    as_of: str | None,
    resolution: str | None,
    confirmed_by: str | None,
    at: str | None,
    by: str | None,
    commit: bool,
    now: datetime,
) -> CommandResult:
    """Close request ``record_id``; with ``auto``, every request due as of ``as_of`` (the
    option's text; default: pinned, else now)."""
    if auto or as_of:
        if not auto:
            raise UsageError("--as-of goes with --auto; close one request with --at instead")
        given = [
            flag
            for flag, value in (
                ("ID", record_id),
                ("--resolution", resolution),
                ("--confirmed-by", confirmed_by),
                ("--at", at),
                ("--by", by),
            )
            if value is not None
        ]
        if given:
            raise UsageError(
                f"close --auto closes every request due and takes no {', '.join(given)}; "
                "leave them out, or close one request without --auto"
            )
        root = records_root(root)
        config = load_config(root)
        instant_due = parse_as_of(as_of, config.as_of, config.instants)
        with records_lock(root):
            return _close_due(root, instant_due)
    if record_id is None:
        raise UsageError("close needs the request ID, or --auto to close every request due")
    root = records_root(root)
    with records_lock(root):
        return _close_one(
            root,
            record_id,
            resolution=resolution,
            confirmed_by=confirmed_by,
            at=at,
            by=by,
            commit=commit,
            now=now,
        )


def _close_one(
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
    workspace = Workspace(root, focus=record_id)
    path = request_path(workspace, record_id)
    request = workspace.catalog.record(record_id, Request)
    assert request is not None
    status = request_state(request).status
    if status == "closed":
        raise UserError(f"{record_id} is already closed; reopen it first to change it")
    when = instant(at, now, load_config(root))
    check_action(workspace, record_id)
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
    return append(workspace, record_id, path, events, commit)


def _close_due(root: Path, as_of: datetime) -> CommandResult:
    """Close every request due as of ``as_of`` (under the records lock)."""
    workspace = Workspace(root)
    config = load_config(root)
    catalog = workspace.catalog
    requests = [r for r in catalog.requests if r.received <= as_of]
    periods = auto_close_periods(requests, catalog.agreements, config.auto_close)
    due = due_closes({r.id: request_state(r, as_of) for r in requests}, periods, as_of)
    if not due:
        return CommandResult(
            0,
            stderr=f"nothing to close: no resolved request has waited out its auto_close "
            f"period as of {utc_text(as_of)}\n",
        )
    zone = ZoneInfo(config.timezone)
    texts: dict[str, str] = {}
    said: list[str] = []
    problems = []
    for item in due:
        request = catalog.record(item.request_id, Request)
        assert request is not None
        path = workspace.entry(item.request_id).path
        at = _written_at(request, item).astimezone(zone)
        try:
            text = append_event(workspace.read(path), {"at": at, "type": "closed", "auto": True})
        except EditError as error:
            raise UserError(f"{path}: cannot append the event: {error}") from None
        problems += workspace.check(path, text)
        texts[path] = text
        period = format_duration(periods[item.request_id] or 0)
        said.append(
            f"{item.request_id}: closed automatically at {at.isoformat()}, resolved "
            f"{item.resolved_at.astimezone(zone).isoformat()} and not confirmed within "
            f"{period} ({path})"
        )
    report = format_diagnostics(problems, "text")
    if has_errors(problems):
        return CommandResult(
            1,
            stderr=report
            + "servicebook: nothing was written; fix the values above and run again\n",
        )
    for path, text in texts.items():
        write_atomically(root / path, text.encode("utf-8"))
    err = report + "".join(line + "\n" for line in said)
    if in_work_tree(root):
        sha = commit_paths(root, list(texts), _message(due))
        err += f"committed {sha[:7]}\n"
    return CommandResult(0, stdout="".join(path + "\n" for path in texts), stderr=err)


def _written_at(request: Request, item: DueClose) -> datetime:
    """The closing instant, or the last event's when one was written after it (events
    stay in time order; the views count the request closed from the instant all the same)."""
    last = max((event.at for event in request.events), default=item.closes_at)
    return max(item.closes_at, last)


def _message(due: list[DueClose]) -> str:
    count = f"{len(due)} request{'s' if len(due) != 1 else ''}"
    trailers = "".join(f"Record: {d.request_id}\nEvent: closed auto\n" for d in due)
    return f"auto-close: {count} resolved and not confirmed in time\n\n{trailers}"
