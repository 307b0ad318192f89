"""``servicebook init DIR``: start a service book of one's own.

Writes the starter files (:mod:`generator.authoring.starter`) into ``DIR``, then the
``.github/CODEOWNERS`` and the issue form made from them, validates the result, runs
``git init`` and makes the first commit. A folder that holds anything is refused unless
``force``; even then no existing file is replaced (nothing is lost): those are listed and
kept.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path

import holidays as holiday_data

from generator import __version__
from generator.access.codeowners import CODEOWNERS_PATH, codeowners
from generator.authoring.atomic import write_atomically
from generator.authoring.starter import DEFAULT_ACTION, Answers, slug, starter_files
from generator.commands.result import CommandResult
from generator.config import load_config
from generator.errors import UsageError, UserError, format_diagnostics, has_errors
from generator.history.commits import commit_paths
from generator.history.gitcmd import run_git
from generator.intake.form import FORM_PATH, form_text
from generator.pipeline import validate


def check_timezone(name: str) -> str:
    """``name`` when it is an IANA time zone, else a usage error naming examples."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise UsageError(
            f"--timezone {name!r} is not an IANA time zone; use e.g. America/Chicago, "
            "Europe/Berlin or UTC"
        ) from None
    return name


def check_country(code: str | None) -> str | None:
    """An upper-case ISO country code the holiday data knows, or None."""
    if not code:
        return None
    upper = code.strip().upper()
    if upper not in holiday_data.list_supported_countries():
        raise UsageError(
            f"--country {code!r} has no public holiday data; use a two-letter ISO code such "
            "as US, DE or GB, or leave it out for no public holidays"
        )
    return upper


def run(target: Path, answers: Answers, *, force: bool = False) -> CommandResult:
    """Create the repository in ``target``; exit 1 when what it wrote does not validate."""
    if target.exists() and not target.is_dir():
        raise UserError(f"{target} is a file; give a folder for the new service book")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise UserError(
            f"{target} is not empty; give a new or empty folder, or --force to add the "
            "starter files to it (existing files are kept)"
        )
    target.mkdir(parents=True, exist_ok=True)
    written, kept = [], []
    for path, text in starter_files(answers).items():
        file = target / path
        if file.exists():
            kept.append(path)
            continue
        file.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(file, text.encode("utf-8"))
        written.append(path)
    result = validate(target)
    if has_errors(result.diagnostics):
        return CommandResult(
            1,
            stderr=format_diagnostics(result.diagnostics, "text")
            + f"servicebook: the starter files in {target} do not validate; fix the errors "
            "above (nothing was committed)\n",
        )
    owners = target / CODEOWNERS_PATH
    if not owners.exists():
        owners.parent.mkdir(parents=True, exist_ok=True)
        text = codeowners(result.catalog, load_config(target).maintainers)
        write_atomically(owners, text.encode("utf-8"))
        written.append(CODEOWNERS_PATH)
    form = target / FORM_PATH
    if not form.exists():
        form.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(form, form_text(None, result.catalog.services).encode("utf-8"))
        written.append(FORM_PATH)
    notes = [f"kept {path} (it exists)\n" for path in kept]
    if not (target / ".git").exists():
        init = run_git(target, ["init", "--quiet", "--initial-branch=main"])
        if not init.ok:
            raise UserError(f"git init failed: {init.stderr.strip()}; the files were written")
    try:
        commit = commit_paths(target, written, "Start the service book (servicebook init)\n")
        notes.append(f"first commit {commit[:12]}\n")
    except UserError as error:
        notes.append(f"servicebook: {error}\n")
    return CommandResult(
        0,
        stderr="".join(notes)
        + f"wrote {len(written)} files in {target}; next: cd {target} && servicebook build\n",
    )


QUESTIONS: dict[str, tuple[str, str]] = {
    "name": ("Organisation name", "Example IT"),
    "timezone": ("Time zone (IANA, e.g. America/Chicago)", "UTC"),
    "country": ("Public holidays of country (ISO code, - for none)", "-"),
    "customer": ("First customer", "Example Customer"),
    "lead": ("Service desk lead", "Alex Morgan"),
    "domain": ("E-mail domain", ""),
}
"""Each answer: its question and default (the domain's default comes from the name)."""


def answers(
    given: Mapping[str, str | None],
    ask: Callable[[str, str], str] | None,
    *,
    tool: str | None = None,
    action: str | None = None,
) -> Answers:
    """The answers: the flag, else (on a terminal, ``ask``) the reply, else the default;
    time zone and country are checked (usage errors)."""
    found: dict[str, str] = {}
    for name, (question, default) in QUESTIONS.items():
        if name == "domain":
            default = f"{slug(found['name'])}.example"
        value = given.get(name)
        if value is None:
            value = ask(question, default) if ask is not None else default
        found[name] = value.strip()
    country = found["country"].strip("- ")
    return Answers(
        name=found["name"],
        timezone=check_timezone(found["timezone"]),
        country=check_country(country),
        customer=found["customer"],
        lead=found["lead"],
        domain=found["domain"],
        year=datetime.now(UTC).year,  # the agreement's first year: the one clock input
        tool=tool or f"servicebook=={__version__}",
        action=action or DEFAULT_ACTION,
    )
