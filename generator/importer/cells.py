"""The cells of a source's CSV rows: values by role, timestamps, and rows that cannot be used.

Which column plays which role (``id``, ``opened_at``, ``state``…) comes from the mapping.
Timestamps are wall-clock times in the mapping's zone; a time a DST change repeats is taken
as its first occurrence. A row that cannot be used is reported with its CSV line and
skipped, never silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from generator.errors import Diagnostic, Severity
from generator.intake.untrusted import flatten
from generator.models.common import ID_PATTERN

if TYPE_CHECKING:
    from generator.importer.mapping import Mapping

Row = tuple[int, list[str]]
"""A CSV row: the line it starts on, and its cells."""

_ID_RE = re.compile(ID_PATTERN)
_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """``'Group 56'`` → ``'group-56'``: lower case, runs of other characters as one '-'."""
    return _SLUG_RE.sub("-", text.lower()).strip("-")


@dataclass
class Cells:
    """Reads the cells of one source; ``columns`` gives each mapped column's position."""

    mapping: Mapping
    columns: dict[str, int]
    source_path: str
    zone: ZoneInfo = field(init=False)
    _times: dict[str, datetime | None] = field(init=False, default_factory=dict)
    _missing: frozenset[str] = field(init=False)
    _width: int = field(init=False)

    def __post_init__(self) -> None:
        self.zone = ZoneInfo(self.mapping.timezone)
        self._missing = frozenset(self.mapping.missing)
        self._width = max(self.columns.values(), default=-1) + 1

    def cell(self, cells: list[str], role: str) -> str | None:
        """The value of the column mapped to ``role`` (None when unmapped or missing)."""
        name = getattr(self.mapping.columns, role)
        if name is None:
            return None
        value = cells[self.columns[name]].strip()
        return None if value in self._missing else value

    def time(self, text: str) -> datetime | None:
        """A source timestamp as an aware local time (None when it does not parse)."""
        try:
            return self._times[text]
        except KeyError:
            pass
        try:
            found: datetime | None = datetime.strptime(text, self.mapping.date_format).replace(
                tzinfo=self.zone
            )
        except ValueError:
            found = None
        self._times[text] = found
        return found

    def row_problem(self, line: int, cells: list[str]) -> Diagnostic | None:
        """Why a row cannot be used (it is then skipped), or None."""
        if len(cells) < self._width:
            return self.problem(
                line, "", f"has {len(cells)} cells, fewer than the header; the row is skipped"
            )
        source_id = self.cell(cells, "id")
        if source_id is None:
            return self.problem(line, self.mapping.columns.id, "no ticket id; the row is skipped")
        record_id = self.mapping.id_prefix + source_id
        if not _ID_RE.match(record_id):
            return self.problem(
                line,
                self.mapping.columns.id,
                f"'{flatten(record_id, 60)}' cannot be a record id (letters, digits, '-', '_', "
                "'.'); set id_prefix or clean the column; the row is skipped",
            )
        for role in ("opened_at", "updated_at"):
            value = self.cell(cells, role)
            name = getattr(self.mapping.columns, role)
            if name is None:
                continue
            if value is None or self.time(value) is None:
                shown = "nothing" if value is None else f"'{flatten(value, 40)}'"
                return self.problem(
                    line,
                    name,
                    f"{shown} is not a time in the format {self.mapping.date_format}; "
                    "the row is skipped",
                )
        priority = self.cell(cells, "priority")
        if priority not in self.mapping.priorities:
            return self.problem(
                line,
                self.mapping.columns.priority,
                f"'{flatten(priority or '', 40)}' is not under the mapping's priorities; "
                "add it there; the row is skipped",
            )
        if self.mapping.layout == "event_per_row":
            state = self.cell(cells, "state")
            if state not in self.mapping.states:
                name = self.mapping.columns.state or "state"
                return self.problem(
                    line,
                    name,
                    f"'{flatten(state or '', 40)}' is not under the mapping's states; "
                    "add it there; the row is skipped",
                )
        return None

    def problem(
        self, line: int, column: str, message: str, severity: Severity = Severity.ERROR
    ) -> Diagnostic:
        """A diagnostic about a line of the source."""
        return Diagnostic(self.source_path, line, 0, column, message, severity)

    def bad_time(self, line: int, role: str, value: str) -> Diagnostic:
        """A warning: an optional timestamp that does not parse is left out."""
        column = getattr(self.mapping.columns, role) or role
        return self.problem(
            line,
            column,
            f"'{flatten(value, 40)}' is not a time in the format {self.mapping.date_format}; "
            "the value is left out",
            Severity.WARNING,
        )

    def ref(self, value: str | None) -> str | None:
        """The record id for a group or person named in the source."""
        if value is None:
            return None
        name = slug(value)
        return self.mapping.ref_prefix + name if name else None

    def text(self, cells: list[str], index: int) -> str:
        """A cell for the title template (``unknown`` when missing)."""
        value = cells[index].strip()
        return "unknown" if value in self._missing else value


def number(value: str | None) -> int:
    """A counter cell as a number (0 when missing or not a number)."""
    try:
        return int(value) if value is not None else 0
    except ValueError:
        return 0
