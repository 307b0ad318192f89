"""Months below a compliance objective: over all priorities, ended months only."""

from __future__ import annotations

from generator.analysis.compliance import ComplianceRow, month_end
from generator.analysis.objectives import objective_misses
from tests.unit.sla.sla_models import utc


def _row(month: str, metric: str, priority: str, met: int, breached: int) -> ComplianceRow:
    return ComplianceRow(month, metric, priority, met, breached, None, None, None, 0, 0, 0)


ROWS = [
    _row("2026-09", "resolution", "P2", 9, 1),  # with P3 below: 18 of 20 = 90 %
    _row("2026-09", "resolution", "P3", 9, 1),
    _row("2026-09", "first_response", "P2", 10, 0),
    _row("2026-10", "resolution", "P2", 19, 1),  # 95 %: meets 95
    _row("2026-11", "resolution", "P2", 0, 3),  # the month of as_of: not judged yet
]


def test_a_month_below_the_objective_over_all_priorities_is_flagged() -> None:
    misses = objective_misses("AGR-1", ROWS, lambda _: {"resolution": 95}, "2026-11")
    assert [(m.month, m.metric, m.percent, m.met, m.breached) for m in misses] == [
        ("2026-09", "resolution", 90.0, 18, 2)
    ]
    assert misses[0].text() == (
        "2026-09 resolution: 90 % in target (18 met, 2 breached), objective 95 %"
    )


def test_the_objective_of_each_month_is_asked_for_that_month() -> None:
    asked: list[str] = []

    def objectives(month: str) -> dict[str, float]:
        asked.append(month)
        return {"resolution": 80} if month == "2026-09" else {"resolution": 99}

    misses = objective_misses("AGR-1", ROWS, objectives, "2026-11")
    assert [(m.month, m.objective) for m in misses] == [("2026-10", 99)]
    assert "2026-11" not in asked


def test_no_objective_no_flag() -> None:
    assert objective_misses("AGR-1", ROWS, lambda _: {}, "2027-01") == []


def test_month_end_is_the_last_instant_in_the_zone() -> None:
    from zoneinfo import ZoneInfo

    end = month_end("2026-12", ZoneInfo("Europe/Berlin"))
    assert end == utc("2026-12-31T22:59:59.999999Z")
