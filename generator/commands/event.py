"""``servicebook event ID TYPE``: append one event to a request, re-read under the records
lock so that none is lost, check it, write it, and with ``--commit`` commit it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from generator.authoring.eventspec import build_event
from generator.authoring.workspace import Workspace
from generator.authoring.yaml_scalars import Scalar
from generator.commands.options import records_root
from generator.commands.record_change import append, check_action, instant, request_path
from generator.commands.result import CommandResult
from generator.config import load_config
from generator.errors import UserError
from generator.models.request import Request
from generator.records.lock import records_lock
from generator.sla.status import request_state


def run(
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
    """Append one ``event_type`` event to request ``record_id``."""
    root = records_root(root)
    with records_lock(root):
        return _append_event(
            root, record_id, event_type, options, at=at, by=by, commit=commit, now=now
        )


def _append_event(
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
    workspace = Workspace(root, focus=record_id)
    path = request_path(workspace, record_id)
    when = instant(at, now, load_config(root))
    if event_type == "assigned":
        _check_transfer(workspace, record_id, options)
    if event_type == "closed" and not options.get("auto"):
        check_action(workspace, record_id)
    event = build_event(event_type, when, options, by)
    return append(workspace, record_id, path, [event], commit)


def _check_transfer(workspace: Workspace, record_id: str, options: Mapping[str, object]) -> None:
    """A new transfer to another group must say why (old records only get a warning)."""
    request = workspace.catalog.record(record_id, Request)
    assert request is not None
    current = request_state(request).group
    group, reason = options.get("group"), options.get("reason")
    if current is not None and group and group != current and not str(reason or "").strip():
        raise UserError(
            f"{record_id} is assigned to '{current}'; moving it to '{group}' is a transfer "
            'and needs a reason: add --reason "…" (why the request moves)'
        )
