"""Job schedules: runs, what gets in their way, and the critical path."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pydantic import ValidationError

from generator.analysis.maintenance import PlannedWindow
from generator.analysis.schedules import critical_path, dependency_cycle, upcoming_runs
from generator.models.maintenance import Maintenance
from generator.models.schedule import Schedule

AS_OF = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
ZONE = "Europe/Berlin"


def schedule(schedule_id: str, start: str, duration: str, **more: Any) -> Schedule:
    data: dict[str, Any] = {
        "id": schedule_id,
        "title": schedule_id.replace("-", " "),
        "owner": "ops",
        "start": start,
        "recurrence": "FREQ=DAILY",
        "duration": duration,
    }
    data.update(more)
    return Schedule.model_validate(data)


DUMP = schedule("dump", "2026-01-01T00:30:00+01:00", "30m", components=["db"])
BACKUP = schedule("backup", "2026-01-01T01:00:00+01:00", "2h", depends_on=["dump"])
REPORT = schedule(
    "report", "2026-01-01T06:00:00+01:00", "15m", depends_on=["backup"], status="paused"
)


def window(start: datetime, hours: int, components: tuple[str, ...]) -> PlannedWindow:
    plan = Maintenance.model_validate(
        {"id": "MNT-1", "title": "Patch", "type": "preventive", "status": "scheduled",
         "owner": "ops"}
    )  # fmt: skip
    return PlannedWindow(plan, start, start + timedelta(hours=hours), False, (), (), components)


def test_daily_runs_keep_their_local_time() -> None:
    runs = upcoming_runs([DUMP], [], AS_OF, ZONE, horizon=timedelta(days=3))
    assert [r.start for r in runs] == [
        datetime(2026, 11, 25, 23, 30, tzinfo=UTC),
        datetime(2026, 11, 26, 23, 30, tzinfo=UTC),
        datetime(2026, 11, 27, 23, 30, tzinfo=UTC),
    ]
    assert all(r.end - r.start == timedelta(minutes=30) for r in runs)


def test_a_run_inside_a_window_on_its_component_is_in_the_way() -> None:
    patch = window(datetime(2026, 11, 26, 22, 0, tzinfo=UTC), 4, ("db", "app"))
    elsewhere = window(datetime(2026, 11, 26, 22, 0, tzinfo=UTC), 4, ("network",))
    runs = upcoming_runs([DUMP], [patch, elsewhere], AS_OF, ZONE, horizon=timedelta(days=3))
    assert [(r.start.day, [w.components for w in r.maintenance]) for r in runs] == [
        (25, []),
        (26, [("db", "app")]),
        (27, []),
    ]


def test_a_run_that_starts_before_its_dependency_ends_is_flagged() -> None:
    slow_dump = schedule("dump", "2026-01-01T00:30:00+01:00", "1h", components=["db"])
    runs = upcoming_runs([slow_dump, BACKUP], [], AS_OF, ZONE, horizon=timedelta(days=1))
    backup = [r for r in runs if r.schedule.id == "backup"]
    assert backup and all(r.early == ("dump",) for r in backup)
    fine = upcoming_runs([DUMP, BACKUP], [], AS_OF, ZONE, horizon=timedelta(days=1))
    assert all(r.early == () for r in fine)


def test_paused_schedules_have_no_runs_and_leave_the_critical_path() -> None:
    assert upcoming_runs([REPORT], [], AS_OF, ZONE) == []
    chain, seconds = critical_path([DUMP, BACKUP, REPORT])
    assert [s.id for s in chain] == ["dump", "backup"]
    assert seconds == 2 * 3600 + 30 * 60


def test_a_circle_of_dependencies_is_found() -> None:
    a = schedule("a", "2026-01-01T01:00:00Z", "1h", depends_on=["b"])
    b = schedule("b", "2026-01-01T02:00:00Z", "1h", depends_on=["a"])
    assert dependency_cycle([a, b, DUMP]) == ("a", "b", "a")
    assert dependency_cycle([DUMP, BACKUP]) is None


def test_a_schedule_needs_a_valid_rule_and_duration() -> None:
    with pytest.raises(ValidationError, match="not an iCalendar RRULE"):
        schedule("x", "2026-01-01T01:00:00Z", "1h", recurrence="daily")
    with pytest.raises(ValidationError, match="duration"):
        schedule("x", "2026-01-01T01:00:00Z", "one hour")
