"""Budget (issue 2): `servicebook validate` on 10,000 generated requests costs at most
1.5x parsing the same front matter with yaml.CSafeLoader, with memory linear in records.

Run: python benchmarks/bench_validate.py [N ...]   (default 5000 10000)
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.floors import parse_floor
from benchmarks.synthetic import make_repository


def validate_run(root: Path) -> tuple[float, int]:
    """Wall time and peak memory (KiB) of `servicebook validate` as a user runs it."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--root", str(root)],
        check=True,
        capture_output=True,
    )
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def main(sizes: list[int]) -> None:
    print("| requests | CSafeLoader floor s | validate s | ratio | peak RSS MiB |")
    print("|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            root = make_repository(Path(tmp) / f"repo{size}", size)
            floor = min(parse_floor(root) for _ in range(3))
            runs = [validate_run(root) for _ in range(3)]
            best = min(seconds for seconds, _ in runs)
            peak = max(kib for _, kib in runs) / 1024
            print(f"| {size} | {floor:.2f} | {best:.2f} | {best / floor:.2f} | {peak:.0f} |")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [5000, 10000])
