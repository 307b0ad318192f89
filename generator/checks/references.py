"""Dangling references: every id a record names must exist and be of the right kind.

Which fields name which kinds is declared on the models (``models/reference.py``); this
one pass walks them for every record.
"""

from __future__ import annotations

import difflib

from generator.errors import Diagnostic
from generator.models.calendar_record import BUILT_IN_24X7, Calendar
from generator.models.common import Record
from generator.models.reference import references
from generator.models.request import Request
from generator.models.service import Service
from generator.records.catalog import Catalog
from generator.records.kinds import SHAPES, SHAPES_BY_NAME
from generator.records.loader import LoadedRecord

KIND_NAMES: dict[type[Record], str] = {model: shape.name for model, shape in SHAPES.items()}


_BY_NAME: dict[str, type[Record]] = {name: shape.model for name, shape in SHAPES_BY_NAME.items()}


class _Models(dict[tuple[str, ...], tuple[type[Record], ...]]):
    """Kind names of a ``Ref`` → the models they stand for (each tuple looked up once)."""

    def __missing__(self, names: tuple[str, ...]) -> tuple[type[Record], ...]:
        models = tuple(_BY_NAME[name] for name in names)
        self[names] = models
        return models


_MODELS = _Models()


def check_references(catalog: Catalog) -> list[Diagnostic]:
    """One diagnostic per reference to a missing record or one of the wrong kind."""
    diagnostics: list[Diagnostic] = []
    for entry in catalog.entries.values():
        for loc, target, names in references(entry.record):
            problem = _problem(catalog, target, _MODELS[names])
            if problem:
                diagnostics.append(entry.diagnostic(loc, problem))
        if isinstance(entry.record, Request):
            diagnostics.extend(_check_category(catalog, entry, entry.record))
    return diagnostics


def _problem(catalog: Catalog, target: str, kinds: tuple[type[Record], ...]) -> str | None:
    wanted = " or ".join(KIND_NAMES[k] for k in kinds)
    if kinds == (Calendar,) and target == BUILT_IN_24X7:
        return None
    found = catalog.get(target)
    if found is None:
        if target in catalog.invalid_ids:
            where = catalog.invalid_ids[target]
            return f"refers to '{target}', which has errors ({where}); fix that record"
        close = _close_ids(catalog, target, kinds)
        if close:
            return f"no {wanted} has the id '{target}'; did you mean '{close}'?"
        return f"no {wanted} has the id '{target}'; create it or correct the id"
    if not isinstance(found.record, kinds):
        actual = KIND_NAMES.get(type(found.record), "record")
        return f"'{target}' is a {actual} ({found.path}), not a {wanted}; name a {wanted}"
    return None


def _close_ids(catalog: Catalog, target: str, kinds: tuple[type[Record], ...]) -> str | None:
    """The id of the wanted kinds nearest to a mistyped one (case slips first)."""
    ids = [entry.record.id for entry in catalog.entries.values() if isinstance(entry.record, kinds)]
    folded = target.casefold()
    for candidate in ids:
        if candidate.casefold() == folded:
            return candidate
    close = difflib.get_close_matches(target, ids, n=1, cutoff=0.75)
    return close[0] if close else None


def _check_category(catalog: Catalog, entry: LoadedRecord, request: Request) -> list[Diagnostic]:
    service = catalog.record(request.service, Service)
    if service is None or request.category is None or not service.categories:
        return []
    known = service.category_ids()
    if request.category in known:
        return []
    return [
        entry.diagnostic(
            ("category",),
            f"'{request.category}' is not a category of service '{service.id}'; "
            f"write one of {', '.join(known)}",
        )
    ]
