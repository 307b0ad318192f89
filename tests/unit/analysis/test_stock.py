"""Consumable stock: level, use rate, days left and the soundness of the stock log."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from generator.analysis.stock import stock_level, stock_problem
from generator.models.consumable import Consumable

AS_OF = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)


def consumable(*changes: tuple[str, int], minimum: int = 10) -> Consumable:
    data: dict[str, Any] = {
        "id": "labels",
        "title": "Labels",
        "owner": "ops",
        "unit": "roll",
        "minimum": minimum,
        "stock": [{"at": at, "change": change} for at, change in changes],
    }
    return Consumable.model_validate(data)


def test_level_rate_and_days_left() -> None:
    item = consumable(
        ("2026-09-01T09:00:00Z", 200),
        ("2026-10-01T09:00:00Z", -50),  # before the last 30 days: not in the rate
        ("2026-11-10T09:00:00Z", -60),
        ("2026-12-01T09:00:00Z", -100),  # after as_of: not counted at all
    )
    stock = stock_level(item, AS_OF)
    assert (stock.level, stock.per_day, stock.days_left, stock.state) == (90, 2.0, 45, "ok")


def test_low_below_minimum_or_soon_out_and_out_at_zero() -> None:
    assert stock_level(consumable(("2026-11-01T09:00:00Z", 5)), AS_OF).state == "low"
    soon = consumable(("2026-11-01T09:00:00Z", 100), ("2026-11-20T09:00:00Z", -80))
    assert stock_level(soon, AS_OF).days_left == 7
    assert stock_level(soon, AS_OF).state == "low"
    gone = consumable(("2026-11-01T09:00:00Z", 5), ("2026-11-02T09:00:00Z", -5))
    assert stock_level(gone, AS_OF).state == "out"


def test_a_use_without_stock_or_out_of_order_is_a_problem() -> None:
    assert stock_problem(consumable(("2026-11-01T09:00:00Z", 5))) is None
    overdrawn = consumable(("2026-11-01T09:00:00Z", 5), ("2026-11-02T09:00:00Z", -6))
    assert stock_problem(overdrawn) == (
        1,
        "takes the stock to -1 roll(s); record the acquisition that came before this use",
    )
    shuffled = consumable(("2026-11-02T09:00:00Z", 5), ("2026-11-01T09:00:00Z", -1))
    problem = stock_problem(shuffled)
    assert problem is not None and problem[0] == 1 and "oldest first" in problem[1]
