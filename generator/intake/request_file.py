"""The text of a new request record: YAML front matter and a Markdown body.

Values are written by ``authoring.yaml_scalars``, which quotes whatever would
otherwise be read as something else (``@login``, ``Re: printer``, ``yes``), so a
requester's words stay strings and cannot add fields. Where the file goes is
``authoring.paths``'s rule.
"""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING

from generator.authoring.yaml_scalars import scalar

if TYPE_CHECKING:
    from datetime import datetime

    from generator.intake.submission import Classification


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
