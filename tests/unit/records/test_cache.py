"""The record cache never changes a result: same records, same diagnostics, cold or warm."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import Validated, check, validate
from generator.records import cache as cache_module
from generator.records.cache import OUTCOME_FILE, RECORDS_FILE, RecordCache
from generator.records.loader import load_records
from tests.helpers import replace_in

BROKEN = "---\nid: broken\ntitle: Broken\nowner: nobody\nservices: [x]\n---\n"


def _snapshot(result: Validated) -> list[tuple[object, ...]]:
    return [
        (e.path, e.kind.folder, e.record, e.body, e.body_line, e.front_matter, e.line_offset)
        for e in result.catalog.entries.values()
    ]


@pytest.fixture
def repo(sample_repo: Path) -> Path:
    (sample_repo / "records" / "procedures" / "broken.md").write_text(BROKEN)
    return sample_repo


def test_warm_results_equal_cold_results(repo: Path) -> None:
    folder = repo / ".servicebook" / "cache"
    plain = validate(repo)
    cold = validate(repo, folder)
    warm_cache = RecordCache(folder, repo)
    warm = validate(repo, folder)
    assert plain.diagnostics  # the broken record is reported
    assert cold.diagnostics == warm.diagnostics == plain.diagnostics
    assert _snapshot(cold) == _snapshot(warm) == _snapshot(plain)
    assert check(repo, folder).diagnostics == plain.diagnostics
    loaded = load_records(repo, warm_cache)
    assert warm_cache.hits == len(loaded.records) == len(plain.catalog.entries)
    assert (folder / ".gitignore").read_text().endswith("*\n")


def test_a_changed_file_is_parsed_again(repo: Path) -> None:
    folder = repo / ".servicebook" / "cache"
    validate(repo, folder)
    service = next((repo / "records" / "services").glob("*.md"))
    replace_in(service, "title: ", "title: Renamed ")
    result = validate(repo, folder)
    entry = next(e for e in result.catalog.entries.values() if e.path.endswith(service.name))
    assert entry.record.title.startswith("Renamed ")
    assert _snapshot(result) == _snapshot(validate(repo))
    replace_in(service, "title: Renamed ", "title: [not, a, title] #")
    outcome = check(repo, folder)
    assert any(d.path.endswith(service.name) and d.field == "title" for d in outcome.diagnostics)
    assert outcome.diagnostics == validate(repo).diagnostics


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"not json at all\n",
        b'{"format": 1}\n',
        b"\x00\xff" * 100,
    ],
)
def test_a_damaged_cache_is_ignored(repo: Path, damage: bytes) -> None:
    folder = repo / ".servicebook" / "cache"
    expected = validate(repo, folder)
    for name in (RECORDS_FILE, OUTCOME_FILE):
        (folder / name).write_bytes(damage)
    result = validate(repo, folder)
    assert result.diagnostics == expected.diagnostics
    assert _snapshot(result) == _snapshot(expected)
    assert check(repo, folder).diagnostics == expected.diagnostics


def test_a_cache_whose_records_no_longer_validate_is_ignored(repo: Path) -> None:
    folder = repo / ".servicebook" / "cache"
    expected = validate(repo, folder)
    text = (folder / RECORDS_FILE).read_text(encoding="utf-8")
    (folder / RECORDS_FILE).write_text(text.replace('"title":"', '"title":7,"x":"'))
    damaged = RecordCache(folder, repo)
    load_records(repo, damaged)
    assert damaged.hits == 0
    assert _snapshot(validate(repo, folder)) == _snapshot(expected)


def test_a_cache_from_elsewhere_is_not_used(repo: Path, tmp_path: Path) -> None:
    validate(repo, repo / ".servicebook" / "cache")
    copy = tmp_path / "copy"
    shutil.copytree(repo, copy)  # as if the cache had arrived through git
    cache = RecordCache(copy / ".servicebook" / "cache", copy)
    load_records(copy, cache)
    assert cache.hits == 0
    assert cache.outcome("anything") is None


def test_other_code_means_no_cache(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = repo / ".servicebook" / "cache"
    validate(repo, folder)
    monkeypatch.setattr(cache_module, "code_salt", lambda: "another version")
    cache = RecordCache(folder, repo)
    load_records(repo, cache)
    assert cache.hits == 0
