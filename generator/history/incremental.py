"""Parse the revisions of one file in order, re-parsing only the fields that changed.

Most revisions of a record change one top-level field, and most of those append
to a list (an event, an approval, a readiness check). Parsing every revision in
full would cost the size of the whole history times the size of a file; here
each revision is split into its top-level fields (a line starting in column 0
begins one), a field whose text is unchanged keeps its value, a list field whose
old text is a prefix of the new one parses only the appended items, and anything
else parses the field alone.

The result is always what parsing the whole front matter gives: whenever the
text is not plain enough for that to hold (anchors or aliases, unbalanced
brackets, a field that does not parse alone), the revision is parsed in full.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import yaml

from generator.records import yaml_fast
from generator.records.frontmatter import FrontMatterError, parse, split

Data = Mapping[str, Any]
Field = tuple[str, Any]  # (the field's text, its value)


class _NotPlain(Exception):
    """A field whose text may not parse the same on its own (take the whole file)."""


class RevisionParser:
    """Parses successive revisions of one record file; remembers the last one's fields."""

    def __init__(self) -> None:
        self._fields: dict[str, Field] = {}

    def parse(self, text: str) -> Data | None:
        """The front matter of ``text`` as a mapping, or None when it is not readable."""
        parts = split(text)
        if isinstance(parts, FrontMatterError):
            self._fields = {}
            return None
        front = parts[0]
        chunks = _chunks(front) if "&" not in front and "*" not in front else None
        if chunks is None or not self._fields:
            return self._full(text, chunks)
        data: dict[str, Any] = {}
        fields: dict[str, Field] = {}
        try:
            for head, chunk in chunks:
                value = self._value(head, chunk)
                if not isinstance(value, dict):
                    return self._full(text, None)
                data.update(value)
                fields[head] = (chunk, value)
        except (yaml.YAMLError, RecursionError, _NotPlain):
            return self._full(text, None)
        self._fields = fields
        return data

    def _value(self, head: str, chunk: str) -> Any:
        before = self._fields.get(head)
        if before is not None:
            old_text, old_value = before
            if old_text == chunk:
                return old_value
            appended = _appended(old_text, old_value, chunk)
            if appended is not None:
                return appended
        _check_plain(chunk)
        return yaml_fast.load(chunk)

    def _full(self, text: str, chunks: list[tuple[str, str]] | None) -> Data | None:
        """Parse the whole file; remember its fields when each chunk is one plain field."""
        self._fields = {}
        parsed = parse(text)
        if isinstance(parsed, FrontMatterError):
            return None
        data = parsed.data
        if chunks is not None and len(chunks) == len(data):
            try:
                for (head, chunk), key in zip(chunks, data, strict=True):
                    _check_plain(chunk)
                    self._fields[head] = (chunk, {key: data[key]})
            except _NotPlain:
                self._fields = {}
        return data


def _check_plain(text: str) -> None:
    """Refuse text whose brackets do not balance: a flow collection may span fields."""
    if text.count("[") != text.count("]") or text.count("{") != text.count("}"):
        raise _NotPlain


def _appended(old_text: str, old_value: Any, chunk: str) -> dict[str, Any] | None:
    """The field's value when ``chunk`` only adds list items after ``old_text``."""
    if not chunk.startswith(old_text) or not isinstance(old_value, dict) or len(old_value) != 1:
        return None
    ((key, items),) = old_value.items()
    if not isinstance(items, list) or not items:
        return None
    tail = chunk[len(old_text) :]
    if not tail.lstrip(" ").startswith("- "):
        return None
    _check_plain(tail)
    added = yaml_fast.load(tail)
    if not isinstance(added, list):
        return None
    return {key: [*items, *added]}


def _chunks(front: str) -> list[tuple[str, str]] | None:
    """Top-level fields as (first line, text); None when there is no field."""
    chunks: list[tuple[str, str]] = []
    head: str | None = None
    lines: list[str] = []
    for line in front.splitlines(keepends=True):
        if line[:1] not in ("", " ", "\t", "#", "\n", "\r"):
            if head is not None:
                chunks.append((head, "".join(lines)))
            head, lines = line, []
        lines.append(line)
    if head is None:
        return None
    chunks.append((head, "".join(lines)))
    return chunks
