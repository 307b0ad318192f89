"""Consumable stock at an instant, how fast it is used, and when it runs out (pure).

The level is the sum of the stock changes up to ``as_of``. Use per day is the units
used (negative changes) in the ``USAGE_DAYS`` before ``as_of`` divided by those days;
``days_left`` is the level divided by that rate (None when nothing was used). The
state: ``out`` at zero, ``low`` below the minimum or within ``LEAD_DAYS`` of running
out, ``ok`` otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from generator.models.consumable import Consumable

USAGE_DAYS = 30
LEAD_DAYS = 14
"""Days a reorder usually takes to arrive: running out sooner than this is low stock."""
StockState = Literal["ok", "low", "out"]


@dataclass(frozen=True)
class StockLevel:
    """A consumable's stock at ``as_of``."""

    consumable: Consumable
    level: int
    per_day: float
    days_left: int | None
    state: StockState


def stock_level(consumable: Consumable, as_of: datetime) -> StockLevel:
    """The level, use rate and state of ``consumable`` at ``as_of``."""
    known = [c for c in consumable.stock if c.at <= as_of]
    level = sum(c.change for c in known)
    since = as_of - timedelta(days=USAGE_DAYS)
    used = -sum(c.change for c in known if c.change < 0 and c.at > since)
    per_day = used / USAGE_DAYS
    days_left = int(level / per_day) if per_day > 0 else None
    if level <= 0:
        state: StockState = "out"
    elif level < consumable.minimum or (days_left is not None and days_left < LEAD_DAYS):
        state = "low"
    else:
        state = "ok"
    return StockLevel(consumable, level, per_day, days_left, state)


@dataclass(frozen=True)
class StockRow:
    """One line of the stock log, with the level after it."""

    at: datetime
    change: int
    after: int
    note: str


def stock_rows(consumable: Consumable, as_of: datetime) -> list[StockRow]:
    """The stock log up to ``as_of`` with the running level, newest first."""
    rows = []
    level = 0
    for change in consumable.stock:
        if change.at > as_of:
            break
        level += change.change
        rows.append(StockRow(change.at, change.change, level, change.note))
    return rows[::-1]


def stock_problem(consumable: Consumable) -> tuple[int, str] | None:
    """(index, what is wrong) for the first stock change out of time order or taking the
    stock below zero; None when the log is sound."""
    level = 0
    previous: datetime | None = None
    for index, change in enumerate(consumable.stock):
        if previous is not None and change.at < previous:
            return index, "is earlier than the change before it; keep the stock log oldest first"
        previous = change.at
        level += change.change
        if level < 0:
            return index, (
                f"takes the stock to {level} {consumable.unit}(s); record the acquisition "
                "that came before this use"
            )
    return None
