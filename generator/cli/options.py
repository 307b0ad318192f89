"""Options and output helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from generator.commands import Outcome
from generator.errors import Diagnostic, UsageError, UserError, format_diagnostics
from generator.models.instant import InstantError, parse_instant
from generator.models.instant_range import (
    DEFAULT_RANGE,
    InstantRange,
    option_problem,
    range_problem,
)

Subparsers = argparse._SubParsersAction  # the type argparse gives add_subparsers()


def add_root(parser: argparse.ArgumentParser) -> None:
    """``--root DIR``: the repository folder."""
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="repository folder holding records/ (default: the current folder)",
    )


def add_as_of(parser: argparse.ArgumentParser) -> None:
    """``--as-of ISO``: the instant to compute at."""
    parser.add_argument(
        "--as-of",
        dest="as_of",
        help="instant to compute statuses at, ISO 8601 with offset "
        "(default: as_of in servicebook.yml, else now)",
    )


def parse_as_of(
    text: str | None, pinned: datetime | None, allowed: InstantRange = DEFAULT_RANGE
) -> datetime:
    """The instant to compute at: the option, else the pinned setting, else now (UTC);
    the option must lie in ``allowed`` (the pinned setting was checked with the settings)."""
    if text is None:
        return pinned if pinned is not None else datetime.now(UTC).replace(microsecond=0)
    try:
        value = parse_instant(text)
    except InstantError as error:
        if error.kind == "offset":
            raise UsageError(f"--as-of '{text}' has no UTC offset; add one, e.g. {text}Z") from None
        raise UsageError(
            f"--as-of '{text}' is not an ISO 8601 instant; write e.g. 2026-11-21T12:00:00Z"
        ) from None
    if range_problem(value, allowed) is not None:
        raise UsageError(option_problem("--as-of", text, allowed))
    return value


def records_root(root: Path) -> Path:
    """``root`` if it holds records/, else a user error saying where to run."""
    if not (root / "records").is_dir():
        raise UserError(
            f"no records/ folder in {root}; "
            "run servicebook in the repository root or pass --root DIR"
        )
    return root


def print_problems(diagnostics: Sequence[Diagnostic]) -> None:
    """Diagnostics as text on standard error."""
    if diagnostics:
        sys.stderr.write(format_diagnostics(diagnostics, "text"))


def progress_line(message: str) -> None:
    """One progress line on standard error."""
    print(f"servicebook: {message}", file=sys.stderr, flush=True)


def add_commit(parser: argparse.ArgumentParser) -> None:
    """``--commit``: commit the changed file."""
    parser.add_argument(
        "--commit",
        action="store_true",
        help="commit the changed file with a Record:/Event: trailer message",
    )


def emit(outcome: Outcome) -> int:
    """Print a command's outcome; return its exit code."""
    sys.stdout.write(outcome.out)
    sys.stdout.flush()
    sys.stderr.write(outcome.err)
    return outcome.code


def add_audience(parser: argparse.ArgumentParser) -> None:
    """``--audience`` or ``--all-audiences``: whose site to write."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--audience",
        default="staff",
        metavar="AUDIENCE",
        help="staff (the default: everything) or customer:ORG (one customer's site: its "
        "agreements, requests, reports and notices; no internal notes, operations or audit)",
    )
    group.add_argument(
        "--all-audiences",
        action="store_true",
        help="one site per audience in SITE/<audience>/ (staff, customer-ORG, ...), computed once",
    )
