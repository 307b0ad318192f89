"""Split a record file into YAML front matter and Markdown body, and parse the YAML.

PyYAML's C parser (through ``yaml_fast``) is used directly rather than python-frontmatter, because
python-frontmatter strips leading whitespace (line numbers shift) and accepts
non-mapping front matter silently; both matter for ``path:line`` errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from generator.records import yaml_fast

MAX_NODES = 20_000
MAX_DEPTH = 32
UNREADABLE_FIX = "write dates as real calendar dates (YYYY-MM-DD) and numbers below 15 digits"


@dataclass(frozen=True)
class FrontMatterError:
    """Why a file's front matter could not be read: line (1-based) and message."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class ParsedText:
    """A record file split and parsed: the data, its YAML text and where the body starts."""

    data: dict[str, Any]
    front_matter: str
    line_offset: int
    body: str
    body_line: int


@dataclass(frozen=True)
class Bounds:
    """Where the parts of a record file are: ``text[front_start:front_end]`` is the front
    matter, ``text[body_start:]`` the body, which starts on file line ``body_line``."""

    front_start: int
    front_end: int
    body_start: int
    body_line: int


def split(text: str) -> tuple[str, str, int] | FrontMatterError:
    """Return (front matter, body, body's first line) or why the file has no front matter."""
    bounds = find_bounds(text)
    if isinstance(bounds, FrontMatterError):
        return bounds
    front = text[bounds.front_start : bounds.front_end]
    return front, text[bounds.body_start :], bounds.body_line


def find_bounds(text: str) -> Bounds | FrontMatterError:
    """Where the front matter and body of ``text`` are (a leading BOM is skipped)."""
    skip = 1 if text.startswith("\ufeff") else 0
    first_end = text.find("\n", skip)
    first = text[skip:] if first_end < 0 else text[skip:first_end]
    if first.rstrip() != "---":
        return FrontMatterError(
            1, 1, "the file must start with a '---' line, then the YAML fields, then '---'"
        )
    start = first_end + 1
    position = start
    while first_end >= 0:
        end = text.find("\n", position)
        line = text[position:] if end < 0 else text[position:end]
        if line.rstrip() in ("---", "..."):
            body_start = len(text) if end < 0 else end + 1
            return Bounds(start, position, body_start, text.count("\n", start, position) + 3)
        if end < 0:
            break
        position = end + 1
    return FrontMatterError(
        1, 1, "the front matter is not closed; add a '---' line after the last field"
    )


def parse(text: str) -> ParsedText | FrontMatterError:
    """Split and parse one record file; never raises for bad input."""
    parts = split(text)
    if isinstance(parts, FrontMatterError):
        return parts
    front, body, body_line = parts
    offset = 1  # the front matter starts on file line 2
    try:
        data = yaml_fast.load(front)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + offset) if mark else offset + 1
        column = (mark.column + 1) if mark else 1
        problem: str = error.problem or "invalid YAML"
        return FrontMatterError(
            line, column, f"YAML syntax error: {problem}; {_yaml_hint(problem)}"
        )
    except yaml.YAMLError as error:
        return FrontMatterError(offset + 1, 1, f"YAML error: {error}; fix the front matter")
    except (ValueError, OverflowError) as error:
        # PyYAML's own constructor (the slow path) converting an impossible date such as
        # 2026-02-30 or a number of more than 4300 digits.
        return FrontMatterError(
            offset + 1, 1, f"a value cannot be read ({error}); {UNREADABLE_FIX}"
        )
    except RecursionError:
        return FrontMatterError(
            offset + 1, 1, f"the front matter is nested too deeply; use at most {MAX_DEPTH} levels"
        )
    if not isinstance(data, dict):
        found = "nothing" if data is None else f"a {type(data).__name__}"
        return FrontMatterError(
            offset + 1,
            1,
            f"the front matter must be a mapping of 'field: value' lines, not {found}",
        )
    if (
        "&" in front
        or front.count("[") + front.count("{") > MAX_DEPTH
        or "\n" + " " * MAX_DEPTH in front
    ):
        too_big = _size_problem(data)
        if too_big:
            return FrontMatterError(offset + 1, 1, too_big)
    return ParsedText(data, front, offset, body, body_line)


def _yaml_hint(problem: str) -> str:
    if "mapping values" in problem:
        return "quote values that contain ': ' (e.g. title: \"Re: printer\")"
    if "found character '\\t'" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "nesting" in problem:
        return f"use at most {MAX_DEPTH} levels of nesting"
    if "alias" in problem or "anchor" in problem:
        return "remove the '*' or '&', or quote the value"
    return "check indentation, quotes and colons on this line"


def _size_problem(data: Any) -> str | None:
    """Guard against YAML alias bombs and over-deep nesting before validation walks them.

    Only called when the text could hold either (an anchor, many brackets, deep
    indentation), so ordinary records skip the walk.
    """
    budget = MAX_NODES
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        budget -= 1
        if budget < 0:
            return (
                f"the front matter expands to more than {MAX_NODES} values (YAML aliases?); "
                "write the values out instead of repeating anchors"
            )
        if depth > MAX_DEPTH:
            return f"the front matter is nested too deeply; use at most {MAX_DEPTH} levels"
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
    return None
