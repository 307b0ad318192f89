"""Front matter parsed in an earlier run, by git blob id: a blob's content never changes,
so neither does what it parses to.

Reading the history parses every revision of every record; on a large import that is
one YAML parse per record per commit, on every run. This cache keeps each blob's parsed
front matter as JSON (dates and instants tagged, so they come back as the same values)
and is used only by the working copy that wrote it, with the same Servicebook code and
libraries (the record cache's salt). A value that JSON cannot give back exactly (a key
that is not text, a type YAML's safe loader does not make) is not kept: that blob is
parsed again next time. Anything unreadable discards the whole file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from generator.records.cache import code_salt, working_copy

FILE = "history-blobs.v1.json"
_INSTANT = "\x00instant"
_DAY = "\x00date"
Data = Mapping[str, Any]


class _Inexact(Exception):
    """A value JSON would not give back as it is."""


class ParsedBlobs:
    """The parsed blobs of one repository's cache folder (None: no cache)."""

    def __init__(self, folder: Path | None, root: Path) -> None:
        self._folder = folder
        self._stamp = json.dumps(_stamp(root))
        self._lines: dict[str, str] = {}
        if folder is not None:
            self._lines = _read(folder / FILE, self._stamp)

    def __contains__(self, blob: object) -> bool:
        return blob in self._lines

    def get(self, blob: str) -> tuple[bool, Data | None]:
        """(True, what ``blob`` parsed to) when kept; (False, None) otherwise."""
        line = self._lines.get(blob)
        if line is None:
            return False, None
        try:
            return True, json.loads(line, object_hook=_decode_object)
        except ValueError:
            del self._lines[blob]
            return False, None

    def add(self, blob: str, data: Data | None) -> None:
        """Keep ``data`` as what ``blob`` parses to (when JSON gives it back exactly)."""
        if self._folder is None or blob in self._lines:
            return
        try:
            self._lines[blob] = json.dumps(
                None if data is None else _encode(data), ensure_ascii=False
            )
        except _Inexact:
            return

    def save(self, used: set[str]) -> None:
        """Write the kept blobs of ``used`` (best effort: a cache not written costs time)."""
        if self._folder is None:
            return
        lines = [self._stamp, *(f"{b}\t{self._lines[b]}" for b in sorted(used) if b in self._lines)]
        temporary = self._folder / f".{FILE}.{os.getpid()}.tmp"
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            temporary.write_text("\n".join(lines) + "\n", encoding="utf-8")
            temporary.replace(self._folder / FILE)
        except OSError:
            return


def _stamp(root: Path) -> list[Any]:
    return [code_salt(), working_copy(root)]


def _read(file: Path, stamp: str) -> dict[str, str]:
    try:
        lines = file.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return {}
    if lines[0] != stamp:
        return {}
    kept: dict[str, str] = {}
    for line in lines[1:]:
        blob, tab, text = line.partition("\t")
        if tab:
            kept[blob] = text
    return kept


def _encode(value: Any) -> Any:
    kind = type(value)
    if kind is str or kind is int or kind is float or kind is bool or value is None:
        return value
    if kind is datetime:
        return {_INSTANT: value.isoformat()}
    if kind is date:
        return {_DAY: value.isoformat()}
    if kind is list:
        return [_encode(item) for item in value]
    if kind is dict:
        encoded = {}
        for key, item in value.items():
            if type(key) is not str or key.startswith("\x00"):
                raise _Inexact
            encoded[key] = _encode(item)
        return encoded
    raise _Inexact


def _decode_object(value: dict[str, Any]) -> Any:
    if len(value) == 1:
        if _INSTANT in value:
            return datetime.fromisoformat(value[_INSTANT])
        if _DAY in value:
            return date.fromisoformat(value[_DAY])
    return value
