"""The text of a new request record: YAML front matter and a Markdown body.

Values are written by PyYAML's emitter, which quotes whatever would otherwise be
read as something else (``@login``, ``Re: printer``, ``yes``), so a requester's
words stay strings and cannot add fields.
"""

from __future__ import annotations

from datetime import UTC
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from datetime import datetime

    from generator.intake.submission import Classification

REQUESTS_DIR = PurePosixPath("records/requests")


def record_path(record_id: str) -> str:
    """``records/requests/2026/11/REQ-20261120-3F2A.md``: by the id's year and month."""
    day = record_id.split("-")[1]
    return str(REQUESTS_DIR / day[:4] / day[4:6] / f"{record_id}.md")


def request_text(
    record_id: str,
    title: str,
    fields: Classification,
    received: datetime,
    body: str,
    channel: str = "github",
) -> str:
    """The whole record file; the body is written as given (escape it first)."""
    lines = [
        "---",
        f"id: {record_id}",
        f"title: {scalar(title)}",
    ]
    if fields.agreement:
        lines.append(f"agreement: {fields.agreement}")
    lines.append(f"service: {fields.service}")
    if fields.category:
        lines.append(f"category: {scalar(fields.category)}")
    lines += [
        f"priority: {fields.priority}",
        f"requester: {scalar(fields.requester)}",
        f"channel: {channel}",
        f"received: {received.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}",
        "---",
    ]
    return "\n".join(lines) + "\n" + body


def scalar(value: str) -> str:
    """One YAML scalar on one line, quoted only when it must be."""
    text = yaml.safe_dump(value, allow_unicode=True, width=1_000_000)
    return text.removesuffix("\n").removesuffix("\n...")
