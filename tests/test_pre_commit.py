"""pre-commit: the hook other repositories use, and this repository's own hooks."""

from __future__ import annotations

import shlex
import tomllib
from typing import Any

import yaml

from generator.cli import build_parser
from tests.conftest import REPO


def _yaml(name: str) -> Any:
    return yaml.safe_load((REPO / name).read_text(encoding="utf-8"))


def _pyproject() -> dict[str, Any]:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)


def test_the_published_hook_validates_every_record_once() -> None:
    (hook,) = _yaml(".pre-commit-hooks.yaml")
    assert hook["id"] == "servicebook-validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert hook["files"] == "^records/"
    program, *arguments = shlex.split(hook["entry"])
    assert program in _pyproject()["project"]["scripts"]
    build_parser().parse_args(arguments)


def test_this_repository_runs_ruff_and_the_same_validation() -> None:
    config = _yaml(".pre-commit-config.yaml")
    hooks = {hook["id"]: (repo["repo"], hook) for repo in config["repos"] for hook in repo["hooks"]}
    assert sorted(hooks) == ["ruff", "ruff-format", "servicebook-validate"]
    assert hooks["ruff"][0] == "https://github.com/astral-sh/ruff-pre-commit"
    repo, local = hooks["servicebook-validate"]
    assert repo == "local"
    assert local["entry"] == "python -m generator validate"
    build_parser().parse_args(shlex.split(local["entry"])[3:])
    assert (local["language"], local["pass_filenames"], local["files"]) == (
        "python",
        False,
        "^records/",
    )
    # The hook's environment installs the dependencies, not the package: keep them equal.
    assert local["additional_dependencies"] == _pyproject()["project"]["dependencies"]
