"""Budget (issue 14): `servicebook init` plus the first `build` of the new repository
under 15 s on this machine.

Run: python -m benchmarks.bench_init   (best of three, each in a new temporary folder)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

INIT = ["--name", "Prairie Lake IT", "--timezone", "America/Chicago", "--country", "US"]


def _timed(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, check=True,
                   capture_output=True)  # fmt: skip
    return time.perf_counter() - started


def main() -> None:
    runs = []
    for _ in range(3):
        with tempfile.TemporaryDirectory() as tmp:
            book = Path(tmp) / "book"
            init = _timed(["init", str(book), *INIT], Path(tmp))
            build = _timed(["build"], book)
            runs.append((init + build, init, build))
    total, init, build = min(runs)
    print("| step | seconds |\n|---|---:|")
    print(f"| init | {init:.2f} |\n| first build | {build:.2f} |\n| total | {total:.2f} |")
    print(f"\nBudget 15 s: {'met' if total < 15 else 'missed'}")


if __name__ == "__main__":
    main()
