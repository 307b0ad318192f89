"""Absurd values through the real CLI: every one reported at its line in one run, and
export, generate and intake refuse them instead of ending with an internal error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import HERE
from tests.helpers import copy_sample, fingerprint, replace_in, run_cli

REQ = "records/requests/2026/11/REQ-20261103-B2D5.md"
AGR = "records/agreements/AGR-LINDENHOF-2026.md"
ROLLS = "records/consumables/label-rolls.md"
RANGE = "1970-01-01T00:00:00Z to 2200-01-01T00:00:00Z"
WIDEN = "write a time in that range, or widen instant_range in servicebook.yml"
EVENTS = HERE / "fixtures" / "github"

YEAR_9999 = (
    f"{REQ}:20: events[8].at: 9999-12-31T23:59:00+01:00 is outside the range of instants "
    f"allowed ({RANGE}); {WIDEN}"
)
BILLION_YEARS = (
    f"{AGR}:40: review.interval: 'P9999999999Y' is longer than 10 years, the longest "
    "allowed; write a shorter period, e.g. 'P1Y' or 'P6M'"
)
HUGE_NUMBER = (
    f"{ROLLS}:10: stock[0].change: a number of 5000 characters is out of range; numbers in "
    "records are below 1,000,000,000,000,000 (15 digits) and finite"
)


@pytest.fixture
def bad_repo(tmp_path: Path) -> Path:
    """The sample with three different absurd values in three records."""
    root = copy_sample(tmp_path / "repo")
    replace_in(
        root / REQ,
        "{at: 2026-11-04T07:30:00+01:00, type: closed",
        "{at: 9999-12-31T23:59:00+01:00, type: closed",
    )
    replace_in(root / AGR, "interval: P6M", "interval: P9999999999Y")
    replace_in(root / ROLLS, "change: 240", "change: " + "9" * 5000)
    return root


def _errors(err: str) -> list[str]:
    return [line for line in err.splitlines() if "which has errors" not in line]


def test_three_absurd_values_are_three_errors_in_one_run(bad_repo: Path) -> None:
    before = fingerprint(bad_repo / "records")
    result = run_cli("validate", cwd=bad_repo)
    assert result.code == 1
    assert "Traceback" not in result.err + result.out
    lines = _errors(result.out + result.err)
    for expected in (YEAR_9999, BILLION_YEARS, HUGE_NUMBER):
        assert expected in lines
    assert fingerprint(bad_repo / "records") == before


@pytest.mark.parametrize("command", [("export",), ("generate",)])
def test_export_and_generate_report_the_errors_and_do_not_crash(
    bad_repo: Path, command: tuple[str, ...]
) -> None:
    result = run_cli(*command, "--as-of", "2026-11-25T14:00:00Z", cwd=bad_repo)
    assert result.code == 1
    assert "internal error" not in result.err
    lines = _errors(result.err)
    for expected in (YEAR_9999, BILLION_YEARS, HUGE_NUMBER):
        assert expected in lines


@pytest.mark.parametrize(
    "instant",
    [
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59+14:00",
        "9999-12-31T23:59:59-14:00",
        "1969-12-31T23:59:59Z",
    ],
)
def test_an_as_of_outside_the_range_is_a_usage_error(tmp_path: Path, instant: str) -> None:
    root = copy_sample(tmp_path / "repo")
    result = run_cli("export", "--as-of", instant, cwd=root)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"servicebook: --as-of '{instant}' is outside the range of instants allowed "
        f"({RANGE}); write an instant in that range, or widen instant_range in "
        "servicebook.yml\n"
    )


def test_an_at_outside_the_range_is_a_usage_error(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    before = fingerprint(root / "records")
    result = run_cli(
        "event", "REQ-20261103-B2D5", "note", "--at", "0001-01-01T00:00:00Z", "--note", "x",
        cwd=root,
    )  # fmt: skip
    assert result.code == 2
    assert result.err == (
        f"servicebook: --at '0001-01-01T00:00:00Z' is outside the range of instants allowed "
        f"({RANGE}); write an instant in that range, or widen instant_range in "
        "servicebook.yml\n"
    )
    assert fingerprint(root / "records") == before


def test_the_range_comes_from_servicebook_yml(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    settings = root / "servicebook.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        + "instant_range: {earliest: 2026-11-01, latest: 2030-01-01}\n",
        encoding="utf-8",
    )
    result = run_cli("validate", cwd=root)
    assert result.code == 1
    assert (
        "records/agreements/AGR-HAVELFRACHT-2026.md:9: effective: 2026-01-01 is outside the "
        "range of instants allowed (2026-11-01T00:00:00Z to 2030-01-01T00:00:00Z); "
        f"{WIDEN}"
    ) in result.out + result.err
    as_of = run_cli("export", "--as-of", "2031-01-01T00:00:00Z", cwd=root)
    assert as_of.code == 2
    assert "(2026-11-01T00:00:00Z to 2030-01-01T00:00:00Z)" in as_of.err


def test_an_instant_range_beyond_the_widest_is_refused(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    (root / "servicebook.yml").write_text(
        "instant_range: {earliest: 0001-01-01, latest: 9999-12-31}\n", encoding="utf-8"
    )
    result = run_cli("validate", cwd=root)
    assert (result.code, result.err) == (
        1,
        "servicebook: servicebook.yml: instant_range: 0001-01-01 to 9999-12-31 is not a range "
        "within 1900-01-01 to 2500-01-01; earliest must come before latest, e.g. "
        "{earliest: 1970-01-01, latest: 2200-01-01}\n",
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "received: 2026-11-03T06:45:00+01:00",
            "received: 1969-12-31T23:59:59Z",
            f"{REQ}:10: received: 1969-12-31T23:59:59+00:00 is outside the range of instants "
            f"allowed ({RANGE}); {WIDEN}",
        ),
        (
            "received: 2026-11-03T06:45:00+01:00",
            "received: 2026-02-30T06:45:00+01:00",
            f"{REQ}:10: received: '2026-02-30T06:45:00+01:00' is not a real date; write a day "
            "that exists, e.g. 2026-02-28",
        ),
        (
            "satisfaction: {score: 4,",
            "satisfaction: {score: 1.0e+400,",
            f"{REQ}:21: satisfaction.score: 1.0e+400 is out of range; numbers in records are "
            "below 1,000,000,000,000,000 (15 digits) and finite",
        ),
    ],
)
def test_adversarial_values_are_errors_at_their_line(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    root = copy_sample(tmp_path / "repo")
    replace_in(root / REQ, old, new)
    result = run_cli("validate", cwd=root)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert expected in _errors(result.out + result.err)


def test_a_body_link_to_a_missing_file_is_an_error_at_its_line(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "repo")
    path = root / REQ
    path.write_text(
        path.read_text(encoding="utf-8")
        + "\nSee [the manual](manual.pdf) and [the next one](REQ-20261116-D2E6.md).\n"
        "`[code](code.pdf)`\n\n[shot]: img/shot.png\n",
        encoding="utf-8",
    )
    result = run_cli("validate", cwd=root)
    assert result.code == 1
    fix = "does not exist in the repository; link a full URL (https://…) or a record file"
    # The sample's own warnings (routing, scope) come first; the body errors are exact.
    assert [line for line in _errors(result.out) if ": body: " in line] == [
        f"{REQ}:26: body: link target 'manual.pdf' {fix}",
        f"{REQ}:29: body: link target 'img/shot.png' {fix}",
    ]


def _intake(tmp_path: Path, change: dict[str, str]) -> tuple[int, str | None, Path]:
    root = tmp_path / "intake"
    shutil.copytree(EVENTS / "repo", root)
    event = json.loads((EVENTS / "issue-opened.json").read_text(encoding="utf-8"))
    event["issue"].update(change)
    event_file = tmp_path / "event.json"
    event_file.write_text(json.dumps(event), encoding="utf-8")
    comment = tmp_path / "comment.md"
    result = run_cli(
        "intake", "github-issue", str(event_file), "--comment-file", str(comment),
        "--as-of", "2026-11-25T14:00:00Z", cwd=root,
    )  # fmt: skip
    assert not (root / "records" / "requests").exists()
    text = comment.read_text(encoding="utf-8") if comment.exists() else None
    return result.code, text, root


def _body(description: str) -> str:
    event = json.loads((EVENTS / "issue-opened.json").read_text(encoding="utf-8"))
    body: str = event["issue"]["body"]
    return body.split("### Description")[0] + "### Description\n\n" + description


def test_intake_refuses_relative_links_to_attachments(tmp_path: Path) -> None:
    code, comment, _ = _intake(
        tmp_path,
        {"body": _body("Broken. See [manual](manual.pdf) and ![](shot.png).\n\n[1]: log.txt")},
    )
    assert code == 1
    assert comment is not None
    assert (
        "- **Description**: the description links `log.txt`, `manual.pdf`, `shot.png`, which "
        "are not full URLs. Attachments must be linked by a full URL: upload the file (for "
        "example by dragging it into a comment on this issue) and link the address it gets, "
        "starting with https://.\n"
    ) in comment


def test_intake_refuses_a_description_too_long_for_a_record(tmp_path: Path) -> None:
    code, comment, _ = _intake(tmp_path, {"body": _body(("x" * 79 + "\n") * 52_000)})
    assert code == 1
    assert comment is not None
    assert (
        "- **Description**: the description is 4,159,999 bytes long, over the limit of "
        "1,032,192 bytes. Shorten it, and put long logs or screenshots in a comment or a "
        "file share and link them by a full URL (https://…).\n"
    ) in comment


def test_intake_refuses_an_issue_opened_outside_the_range(tmp_path: Path) -> None:
    code, comment, _ = _intake(tmp_path, {"created_at": "1969-12-31T23:59:59Z"})
    assert code == 1
    assert comment is not None
    assert (
        "- **Opened**: the issue was opened at 1969-12-31T23:59:59+00:00, outside the times "
        f"this service book records ({RANGE}). Editing the issue cannot change that; please "
        "ask the service desk to record the request.\n"
    ) in comment
