"""References between records, declared on the fields that hold them (pure).

A field that names another record is typed with one of the ids below, e.g.
``services: list[ServiceId]`` or ``owner: OwnerId``: a :data:`RecordId` annotated with
:class:`Ref`, the kinds of record it may name. :func:`references` walks a record by
those annotations (nested values and lists included), so the one generic check in
``checks/references.py`` finds every reference, and a new field cannot be forgotten
(``tests/unit/models/test_references_declared.py`` fails on a RecordId without a Ref).
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel

from generator.models.common import RecordId


@dataclass(frozen=True)
class Ref:
    """The kinds of record a field may name, in the order messages list them."""

    kinds: tuple[str, ...]


def ref(*kinds: str) -> Ref:
    """``Ref`` of the given kind names (``"group"``, ``"person"``, …)."""
    return Ref(kinds)


AgreementId = Annotated[RecordId, ref("agreement")]
CalendarId = Annotated[RecordId, ref("calendar")]
ComponentId = Annotated[RecordId, ref("component")]
GroupId = Annotated[RecordId, ref("group")]
MaintenanceId = Annotated[RecordId, ref("maintenance plan")]
OrganizationId = Annotated[RecordId, ref("organization")]
PersonId = Annotated[RecordId, ref("person")]
ProcedureId = Annotated[RecordId, ref("procedure")]
RequestId = Annotated[RecordId, ref("request")]
ScheduleId = Annotated[RecordId, ref("schedule")]
ServiceId = Annotated[RecordId, ref("service")]
OwnerId = Annotated[RecordId, ref("group", "person")]
"""Who owns or does something: a group or a person."""
PartyId = Annotated[RecordId, ref("person", "organization", "group")]
"""Who approved, raised or signed: a person, an organization or a group."""

Loc = tuple[str | int, ...]
Shape = Literal["one", "many", "model", "models"]
Step = tuple[str, Shape, tuple[str, ...]]


def references(value: BaseModel, prefix: Loc = ()) -> Iterator[tuple[Loc, str, tuple[str, ...]]]:
    """Every (location, id, kinds) the value names, in field order; empty ids skipped."""
    for name, shape, kinds in steps(type(value)):
        held = getattr(value, name)
        if shape == "one":
            if held:
                yield (*prefix, name), held, kinds
        elif shape == "many":
            for index, target in enumerate(held):
                yield (*prefix, name, index), target, kinds
        elif shape == "model":
            if held is not None:
                yield from references(held, (*prefix, name))
        else:
            for index, item in enumerate(held):
                # Most events name nothing: skip them without starting a generator (25k
                # requests have hundreds of thousands of events).
                model: type[BaseModel] = type(item)
                if steps(model):
                    yield from references(item, (*prefix, name, index))


@functools.cache
def steps(model: type[BaseModel]) -> tuple[Step, ...]:
    """How to find a model's references: one step per field that holds any (cached)."""
    found: list[Step] = []
    for name, field in model.model_fields.items():
        step = _step(name, field.annotation, tuple(field.metadata))
        if step is not None:
            found.append(step)
    return tuple(found)


def _step(name: str, annotation: Any, metadata: tuple[Any, ...]) -> Step | None:
    kinds = _kinds(metadata)
    annotation = _without_none(annotation)
    if kinds is None and typing.get_origin(annotation) is Annotated:
        kinds = _kinds(annotation.__metadata__)
    if kinds is not None:
        return (name, "one", kinds)
    if typing.get_origin(annotation) is list:
        (inner,) = typing.get_args(annotation)
        if typing.get_origin(inner) is Annotated:
            inner_kinds = _kinds(inner.__metadata__)
            if inner_kinds is not None:
                return (name, "many", inner_kinds)
            inner = typing.get_args(inner)[0]
        if any(_holds_references(m) for m in _models(inner)):
            return (name, "models", ())
        return None
    if any(_holds_references(m) for m in _models(annotation)):
        return (name, "model", ())
    return None


def _holds_references(model: type[BaseModel]) -> bool:
    return bool(steps(model))


def _kinds(metadata: tuple[Any, ...]) -> tuple[str, ...] | None:
    for item in metadata:
        if isinstance(item, Ref):
            return item.kinds
    return None


def _without_none(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (Union, types.UnionType):
        rest = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return annotation


def _models(annotation: Any) -> list[type[BaseModel]]:
    """The models a type may hold: itself, or each member of a (discriminated) union."""
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (Union, types.UnionType):
        return [m for a in typing.get_args(annotation) for m in _models(a)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []
