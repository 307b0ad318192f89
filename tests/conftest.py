"""Shared fixtures: temporary repositories built from the contract examples."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).parent
REPO = HERE.parent
CONTRACT = HERE / "fixtures" / "contract"


@pytest.fixture
def contract_repo(tmp_path: Path) -> Path:
    """A fresh copy of the contract examples as a repository root."""
    root = tmp_path / "repo"
    shutil.copytree(CONTRACT, root)
    return root


@pytest.fixture
def sample_repo(tmp_path: Path) -> Path:
    """A fresh copy of this repository's sample (records, docs, templates, configs)."""
    root = tmp_path / "sample"
    root.mkdir()
    for name in ("records", "docs", "templates"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    for name in ("mkdocs.yml", "servicebook.yml"):
        if (REPO / name).is_file():
            shutil.copy2(REPO / name, root / name)
    return root
