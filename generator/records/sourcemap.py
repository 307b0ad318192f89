"""Map a field location (``('events', 3, 'at')``) to its line in the file.

Built from ``yaml.compose`` nodes only when a diagnostic needs a position, so the
fast path (valid records) never pays for it.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml

Loc = Sequence[str | int]

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader


class SourceMap:
    """Positions of the values in one front-matter block.

    ``line_offset`` is the file line of the first front-matter line minus one, so
    a YAML line ``n`` (0-based) is file line ``n + 1 + line_offset``.
    """

    def __init__(self, front_matter: str, line_offset: int) -> None:
        self._offset = line_offset
        try:
            self._root: yaml.Node | None = yaml.compose(front_matter, Loader=_Loader)
        except yaml.YAMLError:
            self._root = None

    def line_of(self, loc: Loc) -> tuple[int, int]:
        """(line, column), 1-based, of the value at ``loc`` or its nearest parent.

        Location parts that name no key (such as a union tag pydantic adds) are
        skipped, so ``('events', 2, 'assigned', 'group')`` finds ``events[2].group``.
        """
        node = self._root
        if node is None:
            return self._offset + 1, 1
        best = node
        for part in loc:
            child = _child(node, part)
            if child is None:
                continue
            node = best = child
        mark = best.start_mark
        return mark.line + 1 + self._offset, mark.column + 1

    def key_line(self, loc: Loc) -> int:
        """Line of the key that introduces ``loc`` (for a missing value: its parent key)."""
        return self.line_of(loc)[0]


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == part:
                return value  # type: ignore[no-any-return]
        return None
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(part, int)
        and 0 <= part < len(node.value)
    ):
        return node.value[part]  # type: ignore[no-any-return]
    return None
