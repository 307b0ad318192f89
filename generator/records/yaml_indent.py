"""Explain a YAML syntax error as indentation when the text says it is one.

PyYAML reports a mis-indented line as "mapping values are not allowed here" or
"expected <block end>, but found ...", which names the parser's state, not the
writer's slip. This module looks at the lines themselves: the line the parser stopped
on, and the indentation levels that are open above it (each field that holds fields,
each list item). Pure: text in, a sentence out.
"""

from __future__ import annotations

from dataclasses import dataclass

_INDENT_PROBLEMS = ("mapping values are not allowed", "expected <block end>", "found '-'")


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based within the text
    indent: int  # spaces before the first character
    content: int  # column (0-based) where a field name starts: after '- ' for list items
    key: str  # the field name on the line ('' when the line has none)
    opens: bool  # ends with ':' (its fields or list follow on the next lines)
    item: bool  # starts with '- '


def explain(text: str, line: int, problem: str, first_line: int) -> str | None:
    """What is wrong with the indentation of ``line`` (1-based in ``text``), or None.

    ``first_line`` is the file line of the text's first line, for the lines named in the
    message. None when the problem is not about indentation.
    """
    if not any(marker in problem for marker in _INDENT_PROBLEMS):
        return None
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    here = _read(lines[line - 1], line)
    if here is None:
        return None
    above = [
        parsed
        for number in range(line - 1, 0, -1)
        if (parsed := _read(lines[number - 1], number)) is not None
    ]
    if not above:
        return None
    previous = above[0]

    def at(item: _Line) -> str:
        return f"line {item.number + first_line - 1}"

    def name(item: _Line) -> str:
        return f"'{item.key}:'" if item.key else "the line"

    spaces = _spaces(here.indent)
    if here.indent > previous.content and not previous.opens:
        return (
            f"wrong indentation: this line is indented by {spaces}, more than {name(previous)} "
            f"on {at(previous)}, which already has a value; give it the indentation of that line "
            f"({_spaces(previous.content)}), or end {name(previous)} with ':' "
            "and no value if this line belongs under it"
        )
    levels = _open_levels(above)
    if here.item and any(
        level.content == here.indent and not level.item and level.key for level in levels
    ):
        sibling = next(level for level in levels if level.content == here.indent)
        return (
            f"wrong indentation: this list item ('- ') is at the indentation of {name(sibling)} "
            f"on {at(sibling)}; a field holds either fields or a list, not both: indent the "
            "list under the field it belongs to"
        )
    if all(level.content != here.indent and level.indent != here.indent for level in levels):
        choices = _choices(levels, here.indent)
        options = " or ".join(
            f"{_spaces(column)} ({relation} {name(item)} on {at(item)})"
            for column, relation, item in choices
        )
        return (
            f"wrong indentation: this line is indented by {spaces}, which lines up with no "
            f"field above it; indent it by {options}"
        )
    return None


def _spaces(count: int) -> str:
    if count == 0:
        return "no spaces"
    return "1 space" if count == 1 else f"{count} spaces"


def _read(raw: str, number: int) -> _Line | None:
    stripped = raw.lstrip(" ")
    if not stripped or stripped.startswith("#"):
        return None
    indent = len(raw) - len(stripped)
    item = stripped.startswith("- ") or stripped == "-"
    rest = stripped[2:].lstrip(" ") if item else stripped
    content = len(raw) - len(rest) if item and rest else indent
    key = ""
    head = rest.split(" #", 1)[0].rstrip()
    if ":" in head and not head.startswith(("'", '"', "{", "[")):
        candidate = head.split(":", 1)[0]
        if candidate and " " not in candidate.strip():
            key = candidate.strip()
    opens = (bool(key) and head.endswith(":")) or (item and not rest)
    return _Line(number, indent, content, key, opens, item)


def _open_levels(above: list[_Line]) -> list[_Line]:
    """The lines whose indentation is still open at the line after ``above[0]``.

    Walking up from the nearest line, each line indented less than every line seen so
    far is an enclosing one; the nearest line and its siblings count too.
    """
    levels: list[_Line] = []
    smallest: int | None = None
    for item in above:
        if smallest is None or item.indent < smallest:  # content is never left of indent
            levels.append(item)
            smallest = item.indent
        if smallest == 0:
            break
    return levels


def _choices(levels: list[_Line], indent: int) -> list[tuple[int, str, _Line]]:
    """The one or two open columns nearest to ``indent``, nearest first: a sibling's
    column ("like" it) or the column under a field that opens a block ("under" it)."""
    columns: dict[int, tuple[str, _Line]] = {}
    for level in levels:
        columns.setdefault(level.content, ("like", level))
        if level.item:
            columns.setdefault(level.indent, ("like the '- ' of", level))
        if level.opens and level.key and level is levels[0]:
            # Only the nearest line can still take its first child at any column.
            columns.setdefault(level.content + 2, ("under", level))
    columns.pop(indent, None)
    ranked = sorted(columns.items(), key=lambda pair: (abs(pair[0] - indent), pair[0]))
    return [(column, relation, item) for column, (relation, item) in ranked[:2]]
