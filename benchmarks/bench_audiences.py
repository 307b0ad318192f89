"""Budget (issue 11): ``build --all-audiences`` against one staff build.

Builds the sample (copied to a temporary folder, as a user would run it) with
``servicebook build`` (the staff site) and with ``servicebook build --all-audiences``
(the staff site and one site per customer, computed once), each from a clean site and
staging folder, the fastest of REPEATS runs counting. Budget: the extra time of the
added audiences is at most 1.5x a staff build per added audience's share of pages, i.e.

    all_audiences <= staff * (1 + 1.5 * sum(customer pages) / staff pages)

Run: python -m benchmarks.bench_audiences
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_build import copy_sample

RESULTS = Path(__file__).resolve().parent / "results" / "audiences.md"
REPEATS = 3
BUDGET = 1.5


def _build(root: Path, *args: str) -> float:
    for folder in ("site", ".servicebook"):
        shutil.rmtree(root / folder, ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "generator", "build", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def _pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_sample(Path(tmp) / "sample")
        subprocess.run(["git", "init", "-q"], cwd=root, check=True)
        subprocess.run(["git", "add", "-A"], cwd=root, check=True)
        subprocess.run(
            ["git", "-c", "user.name=b", "-c", "user.email=b@example.com", "commit", "-qm", "s"],
            cwd=root,
            check=True,
        )
        staff = min(_build(root) for _ in range(REPEATS))
        staff_pages = _pages(root / "site")
        every = min(_build(root, "--all-audiences") for _ in range(REPEATS))
        sites = sorted(p for p in (root / "site").iterdir() if p.is_dir())
        pages = {site.name: _pages(site) for site in sites}
    share = sum(n for name, n in pages.items() if name != "staff") / staff_pages
    budget = staff * (1 + BUDGET * share)
    verdict = "within budget" if every <= budget else "OVER BUDGET"
    rows = [
        "# --all-audiences against one staff build (sample)",
        "",
        f"Fastest of {REPEATS} runs each, clean site and staging folders, on this machine.",
        "",
        "| Run | Seconds | Pages (HTML) |",
        "|---|---:|---:|",
        f"| build (staff) | {staff:.2f} | {staff_pages} |",
        f"| build --all-audiences | {every:.2f} | "
        + ", ".join(f"{name} {n}" for name, n in pages.items())
        + " |",
        "",
        f"Added audiences' share of pages: {share:.2f} of a staff site. Budget: "
        f"{staff:.2f} x (1 + {BUDGET} x {share:.2f}) = {budget:.2f} s; measured "
        f"{every:.2f} s ({every / staff:.2f}x a staff build): {verdict}.",
        "",
    ]
    RESULTS.write_text("\n".join(rows), encoding="utf-8")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
