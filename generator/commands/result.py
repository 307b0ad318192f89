"""``CommandResult``: what every command returns, for the command line to print."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommandResult:
    """A command's exit code and what it has to say on standard output and error.

    Commands print nothing themselves (progress of long runs aside, which goes through a
    callback); ``generator.cli`` writes ``stdout``, then ``stderr``, and exits with ``code``.
    """

    code: int
    stdout: str = ""
    stderr: str = ""
