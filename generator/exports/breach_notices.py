"""The message sent for each new SLA breach: a GitHub issue comment or an e-mail (pure).

One message per breach not in the previous published list, so a P1 breach reaches
its group within the hour of the scheduled run instead of whenever someone looks.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from generator.exports.feeds import absolute_url
from generator.views.attention import Attention

FORMATS = ("github", "email")


@dataclass(frozen=True)
class BreachNotice:
    """One message: a file name, and its text."""

    name: str
    text: str


def previous_keys(text: str) -> frozenset[str] | None:
    """The breach keys of a published ``attention/breaches.json``; None when the text is
    not such a list."""
    try:
        document = json.loads(text)
        return frozenset(str(item["key"]) for item in document["breaches"])
    except (ValueError, KeyError, TypeError):
        return None


def new_breaches(items: Sequence[Attention], previous: frozenset[str]) -> list[Attention]:
    """The breaches whose key the previous run did not list, oldest first."""
    return [i for i in items if i.kind == "breached" and i.key not in previous]


def notice(
    item: Attention,
    fmt: str,
    timezone: str,
    group_email: str | None,
    site_name: str,
    page: str | None,
    site_url: str | None,
    directory_urls: bool = True,
) -> BreachNotice:
    """The message for one breach, in ``fmt`` (``github`` Markdown or ``email`` text)."""
    request = item.request
    when = item.since.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M %Z")
    link = absolute_url(site_url, page, directory_urls) if site_url and page else None
    # The title is untrusted (intake forms): one line in an e-mail, inert in Markdown.
    title = _header(request.title) if fmt == "email" else _markdown(request.title)
    subject = f"SLA breach: {request.id} {item.what} ({request.priority}): {title}"
    opening = f"The {item.what} target of {request.id} ({request.priority}) ran out at {when}."
    facts = [
        f"Request: {title}",
        f"Group: {item.group or 'none (unassigned)'}",
        f"Status: {item.state.status.replace('_', ' ')}",
    ]
    if link:
        facts.append(f"Page: {link}")
    closing = f"Sent by the scheduled publish of {site_name}; one message per new breach."
    stem = f"{request.id}-{item.what.replace(' ', '-')}"
    if fmt == "email":
        head = [f"Subject: {subject}"]
        if group_email:
            head.insert(0, f"To: {_header(group_email)}")
        lines = [*head, "", opening, "", *facts, "", closing]
        return BreachNotice(f"{stem}.eml", "\n".join(lines) + "\n")
    lines = [f"### {subject}", "", opening, "", *(f"- {f}" for f in facts), "", closing]
    return BreachNotice(f"{stem}.md", "\n".join(lines) + "\n")


def _header(text: str) -> str:
    """One header line: no line break can start another header."""
    return " ".join(text.split())


def _markdown(text: str) -> str:
    """Text safe in a GitHub comment: no HTML, no mention, no link or image syntax."""
    out = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for char in "[]`*_@#!|":
        out = out.replace(char, "\\" + char)
    return out
