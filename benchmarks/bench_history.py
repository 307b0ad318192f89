"""Budget (issue 5): reading the history of 10,000 records with 50,000 commits in all
takes under 10 s and grows linearly with commits; asking git once per file is not
acceptable.

The repository is generated with one ``git fast-import`` stream (not 50,000 ``git
commit`` calls): a first commit adds every request, then each commit appends one
event line to one request, as ``servicebook event --commit`` would, five minutes
after the event. Timed separately: the log pass (``git log`` + parse + per-record
lineages), reading every revision's content (one ``git cat-file --batch``) and
parsing its front matter, and the audit over all of it; the budget is their sum.
The last column is ``servicebook audit`` as a user runs it (a new process that also
validates the 10,000 records to know the roster).

Run: python -m benchmarks.bench_history [COMMITS ...]   (default 25000 50000; 10,000 records)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from generator.history.audit import audit
from generator.history.blobs import read_blobs
from generator.history.gitlog import read_log
from generator.history.reader import History
from generator.history.revisions import lineages
from generator.history.snapshots import timelines

RECORDS = 10_000
PEOPLE = [f"agent{n:02d}" for n in range(20)]
BASE = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
BUDGET_S = 10.0


def _data(text: str) -> bytes:
    raw = text.encode("utf-8")
    return b"data %d\n" % len(raw) + raw + b"\n"


def _request(index: int, received: datetime) -> tuple[str, str]:
    record_id = f"REQ-{received:%Y%m%d}-{index:04X}"
    path = f"records/requests/{received:%Y}/{received:%m}/{record_id}.md"
    text = (
        f"---\nid: {record_id}\ntitle: Generated request {index}\nservice: workplace-it\n"
        f"category: hardware\npriority: P3\nrequester: user{index}@customer.example\n"
        f"channel: portal\nreceived: {received.isoformat()}\nimported: benchmark\nevents:\n"
        f"  - {{at: {received.isoformat()}, type: assigned, group: desk, person: agent00}}\n"
        "---\nThe generated requester needs help with a generated problem.\n"
    )
    return path, text


def _stream(records: int, commits: int) -> Iterator[bytes]:
    """A fast-import stream: one commit adding ``records`` files, then one event each."""
    when = BASE
    # Received over the two years before: about 400 files per month folder, as the
    # sample files requests (records/requests/YYYY/MM/).
    spread = timedelta(days=730) / records
    files = [_request(i, when - (records - i) * spread) for i in range(records)]
    yield b"commit refs/heads/main\nmark :1\n"
    yield _person(0, when)
    yield _data("Import requests")
    for path, text in [*_roster(), *files]:
        yield f"M 100644 inline {path}\n".encode() + _data(text)
    for n in range(1, commits):
        when = BASE + timedelta(minutes=n)
        index = (n * 7919) % records  # spread changes over every record
        path, text = files[index]
        at = (when - timedelta(minutes=5)).isoformat()
        line = f"  - {{at: {at}, type: note, text: Generated note {n}}}\n"
        text = text.replace("\n---\nThe generated", f"\n{line}---\nThe generated", 1)
        files[index] = (path, text)
        yield b"commit refs/heads/main\nmark :%d\n" % (n + 1)
        yield _person(n, when)
        yield _data(f"REQ {index}: note\n\nRecord: {Path(path).stem}\nEvent: note")
        yield b"from :%d\n" % n
        yield f"M 100644 inline {path}\n".encode() + _data(text)


def _roster() -> list[tuple[str, str]]:
    """The service, the group and the people the requests name (so the records are valid)."""
    members = ", ".join(PEOPLE)
    files = [
        (
            "records/services/workplace-it.md",
            "---\nid: workplace-it\ntitle: Workplace IT\nowner: desk\n"
            "categories: [hardware]\n---\n",
        ),
        (
            "records/people/desk.md",
            f"---\nid: desk\ntype: group\ntitle: Desk\nmembers: [{members}]\n---\n",
        ),
    ]
    for who in PEOPLE:
        text = (
            f"---\nid: {who}\ntype: person\ntitle: {who}\n"
            f"email: {who}@provider.example\ngroups: [desk]\n---\n"
        )
        files.append((f"records/people/{who}.md", text))
    return files


def _person(n: int, when: datetime) -> bytes:
    who = PEOPLE[n % len(PEOPLE)]
    stamp = f"{who} <{who}@provider.example> {int(when.timestamp())} +0100\n"
    return f"author {stamp}committer {stamp}".encode()


def make_repository(root: Path, records: int, commits: int) -> float:
    """Create the repository; the seconds it took."""
    started = time.perf_counter()
    root.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    process = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=root, stdin=subprocess.PIPE)
    assert process.stdin is not None
    for chunk in _stream(records, commits):
        process.stdin.write(chunk)
    process.stdin.close()
    if process.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "main"], cwd=root, check=True)
    return time.perf_counter() - started


def measure(root: Path) -> dict[str, float]:
    """Seconds for each stage, best of three."""
    best: dict[str, float] = {}
    for _ in range(3):
        times: dict[str, float] = {}
        started = time.perf_counter()
        log = read_log(root)
        found = lineages(log.entries)
        times["log pass"] = time.perf_counter() - started
        started = time.perf_counter()
        blobs = {r.blob for lineage in found for r in lineage.revisions if r.blob}
        history = History(log, tuple(timelines(found, read_blobs(root, blobs))))
        times["contents"] = time.perf_counter() - started
        started = time.perf_counter()
        findings = audit(history, {f"{p}@provider.example" for p in PEOPLE})
        times["audit"] = time.perf_counter() - started
        assert not findings, findings[:3]
        assert len(log.entries) > 0
        for stage, seconds in times.items():
            best[stage] = min(best.get(stage, seconds), seconds)
    best["total"] = sum(best[stage] for stage in ("log pass", "contents", "audit"))
    started = time.perf_counter()
    cli = subprocess.run(
        [sys.executable, "-m", "generator", "audit"], cwd=root, capture_output=True, text=True
    )
    best["cli"] = time.perf_counter() - started
    assert cli.returncode == 0 and cli.stdout == "", cli.stdout[:500] + cli.stderr
    return best


def main(sizes: list[int]) -> int:
    print(
        "| commits | records | generate s | log pass s | contents s | audit s | total s "
        "| `servicebook audit` s |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for commits in sizes:
            root = Path(tmp) / f"repo{commits}"
            made = make_repository(root, RECORDS, commits)
            t = measure(root)
            worst = max(worst, t["total"])
            print(
                f"| {commits} | {RECORDS} | {made:.1f} | {t['log pass']:.2f} | "
                f"{t['contents']:.2f} | {t['audit']:.2f} | {t['total']:.2f} | {t['cli']:.2f} |",
                flush=True,
            )
    verdict = "met" if worst < BUDGET_S else "MISSED"
    print(f"budget: total under {BUDGET_S:.0f} s at every size: {verdict}")
    return 0 if worst < BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main([int(arg) for arg in sys.argv[1:]] or [25_000, 50_000]))
