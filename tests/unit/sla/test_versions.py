"""Which version of an agreement is in force when: the rules of ``generator.sla.versions``."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from generator.sla.versions import Revised, VersionBook, VersionCommit, files_only, version_book
from tests.unit.sla.sla_models import agreement_record, utc

ROWS = [{"match": {}, "resolution": "8h"}]


def _zone(_: object) -> str:
    return "Europe/Berlin"


def _commit(when: str, sha: str = "a" * 40) -> VersionCommit:
    return VersionCommit(sha, "Bob", utc(when), "revise")


def _revised(version: int, effective: str, committed: str | None, **more: Any) -> Revised:
    agreement = agreement_record(ROWS, version=version, effective=effective, **more)
    commit = None if committed is None else _commit(committed, f"{version:040d}")
    return Revised(agreement, f"body {version}\n", commit)


def _book(*revised: Revised, as_of: str = "2026-12-01T00:00:00Z") -> VersionBook:
    return version_book({"AGR-1": list(revised)}, _zone, utc(as_of))


def _numbers_at(book: VersionBook, *moments: str) -> list[int]:
    agreement = agreement_record(ROWS)
    return [book.at(agreement, utc(moment)).version for moment in moments]


def test_a_revision_is_in_force_from_its_commit_when_effective_is_back_dated() -> None:
    book = _book(
        _revised(1, "2026-01-01", "2026-01-05T10:00:00Z"),
        _revised(2, "2026-03-01", "2026-03-10T09:00:00Z"),
    )
    first, second = book.of("AGR-1")
    assert (first.since, first.until) == (utc("2025-12-31T23:00:00Z"), second.since)
    assert second.since == utc("2026-03-10T09:00:00Z")
    assert _numbers_at(book, "2026-03-10T08:59:59Z", "2026-03-10T09:00:00Z") == [1, 2]


def test_an_explicit_later_effective_defers_the_revision() -> None:
    book = _book(
        _revised(1, "2026-01-01", "2026-01-05T10:00:00Z"),
        _revised(2, "2026-04-01", "2026-03-20T09:00:00Z"),
    )
    # Midnight of 1 April in Berlin (summer time) is 22:00 UTC the day before.
    assert book.of("AGR-1")[1].since == utc("2026-03-31T22:00:00Z")
    assert _numbers_at(book, "2026-03-31T21:59:59Z", "2026-03-31T22:00:00Z") == [1, 2]


def test_the_first_version_counts_from_its_effective_date_however_late_committed() -> None:
    book = _book(_revised(1, "2026-01-01", "2026-11-01T10:00:00Z"))
    assert book.of("AGR-1")[0].since == utc("2025-12-31T23:00:00Z")
    # Before the first version, the first is used: nothing older is known.
    assert _numbers_at(book, "2025-06-01T00:00:00Z") == [1]


def test_a_correction_without_a_new_number_corrects_the_version_as_a_whole() -> None:
    fixed = agreement_record([{"match": {}, "resolution": "9h"}], version=1)
    book = _book(
        _revised(1, "2000-01-01", "2026-01-05T10:00:00Z"),
        Revised(fixed, "body 1\n", _commit("2026-02-01T10:00:00Z", "b" * 40)),
    )
    (only,) = book.of("AGR-1")
    assert only.agreement.targets[0].resolution == 9 * 3600
    assert only.published_by is not None and only.published_by.sha == "0" * 39 + "1"
    assert only.last_changed is not None and only.last_changed.sha == "b" * 40


def test_drafts_and_negotiations_publish_nothing() -> None:
    book = _book(
        _revised(1, "2026-01-01", "2026-01-05T10:00:00Z", status="draft"),
        _revised(1, "2026-01-01", "2026-01-08T10:00:00Z", status="negotiating"),
        _revised(1, "2026-01-01", "2026-01-10T10:00:00Z"),
        _revised(2, "2026-02-01", "2026-01-20T10:00:00Z", status="negotiating"),
    )
    assert [v.number for v in book.of("AGR-1")] == [1]
    published = book.of("AGR-1")[0].published_by
    assert published is not None and published.committed == utc("2026-01-10T10:00:00Z")


def test_an_uncommitted_new_version_applies_from_as_of_on() -> None:
    book = _book(
        _revised(1, "2026-01-01", "2026-01-05T10:00:00Z"),
        _revised(2, "2026-02-01", None),
        as_of="2026-11-25T14:00:00Z",
    )
    assert book.of("AGR-1")[1].since == utc("2026-11-25T14:00:00Z")
    assert book.of("AGR-1")[1].published_by is None


def test_without_history_the_file_is_the_only_version_and_the_reason_is_kept() -> None:
    agreement = agreement_record(ROWS, version=3, effective="2026-04-01")
    book = files_only([agreement], _zone, "no git")
    (only,) = book.of("AGR-1")
    assert (only.number, only.since, book.from_history, book.note) == (
        3,
        utc("2026-03-31T22:00:00Z"),
        False,
        "no git",
    )
    # Version 3's effective date is when that revision took effect, not the start.
    assert book.starts("AGR-1") is None
    assert agreement.in_force_on(datetime(2026, 1, 15).date())


def test_the_agreement_starts_on_the_effective_date_of_version_1() -> None:
    book = _book(
        _revised(1, "2026-01-01", "2026-01-05T10:00:00Z"),
        _revised(2, "2026-03-01", "2026-03-10T09:00:00Z"),
    )
    assert str(book.starts("AGR-1")) == "2026-01-01"
    assert book.version("AGR-1", 2) is not None and book.version("AGR-1", 3) is None
