"""The edit loop at real scale (issue 16), the parts that exist so far: ``generate`` with
nothing changed and ``servicebook event`` on the UCI ServiceNow import.

Run: ``python -m benchmarks.bench_edit_loop [--data FILE] [--repo DIR]`` (about three
minutes; ``--repo`` reuses an imported repository, which it changes: it appends events).
Each command runs as a user runs it (a subprocess, ``--as-of`` fixed), in this order:
``validate`` (fills the cache), ``generate`` (first run), ``generate`` again (nothing
changed), ``event`` (one note appended), ``generate`` after that one change. The table
goes to ``benchmarks/results/edit-loop.md``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "datasets" / "uci-incident-event-log" / "incident_event_log.csv.gz"
RESULTS = REPO / "benchmarks" / "results" / "edit-loop.md"
AS_OF = "2017-03-01T03:00:00Z"


def _run(root: Path, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", *args], cwd=root, check=True,
                   capture_output=True)  # fmt: skip
    return time.perf_counter() - started


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--repo", type=Path, default=None)
    args = parser.parse_args(argv)
    root = args.repo
    if root is None:
        root = Path(tempfile.mkdtemp(prefix="bench-edit-")) / "repo"
        _run(REPO, "import", "csv", str(args.data), "--mapping", "uci-servicenow",
             "--into", str(root))  # fmt: skip
    request = next((root / "records" / "requests").rglob("*.md")).stem
    rows = [
        ("validate, cache filled", _run(root, "validate"), "—"),
        ("generate, first run", _run(root, "generate", "--as-of", AS_OF), "—"),
        ("generate, nothing changed", _run(root, "generate", "--as-of", AS_OF), "≤ 2 s"),
        (
            "event (one note appended)",
            _run(root, "event", request, "note", "--text", "benchmark", "--at", AS_OF),
            "≤ 1 s",
        ),
        ("generate after that one change", _run(root, "generate", "--as-of", AS_OF), "—"),
    ]
    lines = [
        "# The edit loop on the 25k import",
        "",
        "`python -m benchmarks.bench_edit_loop` on this machine (2 cores), the UCI",
        f"ServiceNow log imported (`request_pages: open_and_recent`), `--as-of {AS_OF}`.",
        "",
        "| Command | Time | Budget |",
        "|---|---:|---|",
        *(f"| {name} | {seconds:.2f} s | {budget} |" for name, seconds, budget in rows),
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
