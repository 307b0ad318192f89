"""What ``serve`` watches: the files a build reads, not a record's hidden temporary file
(``authoring/atomic.py``) or an editor's swap file, which would start a build mid-write."""

from __future__ import annotations

from pathlib import Path

from generator.commands.serve import _snapshot


def test_hidden_files_do_not_count_as_edits(tmp_path: Path) -> None:
    requests = tmp_path / "records" / "requests"
    requests.mkdir(parents=True)
    (requests / "REQ-1.md").write_text("---\nid: REQ-1\n---\n", encoding="utf-8")
    (tmp_path / "servicebook.yml").write_text("timezone: UTC\n", encoding="utf-8")
    before = _snapshot(tmp_path)
    (requests / ".REQ-1.md.x7k2").write_text("half a record", encoding="utf-8")
    (requests / ".REQ-1.md.swp").write_text("swap", encoding="utf-8")
    assert _snapshot(tmp_path) == before
    (requests / "REQ-1.md").write_text("---\nid: REQ-1\ntitle: changed\n---\n", encoding="utf-8")
    assert _snapshot(tmp_path) != before
    assert set(_snapshot(tmp_path)) == {"servicebook.yml", str(requests / "REQ-1.md")}
