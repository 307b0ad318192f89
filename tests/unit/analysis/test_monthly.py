"""Month arithmetic and totals for the service reports."""

from __future__ import annotations

from generator.analysis.compliance import ComplianceRow
from generator.analysis.monthly import month_range, month_totals, previous_month


def _row(month: str, metric: str, met: int, breached: int) -> ComplianceRow:
    return ComplianceRow(month, metric, "P2", met, breached, None, None, None, 0, 0, 0)


def test_month_range_crosses_the_year() -> None:
    assert month_range("2026-11", "2027-02") == ["2026-11", "2026-12", "2027-01", "2027-02"]
    assert month_range("2026-11", "2026-11") == ["2026-11"]


def test_previous_month() -> None:
    assert previous_month("2027-01") == "2026-12"
    assert previous_month("2026-11") == "2026-10"


def test_month_totals_add_up_metrics_and_priorities() -> None:
    totals = month_totals(
        [_row("2026-10", "first_response", 3, 0), _row("2026-10", "resolution", 1, 1)]
    )
    assert totals["2026-10"].met == 4 and totals["2026-10"].breached == 1
    assert totals["2026-10"].percent == 80.0


def test_a_month_without_judged_clocks_has_no_percent() -> None:
    assert month_totals([_row("2026-10", "resolution", 0, 0)])["2026-10"].percent is None
