"""A done maintenance plan that affects customers needs the notice sent: validate says so."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import copy_sample, failing_validate, replace_in, run_cli

PLAN = "records/maintenance/MNT-2026-029.md"
SENT = "notified: 2026-08-17T10:30:00+02:00\n"


def test_done_plan_without_the_notice_sent_is_an_error(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    replace_in(root / PLAN, SENT, "")
    assert (
        f"{PLAN}:15: notification: a plan that affects customers (havelfracht, lindenhof) is "
        "done only once the notice went out; write when it was sent as notified: <time with "
        "offset>, set customers_affected: false if no customer can notice the work, or keep "
        "status in_progress"
    ) in failing_validate(root)


def test_done_plan_with_an_empty_notification_is_an_error(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    text = (root / PLAN).read_text(encoding="utf-8").splitlines(keepends=True)
    (root / PLAN).write_text(
        "".join(
            'notification: ""\n' if line.startswith("notification:") else line for line in text
        ),
        encoding="utf-8",
    )
    assert (
        f"{PLAN}:16: notified: a plan that affects customers (havelfracht, lindenhof) is done "
        "only once they were told; write who was told and how under notification: and when "
        "under notified: <time with offset>, or keep status in_progress"
    ) in failing_validate(root)


def test_work_no_customer_notices_needs_no_notice(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    replace_in(root / PLAN, SENT, "customers_affected: false\n")
    run = run_cli("validate", cwd=root)
    assert run.code == 0, run.out
    assert "MNT-2026-029" not in run.out


def test_plan_touching_no_agreement_needs_no_notice(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    replace_in(root / PLAN, SENT, "")
    replace_in(root / PLAN, "components: [dc-power]", "components: []")
    run = run_cli("validate", cwd=root)
    assert run.code == 0, run.out
    assert "MNT-2026-029" not in run.out
