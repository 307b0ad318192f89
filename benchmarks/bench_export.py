"""``servicebook export`` on generated repositories: is it linear, and under 10 s for 25,000?

Run: ``python benchmarks/bench_export.py [COUNT ...]`` (default 5000 10000 25000). For each
count it writes that many request records with about six events each (plus a calendar with
Berlin public holidays, an agreement, a service and a roster) into a temporary folder, then
times:

- ``export``: ``python -m generator export`` end to end in a subprocess (start-up, loading
  and validating every record, clocks, compliance, JSON written to a file);
- ``clocks``: :func:`generator.sla.evaluation.evaluate` alone on the validated catalog;
- ``document``: compliance plus building and rendering the JSON text from those clocks.

The generated records are the same on every run (fixed random seed).
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from generator.exports.clocks import export_document, render_json
from generator.pipeline import validate
from generator.sla.evaluation import collector_paused, evaluate

AS_OF = "2026-12-01T12:00:00Z"
BUDGET_S = 10.0
FIXED = {
    "records/people/acme.md": "id: acme\ntype: organization\ntitle: ACME\nrole: customer\n",
    "records/people/prov.md": "id: prov\ntype: organization\ntitle: Provider\nrole: provider\n",
    "records/people/bob.md": "id: bob\ntype: person\ntitle: Bob\ngroups: [desk]\n",
    "records/people/desk.md": "id: desk\ntype: group\ntitle: Desk\nmembers: [bob]\n",
    "records/services/workplace.md": "id: workplace\ntitle: Workplace\nowner: desk\n"
    "categories: [hardware, software, access]\n",
    "records/calendars/office.md": "id: office\ntitle: Office\ntimezone: Europe/Berlin\n"
    "country: DE\nsubdivision: BE\nweekly:\n"
    + "".join(f'  {day}: ["08:00-12:00", "13:00-18:00"]\n' for day in ("mon", "tue", "wed"))
    + "".join(f'  {day}: ["08:00-18:00"]\n' for day in ("thu", "fri")),
    "records/agreements/AGR-BENCH.md": """id: AGR-BENCH
title: Benchmark agreement
status: active
customer: acme
provider: prov
services: [workplace]
effective: 2025-01-01
calendar: office
pause:
  resolution: [waiting_on_requester, waiting_on_third_party]
  periodic_update: [waiting_on_requester]
targets:
  - {match: {priority: P1}, calendar: 24x7, first_response: 15m, next_response: 30m,
     periodic_update: 1h, resolution: 4h}
  - {match: {priority: P2}, first_response: 1h, next_response: 2h, resolution: 8h}
  - {match: {priority: P3, category: access}, first_response: 2h, resolution: 8h}
  - {match: {}, first_response: 4h, resolution: 40h}
approvals:
  - {by: prov, role: provider, at: 2024-12-01T10:00:00Z}
  - {by: acme, role: customer, at: 2024-12-02T10:00:00Z}
""",
}


class Row(NamedTuple):
    requests: int
    events: int
    export_s: float
    clocks_s: float
    document_s: float


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def request_text(index: int, pick: random.Random) -> tuple[str, str, int]:
    """(path, text, number of events) of one generated request."""
    start = datetime(2026, 1, 5, tzinfo=UTC) + timedelta(minutes=pick.randrange(470_000))
    request_id = f"REQ-{start:%Y%m%d}-{index:05X}"
    at = start
    events: list[str] = []

    def later(low: int, high: int) -> str:
        nonlocal at
        at += timedelta(minutes=pick.randint(low, high))
        return _stamp(at)

    events.append(f"{{at: {later(5, 60)}, type: assigned, group: desk, person: bob}}")
    events.append(f"{{at: {later(5, 240)}, type: responded, by: bob}}")
    if pick.random() < 0.6:
        events.append(f"{{at: {later(1, 5)}, type: status, status: waiting_on_requester}}")
        events.append(f"{{at: {later(60, 2880)}, type: message}}")
        events.append(f"{{at: {later(5, 120)}, type: status, status: in_progress}}")
    if pick.random() < 0.15:
        events.append(f"{{at: {later(30, 600)}, type: priority, priority: P1, reason: worse}}")
    if pick.random() < 0.85:
        events.append(f"{{at: {later(30, 3000)}, type: resolved, resolution: done}}")
        if pick.random() < 0.7:
            events.append(f"{{at: {later(60, 4000)}, type: closed, confirmed_by: requester}}")
    priority = pick.choice(("P1", "P2", "P3", "P3", "P4"))
    category = pick.choice(("hardware", "software", "access"))
    lines = "".join(f"  - {event}\n" for event in events)
    text = (
        f"---\nid: {request_id}\ntitle: Generated request {index}\nagreement: AGR-BENCH\n"
        f"service: workplace\ncategory: {category}\npriority: {priority}\n"
        f"requester: user{index}@acme.example\nreceived: {_stamp(start)}\nevents:\n{lines}---\n"
    )
    return f"records/requests/{start:%Y/%m}/{request_id}.md", text, len(events)


def generate(root: Path, count: int) -> int:
    """Write the repository; return the number of events written."""
    pick = random.Random(20261121)
    total = 0
    for path, text in FIXED.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(f"---\n{text}---\n", encoding="utf-8")
    for index in range(count):
        path, text, events = request_text(index, pick)
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
        total += events
    return total


def measure(count: int) -> Row:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        events = generate(root, count)
        output = root / "export.json"
        began = time.perf_counter()
        command = [sys.executable, "-m", "generator", "export", "--root", str(root)]
        subprocess.run([*command, "--as-of", AS_OF, "--output", str(output)], check=True)
        export_s = time.perf_counter() - began
        catalog = validate(root).catalog
        as_of = datetime.fromisoformat(AS_OF)
        began = time.perf_counter()
        report = evaluate(catalog, as_of)
        clocks_s = time.perf_counter() - began
        began = time.perf_counter()
        with collector_paused():  # as the command runs it
            render_json(export_document(report))
        document_s = time.perf_counter() - began
    return Row(count, events, export_s, clocks_s, document_s)


def main(argv: list[str]) -> int:
    counts = [int(arg) for arg in argv] or [5_000, 10_000, 25_000]
    print(f"{'requests':>9} {'events':>8} {'export s':>9} {'clocks s':>9} {'document s':>10} "
          f"{'µs/event (export)':>18}")  # fmt: skip
    rows = [measure(count) for count in counts]
    for row in rows:
        per_event = row.export_s / row.events * 1e6
        print(
            f"{row.requests:>9} {row.events:>8} {row.export_s:>9.2f} {row.clocks_s:>9.2f} "
            f"{row.document_s:>10.2f} {per_event:>18.1f}"
        )
    largest = max(rows, key=lambda row: row.requests)
    verdict = "within" if largest.export_s < BUDGET_S else "OVER"
    seconds = f"{largest.export_s:.2f} s"
    print(f"{largest.requests} requests: {seconds}, {verdict} the {BUDGET_S:.0f} s budget")
    return 0 if largest.export_s < BUDGET_S else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
