"""Hints worded from the repository: the zone's offset, the priorities agreements cover."""

from __future__ import annotations

from typing import Any

from generator.checks.hints import covered_priorities, narrow_priorities
from generator.errors import Diagnostic
from generator.records.messages import NAIVE_HINT, naive_hint
from tests.unit.sla.sla_models import agreement_record


def _rows(*priorities: str, catch_all: bool = True) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = [
        {"match": {"priority": p}, "resolution": "4h"} for p in priorities
    ]
    return rows + ([{"match": {}, "resolution": "40h"}] if catch_all else [])


def test_the_offset_is_the_zones_at_that_local_time() -> None:
    winter = naive_hint("2026-12-01T09:00:00", "America/Chicago")
    summer = naive_hint("2026-07-01T09:00:00", "America/Chicago")
    assert "2026-12-01T09:00:00-06:00" in winter and "2026-12-01T15:00:00Z" in winter
    assert "2026-07-01T09:00:00-05:00" in summer and "2026-07-01T14:00:00Z" in summer
    assert naive_hint("not a time", "America/Chicago") == NAIVE_HINT
    assert naive_hint("2026-12-01T09:00:00", None) == NAIVE_HINT


def test_a_catch_all_row_covers_the_priority_below_the_named_ones() -> None:
    assert covered_priorities([agreement_record(_rows("P1", "P2", "P3"))]) == (
        "P1", "P2", "P3", "P4",
    )  # fmt: skip
    assert covered_priorities([agreement_record(_rows("P1", catch_all=False))]) == ("P1",)
    assert covered_priorities([agreement_record(_rows())]) == ()


def test_only_the_generic_range_is_narrowed() -> None:
    found = narrow_priorities(
        [
            Diagnostic(
                "r.md", 5, 0, "priority", "'P7' is not a priority; write P1 (highest) to P5"
            ),
            Diagnostic("r.md", 6, 0, "title", "required field is missing; add it"),
        ],
        [agreement_record(_rows("P1", "P2", "P3"))],
    )
    assert [d.message for d in found] == [
        "'P7' is not a priority; write P1, P2, P3, P4 (P1 is the highest), the priorities "
        "the agreements cover",
        "required field is missing; add it",
    ]
