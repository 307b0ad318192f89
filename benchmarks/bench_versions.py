"""Agreement versions at scale (issue 13): `export` of the 25k import before and after.

Run: ``python -m benchmarks.bench_versions [--data FILE] [--baseline REV]`` (about 5
minutes). It imports the UCI ServiceNow log (24,918 incidents) into a temporary
repository and commits it, as ``bench_scale`` does, then times ``servicebook export``
(JSON to a file, a subprocess, best of three):

- *baseline*: the tool at ``--baseline`` (default: the commit before versions in force),
  checked out in a temporary git worktree and put first on ``PYTHONPATH``;
- *current*: this checkout, on the same repository (one published version per
  agreement, read from the history of ``records/agreements``);
- *current, revised*: after a second commit that raises the version of every agreement,
  dated 2016-09-01, so about half the requests are measured under each version;
- the baseline once more, last, so no warm-up favours either tool (its best of six).

The budget: current within 1.2x of the baseline. Results go to
``benchmarks/results/versions.md``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.bench_scale import DATA, commit_import, run

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results" / "versions.md"
BASELINE = "a4ece68^"
"""The parent of "Agreements: measure each request under the version in force when
received": the tool that measured every request under the current file."""
AS_OF = "2017-03-01T00:00:00Z"
REVISED_AT = "2016-09-01T00:00:00Z"


def export_seconds(root: Path, tool: Path, out: Path) -> float:
    """Best of three ``export`` runs of the tool whose package is in ``tool``."""
    env = {**os.environ, "PYTHONPATH": str(tool)}
    best = float("inf")
    for _ in range(3):
        began = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "generator", "export", "--as-of", AS_OF, "--output", str(out)],
            cwd=root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"export with {tool} failed:\n{done.stderr[-3000:]}")
        best = min(best, time.perf_counter() - began)
    return best


def revise_agreements(root: Path) -> int:
    """Raise the version of every agreement and commit it at ``REVISED_AT``."""
    count = 0
    for path in sorted((root / "records" / "agreements").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^version: \d+$", text, flags=re.MULTILINE):
            text = re.sub(r"^version: (\d+)$", "version: 2", text, count=1, flags=re.MULTILINE)
        else:
            text = re.sub(r"^(status: .*)$", r"\1\nversion: 2", text, count=1, flags=re.MULTILINE)
        path.write_text(text, encoding="utf-8")
        count += 1
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": REVISED_AT,
        "GIT_COMMITTER_DATE": REVISED_AT,
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    ident = ["-c", "user.name=Data importer", "-c", "user.email=importer@example.org"]
    for args in (["add", "-A"], [*ident, "commit", "-qm", "Agreements version 2"]):
        subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)
    return count


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the UCI event log (.csv.gz)")
    parser.add_argument("--baseline", default=BASELINE, help="the revision to compare with")
    args = parser.parse_args(argv)
    if not args.data.is_file():
        print(f"no data set at {args.data}; pass --data", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="bench-versions-"))
    worktree = folder / "baseline"
    root = folder / "repo"
    try:
        subprocess.run(
            ["git", "worktree", "add", "-q", "--detach", str(worktree), args.baseline],
            cwd=REPO,
            check=True,
            capture_output=True,
        )
        baseline_sha = subprocess.run(
            ["git", "rev-parse", "--short", args.baseline],
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        run(folder, "import", "csv", str(args.data), "--mapping", "uci-servicenow", "--into",
            str(root))  # fmt: skip
        commit_import(root)
        requests = sum(1 for _ in (root / "records" / "requests").rglob("*.md"))
        out = folder / "export.json"
        before = export_seconds(root, worktree, out)
        current = export_seconds(root, REPO, out)
        revised = revise_agreements(root)
        after = export_seconds(root, REPO, out)
        # Again, last, on the revised repository: no warm-up favours either tool.
        before = min(before, export_seconds(root, worktree, out))
        ratio, ratio_revised = current / before, after / before
        rows = [
            ("baseline (every request under the current file; best of 6)", before, "—"),
            ("current, one version per agreement", current, f"{ratio:.2f}x"),
            (f"current, {revised} agreement(s) revised once", after, f"{ratio_revised:.2f}x"),
        ]
        verdict = "met" if max(ratio, ratio_revised) <= 1.2 else "missed"
        text = "\n".join(
            [
                "# Agreement versions: export of the 25k import",
                "",
                f"`python -m benchmarks.bench_versions`: {requests} requests imported from the "
                f"UCI ServiceNow log, `export --as-of {AS_OF}` to a file, best of three, "
                f"baseline `{baseline_sha}` ({args.baseline}).",
                "",
                "| Run | Seconds | Against the baseline |",
                "|---|---:|---:|",
                *(f"| {name} | {seconds:.2f} | {against} |" for name, seconds, against in rows),
                "",
                f"Budget: within 1.2x of the baseline with version lookup included: **{verdict}**.",
                "",
            ]
        )
        RESULTS.write_text(text, encoding="utf-8")
        print(text)
        return 0
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(worktree)], cwd=REPO, check=False
        )
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
