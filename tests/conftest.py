"""Shared fixtures: temporary repositories built from the contract examples."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO as REPO  # re-exported: tests import it from here
from tests.helpers import copy_sample

HERE = Path(__file__).parent
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
    return copy_sample(tmp_path / "sample")
