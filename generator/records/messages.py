"""Turn pydantic validation errors into messages that say what to write instead."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from generator.records.stand_ins import ImpossibleDate, OutOfRangeNumber

NAIVE_HINT = (
    "the timestamp has no UTC offset; add one, e.g. 2026-11-20T09:12:00+01:00 "
    "or 2026-11-20T08:12:00Z"
)
PRIORITY_RANGE = "P1 (highest) to P5"
"""The priorities a record may name; :mod:`generator.checks.hints` narrows it to those the
agreements define."""


def naive_hint(value: Any, zone: str | None) -> str:
    """What to write for a timestamp without offset: the same local time with the offset
    ``zone`` has then (the repository's zone), or the generic example."""
    if zone is None or not isinstance(value, str | datetime):
        return NAIVE_HINT
    try:
        local = value if isinstance(value, datetime) else datetime.fromisoformat(value)
        aware = local.replace(tzinfo=ZoneInfo(zone))
    except (ValueError, KeyError, ZoneInfoNotFoundError):
        return NAIVE_HINT
    offset = aware.isoformat(timespec="seconds")
    utc = aware.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return (
        f"the timestamp has no UTC offset; in {zone} (the settings' time zone) that local "
        f"time is {offset}: write that, or {utc}"
    )


def _case_slip(value: Any, allowed: Sequence[str]) -> str | None:
    """The allowed value ``value`` means when only its case is wrong, else None."""
    if not isinstance(value, str):
        return None
    found = [item for item in allowed if item.lower() == value.lower() and item != value]
    return found[0] if found else None


def real_loc(loc: Sequence[str | int], data: Any) -> tuple[str | int, ...]:
    """Drop parts pydantic adds for unions and dict keys, keeping the path as written.

    A discriminated union adds the tag (``('events', 2, 'assigned', 'group')``);
    the tag is recognised because the data at that level has ``type`` equal to it.
    """
    kept: list[str | int] = []
    current = data
    for index, part in enumerate(loc):
        if part == "[key]":
            continue
        if isinstance(current, dict) and current.get("type") == part and index + 1 < len(loc):
            continue  # the tag of a discriminated union, not a field
        if isinstance(current, dict) and isinstance(part, str) and part not in current:
            kept.append(part)
            current = None
            continue
        kept.append(part)
        if isinstance(current, dict) and isinstance(part, str):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current):
            current = current[part]
        else:
            current = None
    return tuple(kept)


def field_name(loc: Sequence[str | int]) -> str:
    """``('events', 3, 'at')`` → ``events[3].at``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def message_for(
    error: ErrorDetails, model: type[BaseModel] | None, data: Any, zone: str | None = None
) -> str:
    """A one-line explanation of one pydantic error, ending with what to do (``zone``: the
    repository's time zone, for the offset a timestamp lacks)."""
    kind = error["type"]
    value = error.get("input")
    loc = error["loc"]
    if isinstance(value, OutOfRangeNumber | ImpossibleDate):
        return value.message()
    if kind == "missing":
        return "required field is missing; add it"
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else ""
        known = _known_fields(model, loc, data)
        close = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "remove it or check the spelling"
        listed = f" (known fields: {', '.join(known)})" if known else ""
        return f"unknown field; {hint}{listed}"
    if kind == "timezone_aware":
        return naive_hint(value, zone)
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        meant = _case_slip(value, re.findall(r"'([^']*)'", str(expected)))
        if meant is not None:
            return f"{_show(value)} is not allowed: the values are case-sensitive; write '{meant}'"
        return f"{_show(value)} is not allowed; write one of {expected}"
    if kind == "union_tag_invalid":
        expected = error.get("ctx", {}).get("expected_tags", "")
        tag = error.get("ctx", {}).get("tag", value)
        return f"'{tag}' is not a known type; write one of {expected}"
    if kind == "union_tag_not_found":
        return "'type' is missing; add a type field (e.g. type: assigned)"
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    if kind in ("datetime_type", "datetime_parsing", "datetime_from_date_parsing"):
        return f"{_show(value)} is not a timestamp; write e.g. 2026-11-20T09:12:00+01:00"
    if kind in ("date_type", "date_parsing", "date_from_datetime_inexact"):
        return f"{_show(value)} is not a date; write YYYY-MM-DD, e.g. 2026-12-31"
    if kind == "string_pattern_mismatch":
        pattern = error.get("ctx", {}).get("pattern", "")
        if pattern == r"^P[1-5]$":
            if isinstance(value, str) and re.fullmatch(r"p[1-5]", value.strip()):
                return (
                    f"{_show(value)} is not a priority: priorities are upper case; "
                    f"write {value.strip().upper()}"
                )
            return f"{_show(value)} is not a priority; write {PRIORITY_RANGE}"
        return f"{_show(value)} does not have the expected form ({pattern})"
    if kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
        shape = {"list_type": "a list, e.g. [a, b]"}.get(kind, "a mapping of 'field: value'")
        return f"{_show(value)} has the wrong shape; write {shape}"
    return f"{error['msg']}; got {_show(value)}"


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f"'{value}'"
    return text if len(text) <= 60 else text[:57] + "..."


def _known_fields(model: type[BaseModel] | None, loc: Sequence[str | int], data: Any) -> list[str]:
    """Field names allowed where an unknown field was found (best effort, top level and nested)."""
    if model is None:
        return []
    current: Any = model
    for part in real_loc(loc, data)[:-1]:
        if isinstance(part, int) or current is None:
            continue
        field = _fields_by_key(current).get(part) if _is_model(current) else None
        current = _model_of(field.annotation) if field is not None else None
    return sorted(_fields_by_key(current)) if _is_model(current) else []


def _fields_by_key(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """A model's fields by the key written in a file (the alias, where a field has one)."""
    return {field.alias or name: field for name, field in model.model_fields.items()}


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _model_of(annotation: Any) -> Any:
    if _is_model(annotation):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_of(arg)
        if found is not None:
            return found
    return None
