"""Build Python values from libyaml's node tree faster than PyYAML's generic constructor.

Record front matter is plain data: mappings, sequences, strings, numbers,
booleans, dates and timestamps. libyaml (C) parses and resolves tags; this
module turns the resulting nodes into values directly, several times faster than
``yaml.load`` because it skips PyYAML's generator-based construction. Anything
unusual (merge keys, binary, sets, custom tags) falls back to PyYAML's own
constructor, so the result is the same as ``yaml.load(..., CSafeLoader)``, with one
exception: numbers out of range become :class:`OutOfRangeNumber` (see there).
Anchors keep their meaning: an aliased node yields the same object.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from typing import Any

import yaml

from generator.records import yaml_rules
from generator.records.stand_ins import MAX_NUMBER, ImpossibleDate, OutOfRangeNumber

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

_T = "tag:yaml.org,2002:"
_STR, _MAP, _SEQ = _T + "str", _T + "map", _T + "seq"
_INT, _FLOAT, _BOOL, _NULL, _TIME = (
    _T + "int",
    _T + "float",
    _T + "bool",
    _T + "null",
    _T + "timestamp",
)
_TRUE = frozenset({"yes", "true", "on"})


class _FastLoader(_Loader):  # type: ignore[valid-type,misc]
    """libyaml's loader with a memoised tag resolver.

    libyaml calls back into Python to resolve every node's tag; plain scalars
    repeat a lot (field names, event types), so their tags are remembered.
    SafeLoader has no path resolvers, so the descend/ascend hooks do nothing.
    """

    _plain_tags: dict[str, str] = {}  # noqa: RUF012 - a process-wide cache on purpose

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        """No path resolvers are registered for safe loading."""

    def ascend_resolver(self) -> None:
        """No path resolvers are registered for safe loading."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        """The tag of a node; cached for plain scalars (the result depends on the text only)."""
        if kind is yaml.ScalarNode and implicit == (True, False):
            tag = self._plain_tags.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)
                if len(self._plain_tags) < 50_000:
                    self._plain_tags[value] = tag
            return tag
        return super().resolve(kind, value, implicit)


class _Unusual(Exception):
    """A node this fast path does not handle; PyYAML constructs the document instead."""


class _Repeated(Exception):
    """A mapping has fewer keys than it was written with: some key is repeated."""


def load(text: str, first_line: int = 1) -> Any:
    """Parse one YAML document like ``yaml.load(text, Loader=CSafeLoader)``, but refuse
    repeated keys, explicit tags and runaway aliases (:class:`yaml_rules.YamlRefused`,
    lines counted from ``first_line`` for the text's first line)."""
    loader = _FastLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        problems = yaml_rules.explicit_tags(text, node, _Loader, first_line)
        expansion = yaml_rules.alias_expansion(node, first_line) if "&" in text else None
        if expansion is not None:
            raise yaml_rules.YamlRefused([expansion])
        if problems:  # report repeated keys in the same run
            problems.extend(_repeated(node, loader, first_line))
            raise yaml_rules.YamlRefused(sorted(problems, key=lambda p: (p.line, p.column)))
        try:
            return _build(node, {}, loader)
        except (_Unusual, _Repeated):
            repeated = _repeated(node, loader, first_line)
            if repeated:
                raise yaml_rules.YamlRefused(repeated) from None
            return loader.construct_document(node)
    finally:
        loader.dispose()


def _repeated(node: yaml.Node, loader: yaml.SafeLoader, first_line: int) -> list[Any]:
    """Every repeated key below ``node`` (keys compared as loaded values)."""

    def key_of(key: yaml.Node) -> Any:
        try:
            return _build(key, {}, loader)
        except _Unusual:
            return (key.tag, key.value)

    return yaml_rules.duplicate_keys(node, key_of, first_line)


def _build(node: yaml.Node, memo: dict[int, Any], loader: yaml.SafeLoader) -> Any:
    key = id(node)
    if key in memo:
        return memo[key]
    tag = node.tag
    if tag == _STR:
        value: Any = node.value
    elif tag == _MAP:
        value = {}
        memo[key] = value
        for key_node, value_node in node.value:
            if key_node.tag not in (_STR, _INT, _BOOL, _NULL, _FLOAT, _TIME):
                raise _Unusual
            item_key = _build(key_node, memo, loader)
            value[item_key] = _build(value_node, memo, loader)
        if len(value) != len(node.value):
            raise _Repeated
        return value
    elif tag == _SEQ:
        value = []
        memo[key] = value
        value.extend(_build(item, memo, loader) for item in node.value)
        return value
    else:
        value = _scalar(tag, node, loader)
    memo[key] = value
    return value


def _number(text: str, node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    """An int or float as PyYAML reads it, or :class:`OutOfRangeNumber` when absurd.

    Checked on the text first: Python refuses to convert more than 4300 decimal digits.
    """
    if len(text) > 40:
        return OutOfRangeNumber(text)
    scalar: Any = node  # PyYAML's stubs want a ScalarNode; libyaml gave exactly that
    value = (
        loader.construct_yaml_int(scalar)
        if node.tag == _INT
        else loader.construct_yaml_float(scalar)
    )
    if (isinstance(value, float) and not math.isfinite(value)) or abs(value) >= MAX_NUMBER:
        return OutOfRangeNumber(text)
    return value


def _scalar(tag: str, node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    text: str = node.value
    if tag == _TIME:
        try:
            return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
        except ValueError:
            try:
                return loader.construct_yaml_timestamp(node)  # type: ignore[arg-type]
            except ValueError:
                return ImpossibleDate(text)  # 2026-02-30: a date's form, no such day
    if tag == _INT:
        return int(text) if text.isdigit() and len(text) < 16 else _number(text, node, loader)
    if tag == _BOOL:
        return text.lower() in _TRUE
    if tag == _NULL:
        return None
    if tag == _FLOAT:
        return _number(text, node, loader)
    raise _Unusual
