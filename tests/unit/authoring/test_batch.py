"""Writing an import: new files written, equal ones untouched, edited ones kept."""

from __future__ import annotations

from pathlib import Path

from generator.authoring.batch import write_files

FILES = {
    "records/requests/2016/03/INC1.md": "one\n",
    "records/people/g.md": "group\n",
}


def test_second_run_touches_nothing(tmp_path: Path) -> None:
    first = write_files(tmp_path, FILES, overwrite=False)
    assert sorted(first.written) == sorted(FILES)
    stamps = {rel: (tmp_path / rel).stat().st_mtime_ns for rel in FILES}
    second = write_files(tmp_path, FILES, overwrite=False)
    assert sorted(second.unchanged) == sorted(FILES)
    assert second.written == second.kept == second.replaced == []
    assert {rel: (tmp_path / rel).stat().st_mtime_ns for rel in FILES} == stamps


def test_edited_files_are_kept_unless_overwrite_and_a_request(tmp_path: Path) -> None:
    write_files(tmp_path, FILES, overwrite=False)
    for rel in FILES:
        (tmp_path / rel).write_text("edited\n")
    kept = write_files(tmp_path, FILES, overwrite=False)
    assert sorted(kept.kept) == sorted(FILES)
    replaced = write_files(tmp_path, FILES, overwrite=True)
    assert replaced.replaced == ["records/requests/2016/03/INC1.md"]
    assert replaced.kept == ["records/people/g.md"]  # skeletons are never overwritten
    assert (tmp_path / "records/requests/2016/03/INC1.md").read_text() == "one\n"
    assert (tmp_path / "records/people/g.md").read_text() == "edited\n"
    assert not list(tmp_path.rglob(".*.import"))
