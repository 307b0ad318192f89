"""A commit id a done maintenance plan names, and where it is written.

Carried with ``validate``'s cached outcome (``records/cache.py``), so a cached run still
asks the repository afresh; gathered and judged in ``history/commit_claims.py``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CommitClaim:
    """One well-formed commit id a done plan names, and where it is written."""

    commit: str
    path: str
    line: int
    column: int
    field: str
