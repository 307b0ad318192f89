"""How the requests index scales (pure).

A site of 25,000 imported requests must stay buildable and browsable: MkDocs spends about
5 ms on every page, and one index table of every request would be a page of several
megabytes (and, being searchable, most of the search index). So:

- which requests get a page is a fact (``facts/request_paging.py``); every request still
  appears in the tables here.
- Up to ``INDEX_LIMIT`` requests, ``requests/index.md`` lists them all (as small sites
  always had it). Beyond that it lists the open requests and links to one archive page
  per month received (``requests/archive/YYYY-MM.md``, split into parts of ``PART_ROWS``
  rows), which stay out of the navigation and the search index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    pass

INDEX_LIMIT = 500
PART_ROWS = 1000
ARCHIVE = "requests/archive"


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
