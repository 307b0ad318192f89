"""Closure requires an action: a request is closed only once someone recorded what was done.

A ``resolved`` event says what the outcome was; an ``action`` event says what work was
done to get there, which is what the service record and the CMMI evidence rest on. The
rule holds unless the request was rejected or cancelled (no work was due) or its
agreement sets ``closure_requires_action: false``. Records already written only get a
warning; ``servicebook close`` refuses to write a close that breaks it. Closes that came
with an imported request (``imported:`` set) are the other tool's history, kept under that
tool's rules: they get no warning, as nobody can add the action now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.models.request import Action, Closed, Reopened, StatusChange

if TYPE_CHECKING:
    from generator.models.agreement import Agreement
    from generator.models.request import Request


def requires_action(agreement: Agreement | None) -> bool:
    """Whether closing needs an action under ``agreement`` (on without an agreement)."""
    return agreement is None or agreement.closure_requires_action


def closes_without_action(request: Request, agreement: Agreement | None) -> list[int]:
    """Indexes of the ``closed`` events of a request with no ``action`` at all, where the
    rule holds and the request was not rejected or cancelled at that point (an action
    recorded after the close, as the append-only log allows, settles it)."""
    if not requires_action(agreement) or any(isinstance(e, Action) for e in request.events):
        return []
    if request.imported is not None:
        return []
    found: list[int] = []
    ended = False
    for index, event in enumerate(request.events):
        if isinstance(event, StatusChange):
            ended = event.status in ("rejected", "cancelled")
        elif isinstance(event, Reopened):
            ended = False
        elif isinstance(event, Closed) and not ended:
            found.append(index)
    return found


def close_needs_action(request: Request, agreement: Agreement | None) -> bool:
    """Whether a ``closed`` event appended now would break the rule."""
    if not requires_action(agreement):
        return False
    return not any(isinstance(e, Action) for e in request.events) and not _ended(request)


def _ended(request: Request) -> bool:
    ended = False
    for event in request.events:
        if isinstance(event, StatusChange):
            ended = event.status in ("rejected", "cancelled")
        elif isinstance(event, Reopened):
            ended = False
    return ended
