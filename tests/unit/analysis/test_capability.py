"""Capability: an agreement's targets judged on the requests the provider really handled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from generator.analysis.capability import MIN_MEASURED, capability, population
from generator.models.agreement import Agreement
from generator.models.calendar_record import Calendar
from generator.models.request import Request
from generator.sla.calendars import CalendarBook
from generator.sla.evaluation import evaluate_under
from tests.sla_records import agreement, calendar

AS_OF = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
BOOK = CalendarBook([Calendar.model_validate(calendar())], range(2025, 2028), "Europe/Berlin")


def requests(count: int, answer_after: timedelta, **more: Any) -> list[Request]:
    """``count`` P3 requests on weekday mornings, answered and resolved after ``answer_after``."""
    found = []
    for day in range(count):
        received = datetime(2026, 10, 5, 8, 0, tzinfo=UTC) + timedelta(
            days=7 * (day % 6), hours=day % 3
        )
        data: dict[str, Any] = {
            "id": f"REQ-20261005-{day:04X}",
            "title": "Printer",
            "service": "svc",
            "priority": "P3",
            "requester": "a@example.org",
            "received": received.isoformat(),
            "events": [
                {"at": (received + answer_after).isoformat(), "type": "responded", "text": "On it"},
                {
                    "at": (received + answer_after).isoformat(),
                    "type": "resolved",
                    "resolution": "Done",
                },
            ],
        }
        data.update(more)
        found.append(Request.model_validate(data))
    return found


def judged(target: str, handled: list[Request]) -> dict[tuple[str, str], str]:
    candidate = Agreement.model_validate(
        agreement(
            [{"match": {}, "first_response": target, "resolution": "8h"}], status="negotiating"
        )
    )
    clocks = evaluate_under(candidate, population(candidate, handled, AS_OF), BOOK, AS_OF)
    return {(row.metric, row.priority): row.verdict for row in capability(clocks)}


def test_targets_the_team_meets_are_achievable() -> None:
    # Received without any agreement: capability looks at the work, not at the contract.
    verdicts = judged("1h", requests(MIN_MEASURED, timedelta(minutes=20)))
    assert verdicts == {("first_response", "P3"): "achievable", ("resolution", "P3"): "achievable"}


def test_targets_shorter_than_the_usual_answer_are_unlikely() -> None:
    verdicts = judged("15m", requests(MIN_MEASURED, timedelta(minutes=20)))
    assert verdicts[("first_response", "P3")] == "unlikely"
    assert verdicts[("resolution", "P3")] == "achievable"


def test_too_few_requests_give_no_verdict() -> None:
    verdicts = judged("15m", requests(MIN_MEASURED - 1, timedelta(minutes=20)))
    assert set(verdicts.values()) == {"too_few"}


def test_only_recent_requests_for_the_services_count() -> None:
    candidate = Agreement.model_validate(agreement([{"match": {}, "resolution": "8h"}]))
    recent = requests(2, timedelta(minutes=20))
    other = requests(1, timedelta(minutes=20), service="other", id="REQ-20261005-0FFF")
    old = requests(
        1, timedelta(minutes=20), received="2026-01-05T08:00:00Z", id="REQ-20260105-0001"
    )
    assert [r.id for r in population(candidate, recent + other + old, AS_OF)] == [
        r.id for r in recent
    ]
