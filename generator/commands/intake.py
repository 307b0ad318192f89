"""``servicebook intake github-issue``: the edge that reads the event and writes the record.

Everything else (parsing, checking, escaping, the id, the text) is pure and lives
in ``generator.intake``. The record is checked with the real loader before
it is written, and written atomically, so a half-written record never exists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from generator.analysis.routing import suggest_group
from generator.authoring.atomic import write_atomically
from generator.authoring.paths import record_path
from generator.commands.options import parse_as_of, records_root
from generator.commands.result import CommandResult
from generator.config import load_config
from generator.errors import UserError
from generator.intake.github_issue import (
    Issue,
    comment_text,
    read_event,
    read_submission,
    record_body,
    request_id,
)
from generator.intake.request_file import request_text
from generator.pipeline import validate
from generator.records.kinds import KINDS_BY_FOLDER
from generator.records.loader import LoadResult, load_text
from generator.records.lock import records_lock

CLOCK_SKEW = timedelta(minutes=5)
MAX_EVENT_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class IntakeOutcome:
    """What the intake did: the record's path (new or already there) or the comment."""

    path: str | None
    created: bool
    comment: str | None


def run(
    event_file: Path, root: Path, as_of: str | None, comment_file: Path | None
) -> CommandResult:
    """The record's path on standard output; or the comment, for a submission that cannot
    be recorded, in ``comment_file`` (default: standard output), and exit 1."""
    root = records_root(root)
    allowed = load_config(root).instants
    outcome = intake_github_issue(event_file, root, parse_as_of(as_of, None, allowed))
    if outcome.comment is not None:
        refused = "servicebook: the issue was not recorded; the comment says why\n"
        if comment_file:
            comment_file.write_text(outcome.comment, encoding="utf-8")
            return CommandResult(1, stderr=refused)
        return CommandResult(1, stdout=outcome.comment, stderr=refused)
    said = ""
    if not outcome.created:
        said = f"servicebook: {outcome.path} was recorded from this issue before; left as it is\n"
    return CommandResult(0, stdout=f"{outcome.path}\n", stderr=said)


def intake_github_issue(event_file: Path, root: Path, as_of: datetime) -> IntakeOutcome:
    """Record the issue of an ``issues`` event as a request, or say what to fix."""
    issue = read_event(_load_event(event_file))
    if issue.created_at > as_of + CLOCK_SKEW:
        raise UserError(
            f"the issue was opened at {issue.created_at.isoformat()}, after "
            f"{as_of.isoformat()}; check the event file or pass --as-of"
        )
    # The id is checked and the record written under one hold of the lock: two intakes
    # at once (an issue's "opened" and "edited" runs, or two issues whose ids collide)
    # would otherwise both find the id free, and the second would replace the first.
    with records_lock(root):
        return _record_issue(issue, root)


def _record_issue(issue: Issue, root: Path) -> IntakeOutcome:
    """The part of the intake that reads the records and writes one (under the lock)."""
    config = load_config(root)
    catalog = validate(root).catalog
    submission = read_submission(issue, catalog, config.instants)
    if submission.classification is None:
        return IntakeOutcome(None, False, comment_text(submission.problems))
    record_id = request_id(issue, config.timezone)
    rel = record_path("requests", record_id, issue.created_at.astimezone(ZoneInfo(config.timezone)))
    existing = catalog.path_of(record_id) or (rel if (root / rel).exists() else None)
    if existing is not None:
        if issue.url in (root / existing).read_text(encoding="utf-8", errors="replace"):
            return IntakeOutcome(existing, False, None)
        raise UserError(
            f"{existing} already holds {record_id} but was not made from {issue.url}; "
            "the ids collided. rename that record (file and id) and run the intake again"
        )
    fields = submission.classification
    body = record_body(submission.description, issue)
    services = {service.id: service for service in catalog.services}
    group = suggest_group(services.get(fields.service), fields.category)
    if group is not None:
        body += f"\n*Suggested group: {group.text()}.*\n"
    text = request_text(record_id, submission.title, fields, issue.created_at, body)
    _check_record(rel, text)
    write_atomically(root / rel, text.encode("utf-8"), create_only=True)
    return IntakeOutcome(rel, True, None)


def _load_event(event_file: Path) -> object:
    try:
        with event_file.open("rb") as handle:
            raw = handle.read(MAX_EVENT_BYTES + 1)
    except OSError as error:
        raise UserError(f"cannot read {event_file}: {error.strerror}") from None
    if len(raw) > MAX_EVENT_BYTES:
        raise UserError(f"{event_file} is over {MAX_EVENT_BYTES} bytes; not an issue event")
    try:
        data: object = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UserError(f"{event_file} is not a JSON event payload ({error})") from None
    return data


def _check_record(rel: str, text: str) -> None:
    """The record must load cleanly; if it does not, that is a bug of the intake."""
    result = LoadResult()
    load_text(rel, KINDS_BY_FOLDER["requests"], text, result)
    if result.diagnostics or not result.records:
        problems = "; ".join(d.text() for d in result.diagnostics)
        raise RuntimeError(f"the intake produced an invalid record: {problems}")
