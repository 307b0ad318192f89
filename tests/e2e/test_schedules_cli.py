"""Job schedules through the CLI: validation of their rules and dependencies, and the site."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import fingerprint, replace_in, run_cli

BACKUP = "records/schedules/backup-nightly.md"


def test_a_circle_of_dependencies_is_an_error(sample_repo: Path) -> None:
    replace_in(
        sample_repo / BACKUP, "depends_on: [db-dump-nightly]", "depends_on: [restore-test-weekly]"
    )
    before = fingerprint(sample_repo / "records")
    result = run_cli("validate", cwd=sample_repo)
    assert result.code == 1, result.out
    assert (
        f"{BACKUP}:10: depends_on: the schedules wait for each other in a circle "
        "(backup-nightly → restore-test-weekly → backup-nightly); remove one of these "
        "depends_on entries"
    ) in result.out.splitlines(), result.out
    assert fingerprint(sample_repo / "records") == before


def test_a_dependency_on_a_missing_schedule_is_an_error(sample_repo: Path) -> None:
    replace_in(sample_repo / BACKUP, "depends_on: [db-dump-nightly]", "depends_on: [db-dumps]")
    result = run_cli("validate", cwd=sample_repo)
    assert result.code == 1
    assert any(
        line.startswith(f"{BACKUP}:10: depends_on[0]: ") and "db-dumps" in line
        for line in result.out.splitlines()
    ), result.out


def test_the_schedules_page_and_calendar(sample_repo: Path) -> None:
    result = run_cli("generate", cwd=sample_repo)
    assert result.code == 0, result.err
    docs = sample_repo / ".servicebook" / "docs" / "schedules"
    page = (docs / "index.md").read_text()
    assert "## In the way in the next 31 days" in page
    assert (
        '<tr><td>2026-12-20 01:00–03:30 CET</td> <td><a href="backup-nightly/">Nightly backup '
        "of all servers</a></td>"
    ) in page
    assert "adds up to 4h\nof expected run time" in page
    calendar = (docs / "runs.ics").read_text()
    assert calendar.count("BEGIN:VEVENT") > 60
    assert "UID:backup-nightly-20261220T000000Z@servicebook" in calendar
