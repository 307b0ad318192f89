"""The site build at real scale, by route (issue 16): the UCI ServiceNow log imported at
5k, 10k and 25k requests, every request with its page (``request_pages: all``).

For each size, in one run on this machine:

- the plain MkDocs + Material floor: as many pages of the same size (``floors.py``);
- ``servicebook build`` from scratch by the default route (request pages filled into the
  theme's page shell, MkDocs builds the rest), with its peak memory;
- ``build`` again with nothing changed; ``servicebook event`` (one note) on the first
  request (the one MkDocs builds itself for the shell's check); ``build`` after that
  first change to the committed tree; another event on another request and ``build``;
  ``generate`` with nothing changed;
- ``servicebook serve``: after its first build, one event on a request, and the time
  until the served page shows it (the edit written to the page visible, polled every
  0.1 s);
- at the smallest size also the other routes, from scratch and after one change:
  MkDocs building every page (``request_page_shell: false``) and Zensical.

Run: ``python -m benchmarks.bench_site_routes [--sizes 5000 10000 25000]`` (about 40
minutes on 2 cores). The table goes to ``benchmarks/results/site-routes.md``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from benchmarks.floors import build_floor

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "datasets" / "uci-incident-event-log" / "incident_event_log.csv.gz"
RESULTS = REPO / "benchmarks" / "results" / "site-routes.md"
AS_OF = "2017-03-01T03:00:00Z"
_PEAK = (
    "import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)"
)


def _timed(root: Path, *args: str) -> tuple[float, int, str]:
    """Seconds, peak resident memory (KiB, the largest process) and what one command
    printed on its error stream."""
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, sys.executable, "-m", "generator", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"servicebook {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    said = done.stderr.strip().splitlines()
    return seconds, int(said[-1]), "\n".join(said[:-1])


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def _imported(folder: Path, size: int, data: Path) -> Path:
    root = folder / f"import-{size}"
    subprocess.run(
        [sys.executable, "-m", "generator", "import", "csv", str(data), "--mapping",
         "uci-servicenow", "--limit", str(size), "--into", str(root)],
        cwd=REPO, check=True, capture_output=True,
    )  # fmt: skip
    settings = root / "servicebook.yml"
    lines = settings.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("request_pages:")]
    settings.write_text("\n".join([*kept, "request_pages: all", ""]), encoding="utf-8")
    if not (root / ".git").is_dir():
        _git(root, "init", "-q")
    _git(root, "add", "-A")
    who = ("-c", "user.name=Bench", "-c", "user.email=bench@example.org")
    _git(root, *who, "commit", "-qm", "import")
    return root


def _copy(root: Path, name: str, setting: str) -> Path:
    other = root.parent / f"{root.name}-{name}"
    shutil.copytree(root, other, ignore=shutil.ignore_patterns(".servicebook"))
    shutil.rmtree(other / "site", ignore_errors=True)
    with (other / "servicebook.yml").open("a", encoding="utf-8") as settings:
        settings.write(f"\n{setting}\n")
    return other


def _edit_loop(root: Path) -> dict[str, tuple[float, int, str]]:
    """Full build from scratch, then the edit loop, by the route ``root`` is set to."""
    build = ("build", "--as-of", AS_OF)
    # The smallest id: the request page MkDocs builds itself to check the shell.
    request = min(path.stem for path in (root / "records" / "requests").rglob("*.md"))
    found = {"full": _timed(root, *build), "again": _timed(root, *build)}
    found["event"] = _timed(root, "event", request, "note", "--text", "bench", "--at", AS_OF)
    found["changed"] = _timed(root, *build, "--progress")
    second = sorted((root / "records" / "requests").rglob("*.md"))[1].stem
    _timed(root, "event", second, "note", "--text", "bench", "--at", AS_OF)
    found["second"] = _timed(root, *build, "--progress")
    _timed(root, "generate", "--as-of", AS_OF)  # the first generate stages and remembers
    found["generate"] = _timed(root, "generate", "--as-of", AS_OF)
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def _until(check: Callable[[], bool], seconds: float, step: float) -> float:
    """Seconds until ``check`` holds (polled every ``step``); fails after ``seconds``."""
    began = time.perf_counter()
    while time.perf_counter() - began < seconds:
        if check():
            return time.perf_counter() - began
        time.sleep(step)
    raise SystemExit(f"serve: not there after {seconds:.0f} s")


def _serve_edit(root: Path) -> float:
    """Seconds from one event written to its text on the page ``serve`` serves."""
    base = f"http://127.0.0.1:{_free_port()}"
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--as-of", AS_OF,
         "--dev-addr", base.removeprefix("http://")],
        cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _until(lambda: _get(f"{base}/.servicebook/version") == "1", 1800, 1.0)
        request = sorted((root / "records" / "requests").rglob("*.md"))[2].stem
        text = f"serve-{time.time_ns()}"
        args = ("event", request, "note", "--text", text, "--at", AS_OF)
        subprocess.run([sys.executable, "-m", "generator", *args], cwd=root, check=True,
                       capture_output=True)  # fmt: skip
        return _until(lambda: text in _get(f"{base}/requests/{request}/"), 600, 0.1)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)


_STEP = re.compile(r"^servicebook: (\w+)\b.* in (\d+(?:\.\d+)?) s$")


def _steps(said: str) -> dict[str, float]:
    """The seconds of each step a ``--progress`` run printed, by its first word."""
    found: dict[str, float] = {}
    for line in said.splitlines():
        match = _STEP.match(line)
        if match:
            found[match[1]] = found.get(match[1], 0.0) + float(match[2])
    return found


def _steps_table(steps: list[tuple[int, dict[str, float]]]) -> list[str]:
    names = list(dict.fromkeys(name for _, found in steps for name in found))
    lines = [
        "| Step | " + " | ".join(f"{requests:,} requests" for requests, _ in steps) + " |",
        "|---|" + "---:|" * len(steps),
    ]
    for name in names:
        cells = " | ".join(f"{found.get(name, 0.0):.1f}" for _, found in steps)
        lines.append(f"| {name} | {cells} |")
    return lines


def _page_bytes(root: Path) -> tuple[int, int]:
    """How many Markdown pages were staged, and the average size of a request page."""
    docs = root / ".servicebook" / "docs"
    pages = sum(1 for _ in docs.rglob("*.md"))
    requests = [path.stat().st_size for path in (docs / "requests").glob("*.md")]
    return pages, sum(requests) // max(1, len(requests))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 25000])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-routes-"))
    rows: list[str] = []
    comparison: list[str] = []
    steps: list[tuple[int, dict[str, float]]] = []
    first_steps: list[tuple[int, dict[str, float]]] = []
    for size in args.sizes:
        root = _imported(folder, size, args.data)
        loop = _edit_loop(root)
        served = _serve_edit(root)
        pages, page_bytes = _page_bytes(root)
        floor_dir = folder / f"floor-{size}"
        floor = build_floor(floor_dir, pages, page_bytes, REPO / "mkdocs.yml")
        shutil.rmtree(floor_dir)
        requests = sum(1 for _ in (root / "site" / "requests").glob("*/index.html"))
        full, peak, _ = loop["full"]
        steps.append((requests, _steps(loop["second"][2])))
        first_steps.append((requests, _steps(loop["changed"][2])))
        budget = 2 + 0.05 * full
        rows.append(
            f"| {requests:,} | {pages:,} | {floor:.1f} s | {full:.1f} s | {full / floor:.2f}x "
            f"| {peak / 1024:.0f} MiB | {loop['again'][0]:.1f} s | {loop['event'][0]:.2f} s "
            f"| {loop['changed'][0]:.1f} s | {loop['second'][0]:.1f} s | {served:.1f} s "
            f"| {budget:.1f} s | {loop['generate'][0]:.2f} s |"
        )
        if size == min(args.sizes):
            for name, setting in (
                ("MkDocs builds every page", "request_page_shell: false"),
                ("Zensical", "builder: zensical"),
            ):
                other = _edit_loop(_copy(root, name.split()[0].lower(), setting))
                comparison.append(
                    f"| {name} | {other['full'][0]:.1f} s | {other['second'][0]:.1f} s "
                    f"| {other['full'][1] / 1024:.0f} MiB |"
                )
            comparison.insert(
                0,
                f"| Shell (the default) | {full:.1f} s | {loop['second'][0]:.1f} s "
                f"| {peak / 1024:.0f} MiB |",
            )
    lines = [
        "# The site build by route, at real scale",
        "",
        "`python -m benchmarks.bench_site_routes` on this machine (2 cores): the UCI",
        "ServiceNow log imported with `--limit`, `request_pages: all`, committed to git,",
        f"`--as-of {AS_OF}`. Each figure is one run of the command as a user runs it.",
        "Peak memory is the largest process of the command (ours or the builder).",
        "",
        "| Requests | Pages | MkDocs floor | Full build | Ratio (budget ≤ 0.5x) | Peak memory "
        "(≤ 1 GiB) | Build, nothing changed | event (≤ 1 s) | Build after the first change "
        "| Build after another change | Edit visible in serve | Budget of the last three "
        "(2 s + 5 % of the full build) | generate, nothing changed (≤ 2 s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"Routes compared at {min(args.sizes):,} requests (from scratch, and after a second "
        "event):",
        "",
        "| Route | Full build | Build after one change | Peak memory |",
        "|---|---:|---:|---:|",
        *comparison,
        "",
        "Where the build after the first change spends its time (seconds, from",
        "`--progress`; the rest is starting Python, importing and the scan):",
        "",
        *_steps_table(first_steps),
        "",
        "And after another change:",
        "",
        *_steps_table(steps),
        "",
    ]
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
