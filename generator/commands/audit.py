"""``servicebook audit``: read the history once, report every finding; exit 1 on errors."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Literal

from generator.commands.options import records_root
from generator.commands.result import CommandResult
from generator.errors import Severity, UsageError, UserError
from generator.history.audit import audit, only_commits
from generator.history.commit_gate import audited_commits
from generator.history.findings import format_findings, sort_findings, summary
from generator.history.gitlog import commits_since
from generator.history.reader import read_history
from generator.history.roster import roster_emails
from generator.pipeline import validate

Format = Literal["text", "json"]

# six digits at most: a longer number overflows timedelta (or the int conversion)
_DELAY = re.compile(r"^(?:(?P<d>\d{1,6})d)?(?:(?P<h>\d{1,6})h)?(?:(?P<m>\d{1,6})m)?$")


def parse_delay(text: str) -> timedelta:
    """``24h``, ``2d``, ``90m``, ``1d12h`` → a timedelta (calendar time)."""
    match = _DELAY.match(text.strip())
    if not text.strip() or match is None:
        raise UsageError(f"--late-after '{text}' is not a duration; write e.g. 24h, 2d or 90m")
    days, hours, minutes = (int(match.group(g) or 0) for g in ("d", "h", "m"))
    return timedelta(days=days, hours=hours, minutes=minutes)


def run(root: Path, *, fmt: Format, since: str | None, late_after: str) -> CommandResult:
    """Audit the records' history; the findings go to standard output. ``late_after`` is
    the option's text (``24h``, ``2d``)."""
    root = records_root(root)
    return _audit(root, fmt, since, parse_delay(late_after))


def _audit(root: Path, fmt: Format, since: str | None, late_after: timedelta) -> CommandResult:
    history = read_history(root)
    if not history.available:
        raise UserError(f"nothing to audit: {history.note}")
    validated = validate(root)
    findings = audit(history, roster_emails(validated.catalog), late_after)
    findings = sort_findings([*findings, *audited_commits(root, validated.catalog, history)])
    if since is not None:
        findings = only_commits(findings, commits_since(root, since))
    errors = any(f.severity is Severity.ERROR for f in findings)
    note = f"{history.note}\n" if history.note else ""
    scope = f" since {since}" if since else ""
    commits = len(history.log.entries)
    noun = "commit" if commits == 1 else "commits"
    err = f"{note}{commits} {noun} read{scope}; {summary(findings)}\n"
    return CommandResult(1 if errors else 0, stdout=format_findings(findings, fmt), stderr=err)
