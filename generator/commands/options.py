"""Checking the values of the options many commands share: ``--root`` and ``--as-of``."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from generator.errors import UsageError, UserError
from generator.models.instant import InstantError, parse_instant
from generator.models.instant_range import (
    DEFAULT_RANGE,
    InstantRange,
    option_problem,
    range_problem,
)


def parse_as_of(
    text: str | None, pinned: datetime | None, allowed: InstantRange = DEFAULT_RANGE
) -> datetime:
    """The instant to compute at: the option, else the pinned setting, else now (UTC);
    the option must lie in ``allowed`` (the pinned setting was checked with the settings)."""
    if text is None:
        return pinned if pinned is not None else datetime.now(UTC).replace(microsecond=0)
    try:
        value = parse_instant(text)
    except InstantError as error:
        if error.kind == "offset":
            raise UsageError(f"--as-of '{text}' has no UTC offset; add one, e.g. {text}Z") from None
        raise UsageError(
            f"--as-of '{text}' is not an ISO 8601 instant; write e.g. 2026-11-21T12:00:00Z"
        ) from None
    if range_problem(value, allowed) is not None:
        raise UsageError(option_problem("--as-of", text, allowed))
    return value


def records_root(root: Path) -> Path:
    """``root`` if it holds records/, else a user error saying where to run."""
    if not (root / "records").is_dir():
        raise UserError(
            f"no records/ folder in {root}; "
            "run servicebook in the repository root or pass --root DIR"
        )
    return root
