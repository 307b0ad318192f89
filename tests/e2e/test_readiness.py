"""Readiness checks: a failed check names its corrective action (a validation error at its
line otherwise), and the readiness page lists what failed, is overdue or was never checked."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import failing_validate, replace_in, run_cli

BACKUP = "records/components/backup-system.md"
ACTION = "action: LOG-20261110-backup-volume, "


def test_a_failed_check_without_a_corrective_action_is_an_error_at_its_line(
    sample_repo: Path,
) -> None:
    replace_in(sample_repo / BACKUP, ACTION, "")
    assert failing_validate(sample_repo)[0] == (
        f"{BACKUP}:10: checks[1].result: a failed readiness check needs its corrective "
        "action: add action: the id of the log entry (type corrective_action) or maintenance "
        "plan that fixes it"
    )


def test_the_action_must_name_a_corrective_action(sample_repo: Path) -> None:
    replace_in(sample_repo / BACKUP, ACTION, "action: LOG-20261122-patch-night, ")
    assert failing_validate(sample_repo)[0] == (
        f"{BACKUP}:10: checks[1].action: LOG-20261122-patch-night is a log entry of type "
        "operation; name a corrective_action entry or a maintenance plan"
    )
    replace_in(sample_repo / BACKUP, "LOG-20261122-patch-night", "LOG-20261110-backup-volum")
    assert failing_validate(sample_repo)[0] == (
        f"{BACKUP}:10: checks[1].action: no log entry or maintenance plan has the id "
        "'LOG-20261110-backup-volum'; did you mean 'LOG-20261110-backup-volume'?"
    )


def test_an_attribute_the_component_does_not_list_is_an_error(sample_repo: Path) -> None:
    replace_in(sample_repo / BACKUP, 'attributes: ["Nightly', 'attributes: ["Hourly')
    [line] = [line for line in failing_validate(sample_repo) if "attributes" in line]
    assert line.startswith(
        f"{BACKUP}:9: checks[0].attributes[0]: 'Hourly backups kept 35 days, monthly backups "
        "kept 12 months' is not one of the component's quality attributes"
    )


def test_the_readiness_page_lists_failed_overdue_and_never_checked(sample_repo: Path) -> None:
    result = run_cli("generate", cwd=sample_repo)
    assert result.code == 0, result.err
    page = (sample_repo / ".servicebook/docs/components/readiness.md").read_text()
    sections = {part.split("\n", 1)[0]: part for part in page.split("\n## ")[1:]}
    assert "[Backup and restore platform](backup-system.md)" in sections["Failed"]
    assert "../log/LOG-20261110-backup-volume.md" in sections["Failed"]
    assert sections["Failed"].count("\n| [") == 1
    overdue = sections["Check overdue"]
    assert "[Data centre core network and firewalls](dc-network.md)" in overdue
    assert "| 2026-09-13 | P3M |" in overdue and overdue.count("\n| [") == 1
    assert "[Video consultation platform](telehealth-platform.md)" in sections["Never checked"]
    assert sections["All components"].count("\n| [") == 17
    attributes = sections["Security and quality attributes"]
    assert (
        "| [Managed laptops and desktops](managed-endpoints.md) | Full-disk encryption on every "
        "laptop | Sample of 25 devices: disk encryption on, patches current, EDR agent "
        "reporting, 2026-11-03 09:00 CET |"
    ) in attributes
    assert "| Immutable offsite copy at a second data centre | never shown |" in attributes
    cmmi = (sample_repo / ".servicebook/docs/audit/cmmi.md").read_text()
    assert "dc-network: readiness check overdue since 2026-09-13" in cmmi


def test_a_done_action_and_a_passed_repeat_clear_the_failure(sample_repo: Path) -> None:
    text = (sample_repo / BACKUP).read_text()
    repeat = (
        '  - {name: "Repeat restore test", at: 2026-11-24T10:00:00+01:00, result: passed, '
        "by: david.schulz}\n"
    )
    (sample_repo / BACKUP).write_text(text.replace("check_every:", repeat + "check_every:"))
    assert run_cli("generate", cwd=sample_repo).code == 0
    page = (sample_repo / ".servicebook/docs/components/readiness.md").read_text()
    assert "No component failed its last check." in page
