"""The one atomic writer: whole files, no temporary left behind, create-only refuses."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from generator.authoring.atomic import write_atomically


def test_a_new_file_is_written_with_an_ordinary_mode(tmp_path: Path) -> None:
    target = tmp_path / "records" / "requests" / "2026" / "11" / "REQ-1.md"
    write_atomically(target, b"---\nid: REQ-1\n---\r\n")
    assert target.read_bytes() == b"---\nid: REQ-1\n---\r\n"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in target.parent.iterdir()] == ["REQ-1.md"]


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_create_only_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    write_atomically(target, b"first", create_only=True)
    with pytest.raises(FileExistsError):
        write_atomically(target, b"second", create_only=True)
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_a_failed_write_leaves_the_target_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "a.md"
    target.write_bytes(b"old")

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]
