"""``servicebook new``, ``event`` and ``close`` as a user runs them, with ``--commit``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import fingerprint, run_cli
from tests.history_helpers import REQUEST, GitRepo, cli_history

NOW = "2026-11-25T10:00:00+01:00"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """A clean contract history; the CLI's own commits get a fixed identity and date."""
    return cli_history(tmp_path / "repo", monkeypatch, NOW)


def _new_request(repo: GitRepo) -> str:
    text = (
        "---\nid: REQ-20261125-AB12\ntitle: Docking station\nagreement: AGR-ACME-IT\n"
        "service: workplace-it\ncategory: hardware\npriority: P3\nrequester: alice@acme.example\n"
        "received: 2026-11-25T09:00:00+01:00\n---\nThe desk in room 4 needs one.\n"
    )
    path = "records/requests/2026/REQ-20261125-AB12.md"
    repo.write(path, text)
    repo.commit("REQ-20261125-AB12: received", "2026-11-25T09:05:00+01:00")
    return path


def test_event_appends_one_line_and_commits_it_with_trailers(repo: GitRepo) -> None:
    path = _new_request(repo)
    before = repo.read(path)
    result = run_cli(
        "event", "REQ-20261125-AB12", "assigned", "--group", "desk", "--person", "bob",
        "--reason", "Hardware: desk team", "--at", "2026-11-25T09:30:00+01:00", "--commit",
        cwd=repo.root,
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out == f"{path}\n"
    line = (
        "events:\n  - {at: 2026-11-25T09:30:00+01:00, type: assigned, group: desk, "
        'person: bob, reason: "Hardware: desk team"}\n'
    )
    assert repo.read(path) == before.replace("\n---\nThe desk", f"\n{line}---\nThe desk")
    assert repo.git("log", "-1", "--format=%B") == (
        "REQ-20261125-AB12: assigned desk/bob\n\nRecord: REQ-20261125-AB12\n"
        "Event: assigned desk/bob"
    )
    assert repo.git("log", "-1", "--format=%aI %ae") == f"{NOW} bob@provider.example"
    assert repo.git("status", "--porcelain") == ""

    result = run_cli(
        "event", "REQ-20261125-AB12", "status", "--status", "in_progress",
        "--at", "2026-11-25T09:45:00+01:00", "--commit", cwd=repo.root,
    )  # fmt: skip
    assert result.code == 0, result.err
    after = repo.read(path)
    added = "  - {at: 2026-11-25T09:45:00+01:00, type: status, status: in_progress}\n"
    assert after == before.replace("\n---\nThe desk", f"\n{line}{added}---\nThe desk")
    trailers = repo.git("log", "-1", "--format=%(trailers:only)")
    assert trailers == "Record: REQ-20261125-AB12\nEvent: status in_progress"
    assert run_cli("audit", cwd=repo.root).out == ""


def test_event_in_the_middle_of_a_file_keeps_every_other_byte(repo: GitRepo) -> None:
    before = repo.read(REQUEST)
    result = run_cli(
        "event", "REQ-20261120-7F3A", "note", "--note", "Bag delivered too",
        "--at", "2026-11-24T09:30:00+01:00", "--by", "bob", cwd=repo.root,
    )  # fmt: skip
    assert result.code == 0, result.err
    closed = "type: closed, confirmed_by: requester}\n"
    new = "  - {at: 2026-11-24T09:30:00+01:00, type: note, text: Bag delivered too, by: bob}\n"
    assert repo.read(REQUEST) == before.replace(closed, closed + new)
    assert repo.git("status", "--porcelain") == f"M {REQUEST}"


def test_an_invalid_result_is_not_written(repo: GitRepo) -> None:
    records = fingerprint(repo.root / "records")
    result = run_cli(
        "event", "REQ-20261120-7F3A", "status", "--status", "in_progress",
        "--at", "2026-11-01T09:00:00+01:00", cwd=repo.root,
    )  # fmt: skip
    assert result.code == 1
    assert "is earlier than when the event before" in result.err
    assert result.err.endswith(
        f"servicebook: {REQUEST} was not written; fix the values above and run again\n"
    )
    assert fingerprint(repo.root / "records") == records


def test_wrong_options_are_usage_errors(repo: GitRepo) -> None:
    result = run_cli("event", "REQ-20261120-7F3A", "status", cwd=repo.root)
    assert (result.code, result.err) == (2, "servicebook: a status event needs --status\n")
    result = run_cli("event", "AGR-ACME-IT", "note", "--note", "x", cwd=repo.root)
    assert result.err == (
        "servicebook: AGR-ACME-IT is a agreement, not a request; events belong to requests\n"
    )


def test_close_resolves_and_closes_in_one_commit(repo: GitRepo) -> None:
    path = _new_request(repo)
    before = repo.read(path)
    result = run_cli(
        "close", "REQ-20261125-AB12", "--resolution", "Docking station installed",
        "--confirmed-by", "requester", "--at", "2026-11-25T11:00:00+01:00", "--commit",
        cwd=repo.root,
    )  # fmt: skip
    assert result.code == 0, result.err
    added = (
        "events:\n"
        "  - {at: 2026-11-25T11:00:00+01:00, type: resolved, "
        "resolution: Docking station installed}\n"
        "  - {at: 2026-11-25T11:00:00+01:00, type: closed, confirmed_by: requester}\n"
    )
    assert repo.read(path) == before.replace("\n---\nThe desk", f"\n{added}---\nThe desk")
    assert repo.git("log", "-1", "--format=%(trailers:only)") == (
        "Record: REQ-20261125-AB12\nEvent: resolved\nEvent: closed requester"
    )
    again = run_cli("close", "REQ-20261125-AB12", cwd=repo.root)
    assert again.err == (
        "servicebook: REQ-20261125-AB12 is already closed; reopen it first to change it\n"
    )


def test_close_without_resolution_of_an_open_request_is_refused(repo: GitRepo) -> None:
    _new_request(repo)
    result = run_cli("close", "REQ-20261125-AB12", cwd=repo.root)
    assert (result.code, result.err) == (
        2,
        "servicebook: REQ-20261125-AB12 is new; closing needs --resolution\n",
    )


def test_new_request_gets_a_fresh_id_and_a_commit(repo: GitRepo) -> None:
    staged = "records/services/workplace-it.md"
    repo.replace(staged, "Laptops", "Laptops, phones")
    repo.git("add", staged)
    result = run_cli(
        "new", "request", "--title", "Printer jams: tray 2", "--service", "workplace-it",
        "--requester", "alice@acme.example", "--agreement", "AGR-ACME-IT",
        "--category", "hardware", "--received", "2026-11-25T09:58:00+01:00",
        "--description", "It jams on every page.", "--commit", cwd=repo.root,
    )  # fmt: skip
    assert result.code == 0, result.err
    path = result.out.strip()
    assert path.startswith("records/requests/2026/11/REQ-20261125-")
    record_id = Path(path).stem
    assert repo.read(path) == (
        f'---\nid: {record_id}\ntitle: "Printer jams: tray 2"\nagreement: AGR-ACME-IT\n'
        "service: workplace-it\ncategory: hardware\npriority: P3\n"
        "requester: alice@acme.example\nchannel: portal\n"
        "received: 2026-11-25T09:58:00+01:00\n---\nIt jams on every page.\n"
    )
    assert repo.git("log", "-1", "--format=%B") == (
        f"{record_id}: new request: Printer jams: tray 2\n\nRecord: {record_id}\n"
        "Event: created request"
    )
    # Only the new record is in the commit; the user's staged change stays staged.
    assert repo.git("show", "--name-only", "--format=", "HEAD") == path
    assert repo.git("status", "--porcelain") == f"M  {staged}"
    assert run_cli("validate", cwd=repo.root).code == 0


def test_new_without_a_terminal_needs_the_flags(repo: GitRepo) -> None:
    result = run_cli("new", "request", "--title", "x", cwd=repo.root)
    assert (result.code, result.err) == (
        2,
        "servicebook: missing --service, --requester; pass them as options "
        "(servicebook asks for them only when run on a terminal)\n",
    )


def test_new_agreement_procedure_and_maintenance_are_valid(repo: GitRepo) -> None:
    commands = [
        ("agreement", "--id", "AGR-ACME-2027", "--title", "ACME 2027", "--customer", "acme",
         "--services", "workplace-it", "--effective", "2027-01-01", "--first-response", "4h",
         "--resolution", "16h", "--review", "P12M"),
        ("procedure", "--id", "laptop-handover", "--title", "Laptop handover", "--owner", "desk",
         "--services", "workplace-it", "--description", "1. Check the asset tag."),
        ("maintenance", "--title", "Replace the desk printer", "--type", "corrective",
         "--owner", "desk", "--services", "workplace-it",
         "--start", "2026-12-05T08:00:00+01:00", "--end", "2026-12-05T09:00:00+01:00",
         "--plan", "Swap it; roll back: put the old one back."),
    ]  # fmt: skip
    for command in commands:
        result = run_cli("new", *command, cwd=repo.root)
        assert result.code == 0, (command, result.err)
    assert (
        (repo.root / "records/agreements/AGR-ACME-2027.md")
        .read_text()
        .startswith("---\nid: AGR-ACME-2027\ntitle: ACME 2027\nstatus: draft\ncustomer: acme\n")
    )
    assert run_cli("validate", cwd=repo.root).code == 0
    duplicate = run_cli("new", *commands[1], cwd=repo.root)
    assert duplicate.code == 1
    assert (
        "records/procedures/laptop-handover.md already exists; choose another id" in duplicate.err
    )


def test_codeowners_is_generated_and_checked(repo: GitRepo) -> None:
    check = run_cli("codeowners", "--check", cwd=repo.root)
    assert (check.code, check.err) == (
        1,
        ".github/CODEOWNERS is missing: it does not match the roster and record owners; "
        "run `servicebook codeowners` and commit the result\n",
    )
    assert run_cli("codeowners", cwd=repo.root).code == 0
    text = (repo.root / ".github/CODEOWNERS").read_text()
    assert "# /records/services/workplace-it.md: group 'desk' has no GitHub team;" in text
    assert run_cli("codeowners", "--check", cwd=repo.root).code == 0
    repo.replace(
        "records/people/desk.md", "title: Service desk", "title: Service desk\ngithub: acme-it/desk"
    )
    assert run_cli("codeowners", "--check", cwd=repo.root).code == 1
    assert run_cli("codeowners", cwd=repo.root).err == "wrote .github/CODEOWNERS\n"
    text = (repo.root / ".github/CODEOWNERS").read_text()
    assert "\n/records/services/workplace-it.md @acme-it/desk\n" in text
    assert "\n/records/people/bob.md @acme-it/desk\n" in text
    assert "\n/records/people/desk.md @acme-it/desk\n" in text
    assert "no GitHub team" not in text


def test_new_refuses_an_id_that_is_not_a_file_name(repo: GitRepo) -> None:
    result = run_cli(
        "new", "procedure", "--id", "../../x", "--title", "x", "--owner", "desk", cwd=repo.root
    )
    assert (result.code, result.err) == (
        2,
        "servicebook: --id '../../x' is not a plain identifier; use letters, digits, '-', '_' "
        "and single dots (it becomes the file name)\n",
    )


def test_a_warm_cache_never_brings_back_a_deleted_record(repo: GitRepo) -> None:
    """The record commands read unchanged files from validate's cache; what the cache holds
    for a file that is gone, or has changed since, is never used."""
    assert run_cli("validate", cwd=repo.root).code == 0  # fills the cache
    assert any((repo.root / ".servicebook" / "cache").iterdir())
    (repo.root / "records/people/bob.md").unlink()
    result = run_cli(
        "event", "REQ-20261120-7F3A", "assigned", "--group", "desk", "--person", "bob",
        "--at", "2026-11-25T09:30:00+01:00", cwd=repo.root,
    )  # fmt: skip
    assert result.code == 1
    assert "no person has the id 'bob'" in result.err
