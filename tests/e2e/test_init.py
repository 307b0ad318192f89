"""``servicebook init``: a team's own service book, in a zone far from Berlin, taken through
a request's life and built with MkDocs and with Zensical."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import __version__
from generator.authoring.starter import DEFAULT_ACTION
from tests.helpers import REPO, replace_in, run_cli

pytestmark = pytest.mark.slow

RAW_MARKDOWN = re.compile(r"\{ ?[.:#][a-z]|\*\*[^*<>]+\*\* ---")


def _init(folder: Path, *more: str) -> None:
    run = run_cli(
        "init", str(folder), "--name", "Prairie Lake IT", "--timezone", "America/Chicago",
        "--country", "US", "--customer", "Lakeside Clinic", "--lead", "Dana Whitfield", *more,
        cwd=folder.parent,
    )  # fmt: skip
    assert run.code == 0, run.out + run.err


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init") / "prairie-lake"
    _init(root)
    return root


def test_the_new_repository_holds_records_settings_and_docs_only(book: Path) -> None:
    tracked = subprocess.run(
        ["git", "ls-files"], cwd=book, capture_output=True, text=True, check=True
    ).stdout.split()
    assert "records/calendars/office.md" in tracked
    assert ".github/CODEOWNERS" in tracked and "servicebook.yml" in tracked
    assert not [p for p in tracked if p.startswith(("generator/", "tests/")) or p.endswith(".py")]
    calendar = (book / "records/calendars/office.md").read_text(encoding="utf-8")
    assert '"America/Chicago"' in calendar and '"US"' in calendar
    log = subprocess.run(
        ["git", "log", "--format=%s"], cwd=book, capture_output=True, text=True, check=True
    )
    assert log.stdout == "Start the service book (servicebook init)\n"
    assert run_cli("codeowners", "--check", cwd=book).code == 0


def test_the_workflows_install_the_pinned_tool_and_pass_actionlint(book: Path) -> None:
    workflows = sorted((book / ".github/workflows").glob("*.yml"))
    assert [w.name for w in workflows] == ["intake.yml", "publish.yml", "validate.yml"]
    for workflow in workflows:
        text = workflow.read_text(encoding="utf-8")
        # Servicebook's composite action, pinned to this version's tag, installs the
        # release of requirements.txt (the action itself never installs with -e).
        assert f"uses: {DEFAULT_ACTION}\n" in text
        assert "servicebook: -r requirements.txt" in text
        assert "-e ." not in text and "pytest" not in text and "pyproject.toml" not in text
    assert f"servicebook/servicebook@v{__version__}" == DEFAULT_ACTION
    assert "-e " not in (REPO / "action.yml").read_text(encoding="utf-8")
    requirement = (book / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^servicebook==\d+\.\d+\.\d+$", requirement, re.MULTILINE)
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, "actionlint is missing: install the test extra"
    lint = subprocess.run(
        [actionlint, "-no-color", "-oneline", "-shellcheck=", "-pyflakes=",
         *map(str, workflows)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (lint.returncode, lint.stdout + lint.stderr) == (0, "")


def test_a_request_through_its_life_builds_with_mkdocs_and_zensical(book: Path) -> None:
    new = run_cli(
        "new", "request", "--title", "Printer at the front desk jams",
        "--service", "it-support", "--category", "incident", "--priority", "P3",
        "--requester", "frontdesk@lakeside-clinic.example",
        "--agreement", "AGR-LAKESIDE-CLINIC-2026", "--channel", "email",
        "--received", "2026-11-30T09:05:00-06:00",
        "--description", "The printer jams on every second page.", "--commit",
        cwd=book,
    )  # fmt: skip
    assert new.code == 0, new.out + new.err
    (request,) = (book / "records/requests").rglob("REQ-*.md")
    request_id = request.stem
    event = run_cli(
        "event", request_id, "assigned", "--group", "service-desk",
        "--person", "dana.whitfield", "--at", "2026-11-30T09:20:00-06:00", "--commit",
        cwd=book,
    )  # fmt: skip
    assert event.code == 0, event.out + event.err
    reply = run_cli(
        "event", request_id, "action", "--text", "Replaced the pickup roller.",
        "--at", "2026-11-30T10:00:00-06:00", "--commit", cwd=book,
    )  # fmt: skip
    assert reply.code == 0, reply.out + reply.err
    close = run_cli(
        "close", request_id, "--resolution", "Pickup roller replaced.",
        "--confirmed-by", "requester", "--at", "2026-11-30T11:00:00-06:00", "--commit",
        cwd=book,
    )  # fmt: skip
    assert close.code == 0, close.out + close.err
    validate = run_cli("validate", cwd=book)
    assert validate.code == 0, validate.out + validate.err
    assert "+01:00" not in validate.out + validate.err

    built = run_cli("build", "--as-of", "2026-12-01T12:00:00Z", cwd=book)
    assert built.code == 0, built.out + built.err
    assert built.err.count("Material for MkDocs reaches end of life") == 1
    _site_is_whole(book / "site", request_id)

    replace_in(book / "servicebook.yml", "builder: mkdocs", "builder: zensical")
    zensical = run_cli("build", "--as-of", "2026-12-01T12:00:00Z", cwd=book)
    assert zensical.code == 0, zensical.out + zensical.err
    _site_is_whole(book / "site", request_id)


def _site_is_whole(site: Path, request_id: str) -> None:
    pages = [
        site / "requests" / request_id / "index.html",
        site / "dashboards/internal/index.html",
        site / "dashboards/external/index.html",
        site / "index.html",
    ]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "Prairie Lake IT service book" in html, page
        assert RAW_MARKDOWN.search(html) is None, (page, RAW_MARKDOWN.search(html))
    request = pages[0].read_text(encoding="utf-8")
    assert "Printer at the front desk jams" in request
    assert "CST" in request  # times in the calendar's zone, America/Chicago


def test_a_folder_with_files_is_refused_and_force_keeps_them(tmp_path: Path) -> None:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "README.md").write_text("Ours.\n", encoding="utf-8")
    refused = run_cli("init", str(folder), "--name", "X", cwd=tmp_path)
    assert refused.code == 1
    assert "is not empty" in refused.err and "--force" in refused.err
    assert sorted(p.name for p in folder.iterdir()) == ["README.md"]
    _init(folder, "--force")
    assert (folder / "README.md").read_text(encoding="utf-8") == "Ours.\n"
    assert (folder / "records/calendars/office.md").is_file()


def test_a_wrong_time_zone_is_a_usage_error(tmp_path: Path) -> None:
    run = run_cli("init", str(tmp_path / "x"), "--timezone", "Chicago", cwd=tmp_path)
    assert run.code == 2
    assert "America/Chicago" in run.err and "Traceback" not in run.err
    assert not (tmp_path / "x").exists()


def test_the_request_form_offers_the_new_service_and_stays_current(book: Path) -> None:
    form = (book / ".github/ISSUE_TEMPLATE/service-request.yml").read_text(encoding="utf-8")
    assert "- IT support (it-support)\n" in form
    assert '- "IT support: incident"\n' in form
    assert run_cli("form", "--check", cwd=book).code == 0


def test_errors_speak_the_repository(tmp_path: Path) -> None:
    root = tmp_path / "book"
    _init(root)
    folder = root / "records/requests/2026/12"
    folder.mkdir(parents=True)
    bad = folder / "REQ-20261201-A1B2.md"
    bad.write_text(
        "---\nid: REQ-20261201-A1B2\ntitle: Test\nservice: it-support\npriority: P7\n"
        "requester: a@lakeside-clinic.example\nagreement: AGR-LAKESIDE-CLINIC-2026\n"
        "received: 2026-12-01T09:00:00\nchannel: email\nevents:\n"
        "  - {type: status, at: 2026-12-01T09:10:00-06:00, status: In_Progress}\n---\nBody\n",
        encoding="utf-8",
    )
    run = run_cli("validate", cwd=root)
    assert run.code == 1
    out = run.out + run.err
    path = "records/requests/2026/12/REQ-20261201-A1B2.md"
    assert f"{path}:5: priority: 'P7' is not a priority; write P1, P2, P3, P4 " in out
    assert "2026-12-01T09:00:00-06:00" in out and "2026-12-01T15:00:00Z" in out
    assert "+01:00" not in out
    assert "write 'in_progress'" in out
    replace_in(bad, "priority: P7", "priority: p1")
    assert (
        "'p1' is not a priority: priorities are upper case; write P1"
        in run_cli("validate", cwd=root).out
    )
    assert bad.read_text(encoding="utf-8").count("priority: p1") == 1  # nothing rewritten
