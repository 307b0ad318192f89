"""A request page's timeline (transfers, status changes, clock steps) and its receipt."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from generator.models.request import Request
from generator.sla.status import request_state
from generator.views.request_view import completion_notice, timeline_rows

AS_OF = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def _request(*events: dict[str, Any], **extra: object) -> Request:
    return Request.model_validate(
        {
            "id": "REQ-20261120-7F3A",
            "title": "Laptop",
            "service": "workplace-it",
            "priority": "P3",
            "requester": "alice@acme.example",
            "received": "2026-11-20T09:00:00Z",
            "events": list(events),
            **extra,
        }
    )


ASSIGNED = {"at": "2026-11-20T09:10:00Z", "type": "assigned", "group": "desk", "person": "bob"}
TRANSFER = {"at": "2026-11-20T10:00:00Z", "type": "assigned", "group": "infra", "reason": "network"}
WAITING = {"at": "2026-11-20T11:00:00Z", "type": "status", "status": "waiting_on_requester"}
RESOLVED = {"at": "2026-11-21T09:00:00Z", "type": "resolved", "resolution": "Replaced the cable"}
CLOSED = {"at": "2026-11-22T09:00:00Z", "type": "closed", "confirmed_by": "requester"}


def test_timeline_reads_an_assignment_to_another_group_as_a_transfer() -> None:
    rows = timeline_rows(_request(ASSIGNED, TRANSFER, WAITING), None, AS_OF)
    assert [(r.label, r.detail) for r in rows] == [
        ("received", "via portal"),
        ("assigned", "to desk / bob"),
        ("transferred", "from desk to infra: network"),
        ("status", "assigned → waiting on requester"),
    ]
    assert [r.event_index for r in rows] == [None, 0, 1, 2]


def test_timeline_stops_at_as_of() -> None:
    rows = timeline_rows(
        _request(ASSIGNED, RESOLVED), None, datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    )
    assert [r.label for r in rows] == ["received", "assigned"]


def test_completion_notice_of_a_closed_request() -> None:
    request = _request(ASSIGNED, RESOLVED, CLOSED, satisfaction={"score": 4, "comment": "Quick"})
    notice = completion_notice(request, request_state(request, AS_OF), None, AS_OF)
    assert notice is not None
    assert notice.resolution == "Replaced the cable"
    assert notice.closing == "confirmed by requester"
    assert notice.closed_at == datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    assert notice.satisfaction is not None and notice.satisfaction.score == 4


def test_open_requests_have_no_notice_and_later_ratings_are_not_shown() -> None:
    request = _request(ASSIGNED)
    assert completion_notice(request, request_state(request, AS_OF), None, AS_OF) is None
    rated_later = _request(
        ASSIGNED, RESOLVED, satisfaction={"score": 2, "at": "2026-11-30T09:00:00Z"}
    )
    notice = completion_notice(rated_later, request_state(rated_later, AS_OF), None, AS_OF)
    assert notice is not None and notice.satisfaction is None
