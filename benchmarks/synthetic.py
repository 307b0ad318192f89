"""Generate a synthetic repository of N requests (plus what they refer to) for benchmarks."""

from __future__ import annotations

import random
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

CONTRACT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "contract"
STATUSES = ["in_progress", "waiting_on_requester", "in_progress"]


def make_repository(root: Path, requests: int, seed: int = 7) -> Path:
    """Copy the contract examples to ``root`` and add ``requests`` request records."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(CONTRACT, root)
    rng = random.Random(seed)
    start = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    for index in range(requests):
        received = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 300))
        record_id = f"REQ-{received:%Y%m%d}-{index:05X}"
        folder = root / "records" / "requests" / f"{received:%Y}" / f"{received:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{record_id}.md").write_text(_request(record_id, received, rng))
    return root


def _request(record_id: str, received: datetime, rng: random.Random) -> str:
    at = received
    events = []
    for kind in ("assigned", "responded", "status", "message", "status", "resolved"):
        at += timedelta(minutes=rng.randrange(5, 600))
        stamp = at.strftime("%Y-%m-%dT%H:%M:%SZ")
        if kind == "assigned":
            events.append(f"  - {{at: {stamp}, type: assigned, group: desk, person: bob}}")
        elif kind == "status":
            events.append(f"  - {{at: {stamp}, type: status, status: {rng.choice(STATUSES)}}}")
        elif kind == "resolved":
            events.append(f"  - {{at: {stamp}, type: resolved, resolution: Fixed it}}")
        else:
            events.append(f"  - {{at: {stamp}, type: {kind}}}")
    priority = rng.choice(["P1", "P2", "P3", "P3", "P4"])
    category = rng.choice(["hardware", "software", "access"])
    return (
        "---\n"
        f"id: {record_id}\n"
        f"title: Synthetic request {record_id}\n"
        "agreement: AGR-ACME-IT\n"
        "service: workplace-it\n"
        f"category: {category}\n"
        f"priority: {priority}\n"
        "requester: alice@acme.example\n"
        "channel: portal\n"
        f"received: {received:%Y-%m-%dT%H:%M:%SZ}\n"
        "events:\n" + "\n".join(events) + "\n"
        "---\n"
        "A synthetic request body of a typical length, written for benchmarks only.\n"
    )
