"""SLA configuration checks: calendars' windows and holidays, agreements' targets and pauses.

Each finding names the file and line of the value, says what is wrong and what to write
instead. Errors: a window that does not start before it ends, windows that overlap on one
day, two calendar versions on one date, an unknown holiday country or subdivision, a
target row no request can reach, an agreement without a default (empty-match) row, a pause
status that is not a request status (also in a group target's
``pause``). Warning: ``23:59`` as the end of a window (the last
minute of the day stays closed; ``24:00`` is what is meant nearly always).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import holidays as holiday_data

from generator.errors import Diagnostic, Severity
from generator.models.agreement import Agreement, Match
from generator.models.calendar_record import WEEKDAYS, Calendar, window_seconds
from generator.models.request import STATUSES

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from generator.models.calendar_record import Weekday
    from generator.records.catalog import Catalog
    from generator.records.loader import LoadedRecord
    from generator.records.sourcemap import Loc

PRIORITIES = ("P1", "P2", "P3", "P4", "P5")
_OTHER = "\x00other"  # stands for every value no row names


def check_sla_config(catalog: Catalog) -> list[Diagnostic]:
    """Every problem in the SLA configuration of calendars and agreements."""
    found: list[Diagnostic] = []
    for entry, calendar in catalog.of(Calendar):
        found.extend(_weekly(entry, ("weekly",), calendar.weekly))
        for index, version in enumerate(calendar.versions):
            found.extend(_weekly(entry, ("versions", index, "weekly"), version.weekly))
        found.extend(_versions(entry, calendar))
        found.extend(_country(entry, calendar))
    for entry, agreement in catalog.of(Agreement):
        found.extend(_rows(entry, agreement))
        found.extend(_pauses(entry, agreement))
    return found


def _weekly(
    entry: LoadedRecord, where: tuple[str | int, ...], weekly: Mapping[Weekday, Sequence[str]]
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for day in WEEKDAYS:
        valid: list[tuple[int, int, str]] = []
        for index, window in enumerate(weekly.get(day, [])):
            loc: Loc = (*where, day, index)
            start, end = window_seconds(window)
            begin, finish = window.split("-")
            if start >= end:
                found.append(entry.diagnostic(loc, _backwards(window, begin, finish)))
                continue
            if finish == "23:59":
                found.append(
                    entry.diagnostic(
                        loc,
                        f"'{window}' ends at 23:59, so the last minute of the day stays closed; "
                        f"write '{begin}-24:00' to work until midnight",
                        Severity.WARNING,
                    )
                )
            for other_start, other_end, other in valid:
                if start < other_end and other_start < end:
                    found.append(
                        entry.diagnostic(
                            loc,
                            f"'{window}' overlaps '{other}' on {day}; join them into one "
                            "window or make them end before the next begins",
                        )
                    )
                    break
            valid.append((start, end, window))
    return found


def _backwards(window: str, begin: str, finish: str) -> str:
    if begin == finish:
        return f"'{window}' is empty (it starts when it ends); give the end of the shift"
    return (
        f"'{window}' ends before it starts; a window lies within one day: for service "
        f"overnight write '{begin}-24:00' on this day and '00:00-{finish}' on the next"
    )


def _versions(entry: LoadedRecord, calendar: Calendar) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    seen: dict[object, int] = {}
    for index, version in enumerate(calendar.versions):
        if version.effective in seen:
            found.append(
                entry.diagnostic(
                    ("versions", index, "effective"),
                    f"{version.effective.isoformat()} is also the date of versions"
                    f"[{seen[version.effective]}]; merge the two or give each its own date",
                )
            )
        seen.setdefault(version.effective, index)
    return found


def _country(entry: LoadedRecord, calendar: Calendar) -> list[Diagnostic]:
    if calendar.country is None:
        if calendar.subdivision is not None:
            return [
                entry.diagnostic(
                    ("subdivision",),
                    "a subdivision needs its country; add country (e.g. DE) or remove it",
                )
            ]
        return []
    supported = holiday_data.list_supported_countries()
    if calendar.country not in supported:
        return [
            entry.diagnostic(
                ("country",),
                f"'{calendar.country}' is not a country the holidays library knows; write an "
                "ISO 3166 alpha-2 code such as DE, AT or US, or list the holidays yourself",
            )
        ]
    regions = supported[calendar.country]
    if calendar.subdivision is not None and calendar.subdivision not in regions:
        return [
            entry.diagnostic(
                ("subdivision",),
                f"'{calendar.subdivision}' is not a subdivision of {calendar.country}; "
                f"use one of {', '.join(regions)}",
            )
        ]
    return []


def _rows(entry: LoadedRecord, agreement: Agreement) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    if not any(target.match.is_empty() for target in agreement.targets):
        found.append(
            entry.diagnostic(
                ("targets",),
                "no default row: requests that fit no row get no SLA clocks; add a last row "
                "with match: {} and its targets (a row without durations means no SLA)",
            )
        )
    space = _space(agreement)
    for index, target in enumerate(agreement.targets):
        earlier = agreement.targets[:index]
        catch_all = next((k for k, t in enumerate(earlier) if t.match.is_empty()), None)
        if catch_all is not None:
            message = (
                f"unreachable: row {catch_all + 1} above has match: {{}} and takes every "
                "request; move this row above it or remove it"
            )
        else:
            covering = _covering(target.match, [t.match for t in earlier], space)
            if covering is None:
                continue
            rows = ", ".join(str(k + 1) for k in covering)
            message = (
                f"unreachable: every request this row fits is taken by row(s) {rows} above; "
                "move it above them, narrow them, or remove it"
            )
        found.append(entry.diagnostic(("targets", index, "match"), message))
    return found


def _space(agreement: Agreement) -> tuple[list[str], list[str], list[str | None]]:
    """Values worth trying per dimension: every one named, plus one standing for the rest."""
    matches = [target.match for target in agreement.targets]
    priorities = [*sorted(set(PRIORITIES) | {p for m in matches for p in m.priority}), _OTHER]
    services = [*sorted({*agreement.services, *(s for m in matches for s in m.service)}), _OTHER]
    categories: list[str | None] = [
        *sorted({c for m in matches for c in m.category}),
        _OTHER,
        None,
    ]
    return priorities, services, categories


def _covering(
    match: Match, earlier: list[Match], space: tuple[list[str], list[str], list[str | None]]
) -> list[int] | None:
    """The earlier rows that together take every request ``match`` fits, or None."""
    if not earlier:
        return None
    used: set[int] = set()
    priorities, services, categories = space
    for priority, service, category in itertools.product(priorities, services, categories):
        if not match.fits(priority, service, category):
            continue
        taker = next(
            (k for k, m in enumerate(earlier) if m.fits(priority, service, category)), None
        )
        if taker is None:
            return None
        used.add(taker)
    return sorted(used) if used else None


def _pauses(entry: LoadedRecord, agreement: Agreement) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for metric, statuses in agreement.pause.items():
        for index, status in enumerate(statuses):
            if status not in STATUSES:
                found.append(_not_a_status(entry, ("pause", metric, index), status))
    for row, target in enumerate(agreement.group_targets):
        for index, status in enumerate(target.pause):
            if status not in STATUSES:
                found.append(_not_a_status(entry, ("group_targets", row, "pause", index), status))
    return found


def _not_a_status(entry: LoadedRecord, loc: Loc, status: str) -> Diagnostic:
    return entry.diagnostic(
        loc, f"'{status}' is not a request status; use one of {', '.join(STATUSES)}"
    )
