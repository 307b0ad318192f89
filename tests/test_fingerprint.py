"""The fingerprint of a page context: the same value gives the same digest in every
process, and any difference a template could show gives another one."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import ClassVar
from zoneinfo import ZoneInfo

from pydantic import BaseModel
from pydantic_core import TzInfo

from generator.models.agreement import Agreement
from generator.models.calendar_record import Calendar
from generator.render.fingerprint import Fingerprints
from generator.sla.request_clocks import RequestClocks
from tests.helpers import REPO


@dataclass(frozen=True)
class Row:
    at: datetime
    labels: frozenset[str]
    notes: tuple[str, ...] = ()


class Model(BaseModel):
    id: str
    due: date | None = None


def _context(**change: object) -> dict[str, object]:
    row = Row(datetime(2026, 12, 1, 9, tzinfo=UTC), frozenset({"a", "b", "c", "d"}), ("x",))
    values: dict[str, object] = {
        "record": Model(id="REQ-1", due=date(2026, 12, 24)),
        "rows": [row, row],
        "wait": timedelta(hours=4),
        "open": True,
    }
    values.update(change)
    return values


def test_equal_contexts_give_equal_fingerprints() -> None:
    assert Fingerprints().of(_context()) == Fingerprints().of(_context())


def test_any_difference_gives_another_fingerprint() -> None:
    base = Fingerprints().of(_context())
    at = datetime(2026, 12, 1, 9, tzinfo=UTC)
    others = [
        _context(record=Model(id="REQ-1", due=date(2026, 12, 25))),
        _context(rows=[Row(at, frozenset({"a", "b", "c"}), ("x",))]),
        _context(rows=[Row(at, frozenset({"a", "b", "c", "d"}), ("x", "y"))] * 2),
        _context(rows=[Row(at + timedelta(seconds=1), frozenset("abcd"), ("x",))] * 2),
        _context(wait=timedelta(hours=5)),
        _context(open=1),  # a template shows True and 1 differently
        _context(open="True"),
    ]
    found = {Fingerprints().of(context) for context in others}
    assert base not in found
    assert len(found) == len(others)


def test_an_offset_is_the_same_whichever_class_holds_it() -> None:
    """YAML gives datetime.timezone, the record cache pydantic's TzInfo: same pages."""
    at = datetime(2026, 12, 1, 9, tzinfo=timezone(timedelta(hours=-3)))
    cached = TzInfo(-3 * 3600)
    assert Fingerprints().of([at]) == Fingerprints().of([at.replace(tzinfo=cached)])
    assert Fingerprints().of([at]) != Fingerprints().of([at.astimezone(UTC)])
    zoned = at.astimezone(ZoneInfo("America/Sao_Paulo"))
    assert Fingerprints().of([zoned]) != Fingerprints().of([at])


def test_a_value_of_an_unknown_type_makes_the_context_unknown() -> None:
    assert Fingerprints().of(_context(helper=object())) is None
    assert Fingerprints().of(_context(call=len)) is None


def test_the_digest_does_not_depend_on_the_process() -> None:
    """Sets of text iterate in another order in each process (hash randomisation)."""
    script = (
        "from tests.test_fingerprint import _context; "
        "from generator.render.fingerprint import Fingerprints; "
        "print(Fingerprints().of(_context(tags={'alpha', 'beta', 'gamma', 'delta', 'eps'})))"
    )
    digests = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-c", script],
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1
    assert digests != {"None"}


@dataclass(frozen=True)
class Derived:
    """A value computed from ``seed``: its inputs stand for its fields."""

    seed: str
    bulk: tuple[int, ...]

    def fingerprint_inputs(self) -> object:
        return None if self.seed == "-" else self.seed


def test_a_value_derived_from_inputs_is_taken_by_its_inputs() -> None:
    # Equal inputs, equal fingerprints: the (large) derived fields are not read.
    assert Fingerprints().of([Derived("a", (1,))]) == Fingerprints().of([Derived("a", (2,))])
    assert Fingerprints().of([Derived("a", (1,))]) != Fingerprints().of([Derived("b", (1,))])
    # Without inputs, the fields count, even after a value of the kind that had them.
    prints = Fingerprints()
    assert prints.of([Derived("a", (1,))]) is not None
    assert prints.of([Derived("-", (1,))]) != prints.of([Derived("-", (2,))])


def test_a_timeline_is_its_request_instant_and_auto_close_period() -> None:
    from generator.sla.timeline import build_timeline
    from tests.unit.sla.sla_models import request_record, utc

    events = [{"at": "2026-11-23T10:30:00Z", "type": "resolved", "resolution": "done"}]
    request = request_record("2026-11-23T10:00:00Z", events)
    note = {"at": "2026-11-23T11:00:00Z", "type": "note", "text": "x"}
    later = request_record("2026-11-23T10:00:00Z", [*events, note])
    as_of = utc("2026-11-25T10:00Z")
    base = Fingerprints().of(build_timeline(request, as_of, 3600))
    assert base == Fingerprints().of(build_timeline(request, as_of, 3600))
    for other in (
        build_timeline(request, as_of, None),  # not closed by itself
        build_timeline(request, utc("2026-11-25T11:00Z"), 3600),
        build_timeline(later, as_of, 3600),
    ):
        assert Fingerprints().of(other) != base


def test_clocks_are_their_request_agreement_instant_and_terms() -> None:
    """Every input of the clocks changes their fingerprint, even where the clocks come
    out the same (a calendar no target uses), and equal inputs give equal ones."""
    from tests.unit.sla.sla_models import agreement_record, calendar_record, report, request_record

    targets = [{"match": {}, "first_response": "1h", "resolution": "4h"}]
    request = request_record("2026-11-23T10:00:00Z", [])
    office = calendar_record()

    def clocks(
        calendar: Calendar = office, agreement: Agreement | None = None, at: str = "13"
    ) -> RequestClocks:
        agreement = agreement or agreement_record(targets, calendar="office")
        found = report([request], [agreement], [calendar], f"2026-11-23T{at}:00:00Z")
        (result,) = found.requests
        assert result.source is not None
        return result

    base = Fingerprints().of(clocks())
    assert base == Fingerprints().of(clocks())
    others = [
        clocks(calendar=calendar_record(timezone="Europe/Lisbon")),
        clocks(agreement=agreement_record([{**targets[0], "resolution": "5h"}], calendar="office")),
        clocks(at="14"),
    ]
    assert base not in {Fingerprints().of(other) for other in others}


@dataclass(frozen=True)
class Cited:
    """Shared by many contexts: encoded once per object."""

    fingerprint_shared: ClassVar[bool] = True

    sha: str
    when: datetime


def test_a_shared_value_gives_the_digest_its_fields_give() -> None:
    at = datetime(2026, 12, 1, 9, tzinfo=UTC)
    one = Cited("abc", at)
    prints = Fingerprints()
    first = prints.of([one, one])
    assert first == prints.of([one, one])  # the second time from the memo
    assert first == Fingerprints().of([Cited("abc", at), Cited("abc", at)])
    assert first != Fingerprints().of([one, Cited("abd", at)])
    assert first != Fingerprints().of([Row(at, frozenset(), ()), one])
