"""Feeds for calendars and feed readers: maintenance windows (iCalendar and Atom), job runs
(iCalendar) and the latest changes to requests (Atom), so stakeholders hear of them
without visiting the site.

Pure and deterministic: the same windows and ``as_of`` give the same bytes (``DTSTAMP``
and ``updated`` are ``as_of``, never the clock). Every text from the records is escaped
for its format. Links are absolute only when ``site_url`` is known (from ``mkdocs.yml``);
iCalendar has no relative links, so without it events carry no URL.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

from generator.analysis.maintenance import PlannedWindow
from generator.analysis.schedules import Run
from generator.models.common import format_duration
from generator.models.request import Request
from generator.views.describe import describe_event
from generator.views.links import page_url, relative_path

PRODUCT_ID = "-//Servicebook//Service book//EN"
ICALENDAR = "maintenance/windows.ics"
RUNS_ICALENDAR = "schedules/runs.ics"
ATOM = "maintenance/feed.xml"
REQUESTS_ATOM = "requests/feed.xml"


def feed_files(
    windows: Sequence[PlannedWindow],
    runs: Sequence[Run],
    changes: Sequence[AtomEntry],
    as_of: datetime,
    site_name: str,
    titles: dict[str, str],
    site_url: str | None = None,
    directory_urls: bool = True,
) -> dict[str, str]:
    """The feed files of the site, by their path in the staging folder."""
    return {
        ICALENDAR: icalendar(windows, as_of, site_name, titles, site_url, directory_urls),
        RUNS_ICALENDAR: calendar_file(
            f"{site_name}: job schedules",
            [_run_event(run, titles) for run in runs],
            as_of,
            site_url,
            directory_urls,
        ),
        ATOM: atom(windows, as_of, site_name, titles, site_url, directory_urls),
        REQUESTS_ATOM: atom_feed(
            REQUESTS_ATOM,
            f"{site_name}: request updates",
            "requests/index.md",
            site_name,
            as_of,
            changes,
            site_url,
            directory_urls,
        ),
    }


@dataclass(frozen=True)
class CalendarEvent:
    """One event of an iCalendar file; ``page`` is the staged page it is about."""

    uid: str
    start: datetime
    end: datetime
    summary: str
    description: str
    page: str
    tentative: bool = False


def icalendar(
    windows: Sequence[PlannedWindow],
    as_of: datetime,
    site_name: str,
    titles: dict[str, str],
    site_url: str | None = None,
    directory_urls: bool = True,
) -> str:
    """The maintenance windows as an iCalendar file."""
    events = [
        CalendarEvent(
            window.key,
            window.start,
            window.end,
            "Maintenance: " + window.plan.title,
            describe(window, titles),
            f"maintenance/{window.plan.id}.md",
            window.plan.status == "proposed",
        )
        for window in windows
    ]
    return calendar_file(f"{site_name}: maintenance", events, as_of, site_url, directory_urls)


def calendar_file(
    name: str,
    events: Sequence[CalendarEvent],
    as_of: datetime,
    site_url: str | None = None,
    directory_urls: bool = True,
) -> str:
    """An RFC 5545 calendar (CRLF line ends, folded lines, escaped text)."""
    stamp = _ical_time(as_of)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_ical_text(name)}",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}@servicebook",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_ical_time(event.start)}",
            f"DTEND:{_ical_time(event.end)}",
            f"SUMMARY:{_ical_text(event.summary)}",
            f"DESCRIPTION:{_ical_text(event.description)}",
            f"STATUS:{'TENTATIVE' if event.tentative else 'CONFIRMED'}",
            "TRANSP:OPAQUE",
        ]
        if site_url:
            lines.append(f"URL:{absolute_url(site_url, event.page, directory_urls)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _run_event(run: Run, titles: dict[str, str]) -> CalendarEvent:
    schedule = run.schedule
    parts = [f"Expected to take {format_duration(schedule.duration)}."]
    if schedule.components:
        parts.append("Components: " + ", ".join(titles.get(c, c) for c in schedule.components))
    if run.maintenance:
        names = ", ".join(w.plan.title for w in run.maintenance)
        parts.append(f"Overlaps maintenance: {names}.")
    if run.early:
        names = ", ".join(titles.get(d, d) for d in run.early)
        parts.append(f"May start before {names} has finished.")
    if schedule.monitoring:
        parts.append(f"Monitoring: {schedule.monitoring}")
    return CalendarEvent(
        run.key,
        run.start,
        run.end,
        "Job: " + schedule.title,
        _sentences(parts),
        f"schedules/{schedule.id}.md",
    )


@dataclass(frozen=True)
class AtomEntry:
    """One entry of an Atom feed; ``page`` is the staged page it links to."""

    entry_id: str
    title: str
    updated: datetime
    page: str
    summary: str


def atom(
    windows: Sequence[PlannedWindow],
    as_of: datetime,
    site_name: str,
    titles: dict[str, str],
    site_url: str | None = None,
    directory_urls: bool = True,
) -> str:
    """The maintenance windows as an Atom (RFC 4287) feed, soonest first."""
    entries = [
        AtomEntry(
            f"urn:servicebook:maintenance:{window.key}",
            f"{_when(window)}: {window.plan.title}",
            as_of,
            f"maintenance/{window.plan.id}.md",
            describe(window, titles),
        )
        for window in windows
    ]
    title = f"{site_name}: maintenance"
    return atom_feed(
        ATOM, title, "maintenance/index.md", site_name, as_of, entries, site_url, directory_urls
    )


def request_changes(
    requests: Iterable[Request], pages: dict[str, str], as_of: datetime, limit: int = 100
) -> list[AtomEntry]:
    """The latest ``limit`` events up to ``as_of`` of requests that have a page, newest first."""
    found: list[tuple[datetime, str, int, Request]] = []
    for request in requests:
        if request.id not in pages or request.received > as_of:
            continue
        found.append((request.received, request.id, -1, request))
        for index, event in enumerate(request.events):
            if event.at > as_of:
                break  # events are in time order (validated)
            found.append((event.at, request.id, index, request))
    # The newest ``limit`` (sorted(..., reverse=True)[:limit], without sorting them all).
    newest = heapq.nlargest(limit, found, key=lambda item: (item[0], item[1], item[2]))
    entries = []
    for at, request_id, index, request in newest:
        if index < 0:
            what, detail = "received", f"via {request.channel}"
        else:
            event = request.events[index]
            what, detail = event.type.replace("_", " "), describe_event(event)
        entries.append(
            AtomEntry(
                f"urn:servicebook:request:{request_id}:{index + 1}",
                f"{request_id} {what}: {request.title}",
                at,
                pages[request_id],
                " ".join(f"{what.capitalize()}: {detail}".split()) if detail else what.capitalize(),
            )
        )
    return entries


def atom_feed(
    path: str,
    title: str,
    alternate: str,
    author: str,
    as_of: datetime,
    entries: Sequence[AtomEntry],
    site_url: str | None = None,
    directory_urls: bool = True,
) -> str:
    """An Atom (RFC 4287) feed at ``path`` in the site.

    Without ``site_url`` its links are relative to the feed itself, which feed readers
    resolve against the address they fetched it from.
    """

    def link(page: str) -> str:
        if site_url:
            return absolute_url(site_url, page, directory_urls)
        return relative_path(page_url(page, directory_urls), path.rpartition("/")[0]) or "./"

    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <title>{escape(title)}</title>",
        f"  <id>urn:servicebook:{escape(path)}</id>",
        f"  <updated>{_atom_time(as_of)}</updated>",
        f'  <link rel="alternate" href={quoteattr(link(alternate))}/>',
        f"  <author><name>{escape(author)}</name></author>",
    ]
    for entry in entries:
        out += [
            "  <entry>",
            f"    <title>{escape(entry.title)}</title>",
            f"    <id>{escape(entry.entry_id)}</id>",
            f"    <updated>{_atom_time(entry.updated)}</updated>",
            f'    <link rel="alternate" href={quoteattr(link(entry.page))}/>',
            f"    <summary>{escape(entry.summary)}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def describe(window: PlannedWindow, titles: dict[str, str]) -> str:
    """What a reader needs in a calendar entry: when, what, what it touches, who is told."""
    plan = window.plan
    parts = [f"{_when(window)} ({plan.type} maintenance, {plan.status.replace('_', ' ')})."]
    if window.services:
        parts.append("Services: " + ", ".join(titles.get(s, s) for s in window.services) + ".")
    if window.agreements:
        names = ", ".join(titles.get(a.agreement.id, a.agreement.id) for a in window.agreements)
        parts.append(f"Agreements: {names}.")
    clashes = window.clashes
    if clashes:
        names = ", ".join(titles.get(a.agreement.id, a.agreement.id) for a in clashes)
        parts.append(f"Inside the service hours of: {names}.")
    if plan.plan:
        parts.append(plan.plan)
    if plan.notification:
        parts.append(f"Notification: {plan.notification}")
    return _sentences(parts)


def absolute_url(site_url: str, page: str, directory_urls: bool = True) -> str:
    """The full URL of a staged page on the site published at ``site_url``."""
    return site_url.rstrip("/") + "/" + page_url(page, directory_urls)


def _sentences(parts: Sequence[str]) -> str:
    """Parts of a description on one line, each part's whitespace collapsed."""
    return " ".join(" ".join(part.split()) for part in parts)


def _when(window: PlannedWindow) -> str:
    return f"{window.start:%Y-%m-%d %H:%M}–{window.end:%Y-%m-%d %H:%M} UTC"


def _ical_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _atom_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _ical_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newlines escaped."""
    flat = " ".join(str(text).split())
    return flat.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")


def _fold(line: str) -> str:
    """Fold at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    pieces = []
    limit = 75
    while encoded:
        cut = min(limit, len(encoded))
        while cut < len(encoded) and (encoded[cut] & 0xC0) == 0x80:
            cut -= 1  # back off to a character boundary
        pieces.append(encoded[:cut].decode("utf-8"))
        encoded = encoded[cut:]
        limit = 74  # continuation lines start with a space
    return "\r\n ".join(pieces)
