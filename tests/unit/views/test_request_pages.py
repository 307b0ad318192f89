"""Which requests get a page, and how the requests index splits when there are many."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from generator.facts.request_paging import RequestPagePolicy, paged_requests
from generator.models.request import Request
from generator.sla.status import request_state
from generator.views import request_pages
from generator.views.request_pages import request_listings

AS_OF = datetime(2026, 6, 30, 12, 0, tzinfo=UTC)


def _request(number: int, received: datetime, *events: dict[str, Any]) -> Request:
    return Request.model_validate(
        {
            "id": f"REQ-{number}",
            "title": f"Request {number}",
            "service": "desk",
            "priority": "P3",
            "requester": "someone",
            "received": received,
            "events": list(events),
        }
    )


def _closed(number: int, received: datetime) -> Request:
    resolved = received + timedelta(hours=2)
    return _request(
        number,
        received,
        {"at": resolved, "type": "resolved", "resolution": "done"},
        {"at": resolved + timedelta(days=5), "type": "closed"},
    )


def test_all_gives_every_known_request_a_page() -> None:
    requests = [_closed(1, AS_OF - timedelta(days=400)), _request(2, AS_OF + timedelta(days=1))]
    states = {r.id: request_state(r, AS_OF) for r in requests if r.received <= AS_OF}
    assert paged_requests(requests, states, AS_OF, RequestPagePolicy()) == {"REQ-1"}


def test_open_and_recent() -> None:
    old_closed = _closed(1, AS_OF - timedelta(days=400))
    old_open = _request(2, AS_OF - timedelta(days=400))
    recently_closed = _closed(3, AS_OF - timedelta(days=33))  # closed 28 days ago
    received_recently = _closed(4, AS_OF - timedelta(days=10))
    requests = [old_closed, old_open, recently_closed, received_recently]
    states = {r.id: request_state(r, AS_OF) for r in requests}
    policy = RequestPagePolicy("open_and_recent", recent_days=30)
    assert paged_requests(requests, states, AS_OF, policy) == {"REQ-2", "REQ-3", "REQ-4"}
    assert paged_requests(requests, states, AS_OF, RequestPagePolicy("open_and_recent", 0)) == {
        "REQ-2"
    }


def _rows(january: int, february: int = 0) -> list[dict[str, Any]]:
    """Requests 8 hours apart from the start of each month."""
    starts = [
        (datetime(2026, 1, 1, tzinfo=UTC), january),
        (datetime(2026, 2, 1, tzinfo=UTC), february),
    ]
    requests = [
        _request(index * 1000 + n, start + timedelta(hours=8 * n))
        for index, (start, count) in enumerate(starts)
        for n in range(count)
    ]
    rows = [{"request": r, "state": request_state(r, AS_OF), "sla": "met"} for r in requests]
    return sorted(rows, key=lambda row: row["request"].received, reverse=True)


def test_a_small_index_lists_every_request() -> None:
    listings = list(request_listings(_rows(20), "UTC"))
    assert [(x.path, x.template, len(x.context["rows"])) for x in listings] == [
        ("requests/index.md", "requests_index", 20)
    ]


def test_a_large_index_splits_by_month_and_part(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(request_pages, "INDEX_LIMIT", 50)
    monkeypatch.setattr(request_pages, "PART_ROWS", 40)
    listings = list(request_listings(_rows(90, 50), "UTC"))
    assert [(x.path, len(x.context.get("rows", []))) for x in listings] == [
        ("requests/archive/2026-02.md", 40),
        ("requests/archive/2026-02-2.md", 10),
        ("requests/archive/2026-01.md", 40),
        ("requests/archive/2026-01-2.md", 40),
        ("requests/archive/2026-01-3.md", 10),
        ("requests/index.md", 0),
    ]
    index = listings[-1].context
    assert [(m["month"], m["count"], m["open"]) for m in index["months"]] == [
        ("2026-02", 50, 50),
        ("2026-01", 90, 90),
    ]
    assert index["total"] == 140
    assert len(index["open_rows"]) == 140


def test_months_are_local_to_the_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(request_pages, "INDEX_LIMIT", 0)
    late = _request(1, datetime(2026, 1, 31, 23, 30, tzinfo=UTC))
    rows = [{"request": late, "state": request_state(late, AS_OF), "sla": "met"}]
    paths = [x.path for x in request_listings(rows, "Europe/Berlin")]
    assert paths == ["requests/archive/2026-02.md", "requests/index.md"]
