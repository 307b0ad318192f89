"""The commits done maintenance plans name, and the diagnostics once git has answered.

``validate`` reads the records (or its cached outcome) without git; the claims gathered
here travel with that outcome, so a cached run still asks the repository afresh: a commit
fetched since the last run is found, one lost is missed. Pure: the answer of the
repository comes in as a :class:`~generator.history.commit_exists.CommitLookup`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from generator.analysis.commit_gate import claimed_commits, missing_commit_message
from generator.errors import Diagnostic, Severity
from generator.models.maintenance import Maintenance
from generator.records.commit_claim import CommitClaim
from generator.records.messages import field_name

if TYPE_CHECKING:
    from generator.history.commit_exists import CommitLookup
    from generator.records.catalog import Catalog


def commit_claims(catalog: Catalog) -> list[CommitClaim]:
    """Every commit id that done plans name, in file order."""
    found = []
    for entry, plan in catalog.of(Maintenance):
        for index, commit in claimed_commits(plan):
            line, column = entry.source_map.line_of(("commits", index))
            found.append(
                CommitClaim(commit, entry.path, line, column, field_name(("commits", index)))
            )
    return sorted(found, key=lambda c: (c.path, c.line, c.column))


def commit_diagnostics(claims: Sequence[CommitClaim], lookup: CommitLookup) -> list[Diagnostic]:
    """An error for each claimed commit the repository lacks; when the repository could
    not answer, one warning saying the gate was skipped and why."""
    if not claims:
        return []
    if lookup.unavailable:
        first = claims[0]
        return [
            Diagnostic(
                first.path,
                first.line,
                first.column,
                first.field,
                f"the commits of done plans were not checked, as {lookup.unavailable}; "
                "servicebook audit checks them in a full clone",
                Severity.WARNING,
            )
        ]
    return [
        Diagnostic(c.path, c.line, c.column, c.field, missing_commit_message(c.commit))
        for c in claims
        if c.commit not in lookup.existing
    ]
