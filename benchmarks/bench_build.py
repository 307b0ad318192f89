"""Budget (issue 2): `servicebook build` of the sample site in under 30 s on 2 cores.

Run: python -m benchmarks.bench_build
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def copy_sample(target: Path) -> Path:
    """The sample repository's inputs, copied so the benchmark writes nothing here."""
    for name in ("records", "docs", "templates", "monitoring"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, target / name)
    for name in ("mkdocs.yml", "servicebook.yml"):
        shutil.copy2(REPO / name, target / name)
    return target


def timed(*args: str, cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, check=True, capture_output=True
    )
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_sample(Path(tmp))
        records = sum(1 for _ in (root / "records").rglob("*.md"))
        cold = timed("build", cwd=root)
        warm = min(timed("build", cwd=root) for _ in range(2))
        generate = min(timed("generate", cwd=root) for _ in range(3))
        pages = sum(1 for _ in (root / "site").rglob("*.html"))
    print("| records | HTML pages | build cold s | build again s | generate only s |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {records} | {pages} | {cold:.1f} | {warm:.1f} | {generate:.2f} |")


if __name__ == "__main__":
    main()
