"""Orientation on the site: each group's page onboards a newcomer, and the roster lists the
staff who joined and have not completed orientation."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import run_cli


def test_group_pages_onboard_and_the_roster_lists_staff_not_yet_oriented(
    sample_repo: Path,
) -> None:
    assert run_cli("generate", cwd=sample_repo).code == 0
    docs = sample_repo / ".servicebook/docs/roster"
    group = (docs / "infra-ops.md").read_text()
    onboarding = group.split("## Onboarding")[1].split("## History")[0]
    assert "- [Monthly backup restore test](../procedures/backup-restore-test.md)" in onboarding
    assert "[Firewall firmware update](../maintenance/MNT-2026-037.md)" in onboarding
    assert "../log/LOG-20261110-backup-volume.md), due 2026-11-27 18:00 CET" in onboarding
    assert "- [David Schulz](david.schulz.md), Systems engineer, david.schulz@" in onboarding
    roster = (docs / "index.md").read_text()
    waiting = roster.split("## Staff not yet oriented")[1].split("## People")[0]
    assert "| [Lea Hoffmann](lea.hoffmann.md) | 2026-11-02 | [Service desk](service-desk.md) |" in (
        waiting
    )
    assert waiting.count("\n| [") == 1
