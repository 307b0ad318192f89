"""The README stays true: its first two commands, every command and every setting."""

from __future__ import annotations

import argparse
import re

from generator.cli import build_parser
from generator.config import Config
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
BUILD = "python3 -m venv .venv && .venv/bin/pip install -q -e . && .venv/bin/servicebook build"
TEST = (
    "python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]' && .venv/bin/python -m pytest"
)


def _shell_blocks(text: str) -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", text, re.DOTALL)]


def test_first_two_commands_build_the_site_and_run_the_tests() -> None:
    assert _shell_blocks(README)[:2] == [BUILD, TEST]


def test_ci_runs_exactly_the_readme_test_command() -> None:
    script = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line for line in script.splitlines() if line and not line.startswith(("#", " "))]
    assert commands[-1] == TEST


def test_every_command_is_documented() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert len(subparsers.choices) >= 10
    missing = [name for name in subparsers.choices if f"`servicebook {name}" not in README]
    assert missing == []


def test_every_setting_is_documented() -> None:
    keys = [field.alias or name for name, field in Config.model_fields.items()]
    missing = [key for key in keys if f"`{key}`" not in README]
    assert missing == []
