"""Blobs parsed in an earlier run give the history that parsing them again gives."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from generator.history.parsed_blobs import FILE, ParsedBlobs
from generator.history.reader import read_history
from tests.history_helpers import REQUEST, contract_history


def _data(root: Path, cache: Path | None) -> list[object]:
    history = read_history(root, cache=cache)
    return [
        (timeline.path, [(s.data, s.before) for s in timeline.snapshots])
        for timeline in history.timelines
    ]


def test_a_history_read_with_the_cache_is_the_one_read_without(tmp_path: Path) -> None:
    repo = contract_history(tmp_path / "repo")
    repo.replace(REQUEST, "satisfaction:", "odd: {1: one}\nsatisfaction:")  # not kept
    repo.commit("a key JSON cannot keep", "2026-11-30T09:00:00+01:00")
    cache = tmp_path / "cache"
    plain = _data(repo.root, None)
    first = _data(repo.root, cache)
    assert (cache / FILE).is_file()
    again = _data(repo.root, cache)
    assert plain == first == again
    kept = ParsedBlobs(cache, repo.root)
    blobs = {s.revision.blob for t in read_history(repo.root).timelines for s in t.snapshots}
    assert sum(blob in kept for blob in blobs) == len(blobs) - 1  # all but the odd one


def test_instants_and_days_come_back_as_they_were(tmp_path: Path) -> None:
    minus3 = timezone(timedelta(hours=-3))
    data = {
        "at": datetime(2026, 12, 1, 9, 30, 15, 250, tzinfo=minus3),
        "utc": datetime(2026, 12, 1, 9, tzinfo=UTC),
        "local": datetime(2026, 12, 1, 9),
        "day": date(2026, 12, 24),
        "events": [{"at": datetime(2026, 1, 1, tzinfo=UTC), "n": 1.5, "ok": True, "x": None}],
        "text": "\x00instant",
    }
    root = tmp_path / "repo"
    root.mkdir()
    blobs = ParsedBlobs(tmp_path / "cache", root)
    blobs.add("b1", data)
    blobs.add("b2", None)
    blobs.add("b3", {"\x00instant": "2026-01-01"})  # would read back as an instant
    blobs.save({"b1", "b2", "b3"})
    read = ParsedBlobs(tmp_path / "cache", root)
    assert read.get("b1") == (True, data)
    assert read.get("b2") == (True, None)
    assert read.get("b3") == (False, None)


def test_a_cache_from_another_working_copy_is_not_used(tmp_path: Path) -> None:
    root, other = tmp_path / "repo", tmp_path / "other"
    root.mkdir()
    other.mkdir()
    blobs = ParsedBlobs(tmp_path / "cache", root)
    blobs.add("b1", {"id": "R"})
    blobs.save({"b1"})
    assert ParsedBlobs(tmp_path / "cache", other).get("b1") == (False, None)
    (tmp_path / "cache" / FILE).write_text("garbage", encoding="utf-8")
    assert ParsedBlobs(tmp_path / "cache", root).get("b1") == (False, None)
