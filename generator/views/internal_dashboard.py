"""The internal dashboard: the open work a team looks at every morning.

Pure: from the site facts to the template context. Lists are sorted by urgency
(due soonest, most overdue first) and then by request id, so the page is stable.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from generator.analysis.auto_close import awaiting_confirmation
from generator.models.request import OPEN_STATUSES, STATUSES
from generator.records.catalog import roster_index
from generator.views.charts import Series, bar_chart
from generator.views.clocks import alerts, by_due, by_overdue, escalated
from generator.views.request_rules import out_of_scope as scope_of
from generator.views.verdicts import Verdict, review_due

if TYPE_CHECKING:
    from collections.abc import Iterable

    from generator.facts.site_facts import SiteFacts
    from generator.models.common import Review
    from generator.models.request import Request
    from generator.sla.status import RequestState

OPEN_ORDER: tuple[str, ...] = tuple(s for s in STATUSES if s in OPEN_STATUSES)
AGE_BUCKETS: tuple[tuple[str, int], ...] = (
    ("under 1 day", 1),
    ("1–3 days", 3),
    ("3–7 days", 7),
    ("1–2 weeks", 14),
    ("2–4 weeks", 28),
    ("over 4 weeks", 10**9),
)
REVIEW_NOTICE = timedelta(days=30)
"""Reviews due within this time are listed as coming up."""


@dataclass(frozen=True)
class GroupLoad:
    """Open requests of one group (None: unassigned) by status, and its roster size."""

    group: str | None
    counts: tuple[int, ...]
    total: int
    members: int | None

    @property
    def per_member(self) -> float | None:
        """Open requests per group member (None without members)."""
        return round(self.total / self.members, 1) if self.members else None


@dataclass(frozen=True)
class ReviewDue:
    """An agreement or procedure whose periodic review is due (or was never held)."""

    record_id: str
    kind: str
    due: date | None
    overdue_days: int | None

    @property
    def verdict(self) -> Verdict:
        """The badge the dashboard shows for it."""
        return review_due(self.overdue_days)


def internal_dashboard(facts: SiteFacts) -> dict[str, Any]:
    """Context of ``dashboards/internal.md``."""
    catalog = facts.catalog
    known = {r.id: (r, facts.states[r.id]) for r in catalog.requests if r.id in facts.states}
    open_ = {rid: pair for rid, pair in known.items() if pair[1].is_open}
    at_risk = sorted(alerts(open_, facts.clocks, frozenset({"at_risk"})), key=by_due)
    breached = sorted(alerts(open_, facts.clocks, frozenset({"breached"})), key=by_overdue)
    escalations = escalated(
        alerts(open_, facts.clocks, frozenset({"running", "at_risk", "paused"}))
    )
    due_next = sorted(alerts(open_, facts.clocks, frozenset({"running", "at_risk"})), key=by_due)
    ages = _age_counts(open_.values(), facts)
    age_chart = bar_chart(
        "Open requests by age",
        [label for label, _ in AGE_BUCKETS],
        [Series("open requests", tuple(float(n) for n in ages))],
    )
    transferred = sorted(
        ((r, s) for r, s in known.values() if s.transfers),
        key=lambda pair: (-len(pair[1].transfers), pair[0].id),
    )
    pairs = Counter((t.from_group, t.to_group) for _, s in transferred for t in s.transfers)
    agreements = {a.id: a for a in catalog.agreements}
    roster = roster_index(catalog)
    out_of_scope = []
    for request, state in sorted(known.values(), key=lambda pair: pair[0].id):
        agreement = agreements.get(request.agreement) if request.agreement else None
        problems = scope_of(request, agreement, roster, facts.versions)
        if problems:
            out_of_scope.append((request, state, problems))
    unassigned = sorted(
        ((r, s) for r, s in open_.values() if s.group is None),
        key=lambda pair: (pair[0].received, pair[0].id),
    )
    return {
        "open_statuses": OPEN_ORDER,
        "open_count": len(open_),
        "group_loads": _group_loads(open_.values(), facts),
        "at_risk": at_risk,
        "breached": breached,
        "escalations": escalations,
        "any_escalation": any(
            a.escalate_at or any(t.escalate_at for t in a.targets) for a in catalog.agreements
        ),
        "due_next": due_next[:10],
        "age_rows": list(zip([label for label, _ in AGE_BUCKETS], ages, strict=True)),
        "age_chart": Markup(age_chart),
        "transferred": transferred,
        "transfer_pairs": sorted(pairs.items(), key=lambda item: (-item[1], item[0])),
        "out_of_scope": out_of_scope,
        "unassigned": unassigned,
        "awaiting": awaiting_confirmation(known.values()),
        "reviews": _reviews_due(facts),
        "objective_misses": sorted(
            (miss for misses in facts.objective_misses.values() for miss in misses),
            key=lambda miss: (miss.month, miss.agreement_id, miss.metric),
            reverse=True,
        ),
        "any_objectives": any(a.objectives for a in catalog.agreements),
    }


def _age_counts(open_: Iterable[tuple[Request, RequestState]], facts: SiteFacts) -> list[int]:
    counts = [0] * len(AGE_BUCKETS)
    for request, _state in open_:
        days = (facts.as_of - request.received).total_seconds() / 86400
        index = next(i for i, (_, limit) in enumerate(AGE_BUCKETS) if days < limit)
        counts[index] += 1
    return counts


def _group_loads(
    open_: Iterable[tuple[Request, RequestState]], facts: SiteFacts
) -> list[GroupLoad]:
    by_group: dict[str | None, Counter[str]] = {}
    for _request, state in open_:
        by_group.setdefault(state.group, Counter())[state.status] += 1
    members = {g.id: len(g.members) for g in facts.catalog.groups}
    groups: list[str | None] = [*sorted(set(members) | {g for g in by_group if g is not None})]
    if None in by_group:
        groups.append(None)
    rows = []
    for group in groups:
        counts = by_group.get(group, Counter())
        rows.append(
            GroupLoad(
                group,
                tuple(counts.get(status, 0) for status in OPEN_ORDER),
                sum(counts.values()),
                members.get(group) if group is not None else None,
            )
        )
    return rows


def _reviews_due(facts: SiteFacts) -> list[ReviewDue]:
    today = facts.as_of.astimezone(ZoneInfo(facts.timezone)).date()
    found: list[ReviewDue] = []
    records: list[tuple[str, str, Review | None, str]] = [
        (a.id, "agreement", a.review, a.status) for a in facts.catalog.agreements
    ]
    records += [(p.id, "procedure", p.review, p.status) for p in facts.catalog.procedures]
    for record_id, kind, review, status in records:
        if review is None or status != "active":
            continue  # drafts are reviewed when they are agreed, retired ones never
        due = review.due()
        if due is None or due <= today + REVIEW_NOTICE:
            overdue = None if due is None else (today - due).days
            found.append(ReviewDue(record_id, kind, due, overdue))
    return sorted(found, key=lambda r: (r.due or date.min, r.record_id))
