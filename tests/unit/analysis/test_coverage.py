"""Coverage: rota duty by weekly hours and RRULE shifts, turns, and the service hours
nobody covers, across a daylight-saving change and a holiday."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from generator.analysis.coverage import coverage, duties, merged, on_duty, subtract
from generator.models.agreement import Agreement
from generator.models.calendar_record import Calendar
from generator.models.rota import Rota
from generator.sla.calendars import CalendarBook

ZONE = "Europe/Berlin"


def _rota(**fields: Any) -> Rota:
    base = {
        "id": "r",
        "title": "R",
        "group": "desk",
        "timezone": ZONE,
        "people": ["ann", "bo"],
        "effective": "2026-10-19",
    }
    return Rota.model_validate(base | fields)


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


OFFICE = Calendar.model_validate(
    {
        "id": "office",
        "title": "Office",
        "timezone": ZONE,
        "weekly": {d: ["08:00-18:00"] for d in ("mon", "tue", "wed", "thu", "fri")},
        "holidays": [{"date": "2026-10-30"}],
    }
)
AGREEMENT = Agreement.model_validate(
    {
        "id": "AGR-1",
        "title": "A",
        "status": "active",
        "customer": "acme",
        "services": ["s"],
        "effective": "2026-01-01",
        "calendar": "office",
    }
)


def test_weekly_hours_hand_over_each_week_in_turn() -> None:
    rota = _rota(weekly={"mon": ["08:00-12:00"]})
    found = duties(rota, _utc("2026-10-19T00:00+02:00"), _utc("2026-11-10T00:00+01:00"))
    assert [(d.start, d.person) for d in found] == [
        (_utc("2026-10-19T08:00+02:00"), "ann"),
        (_utc("2026-10-26T08:00+01:00"), "bo"),  # after the change to winter time
        (_utc("2026-11-02T08:00+01:00"), "ann"),
        (_utc("2026-11-09T08:00+01:00"), "bo"),
    ]


def test_daily_handover_and_rrule_shifts_crossing_midnight() -> None:
    rota = _rota(
        handover="daily",
        shifts=[
            {"start": "2026-10-19T20:00:00+02:00", "recurrence": "FREQ=DAILY", "duration": "12h"}
        ],
    )
    found = duties(rota, _utc("2026-10-20T00:00+02:00"), _utc("2026-10-21T12:00+02:00"))
    assert [(d.start, d.end, d.person) for d in found] == [
        (_utc("2026-10-20T00:00+02:00"), _utc("2026-10-20T08:00+02:00"), "ann"),  # clipped
        (_utc("2026-10-20T20:00+02:00"), _utc("2026-10-21T08:00+02:00"), "bo"),
    ]


def test_no_duty_before_effective_or_after_until() -> None:
    rota = _rota(weekly={"mon": ["08:00-12:00"]}, until="2026-10-26")
    found = duties(rota, _utc("2026-10-12T00:00+02:00"), _utc("2026-11-10T00:00+01:00"))
    assert [d.start.date() for d in found] == [date(2026, 10, 19), date(2026, 10, 26)]


def test_interval_union_and_difference() -> None:
    a, b, c, d = (_utc(f"2026-10-20T{h:02d}:00+02:00") for h in (8, 10, 12, 14))
    assert merged([(c, d), (a, b), (b, c)]) == [(a, d)]
    assert subtract([(a, d)], [(b, c)]) == [(a, b), (c, d)]
    assert subtract([(a, b)], [(a, d)]) == []


def test_uncovered_service_hours_per_week() -> None:
    rota = _rota(weekly={d: ["08:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")})
    book = CalendarBook([OFFICE], range(2026, 2028))
    [found] = coverage([rota], [AGREEMENT], book, _utc("2026-10-28T12:00+01:00"), weeks=2)
    assert found.calendar_id == "office"
    assert found.agreements == ("AGR-1",)
    first, second = found.weeks
    assert first.start == date(2026, 10, 26)
    assert first.service_s == 4 * 10 * 3600  # the Friday is a holiday
    assert first.uncovered_s == 4 * 3600  # 17:00-18:00 on four days
    assert first.gaps[0] == (_utc("2026-10-26T17:00+01:00"), _utc("2026-10-26T18:00+01:00"))
    assert second.uncovered_s == 5 * 3600
    assert first.label == "2026-W44"
    assert first.covered_pct == 90.0


def test_a_rota_for_another_calendar_covers_nothing_here() -> None:
    rota = _rota(weekly={"mon": ["00:00-24:00"]}, calendars=["elsewhere"])
    book = CalendarBook([OFFICE], range(2026, 2028))
    [found] = coverage([rota], [AGREEMENT], book, _utc("2026-10-28T12:00+01:00"), weeks=1)
    assert found.rotas == ()
    assert found.weeks[0].uncovered_s == found.weeks[0].service_s


def test_on_duty_lists_from_this_weeks_monday() -> None:
    rota = _rota(weekly={"wed": ["09:00-10:00"]})
    found = on_duty(rota, _utc("2026-10-29T12:00+01:00"), weeks=2)
    assert [d.start for d in found] == [
        _utc("2026-10-28T09:00+01:00"),
        _utc("2026-11-04T09:00+01:00"),
    ]


def test_a_rota_needs_hours_and_a_sensible_until() -> None:
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="a rota needs its hours"):
        _rota()
    with pytest.raises(ValidationError, match="until is before effective"):
        _rota(weekly={"mon": ["08:00-12:00"]}, until="2026-01-01")
