"""Options and output helpers shared by the subcommands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.commands.options import parse_as_of, records_root
from generator.commands.result import CommandResult
from generator.errors import Diagnostic, format_diagnostics

__all__ = [
    "Subparsers",
    "add_as_of",
    "add_commit",
    "add_root",
    "emit",
    "parse_as_of",
    "print_problems",
    "progress_line",
    "records_root",
]

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


def emit(result: CommandResult) -> int:
    """Print a command's result; return its exit code."""
    sys.stdout.write(result.stdout)
    sys.stdout.flush()
    sys.stderr.write(result.stderr)
    return result.code
