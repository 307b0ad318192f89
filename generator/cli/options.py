"""Options the subcommands share, and printing a command's result."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.commands.result import CommandResult

Subparsers = argparse._SubParsersAction  # the type argparse gives add_subparsers()


def add_root(parser: argparse.ArgumentParser) -> None:
    """``--root DIR``: the repository folder."""
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="repository folder holding records/ (default: the current folder)",
    )


def add_diagnostics_format(parser: argparse.ArgumentParser) -> None:
    """``--format text|json|github``: how diagnostics are printed."""
    parser.add_argument(
        "--format",
        choices=("text", "json", "github"),
        default="text",
        help="text (path:line: ...), json (a list of objects) or github (annotations)",
    )


def add_as_of(parser: argparse.ArgumentParser) -> None:
    """``--as-of ISO``: the instant to compute at."""
    parser.add_argument(
        "--as-of",
        dest="as_of",
        help="instant to compute statuses at, ISO 8601 with offset "
        "(default: as_of in servicebook.yml, else now)",
    )


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


def emit(result: CommandResult) -> int:
    """Print a command's result; return its exit code."""
    sys.stdout.write(result.stdout)
    sys.stdout.flush()
    sys.stderr.write(result.stderr)
    return result.code


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
