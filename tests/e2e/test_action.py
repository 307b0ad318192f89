"""The composite action (``action.yml``) that this repository's workflows and adopters use.

Its scripts are run for real, step by step as the runner would (``bash -eo pipefail``,
inputs and event values through ``env:``), in a repository made by ``servicebook init``.
Only GitHub's own pieces are left out: ``actions/setup-python`` and the install step
(the test's Servicebook is already on the PATH) and the intake's ``gh`` calls.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.helpers import REPO, replace_in, run_cli
from tests.test_workflows import _parses as parses
from tests.test_workflows import servicebook_commands

pytestmark = pytest.mark.slow

ACTION: dict[str, Any] = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
_DOES = re.compile(r"contains\(format\(' \{0\} ', inputs\.do\), ' (\w+) '\)")
_EXPRESSION = re.compile(r"\$\{\{ *([^}]*?) *\}\}")


@dataclass(frozen=True)
class Ran:
    names: list[str]
    code: int
    output: str


def _inputs(given: dict[str, str]) -> dict[str, str]:
    defaults = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    return defaults | given


def _value(expression: str, inputs: dict[str, str], github: dict[str, str]) -> str:
    for alternative in expression.split("||"):
        name = alternative.strip()
        value = inputs.get(name.removeprefix("inputs."), "") if name.startswith("inputs.") else ""
        value = (
            github.get(name.removeprefix("github."), value) if name.startswith("github.") else value
        )
        if value:
            return value
    return ""


def _runs(step: dict[str, Any], inputs: dict[str, str]) -> bool:
    condition = step.get("if")
    if condition is None:
        return True
    wanted = _DOES.fullmatch(condition)
    assert wanted, f"the test cannot read this condition: {condition}"
    return wanted.group(1) in inputs["do"].split()


def run_action(book: Path, tmp: Path, **given: str) -> Ran:
    """Run the action's steps in ``book`` until one fails; which ran and the output."""
    inputs = _inputs(given)
    github = {"action_path": str(REPO), "base_ref": "", "repository": "o/r"}
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    names: list[str] = []
    output = ""
    for step in STEPS:
        if "run" not in step or step.get("name") == "Install Servicebook":
            continue
        if "intake" in step.get("if", "") or step.get("id") == "intake":
            continue
        if not _runs(step, inputs):
            continue
        env = {
            key: _EXPRESSION.sub(lambda m: _value(m.group(1), inputs, github), str(value))
            for key, value in step.get("env", {}).items()
        }
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=book,
            env={**os.environ, "PATH": path, "RUNNER_TEMP": str(tmp),
                 "GITHUB_OUTPUT": str(tmp / "output"), **env},
            capture_output=True,
            text=True,
            check=False,
        )  # fmt: skip
        names.append(step["name"])
        output += done.stdout + done.stderr
        if done.returncode:
            return Ran(names, done.returncode, output)
    return Ran(names, 0, output)


@pytest.fixture
def book(tmp_path: Path) -> Path:
    root = tmp_path / "book"
    made = run_cli(
        "init", str(root), "--name", "Harbor Point IT", "--timezone", "America/Los_Angeles",
        "--country", "US", "--customer", "Bay Dental", "--lead", "Sam Ortiz",
        cwd=tmp_path,
    )  # fmt: skip
    assert made.code == 0, made.out + made.err
    return root


def test_validate_and_build_run_every_check_and_build_the_site(book: Path, tmp_path: Path) -> None:
    ran = run_action(book, tmp_path, do="validate build")
    assert ran.code == 0, ran.output
    assert ran.names == [
        "Check what to do",
        "Validate records",
        "Monitoring rules against the agreements' targets",
        "CODEOWNERS matches the roster and record owners",
        "The request form offers the live services and categories",
        "Audit the new commits",
        "Build the site",
    ]
    assert "the audit is skipped" in ran.output
    assert (book / "site" / "index.html").is_file()


def test_a_broken_record_stops_the_action_with_an_annotation_on_its_line(
    book: Path, tmp_path: Path
) -> None:
    replace_in(book / "records/services/it-support.md", "owner: service-desk", "owner: service-dsk")
    ran = run_action(book, tmp_path, do="build validate")
    assert ran.code == 1
    assert ran.names[-1] == "Validate records"
    assert re.search(r"^::error file=records/services/it-support\.md,line=\d+", ran.output, re.M)
    assert not (book / "site").exists()


def test_all_audiences_build_one_site_each(book: Path, tmp_path: Path) -> None:
    ran = run_action(book, tmp_path, do="build", audiences="all")
    assert ran.code == 0, ran.output
    assert (book / "site" / "staff" / "index.html").is_file()
    assert [p.name for p in (book / "site").iterdir() if p.name.startswith("customer-")]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"do": "validate deploy"}, "do: 'deploy' is not one of validate, build, intake"),
        ({"audiences": "everyone"}, "audiences: 'everyone' is not staff or all"),
    ],
)
def test_a_wrong_input_is_named(
    book: Path, tmp_path: Path, given: dict[str, str], message: str
) -> None:
    ran = run_action(book, tmp_path, **given)
    assert (ran.code, ran.names) == (1, ["Check what to do"])
    assert f"::error title=Servicebook action::{message}" in ran.output


def test_no_expression_is_expanded_inside_a_script_and_commands_exist() -> None:
    seen = []
    for step in STEPS:
        script = step.get("run", "")
        assert "${{" not in script, step.get("name")
        for line in script.replace("\\\n", " ").splitlines():
            for arguments in servicebook_commands(line):
                if arguments == ["--version"]:
                    continue
                assert parses(arguments) is None, (step.get("name"), arguments)
                seen.append(arguments[0])
    assert {"validate", "codeowners", "form", "audit", "build", "intake"} <= set(seen)


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
def test_shellcheck_finds_nothing_in_the_scripts(tmp_path: Path) -> None:
    for number, step in enumerate(STEPS):
        if "run" in step:
            script = tmp_path / f"step-{number}.sh"
            script.write_text("#!/usr/bin/env bash\n" + step["run"], encoding="utf-8")
            done = subprocess.run(
                ["shellcheck", str(script)], capture_output=True, text=True, check=False
            )
            assert done.returncode == 0, done.stdout
