"""The published versions of every agreement, recovered from the history of its file.

Pure over the history read once (:mod:`generator.history.reader`), plus one edge,
:func:`read_agreement_versions`, for the commands that need the versions but not the
whole history (``export``, ``notify``): it reads only ``records/agreements/``. The rules
of which version is in force when are in :mod:`generator.sla.versions`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from generator.errors import Diagnostic, Severity, UserError
from generator.history.parse import Commit
from generator.history.reader import History, read_history
from generator.models.agreement import Agreement
from generator.models.calendar_record import Calendar
from generator.models.instant_range import DEFAULT_RANGE, InstantRange
from generator.records.catalog import Catalog
from generator.records.frontmatter import FrontMatterError, parse
from generator.records.kinds import KINDS_BY_FOLDER
from generator.sla.versions import Revised, VersionBook, VersionCommit, files_only, version_book

NO_HISTORY_NOTE = (
    "agreement versions: {why}; each agreement is measured under its current file "
    "for every request, so a revised agreement changes past figures"
)


def agreement_zones(catalog: Catalog, default_timezone: str) -> Callable[[Agreement], str]:
    """The time zone an agreement's dates are read in: its calendar's."""
    zones = {calendar.id: calendar.timezone for calendar in catalog.all_of(Calendar)}

    def zone_of(agreement: Agreement) -> str:
        return zones.get(agreement.calendar, default_timezone)

    return zone_of


def agreement_versions(
    history: History,
    catalog: Catalog,
    as_of: datetime,
    default_timezone: str,
    instants: InstantRange = DEFAULT_RANGE,
) -> VersionBook:
    """Every agreement's published versions (see :mod:`generator.sla.versions`); from the
    files alone, with a note saying why, when ``history`` is not available."""
    zone_of = agreement_zones(catalog, default_timezone)
    if not history.available:
        note = NO_HISTORY_NOTE.format(why=history.note)
        return files_only(catalog.agreements, zone_of, note)
    current = history.current()
    revisions: dict[str, list[Revised]] = {}
    for entry, agreement in catalog.of(Agreement):
        found: list[Revised] = []
        timeline = current.get(entry.path)
        if timeline is not None:
            for snapshot in timeline.snapshots:
                blob = snapshot.revision.blob
                text = None if blob is None else history.texts.get(blob)
                revised = None if text is None else _revised(text, snapshot.commit, instants)
                if revised is not None and revised.agreement.id == agreement.id:
                    found.append(revised)
        working = Revised(agreement, entry.body, None)
        if not found or _differs(found[-1], working):
            found.append(working)
        revisions[agreement.id] = found
    return version_book(revisions, zone_of, as_of)


def versions_note(book: VersionBook, catalog: Catalog) -> list[Diagnostic]:
    """The one warning that the versions come from the files alone (none when they come
    from history or there is no agreement)."""
    if book.from_history or not book.note or not catalog.agreements:
        return []
    return [Diagnostic("records/agreements", 0, 0, "", book.note, Severity.WARNING)]


def read_agreement_versions(
    root: Path,
    catalog: Catalog,
    as_of: datetime,
    default_timezone: str,
    instants: InstantRange = DEFAULT_RANGE,
) -> VersionBook:
    """The edge for commands without the whole history: read only the agreements'."""
    try:
        history = read_history(root, "agreements")
    except UserError as error:  # a shallow clone: say so, measure under the files
        zone_of = agreement_zones(catalog, default_timezone)
        return files_only(catalog.agreements, zone_of, NO_HISTORY_NOTE.format(why=str(error)))
    return agreement_versions(history, catalog, as_of, default_timezone, instants)


def _revised(text: str, commit: Commit, instants: InstantRange) -> Revised | None:
    parsed = parse(text)
    if isinstance(parsed, FrontMatterError):
        return None
    try:
        record = KINDS_BY_FOLDER["agreements"].validate(parsed.data, instants)
    except ValidationError:
        return None  # invalid at the time: it published nothing
    if not isinstance(record, Agreement):
        return None
    stamp = VersionCommit(commit.sha, commit.author, commit.committed, commit.subject)
    return Revised(record, parsed.body, stamp)


def _differs(last: Revised, working: Revised) -> bool:
    return (last.agreement.model_dump(mode="json"), last.body.strip()) != (
        working.agreement.model_dump(mode="json"),
        working.body.strip(),
    )
