"""Which requests get a page of their own, and how the requests index scales (pure).

A site of 25,000 imported requests must stay buildable and browsable: MkDocs spends about
5 ms on every page, and one index table of every request would be a page of several
megabytes (and, being searchable, most of the search index). So:

- ``request_pages: all`` (the default) gives every request a page;
  ``open_and_recent`` only the requests open at ``as_of`` and those received, resolved or
  closed within ``recent_days`` before it. Links to a request without a page show its id
  as plain text; every request still appears in the tables.
- Up to ``INDEX_LIMIT`` requests, ``requests/index.md`` lists them all (as small sites
  always had it). Beyond that it lists the open requests and links to one archive page
  per month received (``requests/archive/YYYY-MM.md``, split into parts of ``PART_ROWS``
  rows), which stay out of the navigation and the search index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from generator.analysis.status import RequestState
    from generator.models.request import Request

INDEX_LIMIT = 500
PART_ROWS = 1000
ARCHIVE = "requests/archive"
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


@dataclass(frozen=True)
class Listing:
    """A page of the requests index: its path, template and context."""

    path: str
    template: str
    context: dict[str, Any]


def request_listings(rows: list[dict[str, Any]], timezone: str) -> Iterator[Listing]:
    """The requests index, and monthly archive pages when there are many requests.

    ``rows`` are the index rows (``request``, ``state``, ``sla``), newest first.
    """
    if len(rows) <= INDEX_LIMIT:
        yield Listing("requests/index.md", "requests_index", {"rows": rows})
        return
    zone = ZoneInfo(timezone)
    by_month: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        month = row["request"].received.astimezone(zone).strftime("%Y-%m")
        by_month.setdefault(month, []).append(row)
    months = []
    for month, month_rows in sorted(by_month.items(), reverse=True):
        parts = list(_parts(month_rows))
        paths = [_part_path(month, number) for number in range(1, len(parts) + 1)]
        months.append(
            {
                "month": month,
                "count": len(month_rows),
                "open": sum(1 for row in month_rows if row["state"].is_open),
                "paths": paths,
            }
        )
        for number, part in enumerate(parts, start=1):
            yield Listing(
                paths[number - 1],
                "requests_month",
                {
                    "month": month,
                    "rows": part,
                    "part": number,
                    "parts": paths,
                    "count": len(month_rows),
                },
            )
    open_rows = [row for row in rows if row["state"].is_open]
    yield Listing(
        "requests/index.md",
        "requests_overview",
        {"months": months, "open_rows": open_rows, "total": len(rows)},
    )


def _parts(rows: list[dict[str, Any]]) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), PART_ROWS):
        yield rows[start : start + PART_ROWS]


def _part_path(month: str, number: int) -> str:
    suffix = "" if number == 1 else f"-{number}"
    return f"{ARCHIVE}/{month}{suffix}.md"


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
