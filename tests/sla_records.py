"""Build small repositories of real record files for SLA tests, and read the export back.

``write_repo`` writes a calendar, an agreement (with its customer, provider, group and
service) and requests as Markdown files with YAML front matter, exactly as a user would.
``export`` runs the real command line on them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from tests.helpers import run_cli

AGREEMENT_ID = "AGR-TEST"
SERVICE_ID = "svc"
CALENDAR_ID = "cal-test"
OFFICE = {day: ["08:00-18:00"] for day in ("mon", "tue", "wed", "thu", "fri")}


def write_record(root: Path, folder: str, data: dict[str, Any], body: str = "") -> Path:
    """``records/<folder>/<id>.md`` with ``data`` as front matter."""
    path = root / "records" / folder / f"{data['id']}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    return path


def calendar(
    timezone: str = "Europe/Berlin",
    weekly: dict[str, list[str]] | None = None,
    holidays: list[Any] | None = None,
    **more: Any,
) -> dict[str, Any]:
    """A calendar record (office hours Monday to Friday 08:00-18:00 unless given)."""
    data: dict[str, Any] = {
        "id": CALENDAR_ID,
        "title": "Test hours",
        "timezone": timezone,
        "weekly": OFFICE if weekly is None else weekly,
    }
    if holidays:
        data["holidays"] = holidays
    data.update(more)
    return data


def agreement(targets: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    """An active agreement on the test calendar with these target rows."""
    data: dict[str, Any] = {
        "id": AGREEMENT_ID,
        "title": "Test agreement",
        "status": "active",
        "customer": "acme",
        "provider": "prov",
        "services": [SERVICE_ID],
        "effective": "2000-01-01",
        "calendar": CALENDAR_ID,
        "targets": targets,
        "approvals": [
            {"by": "prov", "role": "provider", "at": "1999-12-01T10:00:00Z"},
            {"by": "acme", "role": "customer", "at": "1999-12-02T10:00:00Z"},
        ],
    }
    data.update(more)
    return data


def request(
    request_id: str,
    received: str,
    events: list[dict[str, Any]],
    priority: str = "P3",
    **more: Any,
) -> dict[str, Any]:
    """A request under the test agreement."""
    data: dict[str, Any] = {
        "id": request_id,
        "title": f"Request {request_id}",
        "agreement": AGREEMENT_ID,
        "service": SERVICE_ID,
        "priority": priority,
        "requester": "alice@acme.example",
        "received": received,
        "events": events,
    }
    data.update(more)
    return data


def write_repo(
    root: Path,
    calendar_record: dict[str, Any] | None,
    agreement_record: dict[str, Any],
    requests: list[dict[str, Any]],
) -> Path:
    """The whole repository: roster, service, calendar, agreement and requests."""
    write_record(root, "people", {"id": "acme", "type": "organization", "title": "ACME",
                                  "role": "customer"})  # fmt: skip
    write_record(root, "people", {"id": "prov", "type": "organization", "title": "Provider",
                                  "role": "provider"})  # fmt: skip
    write_record(root, "people", {"id": "desk", "type": "group", "title": "Desk"})
    write_record(root, "services", {"id": SERVICE_ID, "title": "Service", "owner": "desk"})
    if calendar_record is not None:
        write_record(root, "calendars", calendar_record)
    write_record(root, "agreements", agreement_record)
    for data in requests:
        write_record(root, "requests", data)
    return root


def export(root: Path, as_of: str, *more: str) -> dict[str, Any]:
    """``servicebook export --as-of AS_OF`` on ``root``, parsed; fails on a non-zero exit."""
    run = run_cli("export", "--root", str(root), "--as-of", as_of, *more, cwd=root)
    assert run.code == 0, run.err
    document: dict[str, Any] = json.loads(run.out)
    return document


def clocks_of(document: dict[str, Any], request_id: str) -> dict[str, Any]:
    """The ``clocks`` object of one request of an export."""
    for item in document["requests"]:
        if item["id"] == request_id:
            found: dict[str, Any] = item["clocks"]
            return found
    raise AssertionError(f"{request_id} not in the export")
