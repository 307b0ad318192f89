"""The workload forecast: weekly volume per group and exponential smoothing that follows a
level, a trend and a yearly season, deterministically."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta

from generator.analysis.forecast import SEASON, assigned_group, forecast, workloads
from generator.models.request import Request
from generator.models.roster import Group


def test_a_flat_series_forecasts_its_level() -> None:
    found = forecast([10.0] * 20)
    assert found.values == (10.0,) * 8
    assert found.method == "Holt's damped trend"
    assert found.error == 0.0


def test_a_rising_series_keeps_rising_but_damped() -> None:
    found = forecast([float(v) for v in range(10, 30)])
    assert 29 < found.values[0] < found.values[-1] < 29 + 8
    steps = [b - a for a, b in zip(found.values, found.values[1:], strict=False)]
    assert steps == sorted(steps, reverse=True)  # each week adds less


def test_two_years_bring_the_season_in() -> None:
    history = [20 + 10 * math.sin(2 * math.pi * w / SEASON) for w in range(3 * SEASON)]
    found = forecast(history)
    assert found.method == "Holt-Winters, 52-week season"
    expected = [20 + 10 * math.sin(2 * math.pi * (3 * SEASON + h) / SEASON) for h in range(8)]
    assert all(abs(a - b) < 1.5 for a, b in zip(found.values, expected, strict=True))


def test_short_histories_use_the_mean_and_never_go_below_zero() -> None:
    assert forecast([1.0, 2.0, 3.0]).values == (2.0,) * 8
    assert forecast([]).values == (0.0,) * 8
    assert min(forecast([9.0, 6.0, 3.0, 1.0, 0.0, 0.0]).values) >= 0.0
    falling = forecast([9.0, 6.0, 3.0, 1.0, 0.0, 0.0])
    assert falling.low(0) >= 0.0 and falling.high(0) >= falling.values[0]


def test_the_same_history_gives_the_same_forecast() -> None:
    history = [float((w * 7) % 11) for w in range(40)]
    assert forecast(history) == forecast(list(history))


def _request(rid: str, received: datetime, group: str | None) -> Request:
    events = [{"at": received.isoformat(), "type": "assigned", "group": group}] if group else []
    return Request.model_validate(
        {
            "id": rid,
            "title": rid,
            "service": "s",
            "priority": "P3",
            "requester": "x@example.org",
            "received": received.isoformat(),
            "events": events,
        }
    )


def test_weekly_volume_counts_complete_weeks_for_the_last_group() -> None:
    monday = datetime(2026, 11, 2, 9, tzinfo=UTC)
    requests = [
        _request("R-1", monday, "desk"),
        _request("R-2", monday + timedelta(days=1), "desk"),
        _request("R-3", monday + timedelta(weeks=1), "ops"),
        _request("R-4", monday + timedelta(weeks=2), "desk"),  # the current week: not history
        _request("R-5", monday, None),  # never assigned: counts for no group
    ]
    groups = [Group.model_validate({"id": g, "title": g, "type": "group"}) for g in ("desk", "ops")]
    desk, ops = workloads(requests, groups, monday + timedelta(weeks=2, days=1), "UTC")
    assert desk.weeks == (date(2026, 11, 2), date(2026, 11, 9))
    assert desk.volume == (2, 0)
    assert ops.volume == (0, 1)
    assert desk.ahead[0] == date(2026, 11, 16) and len(desk.ahead) == 8
    assert assigned_group(requests[0], monday - timedelta(hours=1)) is None


def test_weeks_above_capacity() -> None:
    monday = datetime(2026, 11, 2, 9, tzinfo=UTC)
    requests = [_request(f"R-{i}", monday + timedelta(weeks=i // 5), "desk") for i in range(30)]
    desk = Group.model_validate({"id": "desk", "title": "D", "type": "group", "capacity": 4})
    [found] = workloads(requests, [desk], monday + timedelta(weeks=6), "UTC")
    assert found.volume == (5,) * 6
    assert found.over == found.ahead
