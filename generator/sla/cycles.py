"""Exchanges of a request: when each reply or update cycle starts and what ends it.

``pauses`` are the metric's pause statuses. A cycle ends on a ``responded`` event, or when
the request enters a status in which it is no longer open (resolved, closed, rejected,
cancelled: the notice of the outcome answers the requester), unless the agreement lists
that status as a pause for the metric: then the cycle only pauses there.

- Reply cycles (``next_response``) start at the oldest unanswered requester ``message``;
  further messages do not restart them. A message written while the request is not open
  starts its cycle at the step that opens the request again (a reopen); a reply in between
  answers it. A reply with nothing pending starts nothing.
- Update cycles (``periodic_update``) start at each ``responded`` and at each ``reopened``
  while the request is open.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from generator.sla.timeline import ENDED_STATUSES

if TYPE_CHECKING:
    from generator.sla.timeline import Timeline

Cycles = list[tuple[datetime, datetime | None, str]]
"""(start, stop or None while running, what stopped it)."""


def ends_reply(status: str, pauses: frozenset[str]) -> bool:
    """Whether entering ``status`` ends a reply clock (the request ended, not a pause)."""
    return status in ENDED_STATUSES and status not in pauses


def reply_cycles(timeline: Timeline, pauses: frozenset[str]) -> Cycles:
    """``next_response``: from the oldest unanswered message to the next reply."""
    found: Cycles = []
    start: datetime | None = None
    waiting: datetime | None = None  # a message written while the request was not open
    for step in timeline.steps:
        ended = ends_reply(step.status, pauses)
        if step.kind == "message" and start is None and waiting is None:
            if ended:
                waiting = step.at
            else:
                start = step.at
        elif step.kind == "responded":
            if start is not None:
                found.append((start, step.at, "responded"))
            start = waiting = None
        if start is not None and ended:
            found.append((start, step.at, step.status))
            start = None
        elif waiting is not None and not ended:
            start, waiting = step.at, None
    if start is not None:
        found.append((start, None, ""))
    return found


def update_cycles(timeline: Timeline, pauses: frozenset[str]) -> Cycles:
    """``periodic_update``: from each reply (or reopen) while open to the next reply."""
    found: Cycles = []
    start: datetime | None = None
    for step in timeline.steps:
        ended = ends_reply(step.status, pauses)
        if step.kind == "responded" and start is not None:
            found.append((start, step.at, "responded"))
            start = None
        if start is not None and ended:
            found.append((start, step.at, step.status))
            start = None
        if start is None and not ended and step.kind in ("responded", "reopened"):
            start = step.at
    if start is not None:
        found.append((start, None, ""))
    return found
