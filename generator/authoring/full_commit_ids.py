"""Migration 1 → 2: a maintenance plan's short commit ids written out in full.

Schema 1 (Servicebook 0.1.0) took any id git could resolve in ``commits:``; schema 2
takes only full ids, because a short one can stop naming one commit as the history
grows, and the plan is evidence that must keep naming the same commit. The edit touches
the id's own characters and nothing else (quotes, comments, layout and the body stay),
and the result is read back: when the front matter reads differently in any other way,
the file is left as it was and the id is reported for the user to write.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.analysis.commit_gate import commit_id_problem
from generator.history.commit_names import Resolved
from generator.records.frontmatter import FrontMatterError, ParsedText, parse
from generator.records.sourcemap import SourceMap

FOLDER = "records/maintenance/"
_HEX = re.compile(r"[0-9a-fA-F]+")
_WRITTEN = re.compile(r"(['\"]?)([0-9a-fA-F]+)\1")


@dataclass(frozen=True)
class ShortId:
    """One short id in a plan: its position in ``commits``, its file line and its value."""

    index: int
    line: int
    value: str

    @property
    def key(self) -> str:
        """The id as git is asked for it (lowercase, no spaces)."""
        return self.value.strip().lower()


@dataclass(frozen=True)
class Rewritten:
    """A plan's new text, the changes made (one line each) and the ids that stay short."""

    text: str
    changes: tuple[str, ...] = ()
    problems: tuple[tuple[int, str], ...] = ()


def short_ids(rel: str, text: str) -> list[ShortId]:
    """The short ids a maintenance plan's ``commits`` lists (none for other records, or
    for a file whose front matter does not read: validate reports that)."""
    read = _read(rel, text)
    return [] if read is None else read[2]


def rewrite(rel: str, text: str, resolved: Mapping[str, Resolved]) -> Rewritten:
    """``text`` with every resolvable short id in full; the others are ``problems``."""
    read = _read(rel, text)
    if read is None or not read[2]:
        return Rewritten(text)
    parsed, where, found = read
    lines = text.splitlines(keepends=True)
    expected = list(parsed.data["commits"])
    changes, problems = [], []
    for short in sorted(found, key=lambda s: where.line_of(("commits", s.index)), reverse=True):
        answer = resolved.get(short.key, Resolved(problem=f"'{short.key}' was not looked up"))
        if not answer.full:
            problems.append((short.line, f"commits[{short.index}]: {answer.problem}"))
            continue
        line, column = where.line_of(("commits", short.index))
        edited = _replace_at(lines[line - 1], column - 1, short.value, answer.full)
        if edited is None:
            problems.append((short.line, _by_hand(short, answer.full)))
            continue
        lines[line - 1] = edited
        expected[short.index] = answer.full
        changes.append(f"commits[{short.index}]: {short.key} → {answer.full}")
    new_text = "".join(lines)
    if changes and not _reads_as(new_text, parsed.data, expected):
        return Rewritten(text, problems=tuple(sorted(problems + _all_by_hand(found, resolved))))
    return Rewritten(new_text, tuple(sorted(changes)), tuple(sorted(problems)))


def _read(rel: str, text: str) -> tuple[ParsedText, SourceMap, list[ShortId]] | None:
    """The plan parsed once, its positions and its short ids (None: nothing to look at)."""
    if not rel.startswith(FOLDER):
        return None
    parsed = parse(text)
    if isinstance(parsed, FrontMatterError):
        return None
    commits = parsed.data.get("commits")
    if not isinstance(commits, list):
        return None
    where = SourceMap(parsed.front_matter, parsed.line_offset)
    found = [
        ShortId(index, where.line_of(("commits", index))[0], value)
        for index, value in enumerate(commits)
        if isinstance(value, str) and _is_short(value)
    ]
    return parsed, where, found


def _is_short(value: str) -> bool:
    text = value.strip()
    return bool(_HEX.fullmatch(text)) and commit_id_problem(text) is not None


def _replace_at(line: str, column: int, value: str, full: str) -> str | None:
    """``line`` with the id written at ``column`` replaced by ``full`` (None: not found)."""
    written = _WRITTEN.match(line, column)
    if written is None or written.group(2) != value.strip():
        return None
    start, end = written.span(2)
    return line[:start] + full + line[end:]


def _reads_as(text: str, before: dict[str, Any], commits: list[Any]) -> bool:
    """Does ``text`` read as ``before`` with ``commits`` in place of the old list?"""
    after = parse(text)
    return not isinstance(after, FrontMatterError) and after.data == {
        **before,
        "commits": commits,
    }


def _by_hand(short: ShortId, full: str) -> str:
    return (
        f"commits[{short.index}]: '{short.key}' could not be rewritten in place; "
        f"write the full id {full} yourself"
    )


def _all_by_hand(found: list[ShortId], resolved: Mapping[str, Resolved]) -> list[tuple[int, str]]:
    return [
        (short.line, _by_hand(short, resolved[short.key].full))
        for short in found
        if short.key in resolved and resolved[short.key].full
    ]
