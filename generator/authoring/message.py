"""Commit messages for changes made by the CLI: a subject and machine-readable trailers.

```
REQ-20261120-7F3A: status in_progress

Record: REQ-20261120-7F3A
Event: status in_progress
```

``Record`` names the record, ``Event`` each change (``<type> <detail>``); git
reads them with ``git interpret-trailers`` and the audit trail links them.
"""

from __future__ import annotations

from collections.abc import Sequence

MAX_SUBJECT = 72


def one_line(text: str, limit: int = MAX_SUBJECT) -> str:
    """Whitespace collapsed to single spaces, cut to ``limit`` characters."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def commit_message(record_id: str, events: Sequence[str], subject: str | None = None) -> str:
    """The message: ``<id>: <subject>``, a blank line, then the trailers."""
    head = one_line(f"{record_id}: {subject or ' and '.join(events)}")
    trailers = [f"Record: {record_id}", *(f"Event: {one_line(event)}" for event in events)]
    return head + "\n\n" + "\n".join(trailers) + "\n"
