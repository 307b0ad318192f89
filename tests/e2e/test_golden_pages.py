"""Generated Markdown of the contract examples compared with golden files.

Regenerate after an intended change of the pages with:

    SERVICEBOOK_UPDATE_GOLDEN=1 python -m pytest tests/e2e/test_golden_pages.py

then review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.conftest import HERE
from tests.helpers import run_cli

GOLDEN = HERE / "golden" / "contract"
AS_OF = "2026-11-21T12:00:00Z"


def _generated(root: Path) -> dict[str, str]:
    docs = root / ".servicebook" / "docs"
    return {
        path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs.rglob("*.md"))
    }


def test_generated_pages_match_golden_files(contract_repo: Path) -> None:
    result = run_cli("generate", "--as-of", AS_OF, cwd=contract_repo)
    assert result.code == 0, result.err
    pages = _generated(contract_repo)
    if os.environ.get("SERVICEBOOK_UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, text in pages.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    golden = {
        path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(GOLDEN.rglob("*.md"))
    }
    assert sorted(pages) == sorted(golden)
    for rel, text in golden.items():
        assert pages[rel] == text, f"{rel} differs from its golden file"
