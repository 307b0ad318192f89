"""Floors for ``bench_scale``: the same work done by the bare tools, nothing of ours.

- parsing: read every record and parse its front matter with ``yaml.CSafeLoader``;
- building: a plain MkDocs + Material site of as many pages, shaped like our request pages
  (details table with links, badges, an admonition, a clocks table, a timeline and a
  history table) and of the same average size, with a small navigation, the records kept
  out of it and out of the search index, as ours are.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import yaml

SECTIONS = ("services", "agreements", "requests", "roster")


def parse_floor(root: Path) -> float:
    """Seconds to read every record and parse its front matter with CSafeLoader."""
    began = time.perf_counter()
    for path in sorted((root / "records").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        front = text.split("\n---\n", 1)[0].removeprefix("---\n")
        yaml.load(front, Loader=yaml.CSafeLoader)
    return time.perf_counter() - began


def build_floor(folder: Path, pages: int, page_bytes: int, mkdocs_yml: Path) -> float:
    """Seconds of ``mkdocs build`` for ``pages`` synthetic pages of about ``page_bytes``."""
    docs = folder / "docs"
    (docs / "records").mkdir(parents=True)
    (docs / "assets").mkdir()
    (docs / "assets" / "servicebook.css").write_text("/* the same number of stylesheets */\n")
    for name in SECTIONS:
        (docs / name).mkdir()
        (docs / name / "index.md").write_text(f"# {name.title()}\n\nIndex of {name}.\n")
    (docs / "index.md").write_text("# Floor\n\nA plain MkDocs site of synthetic pages.\n")
    for number in range(pages - len(SECTIONS) - 1):
        (docs / "records" / f"rec-{number:05d}.md").write_text(floor_page(number, page_bytes))
    config = yaml.safe_load(mkdocs_yml.read_text(encoding="utf-8"))
    config |= {
        "docs_dir": "docs",
        "site_dir": str(folder / "site"),
        "nav": [{"Home": "index.md"}, *({n.title(): f"{n}/index.md"} for n in SECTIONS)],
        "not_in_nav": "/records/*.md",
    }
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    began = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(folder / "mkdocs.yml")],
        check=True,
        capture_output=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    return time.perf_counter() - began


def floor_page(number: int, size: int) -> str:
    """A page shaped like a request page, padded with timeline rows to ``size`` bytes."""
    link = "[the desk](../roster/index.md)"
    badge = '<span class="sb-badge sb-met">met</span>'
    head = "\n".join(
        [
            f"---\ntitle: Record {number}\nsearch:\n  exclude: true\n---\n",
            f"# Record {number}\n",
            "*As of 2017-03-01 00:00 -03 (2017-03-01T03:00:00Z)*{ .sb-asof }\n",
            f'<span class="sb-badge sb-closed">closed</span> {badge}\n',
            "| | |\n|---|---|",
            f"| Record | `REC-{number:05d}` |\n| Requester | someone |",
            "| Service | [a service](../services/index.md) / a category |",
            "| Agreement | [an agreement](../agreements/index.md) |",
            f"| Channel | phone |\n| Received | 2016-03-01 09:03 -03 |\n| Assigned to | {link} |\n",
            '## Completion notice\n\n!!! success "Closed"\n',
            "    **What was done:** resolved.\n\n    **When:** 2016-03-04 09:29 -03.\n",
            "## Description\n\nA synthetic page for the floor of the build benchmark.\n",
            "## Service levels\n\nUnder [an agreement](../agreements/index.md), priority P3.\n",
            "| Clock | State | Target | Elapsed | Remaining | Due |\n|---|---|---|---|---|---|",
            "| First response | — | — | — | — | — |",
            f"| Resolution | {badge} | 30h | 29h | 1h | — |\n",
            "## Timeline\n",
            "| When | Event | Details | By | Recorded in |\n|---|---|---|---|---|",
        ]
    )
    tail = (
        "\n## History\n\n| When | Who | Commit | What changed |\n|---|---|---|---|\n"
        "| 2017-03-01 00:00 -03 | Importer | `fc8d255` | created |\n\n"
        f"*Source: `records/rec-{number:05d}.md`*\n"
    )
    rows: list[str] = []
    while len(head) + len(tail) + sum(len(r) for r in rows) < size:
        index = len(rows)
        rows.append(
            f"\n| 2016-03-0{index % 9 + 1} 09:{index % 60:02d} -03 | assigned | to {link} "
            f"step {index} |  | `fc8d255` 2017-03-01 00:00 -03, Importer |"
        )
    return head + "".join(rows) + "\n" + tail
