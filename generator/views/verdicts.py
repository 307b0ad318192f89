"""The decisions record pages show, made once here as plain values on the page contexts.

Templates only test these fields and render them: whether an agreement is approved by
both sides, whether a review is overdue, whether a rating is visible as of the instant,
whether a log entry's action is overdue, how well a supplier agreement fits ours.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from generator.models.agreement import Agreement
from generator.models.calendar_record import BUILT_IN_24X7
from generator.models.log_entry import LogEntry
from generator.models.need import Need
from generator.models.request import Request
from generator.models.schedule import Schedule
from generator.models.supplier import SupplierAgreement

if TYPE_CHECKING:
    from generator.models.common import Review
    from generator.models.request import Satisfaction
    from generator.sla.request_clocks import RequestClocks


class Verdict(NamedTuple):
    """A badge a view chose: the ``kind`` and ``value`` of ``badge(kind, value)``."""

    kind: str
    value: str


ALWAYS_OPEN = frozenset({BUILT_IN_24X7})
"""Calendar ids that mean round the clock: pages name them instead of linking."""


def sla_known(summary: str) -> bool:
    """False when no agreement's clocks apply to the request (``sla_summary``)."""
    return summary != "not_applicable"


def first_resolution_differs(clocks: RequestClocks | None) -> bool:
    """True when a reopened request was first resolved at another time than finally."""
    if clocks is None or not clocks.first_resolution:
        return False
    return clocks.first_resolution.stopped_at != clocks.resolution.stopped_at


def approval(agreement: Agreement) -> str:
    """Which sides approved the agreement, as a verdict key of ``views/badges.py``."""
    sides = {a.role for a in agreement.approvals}
    if "provider" in sides and "customer" in sides:
        return "approved"
    if sides:
        return "awaiting-customer" if "provider" in sides else "awaiting-provider"
    return "not-approved"


def review_overdue(review: Review, as_of: datetime) -> bool:
    """True when the review was never held or its next date has passed at ``as_of``."""
    due = review.due()
    return not due or due < as_of.date()


def review_due(overdue_days: int | None) -> Verdict:
    """How a review on the dashboard stands: never held, overdue, or due soon."""
    if overdue_days is None:
        return Verdict("verdict", "never-reviewed")
    if overdue_days > 0:
        return Verdict("breached", f"overdue by {overdue_days} days")
    return Verdict("at-risk", f"due in {-overdue_days} days")


def rating_as_of(request: Request, as_of: datetime) -> Satisfaction | None:
    """The requester's rating if it was given by ``as_of`` (undated ratings always are)."""
    rating = request.satisfaction
    if rating is None or (rating.at is not None and rating.at > as_of):
        return None
    return rating


def open_due(entry: LogEntry) -> datetime | None:
    """When an open action is due; None once done or without a due date."""
    return entry.due if entry.status == "open" and entry.due else None


def action_overdue(entry: LogEntry, as_of: datetime) -> bool:
    """True when an open action's due date has passed at ``as_of``."""
    due = open_due(entry)
    return due is not None and due < as_of


def log_verdicts(entries: Iterable[LogEntry], as_of: datetime) -> dict[str, Any]:
    """For a table of log entries: open actions' due dates, and which are overdue."""
    listed = list(entries)
    return {
        "due_of": {e.id: due for e in listed if (due := open_due(e)) is not None},
        "overdue_ids": {e.id for e in listed if action_overdue(e, as_of)},
    }


def is_survey(need: Need) -> bool:
    """True for a satisfaction survey's results (they have answers and a score)."""
    return need.type == "survey"


def survey_ids(needs: Iterable[Need]) -> set[str]:
    """The surveys among ``needs``, by id."""
    return {n.id for n in needs if is_survey(n)}


def fit_summary(states: Iterable[str]) -> str | None:
    """How a supplier agreement's fits add up (a verdict key); None with nothing to compare."""
    found = set(states)
    if not found:
        return None
    if "short" in found:
        return "does-not-fit"
    if "workaround" in found:
        return "with-workaround"
    return "fits"


def record_verdicts(record: object, as_of: datetime) -> dict[str, Any]:
    """The verdicts a record's page shows, to merge into its context."""
    if isinstance(record, SupplierAgreement):
        return {"always_open": ALWAYS_OPEN}
    if isinstance(record, Agreement):
        return {
            "always_open": ALWAYS_OPEN,
            "approval": approval(record),
            "review_overdue": record.review is not None and review_overdue(record.review, as_of),
        }
    if isinstance(record, Request):
        return {"rating": rating_as_of(record, as_of)}
    if isinstance(record, Need):
        return {"survey": is_survey(record)}
    if isinstance(record, Schedule):
        return {"active": record.status == "active"}
    if isinstance(record, LogEntry):
        return {"open_due": open_due(record), "overdue": action_overdue(record, as_of)}
    return {}
