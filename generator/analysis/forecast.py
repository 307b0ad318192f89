"""Workload per group: weekly request volume and an 8-week forecast (pure).

A request counts for the group it was last assigned to by ``as_of``, in the week it was
received (weeks start on Monday in the site's time zone). Only complete weeks are
history; the forecast starts with the week of ``as_of``.

The forecast is exponential smoothing with its parameters chosen by the smallest sum of
squared one-step errors over a fixed grid, so the same history always gives the same
numbers:

- with at least two years of weekly history: Holt-Winters, additive trend and an
  additive 52-week season (the same week of the year rises or falls alike);
- with at least four weeks: Holt's linear trend, damped (a trend fades instead of
  running away), starting flat at the first week (a trend smoothing of zero is simple
  exponential smoothing);
- with fewer: the mean of what there is.

Forecasts below zero are shown as zero. The range is the forecast plus or minus 1.28
times the root mean square of the one-step errors (about 80 % of weeks, if errors were
normal).

statsmodels was considered and not taken: it brings numpy, scipy, pandas and patsy
(about 150 MB) for three short recurrences, adds more than a second of imports to
every build, and its fitted values differ in the last digits between releases, which
would break the rule that a commit and ``--as-of`` give the same site.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from generator.models.request import Assigned, Request
from generator.models.roster import Group

HORIZON = 8
"""Weeks forecast."""
SEASON = 52
"""Weeks in a seasonal cycle."""
SHOWN = 16
"""Weeks of history the chart shows before the forecast."""
_ALPHAS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
_BETAS = (0.0, 0.05, 0.1, 0.2, 0.3)
_GAMMAS = (0.05, 0.1, 0.2, 0.3)
_DAMPING = 0.9
_RANGE = 1.28


@dataclass(frozen=True)
class Forecast:
    """Forecast values for the weeks ahead, with how they were made."""

    method: str
    values: tuple[float, ...]
    error: float
    """Root mean square of the one-step errors over the history (0 without them)."""

    def low(self, index: int) -> float:
        """Lower end of the range of week ``index`` (never below zero)."""
        return max(0.0, self.values[index] - _RANGE * self.error)

    def high(self, index: int) -> float:
        """Upper end of the range of week ``index``."""
        return self.values[index] + _RANGE * self.error


@dataclass(frozen=True)
class Workload:
    """One group's weekly volume, its forecast and its capacity."""

    group: Group
    weeks: tuple[date, ...]
    """Mondays of the history weeks, oldest first."""
    volume: tuple[int, ...]
    ahead: tuple[date, ...]
    """Mondays of the forecast weeks."""
    forecast: Forecast

    @property
    def capacity(self) -> int | None:
        """Requests per week the group can take, if recorded."""
        return self.group.capacity

    @property
    def over(self) -> tuple[date, ...]:
        """Forecast weeks above capacity."""
        if self.capacity is None:
            return ()
        cap = self.capacity
        return tuple(w for w, v in zip(self.ahead, self.forecast.values, strict=True) if v > cap)


def monday_of(moment: datetime, zone: ZoneInfo) -> date:
    """The Monday of the local week of ``moment``."""
    day = moment.astimezone(zone).date()
    return day - timedelta(days=day.weekday())


def assigned_group(request: Request, as_of: datetime) -> str | None:
    """The group the request was last assigned to by ``as_of``."""
    group = None
    for event in request.events:
        if isinstance(event, Assigned) and event.at <= as_of:
            group = event.group
    return group


def workloads(
    requests: Iterable[Request],
    groups: Sequence[Group],
    as_of: datetime,
    timezone: str,
    horizon: int = HORIZON,
) -> list[Workload]:
    """Every group's workload, in the order of ``groups``."""
    zone = ZoneInfo(timezone)
    current = monday_of(as_of, zone)
    counts: dict[str, dict[date, int]] = {}
    first = current
    for request in requests:
        if request.received > as_of:
            continue
        group_id = assigned_group(request, as_of)
        week = monday_of(request.received, zone)
        if group_id is None or week >= current:
            continue
        per_week = counts.setdefault(group_id, {})
        per_week[week] = per_week.get(week, 0) + 1
        first = min(first, week)
    weeks = tuple(first + timedelta(weeks=i) for i in range((current - first).days // 7))
    ahead = tuple(current + timedelta(weeks=i) for i in range(horizon))
    found = []
    for group in groups:
        per_week = counts.get(group.id, {})
        volume = tuple(per_week.get(w, 0) for w in weeks)
        found.append(Workload(group, weeks, volume, ahead, forecast(volume, horizon)))
    return found


def forecast(history: Sequence[float], horizon: int = HORIZON) -> Forecast:
    """The next ``horizon`` values of a weekly series (see the module docstring)."""
    if len(history) >= 2 * SEASON:
        return _best(history, horizon, seasonal=True)
    if len(history) >= 4:
        return _best(history, horizon, seasonal=False)
    mean = sum(history) / len(history) if history else 0.0
    return Forecast("mean", tuple(round(mean, 2) for _ in range(horizon)), 0.0)


def _best(history: Sequence[float], horizon: int, *, seasonal: bool) -> Forecast:
    best: tuple[float, tuple[float, ...]] | None = None
    gammas = _GAMMAS if seasonal else (0.0,)
    for alpha in _ALPHAS:
        for beta in _BETAS:
            for gamma in gammas:
                sse, ahead = _smooth(history, horizon, alpha, beta, gamma, seasonal)
                if best is None or sse < best[0] - 1e-9:
                    best = (sse, ahead)
    assert best is not None
    sse, ahead = best
    method = "Holt-Winters, 52-week season" if seasonal else "Holt's damped trend"
    error = (sse / max(len(history) - 1, 1)) ** 0.5
    return Forecast(method, tuple(round(max(0.0, v), 2) for v in ahead), round(error, 2))


def _smooth(
    history: Sequence[float],
    horizon: int,
    alpha: float,
    beta: float,
    gamma: float,
    seasonal: bool,
) -> tuple[float, tuple[float, ...]]:
    """Sum of squared one-step errors and the forecast of one parameter choice."""
    if seasonal:
        first_year = history[:SEASON]
        level = sum(first_year) / SEASON
        trend = (sum(history[SEASON : 2 * SEASON]) - sum(first_year)) / SEASON**2
        season = [v - level for v in first_year]
        start, damping = SEASON, 1.0
    else:
        level, trend, season, start, damping = history[0], 0.0, [], 1, _DAMPING
    sse = 0.0
    for index in range(start, len(history)):
        value = history[index]
        lift = season[index % SEASON] if seasonal else 0.0
        expected = level + damping * trend + lift
        sse += (value - expected) ** 2
        previous = level
        level = alpha * (value - lift) + (1 - alpha) * (previous + damping * trend)
        trend = beta * (level - previous) + (1 - beta) * damping * trend
        if seasonal:
            season[index % SEASON] = gamma * (value - level) + (1 - gamma) * lift
    ahead = []
    reach = 0.0
    for step in range(1, horizon + 1):
        reach += damping**step
        lift = season[(len(history) + step - 1) % SEASON] if seasonal else 0.0
        ahead.append(level + reach * trend + lift)
    return sse, tuple(ahead)
