"""The staging writer rewrites only what changed and never touches anything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import UserError
from generator.publish.staging import merge, write_staging


def test_only_changed_files_are_written(tmp_path: Path) -> None:
    staging = tmp_path / "docs"
    first = write_staging(staging, {"a.md": b"A", "x/b.md": b"B"})
    assert (first.written, first.unchanged, first.removed) == (2, 0, 0)
    mtime = (staging / "a.md").stat().st_mtime_ns
    second = write_staging(staging, {"a.md": b"A", "x/b.md": b"B2"})
    assert (second.written, second.unchanged, second.removed) == (1, 1, 0)
    assert (staging / "a.md").stat().st_mtime_ns == mtime
    assert (staging / "x/b.md").read_bytes() == b"B2"


def test_stale_pages_are_removed_inside_staging_only(tmp_path: Path) -> None:
    staging = tmp_path / "docs"
    outside = tmp_path / "keep.md"
    outside.write_text("mine")
    write_staging(staging, {"a.md": b"A", "old/b.md": b"B"})
    stats = write_staging(staging, {"a.md": b"A"})
    assert stats.removed == 1
    assert not (staging / "old").exists()
    assert outside.read_text() == "mine"


def test_hand_written_page_cannot_shadow_a_generated_one() -> None:
    with pytest.raises(UserError) as caught:
        merge({"services/index.md": "x"}, {"services/index.md": b"y"})
    assert str(caught.value).startswith("docs/services/index.md has the same path as a generated")
