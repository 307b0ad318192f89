"""Records stay plain front matter: python-frontmatter reads them as Servicebook does.

Teams script around their records (reports, bots, migrations) with the common reader,
python-frontmatter. Servicebook parses with its own line-keeping reader
(``records/frontmatter.py``), so this test holds the two to the same meaning on every
sample record and on records the CLI writes. python-frontmatter is the reference here,
which is why it stays a declared dependency (see ``pyproject.toml``).
"""

from __future__ import annotations

from pathlib import Path

import frontmatter
import pytest

from generator.records.frontmatter import ParsedText, parse
from tests.helpers import REPO, copy_sample, run_cli

SAMPLE = sorted((REPO / "records").rglob("*.md"))


def _ours(path: Path) -> ParsedText:
    parsed = parse(path.read_text(encoding="utf-8"))
    assert isinstance(parsed, ParsedText), f"{path}: {parsed}"
    return parsed


def _theirs(path: Path) -> frontmatter.Post:
    return frontmatter.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", SAMPLE, ids=lambda p: str(p.relative_to(REPO)))
def test_every_sample_record_means_the_same_to_python_frontmatter(path: Path) -> None:
    ours, theirs = _ours(path), _theirs(path)
    assert theirs.metadata == ours.data
    assert theirs.content.strip() == ours.body.strip()


def test_a_record_the_cli_writes_reads_the_same(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "book")
    made = run_cli(
        "new",
        "request",
        "--title",
        "Printer on floor 2: toner 'empty' #3",
        "--service",
        "email-collaboration",
        "--requester",
        "jo.bloggs@example.org",
        "--description",
        "Line one.\n\n- a list: with a colon",
        "--received",
        "2026-11-25T10:00:00Z",
        cwd=root,
    )
    assert made.code == 0, made.err
    written = sorted((root / "records" / "requests").rglob("*.md"), key=lambda p: p.stat().st_mtime)
    path = written[-1]
    ours, theirs = _ours(path), _theirs(path)
    assert theirs.metadata == ours.data
    assert theirs.metadata["title"] == "Printer on floor 2: toner 'empty' #3"
    assert theirs.content.strip() == ours.body.strip()
