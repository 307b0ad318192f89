"""Append an event to a request file by inserting one line: every other byte stays.

The YAML is never dumped again (that would re-quote, re-order and re-wrap what
people wrote). The position comes from ``yaml.compose`` marks: after the last
item of the ``events`` block list, at its indentation, in the flow style the
records use (``- {at: …, type: status, status: in_progress}``).
"""

from __future__ import annotations

from collections.abc import Mapping

import yaml

from generator.authoring.yaml_scalars import Scalar, flow
from generator.records.frontmatter import FrontMatterError, split

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader


class EditError(ValueError):
    """The file cannot be edited in place; the message says what to change first."""


def append_event(text: str, event: Mapping[str, Scalar]) -> str:
    """``text`` with one event line added at the end of its ``events`` list."""
    parts = split(text)
    if isinstance(parts, FrontMatterError):
        raise EditError(parts.message)
    front = parts[0]
    start = text.find("\n") + 1  # the front matter follows the opening '---' line
    newline = "\r\n" if "\r\n" in text else "\n"
    line = flow(event)
    try:
        root = yaml.compose(front, Loader=_Loader)
    except yaml.YAMLError as error:
        raise EditError(f"the front matter is not valid YAML ({error}); fix it first") from None
    if not isinstance(root, yaml.MappingNode):
        raise EditError("the front matter must be a mapping of 'field: value' lines")
    for key, value in root.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "events":
            edited = _insert(front, key, value, line, newline)
            return text[:start] + edited + text[start + len(front) :]
    addition = f"events:{newline}  - {line}{newline}"
    if front and not front.endswith("\n"):
        addition = newline + addition
    return text[: start + len(front)] + addition + text[start + len(front) :]


def _insert(front: str, key: yaml.Node, value: yaml.Node, line: str, newline: str) -> str:
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        end = _leaf_end(value)
        if end > 0 and front[end - 1] == "\n":  # a block scalar ends after its newline
            at = end
        else:
            line_end = front.find("\n", end)
            at = len(front) if line_end < 0 else line_end + 1
        indent = " " * value.start_mark.column
        return front[:at] + f"{indent}- {line}{newline}" + front[at:]
    empty_flow = isinstance(value, yaml.SequenceNode) and value.flow_style and not value.value
    empty_scalar = isinstance(value, yaml.ScalarNode) and value.value in ("", "~", "null")
    if empty_flow or empty_scalar:
        line_end = front.find("\n", key.end_mark.index)
        line_end = len(front) if line_end < 0 else line_end
        if line_end > 0 and front[line_end - 1] == "\r":
            line_end -= 1
        return front[: key.end_mark.index] + f":{newline}  - {line}" + front[line_end:]
    raise EditError(
        "events is not a list with one event per line; write it as "
        "'events:' followed by lines '  - {at: …, type: …}' and try again"
    )


def _leaf_end(node: yaml.Node) -> int:
    """Index just after the last value inside ``node`` (block nodes end at the next key)."""
    if isinstance(node, yaml.SequenceNode | yaml.MappingNode) and not node.flow_style:
        items = node.value
        if items:
            last = items[-1]
            return _leaf_end(last[1] if isinstance(last, tuple) else last)
    end: int = node.end_mark.index
    return end
