"""The commit gate: ask the repository about the commits done plans name.

For ``validate`` it runs after the records are checked (or their outcome is taken from
the cache), as the answer depends on the repository, not on the files; nothing is asked
when no done plan names a commit. For ``audit`` and the site's audit page it runs on the
full history and gives findings.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from generator.errors import Diagnostic, UserError
from generator.history.commit_claims import commit_claims, commit_diagnostics
from generator.history.commit_exists import look_up_commits
from generator.history.commit_findings import missing_commit_findings
from generator.history.findings import Finding
from generator.history.reader import History
from generator.records.catalog import Catalog
from generator.records.commit_claim import CommitClaim


def check_commits(root: Path, claims: Sequence[CommitClaim]) -> list[Diagnostic]:
    """Errors for claimed commits the repository lacks, or one warning when it cannot tell."""
    if not claims:
        return []
    return commit_diagnostics(claims, look_up_commits(root, {c.commit for c in claims}))


def audited_commits(root: Path, catalog: Catalog, history: History) -> list[Finding]:
    """Audit findings for done plans' commits missing from the history (which is whole:
    reading it refused a shallow clone)."""
    claims = commit_claims(catalog)
    lookup = look_up_commits(root, {c.commit for c in claims}, allow_shallow=True)
    if lookup.unavailable and claims:
        raise UserError(f"cannot check the commits of done plans: {lookup.unavailable}")
    return missing_commit_findings(catalog, history, lookup.existing)
