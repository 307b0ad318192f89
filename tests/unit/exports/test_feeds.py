"""The maintenance feeds parse with independent readers and escape record text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import icalendar

from generator.analysis.maintenance import PlannedWindow
from generator.exports.feeds import atom, atom_feed, feed_files, request_changes
from generator.models.maintenance import Maintenance
from generator.models.request import Request

AS_OF = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
TITLE = 'Patch <script>alert("x")</script>; reboot, then check'


def planned() -> list[PlannedWindow]:
    plan = Maintenance.model_validate(
        {
            "id": "MNT-1",
            "title": TITLE,
            "type": "preventive",
            "status": "scheduled",
            "owner": "ops",
            "plan": "A long plan. " * 20,
            "window": {"start": "2026-12-05T20:00:00Z", "end": "2026-12-05T22:00:00Z"},
        }
    )
    start = datetime(2026, 12, 5, 20, 0, tzinfo=UTC)
    end = datetime(2026, 12, 5, 22, 0, tzinfo=UTC)
    return [PlannedWindow(plan, start, end, False, ("svc",), ())]


def test_icalendar_round_trips_through_an_independent_parser() -> None:
    files = feed_files(planned(), [], [], AS_OF, "Acme — service book", {"svc": "Mail, calendar"})
    text = files["maintenance/windows.ics"]
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    (event,) = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Maintenance: " + TITLE
    assert event.decoded("DTSTART") == datetime(2026, 12, 5, 20, 0, tzinfo=UTC)
    assert event.decoded("DTSTAMP") == AS_OF
    assert "Services: Mail, calendar." in str(event["DESCRIPTION"])
    assert str(event["UID"]) == "MNT-1-20261205T200000Z@servicebook"


def test_atom_is_well_formed_and_escapes_titles() -> None:
    text = atom(planned(), AS_OF, "Acme", {})
    assert "<script>" not in text
    root = ET.fromstring(text)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    (entry,) = root.findall("a:entry", ns)
    assert (entry.findtext("a:title", namespaces=ns) or "").endswith(TITLE)
    link = entry.find("a:link", ns)
    assert link is not None and link.get("href") == "MNT-1/"  # relative to maintenance/


def test_site_url_makes_links_absolute() -> None:
    text = atom(planned(), AS_OF, "Acme", {}, site_url="https://acme.example/book")
    assert 'href="https://acme.example/book/maintenance/MNT-1/"' in text


def test_a_window_reads_as_one_span_in_local_time() -> None:
    from generator.render.templates import format_span

    night = (datetime(2026, 12, 19, 21, tzinfo=UTC), datetime(2026, 12, 20, 1, tzinfo=UTC))
    day = (datetime(2026, 12, 19, 9, tzinfo=UTC), datetime(2026, 12, 19, 11, tzinfo=UTC))
    change = (datetime(2026, 10, 24, 22, tzinfo=UTC), datetime(2026, 10, 25, 3, tzinfo=UTC))
    assert format_span(*night, "Europe/Berlin") == "2026-12-19 22:00 – 2026-12-20 02:00 CET"
    assert format_span(*day, "Europe/Berlin") == "2026-12-19 10:00–12:00 CET"
    assert format_span(*change, "Europe/Berlin") == ("2026-10-25 00:00 CEST – 2026-10-25 04:00 CET")


def test_request_changes_are_the_latest_events_of_paged_requests() -> None:
    def request(request_id: str, received: str, *events: dict[str, str]) -> Request:
        return Request.model_validate(
            {
                "id": request_id,
                "title": "Printer <b>down</b>",
                "service": "svc",
                "priority": "P3",
                "requester": "a@example.org",
                "received": received,
                "events": list(events),
            }
        )

    first = request(
        "REQ-20261120-0001",
        "2026-11-20T08:00:00Z",
        {"at": "2026-11-20T09:00:00Z", "type": "responded", "text": "On it"},
        {"at": "2026-11-26T09:00:00Z", "type": "resolved", "resolution": "Later than as_of"},
    )
    second = request("REQ-20261124-0002", "2026-11-24T08:00:00Z")
    hidden = request("REQ-20261124-0003", "2026-11-24T09:00:00Z")
    pages = {r.id: f"requests/{r.id}.md" for r in (first, second)}
    entries = request_changes([first, second, hidden], pages, AS_OF, limit=2)
    assert [e.entry_id for e in entries] == [
        "urn:servicebook:request:REQ-20261124-0002:0",
        "urn:servicebook:request:REQ-20261120-0001:1",
    ]
    assert entries[1].summary == "Responded: On it"
    text = atom_feed("requests/feed.xml", "Updates", "requests/index.md", "Acme", AS_OF, entries)
    assert "<b>" not in text
    assert 'href="REQ-20261124-0002/"' in text
    ET.fromstring(text)
