"""Releases: one version, named alike in the changelog, the package and every pin."""

from __future__ import annotations

import importlib.metadata
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from generator import __version__
from generator.authoring.starter import DEFAULT_ACTION
from tests.helpers import REPO

CHANGELOG = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
HEADING = re.compile(r"^## \[(\d+)\.(\d+)\.(\d+)\] - (\d{4}-\d{2}-\d{2})$", re.MULTILINE)


def test_the_newest_changelog_entry_is_the_version_and_the_entries_run_backwards() -> None:
    entries = HEADING.findall(CHANGELOG)
    assert entries, "CHANGELOG.md has no '## [X.Y.Z] - YYYY-MM-DD' entry"
    versions = [tuple(int(part) for part in entry[:3]) for entry in entries]
    dates = [entry[3] for entry in entries]
    assert ".".join(map(str, versions[0])) == __version__
    assert versions == sorted(versions, reverse=True) and len(set(versions)) == len(versions)
    assert dates == sorted(dates, reverse=True)
    assert CHANGELOG.index("## [Unreleased]") < CHANGELOG.index(f"## [{__version__}]")


def test_the_package_reads_its_version_from_one_place() -> None:
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'version = { attr = "generator.__version__" }' in pyproject
    assert importlib.metadata.version("servicebook") == __version__


def test_every_pin_in_the_docs_names_the_current_release() -> None:
    tag = f"v{__version__}"
    assert DEFAULT_ACTION.endswith(f"@{tag}")
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert re.findall(r"rev: (v[\d.]+)", hooks) == [tag]
    for path in [REPO / "README.md", REPO / "CHANGELOG.md", *sorted((REPO / "docs").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        for pin in re.findall(r"servicebook/servicebook@(v[\d.]+)|servicebook==([\d.]+)", text):
            assert tag in pin or __version__ in pin, (path.name, pin)


def test_every_release_tag_has_its_changelog_entry() -> None:
    tags = subprocess.run(
        ["git", "tag", "--list", "v*"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    released = {".".join(entry[:3]) for entry in HEADING.findall(CHANGELOG)}
    assert {tag.removeprefix("v") for tag in tags} <= released


def _release_check(tmp_path: Path, tag: str) -> subprocess.CompletedProcess[str]:
    workflow = yaml.safe_load((REPO / ".github/workflows/release.yml").read_text("utf-8"))
    step = next(
        s for s in workflow["jobs"]["build"]["steps"] if s.get("name", "").startswith("The tag")
    )
    (tmp_path / "generator").mkdir()
    shutil.copy(REPO / "generator" / "__init__.py", tmp_path / "generator")
    shutil.copy(REPO / "CHANGELOG.md", tmp_path)
    return subprocess.run(
        ["bash", "-eo", "pipefail", "-c", step["run"]],
        cwd=tmp_path,
        env={"TAG": tag, "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_release_workflow_takes_the_notes_of_the_tagged_version(tmp_path: Path) -> None:
    done = _release_check(tmp_path, f"v{__version__}")
    assert done.returncode == 0, done.stdout + done.stderr
    notes = (tmp_path / "release-notes.md").read_text(encoding="utf-8")
    assert "servicebook init DIR" in notes and "## [" not in notes


def test_the_release_workflow_refuses_a_tag_that_is_not_the_version(tmp_path: Path) -> None:
    done = _release_check(tmp_path, "v9.9.9")
    assert done.returncode == 1
    assert f"the tag is v9.9.9 but __version__ is {__version__}" in done.stdout
