"""`servicebook codeowners` covers every record kind with an owner, gives the rest of
``records/`` to the maintainers, and the repository's own file is current."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.helpers import REPO, replace_in, run_cli

if TYPE_CHECKING:
    from pathlib import Path

HEADER_END = "# (docs/access-control.md).\n\n"


def _codeowners(root: Path) -> str:
    run = run_cli("codeowners", cwd=root)
    assert run.code == 0, run.err
    return (root / ".github/CODEOWNERS").read_text(encoding="utf-8")


def test_every_kind_with_an_owner_and_a_catch_all_for_the_maintainers(
    sample_repo: Path,
) -> None:
    text = _codeowners(sample_repo)
    rules = text.split(HEADER_END, 1)[1].splitlines()
    # GitHub lets the last matching line win: the catch-all must come first.
    assert rules[0] == "/records/ @spreebogen/service-desk"
    assert "/records/consumables/label-rolls.md @spreebogen/workplace" in rules
    assert "/records/schedules/backup-nightly.md @spreebogen/infra-ops" in rules
    folders = {rule.split("/")[2] for rule in rules[1:] if rule.startswith("/records/")}
    assert folders == {
        "components", "consumables", "maintenance", "people", "procedures", "schedules",
        "services",
    }  # fmt: skip


def test_without_maintainers_the_file_says_what_to_set(sample_repo: Path) -> None:
    replace_in(sample_repo / "servicebook.yml", "maintainers: service-desk", "")
    text = _codeowners(sample_repo)
    assert "\n/records/ @" not in text
    assert (
        "\n# /records/: no maintainers own the records no owner covers; set maintainers: "
        "<group id> in servicebook.yml\n"
    ) in text


def test_maintainers_must_be_a_group_with_a_team(sample_repo: Path) -> None:
    replace_in(
        sample_repo / "servicebook.yml", "maintainers: service-desk", "maintainers: clara.neumann"
    )
    text = _codeowners(sample_repo)
    assert "\n/records/ @" not in text
    assert (
        "\n# /records/: maintainers 'clara.neumann' is not a group with a GitHub team; "
        "name a roster group with github: org/team\n"
    ) in text


def test_a_new_schedule_makes_the_check_fail_until_regenerated(sample_repo: Path) -> None:
    (sample_repo / ".github").mkdir()
    _codeowners(sample_repo)
    assert run_cli("codeowners", "--check", cwd=sample_repo).code == 0
    source = sample_repo / "records/schedules/backup-nightly.md"
    copy = source.with_name("backup-weekly.md")
    copy.write_text(
        source.read_text(encoding="utf-8").replace("id: backup-nightly", "id: backup-weekly"),
        encoding="utf-8",
    )
    check = run_cli("codeowners", "--check", cwd=sample_repo)
    assert (check.code, check.err) == (
        1,
        ".github/CODEOWNERS is stale: it does not match the roster and record owners; "
        "run `servicebook codeowners` and commit the result\n",
    )
    assert "\n/records/schedules/backup-weekly.md @spreebogen/infra-ops\n" in _codeowners(
        sample_repo
    )


def test_the_repositorys_own_codeowners_is_current() -> None:
    check = run_cli("codeowners", "--check", cwd=REPO)
    assert (check.code, check.err) == (0, ".github/CODEOWNERS is up to date\n")
