"""Readiness: a failed check needs its corrective action, a passed one goes stale after
``check_every``, and the attributes a check shows must be the component's own."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from generator.analysis.readiness import (
    NEEDS_ACTION,
    Actions,
    action_records,
    check_problems,
    readiness,
)
from generator.models.component import Component
from generator.models.log_entry import LogEntry
from generator.models.maintenance import Maintenance

AS_OF = datetime(2026, 11, 25, 14, tzinfo=UTC)
QUALITY = ["Nightly backups kept 35 days", "Immutable offsite copy"]


def _component(checks: list[dict[str, Any]], **more: Any) -> Component:
    return Component.model_validate(
        {
            "id": "backup",
            "title": "Backup",
            "owner": "ops",
            "quality": QUALITY,
            "checks": checks,
            **more,
        }
    )


def _check(at: str, result: str = "passed", **more: Any) -> dict[str, Any]:
    return {"name": "Restore test", "at": at, "result": result, **more}


def _log(entry_type: str = "corrective_action", status: str = "open") -> Actions:
    entry = LogEntry.model_validate(
        {"id": "LOG-1", "title": "Fix the job", "at": "2026-11-10T11:30:00Z", "type": entry_type,
         "by": "ops", "status": status, "result": "fixed" if status == "done" else ""}
    )  # fmt: skip
    return action_records([entry], [])


def _plan(status: str) -> Actions:
    plan = Maintenance.model_validate(
        {"id": "MNT-1", "title": "Fix", "type": "corrective", "status": status, "owner": "ops"}
    )
    return action_records([], [plan])


def test_a_failed_check_without_an_action_is_a_problem_at_its_result() -> None:
    component = _component(
        [_check("2026-10-13T10:00:00Z"), _check("2026-11-10T10:00:00Z", "failed")]
    )
    problems = check_problems(component, {})
    assert [(p.loc, p.message) for p in problems] == [(("checks", 1, "result"), NEEDS_ACTION)]
    answered = _component([_check("2026-11-10T10:00:00Z", "failed", action="LOG-1")])
    assert check_problems(answered, _log()) == []


def test_the_action_must_be_a_corrective_action_entry_or_a_plan() -> None:
    component = _component([_check("2026-11-10T10:00:00Z", "failed", action="LOG-1")])
    [problem] = check_problems(component, _log("operation"))
    assert problem.loc == ("checks", 0, "action")
    assert problem.message.startswith("LOG-1 is a log entry of type operation")
    planned = _component([_check("2026-11-10T10:00:00Z", "failed", action="MNT-1")])
    assert check_problems(planned, _plan("scheduled")) == []


def test_attributes_must_be_the_components_own_word_for_word() -> None:
    component = _component(
        [_check("2026-11-10T10:00:00Z", attributes=["Immutable offsite copy", "Offsite copy"])]
    )
    [problem] = check_problems(component, {})
    assert problem.loc == ("checks", 0, "attributes", 1)
    assert "'Offsite copy' is not one of the component's quality attributes" in problem.message


def test_states_as_of_an_instant() -> None:
    rows = readiness(
        [
            _component([_check("2026-11-10T10:00:00Z", "failed", action="LOG-1")], id="failed"),
            _component([_check("2026-08-01T10:00:00Z")], id="stale", check_every="P3M"),
            _component([_check("2026-10-01T10:00:00Z")], id="ready", check_every="P3M"),
            _component([_check("2026-01-01T10:00:00Z")], id="no-period"),
            _component([], id="never"),
            _component([], id="retired", status="retired"),
            _component([_check("2026-12-01T10:00:00Z")], id="later"),
        ],
        _log(),
        AS_OF,
    )
    assert [(r.component.id, r.state) for r in rows] == [
        ("failed", "failed"),
        ("stale", "stale"),
        ("later", "never"),
        ("never", "never"),
        ("no-period", "ready"),
        ("ready", "ready"),
    ]
    assert rows[0].action is not None and not rows[0].action.done
    assert rows[1].due is not None and rows[1].due.isoformat() == "2026-11-01"


def test_an_action_is_done_when_its_entry_or_plan_is() -> None:
    component = _component([_check("2026-11-10T10:00:00Z", "failed", action="LOG-1")])
    [row] = readiness([component], _log(status="done"), AS_OF)
    assert row.action is not None and row.action.done
    planned = _component([_check("2026-11-10T10:00:00Z", "failed", action="MNT-1")])
    [row] = readiness([planned], _plan("done"), AS_OF)
    assert row.action is not None and (row.action.record_id, row.action.done) == ("MNT-1", True)


def test_each_attribute_shows_the_last_passed_check_that_showed_it() -> None:
    component = _component(
        [
            _check("2026-09-01T10:00:00Z", attributes=[QUALITY[0]]),
            _check("2026-10-01T10:00:00Z", attributes=[QUALITY[0]]),
            _check("2026-11-01T10:00:00Z", "failed", action="LOG-1", attributes=[QUALITY[1]]),
        ]
    )
    [row] = readiness([component], _log(), AS_OF)
    shown = {a.attribute: (a.last.at.month if a.last else None) for a in row.attributes}
    assert shown == {QUALITY[0]: 10, QUALITY[1]: None}
