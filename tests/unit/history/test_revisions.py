"""Per-record lineages from parsed log entries: renames followed, deletions kept apart."""

from __future__ import annotations

from datetime import UTC, datetime

from generator.history.parse import Commit, FileChange, LogEntry
from generator.history.revisions import is_record_path, lineages


def _entry(n: int, *changes: FileChange) -> LogEntry:
    when = datetime(2026, 11, n, tzinfo=UTC)
    commit = Commit(f"{n:040d}", (), "Bob", "bob@x.example", when, when, f"commit {n}")
    return LogEntry(commit, changes)


def test_rename_continues_the_lineage_and_recreation_starts_a_new_one() -> None:
    entries = [
        _entry(1, FileChange("A", "records/services/a.md", None, (None,), "b1")),
        _entry(2, FileChange("M", "records/services/a.md", None, ("b1",), "b2")),
        _entry(
            3,
            FileChange("R", "records/services/b.md", "records/services/a.md", ("b2",), "b3", 90),
            FileChange("A", "records/services/a.md", None, (None,), "b4"),
        ),
        _entry(4, FileChange("D", "records/services/b.md", None, ("b3",), None)),
    ]
    found = {lineage.path: lineage for lineage in lineages(entries)}
    assert sorted(found) == ["records/services/a.md", "records/services/b.md"]
    moved = found["records/services/b.md"]
    assert [r.change for r in moved.revisions] == ["A", "M", "R", "D"]
    assert moved.revisions[2].old_path == "records/services/a.md"
    assert moved.deleted and moved.record_id == "b" and moved.folder == "services"
    fresh = found["records/services/a.md"]
    assert [(r.change, r.blob) for r in fresh.revisions] == [("A", "b4")]


def test_files_that_are_not_records_are_ignored() -> None:
    assert not is_record_path("records/README.md")
    assert not is_record_path("records/requests/.draft.md")
    assert not is_record_path("docs/records.md")
    assert is_record_path("records/requests/2026/11/REQ-1.md")
    entries = [_entry(1, FileChange("A", "records/README.md", None, (None,), "x"))]
    assert lineages(entries) == []


def test_moving_a_record_out_of_records_ends_it() -> None:
    entries = [
        _entry(1, FileChange("A", "records/services/a.md", None, (None,), "b1")),
        _entry(2, FileChange("R", "archive/a.md", "records/services/a.md", ("b1",), "b1", 100)),
    ]
    (lineage,) = lineages(entries)
    assert lineage.deleted and lineage.path == "records/services/a.md"
