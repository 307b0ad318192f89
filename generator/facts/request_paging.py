"""Which requests get a page of their own (pure): the ``request_pages`` setting.

A site of 25,000 imported requests must stay buildable: MkDocs spends about 5 ms on every
page. ``request_pages: all`` (the default) gives every request a page; ``open_and_recent``
only the requests open at ``as_of`` and those received, resolved or closed within
``recent_days`` before it. Links to a request without a page show its id as plain text.
It is a fact, not a view, because every page's links depend on it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from generator.models.request import Request
    from generator.sla.status import RequestState

PagesSetting = Literal["all", "open_and_recent"]


@dataclass(frozen=True)
class RequestPagePolicy:
    """The ``request_pages`` and ``recent_days`` settings."""

    mode: PagesSetting = "all"
    recent_days: int = 90

    def has_page(self, state: RequestState, received: datetime, as_of: datetime) -> bool:
        """Whether a request known at ``as_of`` gets a page of its own."""
        if self.mode == "all" or state.is_open:
            return True
        since = as_of - timedelta(days=self.recent_days)
        moments = (received, state.resolved_at, state.closed_at)
        return any(moment is not None and moment >= since for moment in moments)


ALL_REQUEST_PAGES = RequestPagePolicy()


def paged_requests(
    requests: Iterable[Request],
    states: dict[str, RequestState],
    as_of: datetime,
    policy: RequestPagePolicy,
) -> set[str]:
    """Ids of the requests that get a page (only those known at ``as_of``)."""
    return {
        request.id
        for request in requests
        if request.id in states and policy.has_page(states[request.id], request.received, as_of)
    }
