"""Every field that holds a record id says which kinds it names, and the generic walk
finds references in nested values and lists."""

from __future__ import annotations

import typing
from collections.abc import Iterator
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator

from generator.models.common import RecordModel, _check_id
from generator.models.reference import Ref, references, steps
from generator.models.request import Request
from generator.records.kinds import KINDS


def _models() -> set[type[BaseModel]]:
    seen: set[type[BaseModel]] = set()
    stack: list[type[BaseModel]] = [m for kind in KINDS for m in kind.models]
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        for field in model.model_fields.values():
            stack.extend(
                m
                for m in _inner(field.annotation)
                if isinstance(m, type) and issubclass(m, RecordModel)
            )
    return seen


def _inner(annotation: Any) -> Iterator[Any]:
    yield annotation
    for arg in typing.get_args(annotation):
        yield from _inner(arg)


def _metadata(annotation: Any) -> Iterator[Any]:
    for part in _inner(annotation):
        if typing.get_origin(part) is Annotated:
            yield from part.__metadata__


def _is_record_id(items: list[Any]) -> bool:
    return any(isinstance(m, BeforeValidator) and m.func is _check_id for m in items)


def test_every_record_id_field_declares_the_kinds_it_names() -> None:
    forgotten = []
    for model in _models():
        for name, field in model.model_fields.items():
            metadata = [*field.metadata, *_metadata(field.annotation)]
            if name == "id" or not _is_record_id(metadata):
                continue
            if not any(isinstance(m, Ref) for m in metadata):
                forgotten.append(f"{model.__name__}.{name}")
    assert sorted(forgotten) == []
    assert len(_models()) > 20


def test_a_record_id_without_ref_is_caught() -> None:
    from generator.models.common import RecordId

    class Loose(RecordModel):
        other: RecordId

    field = Loose.model_fields["other"]
    assert _is_record_id([*field.metadata, *_metadata(field.annotation)])
    assert steps(Loose) == ()


def test_the_walk_finds_nested_and_listed_references() -> None:
    request = Request.model_validate(
        {
            "id": "REQ-1",
            "title": "t",
            "agreement": "AGR",
            "service": "svc",
            "priority": "P3",
            "requester": "a@example.com",
            "received": "2026-01-01T09:00:00Z",
            "events": [
                {"type": "note", "at": "2026-01-01T09:01:00Z", "text": "x"},
                {"type": "assigned", "at": "2026-01-01T09:02:00Z", "group": "desk", "person": "bo"},
            ],
            "plan": [{"action": "a", "owner": "desk"}],
        }
    )
    assert list(references(request)) == [
        (("agreement",), "AGR", ("agreement",)),
        (("service",), "svc", ("service",)),
        (("events", 1, "group"), "desk", ("group",)),
        (("events", 1, "person"), "bo", ("person",)),
        (("plan", 0, "owner"), "desk", ("group", "person")),
    ]
