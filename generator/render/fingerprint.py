"""The fingerprint of a page context: equal fingerprints mean the same template renders the
same text, so a page whose fingerprint is unchanged need not be rendered again.

The digest is canonical: it covers every value a template can reach (every field of a
model or a dataclass, every item of a collection) and is the same in every process (a set
is taken in sorted order, never in the order its hashes give). A value of a type it does
not know makes the whole context unknown (``None``): such a page is always rendered.
Objects shared by many pages (an agreement, a calendar) are encoded once per
:class:`Fingerprints`.

A dataclass whose objects many pages share (a commit's citation) may say so with a
class attribute ``fingerprint_shared = True``: each object is then encoded once too.

A dataclass that is a pure function of a few inputs may say so with a method
``fingerprint_inputs()``: the inputs are encoded instead of its fields (far fewer values:
a request's timeline is its request, the instant and the auto-close period, and the
request is encoded once already). It returns None to have its fields taken after all.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal
from pathlib import PurePath
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

_LEAVES = frozenset({str, int, float, bool, type(None), date, timedelta})
"""Exact types whose ``repr`` is their whole value, taken without further checks."""
_BY_REPR = (datetime, date, time, timedelta, tzinfo, enum.Enum, Decimal, PurePath, str)


class Unknown(Exception):
    """A value the fingerprint cannot vouch for."""


class Fingerprints:
    """Fingerprints of many contexts in one run, sharing the encoding of shared objects."""

    def __init__(self) -> None:
        self._shared: dict[int, str] = {}
        self._kept: list[object] = []  # keeps memoised objects alive, so ids stay theirs
        self._fields: dict[type, tuple[str, ...]] = {}
        self._by_inputs: set[type] = set()
        self._by_id: set[type] = set()

    def of(self, value: object) -> str | None:
        """The hex digest of ``value``, or None when it holds a value of an unknown type."""
        out: list[str] = []
        try:
            self._encode(value, out)
        except Unknown:
            return None
        return hashlib.blake2b("\x1f".join(out).encode(), digest_size=16).hexdigest()

    def _encode(self, value: Any, out: list[str]) -> None:
        kind = type(value)
        if kind in _LEAVES:
            out.append(repr(value))
            return
        if kind is datetime:
            out.append(_instant(value))
            return
        names = self._fields.get(kind)
        if names is not None:  # a dataclass seen before: the bulk of a page's context
            out.append(kind.__qualname__)
            for name in names:
                item = getattr(value, name)
                if type(item) in _LEAVES:
                    out.append(repr(item))
                elif type(item) is datetime:
                    out.append(_instant(item))
                else:
                    self._encode(item, out)
            out.append(")")
            return
        if kind is list or kind is tuple:
            out.append("[" if kind is list else "(")
            for item in value:
                if type(item) in _LEAVES:
                    out.append(repr(item))
                else:
                    self._encode(item, out)
            out.append("]")
            return
        if kind is dict:
            out.append("{")
            for key, item in value.items():
                self._encode(key, out)
                self._encode(item, out)
            out.append("}")
            return
        if kind is set or kind is frozenset:
            parts = []
            for item in value:
                part: list[str] = []
                self._encode(item, part)
                parts.append("\x1f".join(part))
            out.extend(("<", *sorted(parts), ">"))
            return
        if isinstance(value, _BY_REPR):
            out.append(repr(value))
            return
        known = self._shared.get(id(value))
        if known is not None:
            out.append(known)
            return
        if isinstance(value, BaseModel):
            try:
                text = kind.__qualname__ + value.__pydantic_serializer__.to_json(value).decode()
            except PydanticSerializationError as error:
                raise Unknown(kind.__qualname__) from error
            self._share(value, text)
            out.append(text)
            return
        if kind in self._by_inputs:
            inputs = value.fingerprint_inputs()
            if inputs is not None:
                out.append(kind.__qualname__ + "<-")
                self._encode(inputs, out)
            else:  # no inputs stand for this one: its fields do
                out.append(kind.__qualname__)
                for item in dataclasses.fields(value):
                    self._encode(getattr(value, item.name), out)
            out.append(")")
            return
        if kind in self._by_id:  # known already, as ``known`` above, or encoded now
            own: list[str] = [kind.__qualname__]
            for item in dataclasses.fields(value):
                self._encode(getattr(value, item.name), own)
            own.append(")")
            self._share(value, "\x1f".join(own))
            out.extend(own)
            return
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            if callable(getattr(kind, "fingerprint_inputs", None)):
                self._by_inputs.add(kind)
            elif getattr(kind, "fingerprint_shared", False) is True:
                self._by_id.add(kind)
            else:
                self._fields[kind] = tuple(f.name for f in dataclasses.fields(value))
            self._encode(value, out)
            return
        raise Unknown(kind.__qualname__)

    def _share(self, value: object, text: str) -> None:
        self._shared[id(value)] = text
        self._kept.append(value)


def _instant(value: datetime) -> str:
    """An instant by its local time and offset, and its zone's name when it has one: a
    fixed offset is the same whether it came from YAML or from the record cache (which
    give it different tzinfo classes)."""
    zone = value.tzinfo
    if zone is None or isinstance(zone, timezone) or type(zone).__name__ == "TzInfo":
        return f"T{value.isoformat()}"
    if isinstance(zone, ZoneInfo):
        return f"T{value.isoformat()}[{zone.key}]"
    return f"T{value.isoformat()}{zone!r}"
