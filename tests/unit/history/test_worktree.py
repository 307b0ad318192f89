"""What every page says about the commit the site was built from."""

from __future__ import annotations

from generator.history.worktree import built_from_text


def test_clean_work_tree_names_the_commit() -> None:
    assert built_from_text(True, "abc1234", "") == "commit abc1234"


def test_changed_records_are_called_uncommitted() -> None:
    status = " M records/requests/2026/REQ-20261120-7F3A.md\n"
    assert built_from_text(True, "abc1234", status) == "commit abc1234 with uncommitted changes"


def test_untracked_record_counts_as_a_change() -> None:
    assert built_from_text(True, "abc1234", "?? records/people/new.md\n").endswith(
        "with uncommitted changes"
    )


def test_outside_git_and_before_the_first_commit() -> None:
    assert built_from_text(False, None, "") == "not a git repository"
    assert built_from_text(True, None, "") == "no commit yet"
