"""New record ids that two people filing at once on two branches will not share.

``REQ-<received date>-<4 hex digits>``: the date as written in ``received`` and
a random suffix (65,536 per day), checked against every id already present.
The random source is a parameter so tests can fix it.
"""

from __future__ import annotations

from collections.abc import Callable, Container
from datetime import datetime

from generator.errors import UserError

ATTEMPTS = 64


def new_id(prefix: str, when: datetime, taken: Container[str], suffix: Callable[[], str]) -> str:
    """``<prefix>-YYYYMMDD-XXXX`` not in ``taken``; ``suffix()`` gives hex digits."""
    day = f"{when:%Y%m%d}"
    for _ in range(ATTEMPTS):
        candidate = f"{prefix}-{day}-{suffix().upper()}"
        if candidate not in taken:
            return candidate
    raise UserError(f"found no free id {prefix}-{day}-XXXX in {ATTEMPTS} tries; pass one with --id")
