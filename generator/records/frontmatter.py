"""Split a record file into YAML front matter and Markdown body, and parse the YAML.

PyYAML's C parser (through ``yaml_fast``) is used directly rather than python-frontmatter, because
python-frontmatter strips leading whitespace (line numbers shift) and accepts
non-mapping front matter silently; both matter for ``path:line`` errors.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from generator.records import yaml_fast, yaml_indent, yaml_rules

MAX_DEPTH = 32
UNREADABLE_FIX = "write dates as real calendar dates (YYYY-MM-DD) and numbers below 15 digits"


@dataclass(frozen=True)
class FrontMatterError:
    """Why a file's front matter could not be read: line (1-based) and message, the
    field where one is known, and any further problems found in the same file."""

    line: int
    column: int
    message: str
    field: str = ""
    others: tuple[FrontMatterError, ...] = ()

    def all(self) -> tuple[FrontMatterError, ...]:
        """This problem and the others, in file order."""
        return (self, *self.others)


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
        # A stray control character in a '---' line hides the line; name the character.
        bad = yaml_rules.invalid_character(text, 1)
        unclosed = parts.message.startswith("the front matter is not closed")
        if bad is not None and (unclosed or bad.line == 1):
            return FrontMatterError(bad.line, bad.column, bad.message)
        return parts
    front, body, body_line = parts
    offset = 1  # the front matter starts on file line 2
    try:
        data = yaml_fast.load(front, offset + 1)
    except yaml_rules.YamlRefused as refused:
        errors = [FrontMatterError(p.line, p.column, p.message, p.field) for p in refused.problems]
        errors.sort(key=lambda e: (e.line, e.column))
        first = errors[0]
        return FrontMatterError(
            first.line, first.column, first.message, first.field, (*errors[1:],)
        )
    except yaml.reader.ReaderError:
        bad = yaml_rules.invalid_character(front, offset + 1)
        if bad is None:  # pragma: no cover - libyaml refuses only what the pattern finds
            return FrontMatterError(offset + 1, 1, "the front matter has a character YAML refuses")
        return FrontMatterError(bad.line, bad.column, bad.message)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 + offset) if mark else offset + 1
        column = (mark.column + 1) if mark else 1
        problem: str = error.problem or "invalid YAML"
        indentation = (
            yaml_indent.explain(front, line - offset, problem, offset + 1) if mark else None
        )
        if indentation:
            return FrontMatterError(line, column, indentation)
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
    except MemoryError:
        return FrontMatterError(
            offset + 1, 1, "the front matter is too large to read; make the record smaller"
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
        too_big = _depth_problem(data)
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


def _depth_problem(data: Any) -> str | None:
    """Guard against over-deep nesting before validation walks it.

    Only called when the text could hold it (an anchor, many brackets, deep
    indentation), so ordinary records skip the walk. Alias expansion is already
    bounded by ``yaml_rules.alias_expansion``, so the walk is bounded too.
    """
    stack: list[tuple[Any, int]] = [(data, 1)]
    seen: set[tuple[int, int]] = set()
    while stack:
        value, depth = stack.pop()
        if isinstance(value, dict | list):
            if (id(value), depth) in seen:
                continue
            seen.add((id(value), depth))
        if depth > MAX_DEPTH:
            return f"the front matter is nested too deeply; use at most {MAX_DEPTH} levels"
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)
    return None
