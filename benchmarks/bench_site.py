"""Budget (issue 4): the cost of a request page against a plain MkDocs + Material page.

Builds, in one run on this machine, the sample site and the sample plus 1,000 and
5,000 generated requests with ``servicebook build`` (validate, SLA clocks, every
page, ``mkdocs build --strict``), and a plain MkDocs + Material site of the same
number of pages of the same Markdown size with a small nav (the floor). Reports:

- cost per request page: the marginal build time per added request (1,000 → 5,000),
  against the floor's marginal time per page; budget 1.3x;
- HTML per request page and site growth per added request; budget 30 KB.

Run: python -m benchmarks.bench_site [N ...]   (default 1000 5000)
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from benchmarks.bench_build import copy_sample

RESULTS = Path(__file__).resolve().parent / "results" / "site.md"
REPEATS = 2
"""Each build runs this many times from scratch and the fastest counts, for ours and the
floor alike: the machine is shared, and a slow run says more about it than about us."""
BUDGET_RATIO = 1.3
BUDGET_KB = 30.0
AS_OF = "2026-11-25T14:00:00Z"
CATEGORIES = ("medidesk", "online-booking", "lab-interface")
PEOPLE = ("anna.kowalski", "jonas.becker", "mehmet.yilmaz", "lea.hoffmann")


def add_requests(root: Path, count: int, seed: int = 4) -> None:
    """Add ``count`` generated requests under the sample's Lindenhof agreement."""
    rng = random.Random(seed)
    start = datetime(2026, 4, 6, 7, 0, tzinfo=UTC)
    folder = root / "records" / "requests" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        received = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 228))
        record_id = f"REQ-{received:%Y%m%d}-B{index:04X}"
        (folder / f"{record_id}.md").write_text(_request(record_id, received, rng))


def _request(record_id: str, received: datetime, rng: random.Random) -> str:
    at = received
    events = []
    person = rng.choice(PEOPLE)
    steps = ["assigned", "responded", "status", "message", "responded", "status", "action"]
    if rng.random() < 0.85:
        steps += ["resolved", "closed"]
    for kind in steps:
        at += timedelta(minutes=rng.randrange(5, 400))
        stamp = f"{at:%Y-%m-%dT%H:%M:%SZ}"
        if kind == "assigned":
            event = f"group: service-desk, person: {person}"
        elif kind == "status":
            event = f"status: {rng.choice(['in_progress', 'waiting_on_requester'])}"
        elif kind == "resolved":
            event = "resolution: Settings corrected and checked with the requester."
        elif kind == "closed":
            event = "confirmed_by: requester"
        elif kind in ("responded", "message", "action"):
            event = "text: Looked into it and wrote back with the next steps."
        events.append(f"  - {{at: {stamp}, type: {kind}, {event}}}")
    satisfaction = ""
    if "closed" in steps and rng.random() < 0.4:
        satisfaction = f"satisfaction: {{score: {rng.choice([3, 4, 4, 5, 5])}}}\n"
    return (
        f"---\nid: {record_id}\ntitle: MediDesk question {record_id[-5:]} from a clinic\n"
        "agreement: AGR-LINDENHOF-2026\nservice: practice-systems\n"
        f"category: {rng.choice(CATEGORIES)}\npriority: {rng.choice(['P2', 'P3', 'P3', 'P4'])}\n"
        "requester: reception@lindenhof-kliniken.example\nchannel: portal\n"
        f"received: {received:%Y-%m-%dT%H:%M:%SZ}\n{satisfaction}events:\n"
        + "\n".join(events)
        + "\n---\nThe reception cannot open the appointment list since the morning; "
        "the message says the session expired. Please have a look.\n"
    )


def build(root: Path) -> float:
    """Seconds for ``servicebook build`` (one run, as a user runs it)."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "generator", "build", "--as-of", AS_OF],
        cwd=root,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def request_page_stats(root: Path) -> tuple[int, float, float, int]:
    """Request pages, mean HTML KB, mean Markdown KB, whole site bytes."""
    pages = list((root / "site" / "requests").glob("REQ-*/index.html"))
    html = sum(p.stat().st_size for p in pages)
    sources = list((root / ".servicebook" / "docs" / "requests").glob("REQ-*.md"))
    markdown = sum(p.stat().st_size for p in sources)
    site = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file())
    return len(pages), html / len(pages) / 1024, markdown / len(sources) / 1024, site


def floor_site(root: Path, pages: int, size: int) -> float:
    """Seconds for plain ``mkdocs build`` of ``pages`` pages of ``size`` bytes, small nav."""
    docs = root / "docs"
    for kind in ("a", "b", "c", "d"):
        (docs / kind).mkdir(parents=True)
        (docs / kind / "index.md").write_text(f"# Section {kind}\n\nRecords of kind {kind}.\n")
    (docs / "index.md").write_text("# Floor\n\nA plain site.\n")
    for index in range(pages):
        kind = "abcd"[index % 4]
        (docs / kind / f"rec-{index:05d}.md").write_text(_plain_page(index, size))
    nav = "\n".join(f"  - {k.upper()}: {k}/index.md" for k in "abcd")
    (root / "mkdocs.yml").write_text(
        "site_name: Floor\nsite_url: https://example.invalid/\ntheme:\n  name: material\n"
        "  font: false\nplugins:\n  - search\nmarkdown_extensions:\n  - tables\n"
        "  - admonition\n  - toc:\n      permalink: true\n"
        f"nav:\n  - Home: index.md\n{nav}\nnot_in_nav: |\n  /*/rec-*.md\n"
    )
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, check=True, capture_output=True
    )
    return time.perf_counter() - started


def _runs(times: list[float]) -> str:
    return ", ".join(f"{t:.1f} s" for t in times) + f" (best {min(times):.1f} s)"


def _plain_page(index: int, size: int) -> str:
    """A record-like page of about ``size`` bytes: front matter, five sections, a table."""
    head = f"---\ntitle: Record {index}\n---\n# Record {index}\n\n"
    table = "| Field | Value |\n|---|---|\n" + "".join(
        f"| field {n} | value {n} of record {index} |\n" for n in range(6)
    )
    sentence = "A sentence of plain text that says what happened, when and who did it. "
    fixed = len(head) + len(table) + 5 * len("## Section N\n\n\n\n- one\n- two\n\n")
    per_section = max((size - fixed) // 5, len(sentence))
    text = (sentence * (per_section // len(sentence) + 1))[:per_section]
    sections = "".join(f"## Section {n}\n\n{text}\n\n- one\n- two\n\n" for n in range(1, 6))
    return head + table + "\n" + sections


def main(counts: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        results: dict[int, tuple[float, int, float, float, int]] = {}
        for count in [0, *counts]:
            root = copy_sample(base / f"site-{count}")
            add_requests(root, count)
            times = []
            for _ in range(REPEATS):
                # Every run from scratch: no staged pages, no parse cache, no site.
                for folder in (root / ".servicebook", root / "site"):
                    shutil.rmtree(folder, ignore_errors=True)
                times.append(build(root))
            results[count] = (min(times), *request_page_stats(root))
            print(f"built sample + {count}: {_runs(times)}", file=sys.stderr)
        size = int(results[counts[-1]][3] * 1024)
        floors = {}
        for count in counts:
            pages = results[count][1]
            times = [
                floor_site(base / f"floor-{count}-{run}", pages, size) for run in range(REPEATS)
            ]
            floors[count] = min(times)
            print(f"floor {pages} pages: {_runs(times)}", file=sys.stderr)
    low, high = counts[0], counts[-1]
    added = high - low
    ours = (results[high][0] - results[low][0]) / added * 1000
    floor = (floors[high] - floors[low]) / (results[high][1] - results[low][1]) * 1000
    growth = (results[high][4] - results[low][4]) / added / 1024
    ratio = ours / floor
    lines = [
        "| requests added | request pages | build s | floor s | HTML KB/page | Markdown KB/page |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for count in [0, *counts]:
        seconds, pages, html_kb, md_kb, _site = results[count]
        floor_s = f"{floors[count]:.1f}" if count in floors else "—"
        lines.append(
            f"| {count} | {pages} | {seconds:.1f} | {floor_s} | {html_kb:.1f} | {md_kb:.1f} |"
        )
    lines += [
        "",
        f"- marginal cost per request page ({low}→{high}): {ours:.2f} ms",
        f"- floor, plain MkDocs + Material page of the same size, small nav: {floor:.2f} ms",
        f"- ratio: {ratio:.2f}x (budget {BUDGET_RATIO}x) "
        f"{'within budget' if ratio <= BUDGET_RATIO else 'OVER'}",
        f"- site growth per added request: {growth:.1f} KB (budget {BUDGET_KB:.0f} KB) "
        f"{'within budget' if growth < BUDGET_KB else 'OVER'}",
    ]
    print("\n".join(lines))
    RESULTS.write_text(
        "# The published site: cost of a request page (issue 4)\n\n"
        f"Written by `python -m benchmarks.bench_site` on {date.today()} (2 vCPUs, shared "
        f"machine; the best of {REPEATS} runs from scratch each, for ours and the floor). "
        "The sample plus generated "
        "requests, built with `servicebook build` (validate, clocks, pages, MkDocs), against "
        "a plain MkDocs + Material site of as many pages of the same Markdown size.\n\n"
        + "\n".join(lines)
        + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 5000])
