"""``generate`` with nothing changed keeps the staged pages (no page is computed or
written again), and any changed input, a staged page touched by hand, another
``--as-of`` or ``cache: false`` runs the whole generation."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.helpers import fingerprint, replace_in, run_cli

DOCS = ".servicebook/docs"
KEPT = "nothing changed since the last run"


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*")}


def _generate(root: Path, *more: str) -> str:
    result = run_cli("generate", "--progress", *more, cwd=root)
    assert result.code == 0, result.err
    return result.err


def test_a_second_run_keeps_every_page_as_it_is(sample_repo: Path) -> None:
    first = _generate(sample_repo)
    assert KEPT not in first
    staged = sample_repo / DOCS
    pages, times = fingerprint(staged), _mtimes(staged)
    second = _generate(sample_repo)
    assert KEPT in second
    written, unchanged = (
        int(n) for n in re.findall(r"\((\d+) written, (\d+) unchanged", first)[-1]
    )
    assert f"(0 written, {written + unchanged} unchanged, 0 removed)" in second
    assert fingerprint(staged) == pages and _mtimes(staged) == times
    # The warnings of the first run are said again.
    assert first.count(": warning: ") == second.count(": warning: ") > 0


def test_a_changed_record_template_or_setting_runs_everything(sample_repo: Path) -> None:
    _generate(sample_repo)
    replace_in(sample_repo / "records/rotas/havelfracht-late.md", '  thu: ["18:00-20:00"]\n',
               '  thu: ["18:00-20:00"]\n  fri: ["18:00-20:00"]\n')  # fmt: skip
    assert KEPT not in _generate(sample_repo)
    assert "Nobody is on duty" not in (sample_repo / DOCS / "rotas/coverage.md").read_text()
    (sample_repo / "templates").mkdir(exist_ok=True)
    (sample_repo / "templates/rotas_index.md.j2").write_text("---\ntitle: Rotas\n---\n# Ours\n")
    assert KEPT not in _generate(sample_repo)
    assert "# Ours" in (sample_repo / DOCS / "rotas/index.md").read_text()
    assert KEPT in _generate(sample_repo)
    assert KEPT not in _generate(sample_repo, "--as-of", "2026-11-26T09:00:00Z")
    replace_in(sample_repo / "servicebook.yml", "timezone: Europe/Berlin", "timezone: UTC")
    assert KEPT not in _generate(sample_repo)


def test_a_staged_page_touched_by_hand_is_written_again(sample_repo: Path) -> None:
    _generate(sample_repo)
    page = sample_repo / DOCS / "rotas/workload.md"
    original = page.read_text()
    page.write_text("edited by hand\n")
    assert KEPT not in _generate(sample_repo)
    assert page.read_text() == original
    page.unlink()
    assert KEPT not in _generate(sample_repo)
    assert page.read_text() == original


def test_a_new_commit_runs_everything(sample_repo: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=sample_repo, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "one")
    _generate(sample_repo)
    assert KEPT in _generate(sample_repo)
    (sample_repo / "README.md").write_text("notes\n")
    git("add", "README.md")
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "two")
    assert KEPT not in _generate(sample_repo)


def test_without_the_cache_every_run_generates(sample_repo: Path) -> None:
    with (sample_repo / "servicebook.yml").open("a") as settings:
        settings.write("cache: false\n")
    _generate(sample_repo)
    assert KEPT not in _generate(sample_repo)
