"""Diagnostics and the small error hierarchy shared by every command.

Bad input never raises past the loader: it becomes a :class:`Diagnostic`. Only
problems that stop a whole command (no ``records/`` folder, an unreadable
configuration) are raised as :class:`UserError`; the CLI turns them into a
message and an exit code. Anything else is a bug and reported as such.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass


class Severity(enum.StrEnum):
    """How bad a diagnostic is: errors fail the command, warnings do not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in one file.

    ``line`` is 1-based in the file (the opening ``---`` is line 1) and 0 for a
    problem of the file as a whole; ``path`` is repository-relative with ``/``.
    ``message`` says what is wrong and what to write instead.
    """

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def text(self) -> str:
        """The ``path:line: field: message`` form printed by ``validate``."""
        where = f"{self.path}:{self.line}"
        label = "" if self.severity is Severity.ERROR else "warning: "
        field = f"{self.field}: " if self.field else ""
        return f"{where}: {label}{field}{self.message}"

    def github(self) -> str:
        """A GitHub Actions workflow command, shown as an annotation on the line."""
        command = "error" if self.severity is Severity.ERROR else "warning"
        title = f"{self.field}" if self.field else "servicebook"
        message = _escape_github(self.message)
        location = f"file={_escape_github_property(self.path)}"
        if self.line:
            location += f",line={self.line}"
            if self.column:
                location += f",col={self.column}"
        return f"::{command} {location},title={_escape_github_property(title)}::{message}"


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in reading order: by path, then line, then column and text."""
    return sorted(set(diagnostics), key=lambda d: (d.path, d.line, d.column, d.field, d.message))


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    """True when any diagnostic is an error (warnings never fail a command)."""
    return any(d.severity is Severity.ERROR for d in diagnostics)


def format_diagnostics(diagnostics: Sequence[Diagnostic], fmt: str) -> str:
    """Render diagnostics as ``text``, ``json`` or ``github`` output."""
    if fmt == "json":
        rows = [{**asdict(d), "severity": d.severity.value} for d in diagnostics]
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if fmt == "github":
        return "".join(d.github() + "\n" for d in diagnostics)
    return "".join(d.text() + "\n" for d in diagnostics)


def _escape_github(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_github_property(value: str) -> str:
    return _escape_github(value).replace(":", "%3A").replace(",", "%2C")


class ServicebookError(Exception):
    """Base of the errors a command may raise on purpose."""


class UserError(ServicebookError):
    """A problem the user can fix (missing folder, bad option value).

    The CLI prints the message and exits with ``exit_code``.
    """

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


class UsageError(UserError):
    """The command line itself is wrong; exit code 2."""

    def __init__(self, message: str) -> None:
        super().__init__(message, exit_code=2)


def exhaustion_message(error: BaseException) -> str | None:
    """What to tell the user when a command ran out of memory or of stack.

    Both come from input too large or too deeply nested (the guards in
    ``records/yaml_rules.py`` stop the known cases early); they are the user's to fix,
    so they get a message and exit code 1 rather than "internal error".
    """
    if isinstance(error, MemoryError):
        return (
            "ran out of memory; a file is too large or its YAML aliases expand too far: "
            "make it smaller or write the values out"
        )
    if isinstance(error, RecursionError):
        return "a value is nested too deeply to process; use at most 32 levels of nesting"
    return None
