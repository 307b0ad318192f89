"""The versions section of an agreement page: standing, targets before/after, whole fields
and the body's unified diff."""

from __future__ import annotations

from generator.sla.versions import Revised, VersionCommit, version_book
from generator.views.agreement_versions import version_rows
from tests.unit.sla.sla_models import agreement_record, utc

LONG = "Named contacts: " + ", ".join(f"person {n} of the clinic" for n in range(12))


def _rows(as_of: str) -> list:  # type: ignore[type-arg]
    one = agreement_record(
        [{"match": {"priority": "P1"}, "resolution": "4h"}, {"match": {}, "resolution": "24h"}],
        scope={"requesters": ["a.example"]},
    )
    two = agreement_record(
        [
            {
                "match": {"priority": "P1"},
                "resolution": "2h",
                "periodic_update": "1h",
                "escalate_at": [25, 50],
            },
            {"match": {}, "resolution": "24h"},
        ],
        version=2,
        effective="2027-01-01",
        scope={"requesters": ["a.example", LONG]},
    )
    commit = VersionCommit("c" * 40, "Clara", utc("2026-12-01T10:00:00Z"), "Version 2")
    book = version_book(
        {
            "AGR-1": [
                Revised(one, "## Promise\n\nWe answer.\n", None),
                Revised(two, "## Promise\n\nWe answer fast.\n", commit),
            ]
        },
        lambda _: "Europe/Berlin",
        utc(as_of),
    )
    return version_rows(book, "AGR-1", utc(as_of))


def test_newest_first_with_its_standing() -> None:
    rows = _rows("2026-12-06T12:00:00Z")
    assert [(r.version.number, r.standing) for r in rows] == [(2, "scheduled"), (1, "in force")]
    later = _rows("2027-02-01T00:00:00Z")
    assert [r.standing for r in later] == ["in force", "superseded"]


def test_the_changes_are_whole() -> None:
    newest, first = _rows("2026-12-06T12:00:00Z")
    assert first.changes is None
    changes = newest.changes
    assert changes is not None and changes.previous == 1
    assert [(t.applies_to, t.clock, t.before, t.after) for t in changes.targets] == [
        ("priority P1", "periodic_update", "—", "1h"),
        ("priority P1", "resolution", "4h", "2h"),
        ("priority P1", "escalate_at", "—", "25 %, 50 %"),
    ]
    fields = {f.field: f for f in changes.fields}
    assert set(fields) == {"effective", "scope"}
    assert LONG in fields["scope"].after  # nothing cut at 100 characters
    assert fields["effective"].before == "2000-01-01"
    assert [line.kind for line in changes.body] == [
        "header",
        "header",
        "header",
        "same",
        "same",
        "remove",
        "add",
    ]
    assert [line.text for line in changes.body] == [
        "--- version 1",
        "+++ version 2",
        "@@ -1,3 +1,3 @@",
        " ## Promise",
        " ",
        "-We answer.",
        "+We answer fast.",
    ]
