"""The attention feeds and the breach list of a site (pure, deterministic).

``attention/feed.xml`` lists what needs attention for the site's audience (a customer
sees its own requests); the staff site adds ``attention/GROUP.xml`` for every group, so
each team subscribes to its own. ``attention/breaches.json`` is the list of breaches as
of the build: the next ``servicebook notify`` reads the published copy to tell which
breaches are new.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from generator.exports.feeds import AtomEntry, atom_feed
from generator.views.attention import WORDS, Attention

FEED = "attention/feed.xml"
BREACHES = "attention/breaches.json"


def attention_files(
    items: Sequence[Attention],
    groups: Iterable[str] | None,
    as_of: datetime,
    site_name: str,
    pages: dict[str, str],
    titles: dict[str, str],
    site_url: str | None = None,
    directory_urls: bool = True,
) -> dict[str, str]:
    """The feeds (``groups`` None: no group feeds, as on a customer's site) and the list."""

    def feed(path: str, title: str, chosen: Sequence[Attention]) -> str:
        entries = [_entry(item, pages, titles) for item in chosen]
        return atom_feed(
            path, title, "requests/index.md", site_name, as_of, entries, site_url, directory_urls
        )

    files = {FEED: feed(FEED, f"{site_name}: needs attention", items)}
    for group in groups or ():
        path = f"attention/{group}.xml"
        mine = [item for item in items if item.group == group]
        files[path] = feed(
            path, f"{site_name}: needs attention of {titles.get(group, group)}", mine
        )
    files[BREACHES] = breach_list(items, as_of)
    return files


def _entry(item: Attention, pages: dict[str, str], titles: dict[str, str]) -> AtomEntry:
    request = item.request
    words = WORDS[item.kind]
    if item.kind == "awaiting_confirmation":
        summary = f"Resolved {_utc(item.since)}; awaiting the requester's confirmation"
        if item.due is not None:
            summary += f", closes by itself {_utc(item.due)}"
    else:
        summary = f"The {item.what} clock ({request.priority}) is {words}"
        if item.due is not None:
            summary += f"; due {_utc(item.due)}"
    group = titles.get(item.group, item.group) if item.group else "unassigned"
    return AtomEntry(
        f"urn:servicebook:attention:{item.key}:{item.kind}",
        f"{request.id} {item.what} {words}: {request.title}",
        item.since,
        pages.get(request.id, "requests/index.md"),
        f"{summary}. Group: {group}.",
    )


def breach_list(items: Iterable[Attention], as_of: datetime) -> str:
    """JSON of the breaches as of ``as_of``, sorted by key."""
    breaches = sorted((i for i in items if i.kind == "breached"), key=lambda i: i.key)
    document = {
        "as_of": _utc(as_of),
        "breaches": [
            {
                "key": item.key,
                "request": item.request.id,
                "title": item.request.title,
                "clock": item.what,
                "priority": item.request.priority,
                "breached_at": _utc(item.since),
                "group": item.group,
            }
            for item in breaches
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
