"""The decisions views make once for the templates."""

from __future__ import annotations

from generator.views.verdicts import Verdict, fit_summary, review_due, sla_known


def test_a_review_never_held_overdue_or_due_soon() -> None:
    assert review_due(None) == Verdict("verdict", "never-reviewed")
    assert review_due(3) == Verdict("breached", "overdue by 3 days")
    assert review_due(0) == Verdict("at-risk", "due in 0 days")
    assert review_due(-5) == Verdict("at-risk", "due in 5 days")


def test_the_worst_fit_of_a_supplier_agreement_wins() -> None:
    assert fit_summary([]) is None
    assert fit_summary(["fits", "workaround", "short"]) == "does-not-fit"
    assert fit_summary(["fits", "workaround"]) == "with-workaround"
    assert fit_summary(["fits"]) == "fits"


def test_requests_without_clocks_show_no_sla_badge() -> None:
    assert not sla_known("not_applicable")
    assert sla_known("at_risk")
