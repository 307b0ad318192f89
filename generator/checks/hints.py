"""Hints that know the repository: messages worded from its own records (pure).

A record that names a priority outside ``P1``-``P5`` is told the priorities the agreements'
target rows cover, instead of the generic range: those their ``match`` names, and, when an
agreement ends with a catch-all row, the priority below the lowest named (P1 to P3 named
plus a catch-all: P1 to P4).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from generator.errors import Diagnostic
from generator.models.agreement import Agreement
from generator.records.messages import PRIORITY_RANGE


def covered_priorities(agreements: Iterable[Agreement]) -> tuple[str, ...]:
    """The priorities the agreements' rows cover, highest first (empty: none named)."""
    found: set[int] = set()
    for agreement in agreements:
        named = {int(p[1]) for t in agreement.targets for p in t.match.priority if p[1:].isdigit()}
        if named and any(t.match.is_empty() for t in agreement.targets):
            named.add(min(max(named) + 1, 5))
        found |= named
    return tuple(f"P{n}" for n in sorted(found))


def narrow_priorities(
    diagnostics: Sequence[Diagnostic], agreements: Iterable[Agreement]
) -> list[Diagnostic]:
    """``diagnostics`` with the generic priority range replaced by the covered one."""
    covered = covered_priorities(agreements)
    if not covered or covered == ("P1", "P2", "P3", "P4", "P5"):
        return list(diagnostics)
    wording = ", ".join(covered) + " (P1 is the highest), the priorities the agreements cover"
    return [
        replace(d, message=d.message.replace(PRIORITY_RANGE, wording))
        if PRIORITY_RANGE in d.message
        else d
        for d in diagnostics
    ]
