"""Audit findings of the commit gate: a done plan naming commits the repository lacks (pure).

``servicebook audit`` always has the whole history (it refuses shallow clones), so here
the gate is an error wherever validate may only have warned that it was skipped. Each
finding names the commit that last changed the plan, as the other findings do.
"""

from __future__ import annotations

from collections.abc import Collection

from generator.analysis.commit_gate import commit_id_problem, missing_commit_message
from generator.errors import Severity
from generator.history.findings import Finding, finding
from generator.history.reader import History
from generator.models.maintenance import Maintenance
from generator.records.catalog import Catalog
from generator.records.messages import field_name


def missing_commit_findings(
    catalog: Catalog, history: History, existing: Collection[str]
) -> list[Finding]:
    """A finding per commit id of a done plan that is malformed, short or not a commit in
    the repository (``existing``: the lowercase ids that are)."""
    current = history.current()
    found = []
    for entry, plan in catalog.of(Maintenance):
        if plan.status != "done":
            continue
        timeline = current.get(entry.path)
        for index, value in enumerate(plan.commits):
            problem = commit_id_problem(value)
            commit = value.strip().lower()
            if problem is None and commit in existing:
                continue
            loc = ("commits", index)
            text = f"{field_name(loc)} (line {entry.line(loc)}): "
            text += problem or missing_commit_message(commit)
            if timeline is None or not timeline.snapshots:
                found.append(
                    Finding("missing_commit", Severity.ERROR, plan.id, entry.path, "", text)
                )
                continue
            last = timeline.snapshots[-1].revision.commit
            found.append(finding("missing_commit", Severity.ERROR, entry.path, last, text))
    return found
