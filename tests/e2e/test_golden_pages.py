"""Generated Markdown of the contract examples and of the sample compared with golden files.

The contract examples pin the pages a new adopter sees; the sample pins one record page of
every kind (agreement, calendar, component, consumable, log entry, maintenance, need, person,
group, organization, procedure, request, schedule, service, supplier agreement) and the
requests of every status, so each record-page template is covered.

Regenerate after an intended change of the pages with:

    SERVICEBOOK_UPDATE_GOLDEN=1 python -m pytest tests/e2e/test_golden_pages.py

then review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from tests.conftest import HERE
from tests.helpers import run_cli

GOLDEN = HERE / "golden"
AS_OF = "2026-11-21T12:00:00Z"
SAMPLE_AS_OF = "2026-11-25T14:00:00Z"

# Request pages of the sample kept as golden files: one for each combination of badges and
# sections (status, SLA verdicts, completion notice, rating), so the others add nothing.
SAMPLE_REQUESTS = frozenset(
    f"requests/{name}.md"
    for name in (
        "REQ-20260803-91C4",
        "REQ-20260817-A920",
        "REQ-20260925-4A18",
        "REQ-20261105-E7C2",
        "REQ-20261106-2C9D",
        "REQ-20261113-C4F7",
        "REQ-20261116-D2E6",
        "REQ-20261118-B84A",
        "REQ-20261119-A7D2",
        "REQ-20261120-E05B",
        "REQ-20261123-0A6C",
        "REQ-20261123-4C07",
        "REQ-20261123-9B5D",
        "REQ-20261123-E6F1",
        "REQ-20261124-2B7E",
        "REQ-20261125-F3A9",
    )
)


def _generated(root: Path, keep: Callable[[str], bool]) -> dict[str, str]:
    docs = root / ".servicebook" / "docs"
    pages = {
        path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs.rglob("*.md"))
    }
    return {rel: text for rel, text in pages.items() if keep(rel)}


def _compare(pages: dict[str, str], golden_dir: Path) -> None:
    if os.environ.get("SERVICEBOOK_UPDATE_GOLDEN"):
        shutil.rmtree(golden_dir, ignore_errors=True)
        for rel, text in pages.items():
            (golden_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (golden_dir / rel).write_text(text, encoding="utf-8")
    golden = {
        path.relative_to(golden_dir).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(golden_dir.rglob("*.md"))
    }
    assert sorted(pages) == sorted(golden)
    for rel, text in golden.items():
        assert pages[rel] == text, f"{rel} differs from its golden file"


def _kept_sample_page(rel: str) -> bool:
    return not rel.startswith("requests/REQ-") or rel in SAMPLE_REQUESTS


def test_generated_pages_match_golden_files(contract_repo: Path) -> None:
    result = run_cli("generate", "--as-of", AS_OF, cwd=contract_repo)
    assert result.code == 0, result.err
    _compare(_generated(contract_repo, lambda rel: True), GOLDEN / "contract")


def test_sample_pages_match_golden_files(sample_repo: Path) -> None:
    result = run_cli("generate", "--as-of", SAMPLE_AS_OF, cwd=sample_repo)
    assert result.code == 0, result.err
    _compare(_generated(sample_repo, _kept_sample_page), GOLDEN / "sample")
