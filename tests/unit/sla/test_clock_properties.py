"""Properties of the SLA clock on random event logs (office hours in Berlin, across DST).

- elapsed time never decreases as ``as_of`` moves on;
- pausing never adds time: with pause statuses a clock has at most the elapsed time it has
  without them;
- splitting a stretch of the clock's life in two changes nothing;
- folding the events once for a series of moments gives the state each moment gives alone.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.sla.calendars import work_calendar
from generator.sla.clock import Allowance, Rule, measure
from generator.sla.request_clocks import RequestClocks
from generator.sla.status import StateFold, request_state
from generator.sla.timeline import Mode, build_timeline, stretches
from generator.sla.working_time import WorkCalendar
from tests.unit.sla.sla_models import agreement_record, calendar_record, report, request_record

START = datetime(2026, 3, 27, 6, 0, tzinfo=UTC)  # Friday before the spring change
TARGETS = [
    {"match": {"priority": "P1"}, "calendar": "24x7", "first_response": "30m",
     "next_response": "1h", "resolution": "4h"},
    {"match": {}, "first_response": "2h", "next_response": "4h", "resolution": "16h"},
]  # fmt: skip
PAUSING = {
    "first_response": ["waiting_on_requester"],
    "next_response": ["waiting_on_third_party"],
    "resolution": ["waiting_on_requester", "waiting_on_third_party"],
}
OFFICE = calendar_record()

EVENT = st.one_of(
    st.sampled_from(
        [
            {"type": "status", "status": s}
            for s in ("in_progress", "waiting_on_requester", "waiting_on_third_party", "assigned")
        ]
        + [
            {"type": "resolved", "resolution": "done"},
            {"type": "reopened"},
            {"type": "responded"},
            {"type": "message"},
        ]
    ),
    st.sampled_from(["P1", "P2", "P3"]).map(
        lambda p: {"type": "priority", "priority": p, "reason": "x"}
    ),
)
LOG = st.lists(st.tuples(st.integers(0, 24 * 60), EVENT), max_size=8)


def _request(offset: int, log: list[tuple[int, dict[str, Any]]], priority: str) -> Any:
    received = START + timedelta(minutes=offset)
    at, events = received, []
    for gap, event in log:
        at += timedelta(minutes=gap)
        events.append({"at": at.isoformat(), **event})
    return request_record(received.isoformat(), events, priority=priority)


def _elapsed(result: RequestClocks) -> tuple[int, int, int]:
    values = (
        result.first_response.elapsed_s,
        result.resolution.elapsed_s,
        result.next_response.worst_elapsed_s or 0,
    )
    assert None not in values
    return values  # type: ignore[return-value]


def _at(request: Any, pause: dict[str, list[str]], moment: datetime) -> RequestClocks:
    agreement = agreement_record(TARGETS, pause=pause)
    (found,) = report([request], [agreement], [OFFICE], moment.isoformat()).requests
    return found


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 3 * 24 * 60),
    LOG,
    st.sampled_from(["P1", "P2", "P3"]),
    st.integers(0, 7 * 24 * 60),
    st.integers(0, 7 * 24 * 60),
)
def test_elapsed_is_monotonic_in_as_of(
    offset: int, log: list[tuple[int, dict[str, Any]]], priority: str, first: int, second: int
) -> None:
    request = _request(offset, log, priority)
    earlier, later = sorted((first, second))
    received = START + timedelta(minutes=offset)
    before = _elapsed(_at(request, PAUSING, received + timedelta(minutes=earlier)))
    after = _elapsed(_at(request, PAUSING, received + timedelta(minutes=later)))
    assert all(b <= a for b, a in zip(before, after, strict=True))


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, 3 * 24 * 60), LOG, st.sampled_from(["P1", "P2", "P3"]), st.integers(0, 10_000)
)
def test_pauses_never_add_time(
    offset: int, log: list[tuple[int, dict[str, Any]]], priority: str, later: int
) -> None:
    request = _request(offset, log, priority)
    moment = START + timedelta(minutes=offset + later)
    paused = _elapsed(_at(request, PAUSING, moment))
    running = _elapsed(_at(request, {}, moment))
    assert paused[0] <= running[0] and paused[1] <= running[1]


ALWAYS = WorkCalendar.always()
OFFICE_WORK = work_calendar(OFFICE, range(2026, 2027))


@settings(max_examples=60, deadline=None)
@given(
    LOG,
    st.sampled_from(["P1", "P2", "P3"]),
    st.integers(1, 10 * 24 * 60),
    st.integers(0, 1000),
    st.floats(0.01, 0.99),
)
def test_splitting_a_stretch_changes_nothing(
    log: list[tuple[int, dict[str, Any]]], priority: str, span: int, which: int, where: float
) -> None:
    request = _request(0, log, priority)
    timeline = build_timeline(request, START + timedelta(minutes=span))

    def mode_of(status: str) -> Mode:
        if status in ("resolved", "closed"):
            return "stop"
        return "pause" if status.startswith("waiting") else "run"

    def allowance(level: str) -> Allowance:
        return Allowance(3600, ALWAYS) if level == "P1" else Allowance(4 * 3600, OFFICE_WORK)

    rule = Rule(allowance)
    parts = stretches(timeline, timeline.received, timeline.as_of, mode_of)
    index = which % len(parts)
    part = parts[index]
    seconds = int((part.end - part.start).total_seconds())
    if seconds < 2:
        return
    cut = part.start + timedelta(seconds=max(1, int(seconds * where)))
    split = [*parts[:index], replace(part, end=cut), replace(part, start=cut), *parts[index + 1 :]]
    first = timeline.phases[0].priority
    whole = measure(
        "resolution", timeline.received, parts, priority=first, rule=rule, as_of=timeline.as_of
    )
    halves = measure(
        "resolution", timeline.received, split, priority=first, rule=rule, as_of=timeline.as_of
    )
    assert whole == halves


@settings(max_examples=150, deadline=None)
@given(
    st.integers(0, 600),
    LOG,
    st.sampled_from(["P2", "P3"]),
    st.lists(st.integers(0, 4 * 24 * 60), max_size=6),
    st.sampled_from([None, 3600, 86400]),
)
def test_one_fold_gives_the_state_each_moment_gives_alone(
    offset: int, log: list[tuple[int, dict[str, Any]]], priority: str, minutes: list[int],
    auto_close_s: int | None,
) -> None:  # fmt: skip
    request = _request(offset, log, priority)
    fold = StateFold(request, auto_close_s)
    for minute in sorted(minutes):
        moment = START + timedelta(minutes=minute)
        assert fold.state_at(moment) == request_state(request, moment, auto_close_s)
    assert fold.state_at(None) == request_state(request, None, auto_close_s)
