"""Reading an instant a user typed (``--as-of``, ``--at``, an event's ``created_at``).

One rule everywhere: ISO 8601 with an explicit offset or ``Z``; a time without an
offset is refused, because nobody can tell which hour it means.
"""

from __future__ import annotations

from datetime import datetime


class InstantError(ValueError):
    """Why a text is not an instant: ``kind`` is ``"format"`` or ``"offset"``."""

    def __init__(self, text: str, kind: str) -> None:
        super().__init__(f"'{text}' is not an ISO 8601 instant with an offset ({kind})")
        self.kind = kind


def parse_instant(text: str) -> datetime:
    """``2026-11-21T12:00:00Z`` → an aware datetime; raises InstantError otherwise."""
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InstantError(text, "format") from None
    if value.tzinfo is None:
        raise InstantError(text, "offset")
    return value
