"""Which published version of an agreement was in force at an instant.

An agreement file is revised in place: its ``version`` is raised and its targets change.
Measuring old requests under the new file would rewrite months already reported, so every
published version is kept, recovered from the history of the file, and a request is
measured under the version in force when it was received.

Rules:

- A *published version* is a ``version`` number the file carried in a commit with a status
  other than ``draft`` or ``negotiating``. Its terms are those of the last such commit with
  that number (a correction that does not raise the version corrects the version as a
  whole; raise ``version`` to change terms from a date on).
- A version is in force from the later of two instants: the start of its ``effective`` date
  in the agreement's time zone, and the commit that first published it (its committer
  date). A revision committed today can never change yesterday; an explicit later
  ``effective`` defers it. The first published version has nothing before it to protect:
  it is in force from its ``effective`` date, however late the file was committed (an
  import commits years of requests and their agreement at once).
- Each version is in force until the next one is; a request received before the first
  version's date is measured under the first.
- The working copy counts too: an uncommitted file with the version of the last commit is
  that version's latest correction; with a new published number it is a version in force
  from the later of its ``effective`` date and ``as_of`` (it has no commit yet, so it can
  only apply from now on).
- Without history (a plain folder, no commit yet) each agreement has one version, its
  file, in force from its ``effective`` date; the reason is kept in ``note`` to be said
  once.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from generator.models.agreement import Agreement

UNPUBLISHED = frozenset({"draft", "negotiating"})
"""Statuses of an agreement that promises nothing yet: no compliance, no service report."""


def published_ids(agreements: Iterable[Agreement]) -> frozenset[str]:
    """The ids of the agreements whose current file is published (not draft or
    negotiating): the ones that report compliance."""
    return frozenset(a.id for a in agreements if a.status not in UNPUBLISHED)


@dataclass(frozen=True)
class VersionCommit:
    """The commit that published a version, as pages cite it."""

    sha: str
    author: str
    committed: datetime
    subject: str

    @property
    def short(self) -> str:
        """The abbreviated id (7 hex digits)."""
        return self.sha[:7]


@dataclass(frozen=True)
class Revised:
    """One committed (or working-copy) state of an agreement file, oldest first."""

    agreement: Agreement
    body: str
    commit: VersionCommit | None
    """None for the working copy."""


@dataclass(frozen=True)
class PublishedVersion:
    """One published version and when it was in force (``until`` None: still is)."""

    agreement: Agreement
    body: str
    since: datetime
    until: datetime | None
    published_by: VersionCommit | None
    """The commit that first carried this version (None: not committed yet)."""
    last_changed: VersionCommit | None
    """The last commit that changed this version's terms."""

    @property
    def number(self) -> int:
        """The version number."""
        return self.agreement.version


@dataclass(frozen=True)
class VersionBook:
    """Every agreement's published versions, oldest first, by agreement id."""

    versions: Mapping[str, tuple[PublishedVersion, ...]] = field(default_factory=dict)
    from_history: bool = False
    note: str = ""
    """Why the versions come from the files alone ("" when read from history)."""
    _starts: dict[str, list[datetime]] = field(default_factory=dict, repr=False, compare=False)

    def of(self, agreement_id: str) -> tuple[PublishedVersion, ...]:
        """The published versions of an agreement (empty when none was published)."""
        return self.versions.get(agreement_id, ())

    def at(self, agreement: Agreement, moment: datetime) -> Agreement:
        """The terms of ``agreement`` in force at ``moment`` (its file when it has no
        published version)."""
        found = self.versions.get(agreement.id)
        if not found:
            return agreement
        starts = self._starts.get(agreement.id)
        if starts is None:
            starts = self._starts[agreement.id] = [version.since for version in found]
        index = bisect.bisect_right(starts, moment) - 1
        return found[max(index, 0)].agreement

    def starts(self, agreement_id: str) -> date | None:
        """The agreement's first day: the ``effective`` date of its version 1. None when
        version 1 is not known (not published, or before the history begins): a later
        version's ``effective`` is when that revision took effect."""
        found = self.of(agreement_id)
        return found[0].agreement.starts if found else None

    def version(self, agreement_id: str, number: int) -> PublishedVersion | None:
        """One published version by its number."""
        return next((v for v in self.of(agreement_id) if v.number == number), None)


def files_only(
    agreements: Iterable[Agreement], zone_of: Callable[[Agreement], str], note: str
) -> VersionBook:
    """Each agreement's file as its only version (no history to read; ``note`` says why)."""
    versions = {
        agreement.id: (_only(agreement, _day_start(agreement, zone_of)),)
        for agreement in agreements
        if agreement.status not in UNPUBLISHED
    }
    return VersionBook(versions, False, note)


def _only(agreement: Agreement, since: datetime) -> PublishedVersion:
    return PublishedVersion(agreement, "", since, None, None, None)


def version_book(
    revisions: Mapping[str, Sequence[Revised]],
    zone_of: Callable[[Agreement], str],
    as_of: datetime,
) -> VersionBook:
    """The published versions of each agreement from its revisions (oldest first, the
    working copy last when it differs from the last commit); see the module docstring."""
    book = {}
    for agreement_id, revised in revisions.items():
        found = _published(revised, zone_of, as_of)
        if found:
            book[agreement_id] = found
    return VersionBook(book, True, "")


def _published(
    revised: Sequence[Revised], zone_of: Callable[[Agreement], str], as_of: datetime
) -> tuple[PublishedVersion, ...]:
    numbers: list[int] = []
    first: dict[int, Revised] = {}
    last: dict[int, Revised] = {}
    last_commit: dict[int, VersionCommit | None] = {}
    for state in revised:
        agreement = state.agreement
        if agreement.status in UNPUBLISHED:
            continue
        number = agreement.version
        if number not in first:
            numbers.append(number)
            first[number] = state
        previous = last.get(number)
        if previous is None or _terms(previous) != _terms(state):
            last_commit[number] = state.commit
        last[number] = state
    starts: list[tuple[datetime, int]] = []
    for position, number in enumerate(numbers):
        state = first[number]
        since = _day_start(last[number].agreement, zone_of)
        if position > 0:
            published = state.commit.committed if state.commit is not None else as_of
            since = max(since, published)
        starts.append((since, number))
    starts.sort()
    result = []
    for index, (since, number) in enumerate(starts):
        until = starts[index + 1][0] if index + 1 < len(starts) else None
        state = last[number]
        result.append(
            PublishedVersion(
                state.agreement,
                state.body,
                since,
                until,
                first[number].commit,
                last_commit.get(number),
            )
        )
    return tuple(result)


def _terms(state: Revised) -> tuple[object, str]:
    return state.agreement.model_dump(mode="json"), state.body


def _day_start(agreement: Agreement, zone_of: Callable[[Agreement], str]) -> datetime:
    return effective_start(agreement.effective, zone_of(agreement))


def effective_start(day: date, zone: str) -> datetime:
    """The first instant of a local date, in UTC."""
    return datetime.combine(day, time(0), ZoneInfo(zone)).astimezone(UTC)
