"""How exported values are written, shared by every export (pure)."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_text(moment: datetime | None) -> str | None:
    """``2026-11-20T09:05:00Z`` (whole seconds), or None."""
    if moment is None:
        return None
    return moment.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
