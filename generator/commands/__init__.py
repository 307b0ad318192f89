"""What each subcommand does; ``generator.cli`` parses arguments and prints the outcome."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    """A command's exit code and what it has to say on standard output and error."""

    code: int
    out: str = ""
    err: str = ""
