"""The CMMI evidence keeps every line of the requirements alive: the product's table of
seed lines is REQUIREMENTS.md's, line for line, and every page and check it names exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.evidence.lines import LINES, PAGE_TITLES
from generator.evidence.matrix import CHECKS, FOLDER_TITLES
from generator.evidence.practices import PRACTICES
from generator.publish.site_config import NAV

REQUIREMENTS = Path(__file__).resolve().parents[1].parent / "shared" / "REQUIREMENTS.md"


def _seed_lines() -> list[tuple[str, str]]:
    found, practice = [], ""
    text = REQUIREMENTS.read_text(encoding="utf-8").split("## Beyond the text")[0]
    for row in text.splitlines():
        match = re.match(r"^\| (.+?) \| (.+) \|$", row)
        if not match or match.group(1) in ("seed line", "---"):
            continue
        line = match.group(1)
        opening = re.match(r"^(SP \d\.\d) (.*)$", line)
        if opening:
            practice, line = opening.groups()
        found.append((practice, line))
    return found


@pytest.mark.skipif(not REQUIREMENTS.is_file(), reason="../shared/REQUIREMENTS.md not present")
def test_every_seed_line_is_in_the_table_in_order() -> None:
    assert [(line.practice, line.text) for line in LINES] == _seed_lines()


def test_every_line_names_known_checks_folders_pages_and_practices() -> None:
    practices = {p.id for p in PRACTICES}
    nav_pages: set[str] = set()

    def walk(items: object) -> None:
        for _title, target in items:  # type: ignore[attr-defined]
            if isinstance(target, str):
                nav_pages.add(target)
            else:
                walk(target)

    walk(NAV)
    for line in LINES:
        assert line.practice in practices, line
        assert set(line.checks) <= set(CHECKS), line
        assert set(line.folders) <= set(FOLDER_TITLES), line
        assert set(line.pages) <= set(PAGE_TITLES), line
        assert line.pages, f"{line.text}: no page shows its evidence"
    assert set(PAGE_TITLES) <= nav_pages  # each is a page of the site's navigation
    used = {name for line in LINES for name in line.checks}
    assert used == set(CHECKS), "a check no line applies is never shown"
