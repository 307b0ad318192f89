"""Operational level clocks per group: time to assign per turn and time held over all turns,
in the row's business time, so holidays, the change to summer time and pauses count as
they do for the request's own clocks."""

from __future__ import annotations

from typing import Any

import pydantic
import pytest

from generator.exports.values import utc_text
from generator.models.agreement import Agreement
from generator.models.supplier import SupplierAgreement
from generator.sla.evaluation import evaluate_records
from generator.sla.group_clocks import GroupClock
from tests.unit.sla.sla_models import agreement_record, calendar_record, request_record, utc

EASTER = [
    {"date": "2026-04-03", "name": "Karfreitag"},
    {"date": "2026-04-06", "name": "Ostermontag"},
]
ROWS = [{"match": {}, "first_response": "8h", "resolution": "40h"}]


def _agreement(groups: list[dict[str, Any]]) -> Agreement:
    return agreement_record(ROWS, group_targets=groups)


def _groups(
    events: list[dict[str, Any]],
    as_of: str,
    groups: list[dict[str, Any]],
    *,
    received: str,
    priority: str = "P3",
    suppliers: tuple[SupplierAgreement, ...] = (),
) -> dict[str, GroupClock]:
    request = request_record(received, events, priority=priority)
    calendars = [calendar_record(holidays=EASTER)]
    report = evaluate_records(
        [request], [_agreement(groups)], calendars, utc(as_of), suppliers=suppliers
    )
    (found,) = report.requests
    return {clock.group: clock for clock in found.groups}


def _assigned(at: str, group: str, person: str | None = None) -> dict[str, Any]:
    event: dict[str, Any] = {"type": "assigned", "at": at, "group": group}
    return event | ({"person": person} if person else {})


def test_time_to_assign_skips_the_easter_holidays() -> None:
    # Thursday before Easter: 16:30-18:00 on Thursday, then Tuesday 08:00-09:00 (Good Friday
    # and Easter Monday are holidays): 2h30m of a 4h target.
    events = [
        _assigned("2026-04-02T16:30:00+02:00", "network"),
        _assigned("2026-04-07T09:00:00+02:00", "network", "ana"),
    ]
    found = _groups(
        events,
        "2026-04-07T12:00:00+02:00",
        [{"group": "network", "assign": "4h"}],
        received="2026-04-02T16:00:00+02:00",
    )["network"]
    assert (found.assign.state, found.assign.elapsed_s) == ("met", 9000)
    assert utc_text(found.assign.stopped_at) == "2026-04-07T07:00:00Z"
    assert found.hold.state == "not_applicable"  # the row sets no hold target


def test_an_unowned_request_breaches_at_the_instant_the_target_ran_out() -> None:
    events = [_assigned("2026-04-02T16:30:00+02:00", "network")]
    found = _groups(
        events,
        "2026-04-08T12:00:00+02:00",
        [{"group": "network", "assign": "4h"}],
        received="2026-04-02T16:00:00+02:00",
    )["network"]
    # 1h30m on Thursday, then 2h30m on Tuesday from 08:00: used up at 10:30 CEST.
    assert found.assign.state == "breached"
    assert utc_text(found.assign.breached_at) == "2026-04-07T08:30:00Z"


def test_time_held_sums_the_turns_across_the_change_to_summer_time() -> None:
    # Network holds it Friday 27 March 14:00-17:00 CET (3h), the desk over the weekend of
    # the change to summer time, network again from Monday 10:00 CEST.
    events = [
        _assigned("2026-03-27T14:00:00+01:00", "network", "ana"),
        _assigned("2026-03-27T17:00:00+01:00", "desk"),
        _assigned("2026-03-30T10:00:00+02:00", "network"),
        {"type": "status", "at": "2026-03-30T10:30:00+02:00", "status": "in_progress"},
    ]
    groups = [{"group": "network", "assign": "1h", "hold": "6h"}]
    found = _groups(
        events, "2026-03-30T12:00:00+02:00", groups, received="2026-03-27T13:00:00+01:00"
    )
    network = found["network"]
    assert set(found) == {"network"}  # the desk has no row: no clocks
    assert (network.hold.state, network.hold.elapsed_s) == ("at_risk", 5 * 3600)
    assert utc_text(network.hold.due) == "2026-03-30T11:00:00Z"  # 13:00 CEST
    assert [(c.elapsed_s, utc_text(c.stopped_at)) for c in network.assign_turns] == [
        (0, "2026-03-27T13:00:00Z"),  # a person was named with the group
        (1800, "2026-03-30T08:30:00Z"),  # taken in progress after 30 minutes
    ]
    assert [t.passed_to for t in network.turns] == ["desk", None]


def test_a_handed_on_turn_is_judged_when_it_ends() -> None:
    events = [
        _assigned("2026-03-27T14:00:00+01:00", "network", "ana"),
        _assigned("2026-03-27T17:00:00+01:00", "desk"),
    ]
    groups = [{"group": "network", "hold": "2h"}, {"group": "desk", "assign": "90m"}]
    found = _groups(
        events, "2026-03-30T12:00:00+02:00", groups, received="2026-03-27T13:00:00+01:00"
    )
    assert (found["network"].hold.state, found["network"].hold.elapsed_s) == ("breached", 10800)
    assert utc_text(found["network"].hold.stopped_at) == "2026-03-27T16:00:00Z"
    # Nobody of the desk took it: 1h on Friday, the last 30 minutes on Monday after the
    # change to summer time, 08:30 CEST.
    assert found["desk"].assign.state == "breached"
    assert utc_text(found["desk"].assign.breached_at) == "2026-03-30T06:30:00Z"


def test_waiting_on_the_requester_pauses_a_group_waiting_on_a_third_party_does_not() -> None:
    events = [
        _assigned("2026-03-23T09:00:00+01:00", "network", "ana"),
        {"type": "status", "at": "2026-03-23T10:00:00+01:00", "status": "waiting_on_requester"},
        {"type": "status", "at": "2026-03-23T12:00:00+01:00", "status": "waiting_on_third_party"},
    ]
    groups = [{"group": "network", "hold": "8h"}]
    found = _groups(
        events, "2026-03-23T15:00:00+01:00", groups, received="2026-03-23T09:00:00+01:00"
    )["network"]
    # 1h running, 2h paused, then 3h waiting on a third party that counts.
    assert (found.hold.elapsed_s, found.hold.paused_s) == (4 * 3600, 2 * 3600)


def test_the_request_ending_stops_both_clocks() -> None:
    events = [
        _assigned("2026-03-23T09:00:00+01:00", "network"),
        {"type": "resolved", "at": "2026-03-23T09:20:00+01:00", "resolution": "Reset."},
    ]
    groups = [{"group": "network", "assign": "30m", "hold": "1h"}]
    found = _groups(
        events, "2026-03-23T15:00:00+01:00", groups, received="2026-03-23T09:00:00+01:00"
    )["network"]
    assert (found.assign.state, found.assign.elapsed_s) == ("met", 1200)
    assert (found.hold.state, found.hold.elapsed_s) == ("met", 1200)


def test_a_supplier_row_naming_a_group_binds_that_group() -> None:
    supplier = SupplierAgreement.model_validate(
        {
            "id": "SUP-1",
            "title": "Carrier",
            "supplier": "carrier",
            "status": "active",
            "effective": "2020-01-01",
            "services": ["svc"],
            "underpins": ["AGR-1"],
            "targets": [{"priority": "P2", "response": "1h", "resolution": "8h", "group": "telco"}],
        }
    )
    events = [_assigned("2026-03-23T09:00:00+01:00", "telco")]
    found = _groups(
        events,
        "2026-03-23T20:00:00+01:00",
        [],
        received="2026-03-23T09:00:00+01:00",
        priority="P2",
        suppliers=(supplier,),
    )["telco"]
    # The supplier's hours are the built-in 24x7: 11 real hours held, over its 8h.
    assert (found.hold.target_s, found.hold.state, found.hold.elapsed_s) == (
        28800,
        "breached",
        39600,
    )
    assert found.assign.target_s == 3600
    # At P3 the supplier promises nothing: no row, no clocks.
    assert (
        _groups(
            events,
            "2026-03-23T20:00:00+01:00",
            [],
            received="2026-03-23T09:00:00+01:00",
            suppliers=(supplier,),
        )
        == {}
    )


def test_a_group_row_needs_a_target() -> None:
    with pytest.raises(pydantic.ValidationError, match="sets neither assign nor hold"):
        _agreement([{"group": "network"}])
