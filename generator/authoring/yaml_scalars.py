"""The one way a value is written into a record's YAML: plain when safe, quoted otherwise.

Records are written by hand rather than by PyYAML's emitter, so a new file looks like
one a person wrote (events one per line in flow style) and an edit never re-wraps the
rest of a file. A string is written plain when YAML reads it back as the same string,
in a ``field: value`` line and inside ``{…}`` or ``[…]`` alike, and does not look like
a word some YAML reader takes for a boolean or null (``yes``, ``Off``, ``y``).
Everything else is double-quoted with JSON escapes (a JSON string is a valid YAML
double-quoted scalar), plus escapes for the characters YAML reads as line breaks or
refuses, so a requester's words stay one string and can never add a field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import yaml

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - libyaml missing
    _Loader = yaml.SafeLoader

Scalar = str | int | bool | datetime | date

# Words and single spaces of letters, digits and ``_./-``, starting with a letter: YAML
# reads these back unchanged, so the common case needs no trial load.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_./-]*(?: [A-Za-z0-9_./-]+)*\Z")
# YAML 1.1 booleans and nulls in any case (PyYAML knows fewer; other readers more).
_RESERVED = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"})
# Characters YAML reads as line breaks or refuses (JSON leaves them as they are).
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
# Never plain: a comment mark, a line break or a tab, or space at either end.
_NEVER_PLAIN = re.compile(r"#|[\n\r\t]|\A\s|\s\Z")


def scalar(value: Scalar) -> str:
    """One scalar for a ``field: value`` line or a flow collection."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _is_plain(text):
        return text
    return _UNSAFE.sub(_escape, json.dumps(text, ensure_ascii=False))


def flow(value: Any) -> str:
    """A value in flow style: ``{at: 2026-11-20T10:06:00+01:00, type: status}``, ``[a, b]``."""
    if value is None:
        return "null"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{key}: {flow(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(item) for item in value) + "]"
    return scalar(value)


def _is_plain(text: str) -> bool:
    if text.lower() in _RESERVED:
        return False
    if _PLAIN.match(text):
        return True
    if not text or _NEVER_PLAIN.search(text) or _UNSAFE.search(text):
        return False
    return _reads_back(text, "k: {}\n") and _reads_back(text, "{{k: [{}]}}\n")


def _reads_back(text: str, frame: str) -> bool:
    try:
        loaded = yaml.load(frame.format(text), Loader=_Loader)
    except yaml.YAMLError:
        return False
    found = loaded.get("k") if isinstance(loaded, dict) else None
    if isinstance(found, list) and len(found) == 1:
        found = found[0]
    return isinstance(found, str) and found == text and len(loaded) == 1


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group(0)):04x}"
