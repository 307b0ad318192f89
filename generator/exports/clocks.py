"""The SLA export (contract): every request's clocks and each agreement's compliance.

``servicebook export`` writes what :func:`export_json` or :func:`export_csv` return. The
JSON field names of DESIGN.md §3 and issue 3 are a contract: fields may be added, never
renamed. Instants are UTC with ``Z``, durations whole business seconds; requests are sorted
by id, agreements by id, compliance rows by month, metric and priority, and every object
has a fixed field order, so the same records and ``as_of`` give byte-identical output.

Added to the contract's fields: ``clocks.periodic_update`` (same shape as
``next_response``); ``started_at`` on each cycle; ``first_resolution`` in ``resolution``
(the clock as it stood at the first ``resolved``, null if never resolved); per request
``paused_s`` (business seconds the resolution clock was paused) and ``quick_pauses``
(pauses entered soon after a requester message); per compliance row the percentiles, open
counts and downgrades after a breach of :mod:`generator.analysis.compliance`; per
request ``agreement_version`` (the version it was measured under, CSV: the last column) and
per agreement ``versions`` (each published version, in force from and to, its commit);
per request, for staff only, ``groups``: each group that held it with its ``turns``, its
``assign`` clock (the turn that matters), every turn's ``assign_turns`` and its ``hold`` clock;
per clock ``escalation_level`` (0: none reached) and ``escalated_at`` (when it reached
that level, null at level 0).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from generator.analysis.compliance import compliance
from generator.exports.records import request_fields
from generator.exports.values import utc_text
from generator.sla.evaluation import collector_paused, evaluate
from generator.sla.versions import published_ids

if TYPE_CHECKING:
    from collections.abc import Mapping
    from datetime import datetime

    from generator.models.request import Request
    from generator.records.catalog import Catalog
    from generator.sla.clock import ClockResult
    from generator.sla.evaluation import SlaReport
    from generator.sla.group_clocks import GroupClock
    from generator.sla.request_clocks import CycleClock, RequestClocks
    from generator.sla.versions import VersionBook

CLOCK_METRICS = ("first_response", "resolution", "next_response", "periodic_update")
CSV_CLOCK_FIELDS = ("state", "elapsed_s", "remaining_s", "due")
Json = dict[str, Any]


def clock_json(clock: ClockResult) -> Json:
    """The contract fields of one clock, in contract order."""
    return {
        "state": clock.state,
        "target_s": clock.target_s,
        "elapsed_s": clock.elapsed_s,
        "remaining_s": clock.remaining_s,
        "due": utc_text(clock.due),
        "breached_at": utc_text(clock.breached_at),
        "stopped_at": utc_text(clock.stopped_at),
        "escalation_level": clock.escalation_level,
        "escalated_at": utc_text(clock.escalation.at if clock.escalation else None),
    }


def cycle_clock_json(clock: CycleClock) -> Json:
    """The current cycle, every cycle (with its start) and the worst elapsed time."""
    return {
        **clock_json(clock.current),
        "cycles": [
            {**clock_json(cycle), "started_at": utc_text(cycle.started_at)}
            for cycle in clock.cycles
        ],
        "worst_elapsed_s": clock.worst_elapsed_s,
    }


def group_json(held: GroupClock) -> Json:
    """One group's operational level clocks on a request."""
    return {
        "group": held.group,
        "turns": len(held.turns),
        "assign": clock_json(held.assign),
        "assign_turns": [clock_json(turn) for turn in held.assign_turns],
        "hold": clock_json(held.hold),
    }


def request_json(
    result: RequestClocks, record: Request | None = None, *, staff: bool = True
) -> Json:
    """One request of the export; with its record, also what the record holds (title,
    requester, events, satisfaction, ...: :func:`generator.exports.records.request_fields`);
    for staff, also the groups' operational level clocks (``groups``)."""
    first = result.first_resolution
    document: Json = {
        "id": result.request_id,
        "status": result.status,
        "priority": result.priority,
        "agreement": result.agreement_id,
        "agreement_version": result.agreement_version,
        "service": result.service,
        "group": result.group,
        "clocks": {
            "first_response": clock_json(result.first_response),
            "resolution": {
                **clock_json(result.resolution),
                "first_resolution": None if first is None else clock_json(first),
            },
            "next_response": cycle_clock_json(result.next_response),
            "periodic_update": cycle_clock_json(result.periodic_update),
        },
        "paused_s": result.paused_s,
        "quick_pauses": [
            {
                "message_at": utc_text(pause.message_at),
                "paused_at": utc_text(pause.paused_at),
                "status": pause.status,
            }
            for pause in result.quick_pauses
        ],
    }
    if staff:
        document["groups"] = [group_json(held) for held in result.groups]
    if record is not None:
        document.update(request_fields(record))
    return document


def export_document(
    report: SlaReport, records: Mapping[str, Request] | None = None, *, staff: bool = True
) -> Json:
    """The whole export as plain JSON values, in output order; ``records`` by id add each
    request's own fields; ``staff`` adds the groups' clocks."""
    found = records or {}
    zones = {agreement.id: report.timezone_of(agreement) for agreement in report.agreements}
    # A draft or negotiating agreement promises nothing yet: its requests have clocks, but
    # it reports no compliance.
    published = published_ids(report.agreements)
    measured = [r for r in report.requests if r.agreement_id in published]
    rows = compliance(measured, report.as_of, lambda agreement_id: zones[agreement_id])
    return {
        "as_of": utc_text(report.as_of),
        "requests": [
            request_json(result, found.get(result.request_id), staff=staff)
            for result in report.requests
        ],
        "agreements": [
            {
                "id": agreement.id,
                "compliance": [asdict(row) for row in rows.get(agreement.id, [])],
                "versions": [
                    {
                        "version": version.number,
                        "in_force_from": utc_text(version.since),
                        "in_force_to": utc_text(version.until),
                        "commit": None
                        if version.published_by is None
                        else version.published_by.sha,
                    }
                    for version in report.versions.of(agreement.id)
                ],
            }
            for agreement in report.agreements
        ],
    }


def render_json(document: Json) -> str:
    """The document as indented JSON text ending in a newline."""
    return json.dumps(document, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def render_csv(report: SlaReport) -> str:
    """One row per request: its attributes, then state, elapsed, remaining and due per clock."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        ["id", "status", "priority", "agreement", "service", "group"]
        + [f"{metric}_{name}" for metric in CLOCK_METRICS for name in CSV_CLOCK_FIELDS]
        + ["agreement_version"]
    )
    for result in report.requests:
        clocks = request_json(result)["clocks"]
        row = [result.request_id, result.status, result.priority]
        row += [result.agreement_id or "", result.service, result.group or ""]
        for metric in CLOCK_METRICS:
            row += [
                "" if clocks[metric][name] is None else clocks[metric][name]
                for name in CSV_CLOCK_FIELDS
            ]
        row.append("" if result.agreement_version is None else str(result.agreement_version))
        writer.writerow(row)
    return out.getvalue()


def export_text(
    catalog: Catalog,
    as_of: datetime,
    fmt: str = "json",
    *,
    default_timezone: str = "UTC",
    auto_close_s: int | None = None,
    versions: VersionBook | None = None,
    staff: bool = True,
) -> str:
    """The export of a validated catalog at ``as_of`` as ``json`` or ``csv`` text
    (``versions``: the agreements' published versions; without, the files throughout;
    ``staff``: the JSON has the groups' operational level clocks, internal to the provider)."""
    with collector_paused():
        report = evaluate(
            catalog,
            as_of,
            default_timezone=default_timezone,
            auto_close_s=auto_close_s,
            versions=versions,
        )
        if fmt == "csv":
            return render_csv(report)
        records = {record.id: record for record in catalog.requests}
        return render_json(export_document(report, records, staff=staff))
