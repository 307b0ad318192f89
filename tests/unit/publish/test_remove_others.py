"""Putting a site in place removes what the build no longer makes, and nothing else."""

from __future__ import annotations

from pathlib import Path

from generator.publish.site_sync import remove_others


def test_only_files_not_kept_go_and_folders_left_empty_with_them(tmp_path: Path) -> None:
    site = tmp_path / "site"
    for rel in ("index.html", "a/index.html", "a/b/old.html", "c/d/old.html", "c/keep.css"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(rel, encoding="utf-8")
    (site / "e" / "f").mkdir(parents=True)  # already empty
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.txt").write_text("x", encoding="utf-8")
    (site / "linked").symlink_to(outside, target_is_directory=True)
    removed = remove_others(site, {"index.html", "a/index.html", "c/keep.css"})
    assert removed == 2
    left = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    assert left == ["a", "a/index.html", "c", "c/keep.css", "index.html"]
    assert (outside / "precious.txt").is_file()  # a link is removed, never followed
    assert remove_others(site, set()) == 3
    assert site.is_dir() and not any(site.iterdir())
