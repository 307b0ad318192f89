"""docs/editor-support.md: its VS Code task reads real output, and it names every kind."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from generator.records.kinds import KINDS
from tests.conftest import HERE, REPO
from tests.helpers import replace_in, run_cli

DOC = REPO / "docs" / "editor-support.md"


def _block(language: str) -> str:
    blocks = re.findall(rf"```{language}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, f"one {language} block expected in {DOC}"
    return re.sub(r"^ {4}", "", blocks[0], flags=re.M)


def test_the_problem_matcher_reads_every_line_validate_prints(tmp_path: Path) -> None:
    task = json.loads(_block("json"))["tasks"][0]
    assert task["args"] == ["validate"]
    pattern = task["problemMatcher"]["pattern"]
    regexp = re.compile(pattern["regexp"])
    root = tmp_path / "repo"
    shutil.copytree(HERE / "fixtures" / "github" / "repo", root)
    replace_in(
        root / "records/services/practice-systems.md", "owner: applications", "owner: nobody"
    )
    request = root / "records/requests/REQ-20261120-0001.md"
    request.parent.mkdir(parents=True)
    request.write_text(
        "---\nid: REQ-20261120-0001\ntitle: Out of scope\nagreement: AGR-HAVELFRACHT-2026\n"
        "service: practice-systems\npriority: P3\nrequester: a@havelfracht.example\n"
        "received: 2026-11-20T09:00:00Z\n---\n",
        encoding="utf-8",
    )
    result = run_cli("validate", cwd=root)
    assert result.code == 1
    found = []
    for line in result.out.splitlines():
        match = regexp.match(line)
        assert match, line
        path = match.group(pattern["file"])
        assert (root / path).is_file()
        found.append((path, int(match.group(pattern["line"])), match.group(pattern["severity"])))
    assert found == [
        ("records/requests/REQ-20261120-0001.md", 5, "warning"),
        ("records/services/practice-systems.md", 4, None),
    ]
    # The summary on standard error is not a problem.
    assert not any(regexp.match(line) for line in result.err.splitlines())


def test_the_remark_setup_maps_every_kind_to_its_schema() -> None:
    kinds = re.findall(r"'([a-z]+)'", _block("js").split("];")[0])
    assert kinds == sorted(kind.folder for kind in KINDS)
    for kind in kinds:
        assert (REPO / "schemas" / f"{kind}.schema.json").is_file()
