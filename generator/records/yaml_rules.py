"""The YAML we accept means one thing: no repeated keys, no explicit tags, bounded aliases.

PyYAML silently keeps the last of two equal keys, turns ``!!binary`` or ``!!python/...``
into values a reviewer cannot read in the diff, and lets a few anchors expand into
millions of values. These checks run on libyaml's node tree (or its events), and
only where the text could hold the problem, so ordinary records pay nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from typing import Any

import yaml

from generator.records.messages import field_name

MAX_ALIAS_NODES = 20_000
MAX_ALIAS_BYTES = 1024 * 1024
MERGE_TAG = "tag:yaml.org,2002:merge"

# A tag starts a node: at a line start or after whitespace, '[', '{' or ','. Texts
# without such a '!' cannot hold a tag, so the event scan below is skipped for them.
_MAYBE_TAG = re.compile(r"(?:^|[\s\[{,])!", re.MULTILINE)
_INVALID_CHARACTER = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)

Loc = tuple[str | int, ...]
_IN_PROGRESS = (0, 0)  # the size of a node whose children are being counted


@dataclass(frozen=True)
class YamlProblem:
    """One refused construct: file line and column (1-based), the field, what to do."""

    line: int
    column: int
    field: str
    message: str


class YamlRefused(yaml.YAMLError):
    """The YAML is well formed but uses a construct we refuse (one or more problems)."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        super().__init__(problems[0].message)
        self.problems = problems


def walk(root: yaml.Node) -> Iterator[tuple[Loc, yaml.Node]]:
    """Every node once with its location, parents first (aliased nodes once)."""
    seen: set[int] = set()
    stack: list[tuple[Loc, yaml.Node]] = [((), root)]
    while stack:
        loc, node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield loc, node
        if isinstance(node, yaml.MappingNode):
            for key, value in reversed(node.value):
                part = key.value if isinstance(key, yaml.ScalarNode) else str(len(loc))
                stack.append(((*loc, part), value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(
                ((*loc, index), item) for index, item in reversed(list(enumerate(node.value)))
            )


def duplicate_keys(
    root: yaml.Node, key_of: Callable[[yaml.Node], Hashable], first_line: int
) -> list[YamlProblem]:
    """Keys that appear more than once in one mapping, each named with every line."""
    found: list[YamlProblem] = []
    for loc, node in walk(root):
        if not isinstance(node, yaml.MappingNode):
            continue
        lines: dict[Hashable, list[tuple[int, int, str]]] = {}
        for key, _value in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == MERGE_TAG:
                continue
            mark = key.start_mark
            lines.setdefault(key_of(key), []).append(
                (mark.line + first_line, mark.column + 1, key.value)
            )
        for places in lines.values():
            if len(places) < 2:
                continue
            line, column, text = places[-1]
            times = "twice" if len(places) == 2 else f"{len(places)} times"
            numbers = [str(place[0]) for place in places]
            listed = ", ".join(numbers[:-1]) + " and " + numbers[-1]
            found.append(
                YamlProblem(
                    line,
                    column,
                    field_name((*loc, text)),
                    f"key '{text}' appears {times} (lines {listed}); keep one",
                )
            )
    return found


def explicit_tags(
    text: str, root: yaml.Node, loader: type[Any], first_line: int
) -> list[YamlProblem]:
    """Values written with an explicit tag (``!!binary``, ``!!str``, ``!custom``, ``!``)."""
    if "!" not in text or _MAYBE_TAG.search(text) is None:
        return []
    tagged: dict[tuple[int, int], str] = {}
    for event in yaml.parse(text, Loader=loader):
        tag = getattr(event, "tag", None)
        mark = event.start_mark
        if tag is not None and isinstance(event, yaml.NodeEvent) and mark is not None:
            tagged[(mark.line, mark.column)] = tag
    if not tagged:
        return []
    found = []
    for loc, node in walk(root):
        mark = node.start_mark
        tag = tagged.pop((mark.line, mark.column), None)
        if tag is None:
            continue
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        found.append(
            YamlProblem(
                mark.line + first_line,
                mark.column + 1,
                field_name(loc),
                f"the tag '{shown}' is not allowed; write the value plainly, without a tag",
            )
        )
    return found


def alias_expansion(root: yaml.Node, first_line: int) -> YamlProblem | None:
    """How far aliases multiply the document, refused past the node or byte limit.

    Sizes are memoised per node, so the check costs what is written, not what it
    expands to. A document without aliases is never refused here.
    """
    sizes: dict[int, tuple[int, int]] = {}
    written = [0, 0]
    first_alias: list[yaml.Node] = []
    cycle: list[yaml.Node] = []

    def size(node: yaml.Node) -> tuple[int, int]:
        known = sizes.get(id(node))
        if known is not None:
            if not first_alias:
                first_alias.append(node)
            if known == _IN_PROGRESS and not cycle:
                cycle.append(node)
            return known
        sizes[id(node)] = _IN_PROGRESS
        nodes, size_bytes = 1, 0
        if isinstance(node, yaml.ScalarNode):
            size_bytes = len(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                for child in (key, value):
                    child_nodes, child_bytes = size(child)
                    nodes += child_nodes
                    size_bytes += child_bytes
        else:
            for child in node.value:
                child_nodes, child_bytes = size(child)
                nodes += child_nodes
                size_bytes += child_bytes
        written[0] += 1
        written[1] += len(node.value) if isinstance(node, yaml.ScalarNode) else 0
        sizes[id(node)] = (nodes, size_bytes)
        return nodes, size_bytes

    nodes, size_bytes = size(root)
    if cycle:
        mark = cycle[0].start_mark
        return YamlProblem(
            mark.line + first_line,
            mark.column + 1,
            "",
            "a YAML alias refers to the value that contains it, which never ends; "
            "write the values out or remove the anchors",
        )
    if not first_alias:
        return None
    if nodes - written[0] <= MAX_ALIAS_NODES and size_bytes - written[1] <= MAX_ALIAS_BYTES:
        return None
    mark = first_alias[0].start_mark
    return YamlProblem(
        mark.line + first_line,
        mark.column + 1,
        "",
        f"YAML aliases expand to {nodes} nodes / {size_bytes} bytes; "
        "write the values out or remove the anchors",
    )


def invalid_character(text: str, first_line: int) -> YamlProblem | None:
    """The first character YAML does not allow (a NUL byte, a control character)."""
    match = _INVALID_CHARACTER.search(text)
    if match is None:
        return None
    start = match.start()
    line = text.count("\n", 0, start) + first_line
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    code = f"U+{ord(match.group()):04X}"
    what = "a NUL byte" if code == "U+0000" else f"the control character {code}"
    return YamlProblem(
        line, column, "", f"{what} at column {column} is not allowed in YAML; remove it"
    )
