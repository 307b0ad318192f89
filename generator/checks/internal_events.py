"""Internal events stay internal: a note cannot be made public, a reply cannot be hidden.

A ``note`` is staff-only by definition, so ``internal: false`` on one would publish it
to the customer's site: refused, with the event that does publish (``responded``). A
``responded`` or ``message`` event is the conversation with the requester, which the
requester has already seen: ``internal: true`` on one hides nothing and misleads the
reader, so it is refused too.
"""

from __future__ import annotations

from generator.errors import Diagnostic
from generator.models.request import Request
from generator.records.catalog import Catalog

PUBLIC_BY_NATURE = frozenset({"responded", "message"})


def check_internal_events(catalog: Catalog) -> list[Diagnostic]:
    """One error per note marked public and per conversation event marked internal."""
    diagnostics: list[Diagnostic] = []
    for entry, request in catalog.of(Request):
        for index, event in enumerate(request.events):
            loc = ("events", index, "internal")
            if event.type == "note" and "internal" in event.model_fields_set and not event.internal:
                diagnostics.append(
                    entry.diagnostic(
                        loc,
                        "a note is always internal and never reaches a customer; remove "
                        "'internal: false', or tell the requester with a 'responded' event",
                    )
                )
            elif event.type in PUBLIC_BY_NATURE and event.internal:
                diagnostics.append(
                    entry.diagnostic(
                        loc,
                        f"a '{event.type}' event is what the requester saw, so it cannot be "
                        "internal; remove 'internal: true', or write a 'note' for staff",
                    )
                )
    return diagnostics
