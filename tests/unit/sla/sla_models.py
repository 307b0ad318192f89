"""Records built in memory for SLA unit tests (the same models the loader produces)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from generator.models.agreement import Agreement
from generator.models.calendar_record import Calendar
from generator.models.request import Request
from generator.sla.evaluation import SlaReport, evaluate_records
from generator.sla.request_clocks import RequestClocks

OFFICE = {day: ["08:00-18:00"] for day in ("mon", "tue", "wed", "thu", "fri")}


def calendar_record(
    calendar_id: str = "office",
    timezone: str = "Europe/Berlin",
    weekly: dict[str, list[str]] | None = None,
    **more: Any,
) -> Calendar:
    """A calendar (office hours Monday to Friday 08:00-18:00 unless given)."""
    data = {"id": calendar_id, "title": "Hours", "timezone": timezone}
    return Calendar.model_validate({**data, "weekly": OFFICE if weekly is None else weekly, **more})


def agreement_record(targets: list[dict[str, Any]], **more: Any) -> Agreement:
    """An agreement on the ``office`` calendar unless ``calendar`` is given."""
    data: dict[str, Any] = {
        "id": "AGR-1",
        "title": "Agreement",
        "status": "active",
        "customer": "acme",
        "services": ["svc"],
        "effective": "2000-01-01",
        "calendar": "office",
        "targets": targets,
    }
    return Agreement.model_validate({**data, **more})


def request_record(
    received: str, events: list[dict[str, Any]] | None = None, priority: str = "P3", **more: Any
) -> Request:
    """A request under ``AGR-1`` for service ``svc``."""
    data: dict[str, Any] = {
        "id": "REQ-1",
        "title": "Request",
        "agreement": "AGR-1",
        "service": "svc",
        "priority": priority,
        "requester": "alice@acme.example",
        "received": received,
        "events": events or [],
    }
    return Request.model_validate({**data, **more})


def report(
    requests: list[Request],
    agreements: list[Agreement],
    calendars: list[Calendar],
    as_of: str,
) -> SlaReport:
    """The clocks of every request at ``as_of``."""
    return evaluate_records(requests, agreements, calendars, utc(as_of))


def clocks(
    request: Request, agreement: Agreement, calendars: list[Calendar], as_of: str
) -> RequestClocks:
    """The clocks of one request at ``as_of``."""
    (found,) = report([request], [agreement], calendars, as_of).requests
    return found


def utc(text: str) -> datetime:
    """An ISO instant (with offset or Z) in UTC."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
