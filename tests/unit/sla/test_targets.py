"""The agreement version in force and the target row that applies."""

from __future__ import annotations

from datetime import date

from generator.sla.targets import TargetTable, applied_target, select_row
from tests.unit.sla.sla_models import agreement_record

ROWS = [
    {"match": {"priority": "P1"}, "calendar": "24x7", "first_response": "15m"},
    {"match": {"priority": ["P2", "P3"], "category": "access"}, "first_response": "30m"},
    {"match": {"service": "svc"}, "first_response": "1h", "resolution": "8h"},
    {"match": {}, "first_response": "4h"},
]


def test_the_first_fitting_row_applies() -> None:
    agreement = agreement_record(ROWS)
    assert select_row(agreement, "P1", "svc", None) == 0
    assert select_row(agreement, "P3", "svc", "access") == 1
    assert select_row(agreement, "P3", "svc", None) == 2  # no category: a category row misses
    assert select_row(agreement, "P4", "other", "hardware") == 3


def test_a_row_names_its_calendar_else_the_agreement_does() -> None:
    agreement = agreement_record(ROWS)
    p1 = applied_target(agreement, "P1", "svc", None)
    p3 = applied_target(agreement, "P3", "svc", None)
    assert (p1.row, p1.calendar_id, p1.seconds("first_response"), p1.seconds("resolution")) == (
        0,
        "24x7",
        900,
        None,
    )
    assert (p3.calendar_id, p3.seconds("resolution")) == ("office", 28800)


def test_no_fitting_row_means_no_targets() -> None:
    agreement = agreement_record([{"match": {"priority": "P1"}, "first_response": "15m"}])
    found = applied_target(agreement, "P2", "svc", None)
    assert (found.row, found.seconds("first_response"), found.calendar_id) == (None, None, "office")


def test_selections_are_cached() -> None:
    table = TargetTable([agreement_record(ROWS)])
    agreement = table.get("AGR-1")
    assert agreement is not None
    assert table.applied(agreement, "P2", "svc", None) is table.applied(
        agreement, "P2", "svc", None
    )


def versions() -> TargetTable:
    return TargetTable(
        [
            agreement_record(ROWS, id="AGR-2025", effective="2025-01-01"),
            agreement_record(ROWS, id="AGR-2026", effective="2026-01-01", supersedes="AGR-2025"),
            agreement_record(
                ROWS, id="AGR-2026B", effective="2026-07-01", supersedes="AGR-2026", version=2
            ),
        ]
    )


def test_a_newer_version_in_force_on_the_received_date_replaces_the_named_one() -> None:
    table = versions()
    found = [
        table.in_force("AGR-2025", date(y, m, 1)) for y, m in ((2025, 5), (2026, 2), (2026, 8))
    ]
    assert [a.id if a else None for a in found] == ["AGR-2025", "AGR-2026", "AGR-2026B"]


def test_a_version_not_yet_in_force_gives_way_to_the_one_it_supersedes() -> None:
    found = versions().in_force("AGR-2026B", date(2025, 12, 31))
    assert found is not None and found.id == "AGR-2025"


def test_a_cycle_of_supersedes_stops() -> None:
    table = TargetTable(
        [
            agreement_record(ROWS, id="A", effective="2026-01-01", supersedes="B"),
            agreement_record(ROWS, id="B", effective="2026-01-01", supersedes="A"),
        ]
    )
    found = table.in_force("A", date(2026, 5, 1))
    assert found is not None and found.id == "B"
    assert table.in_force("missing", date(2026, 5, 1)) is None
