"""``servicebook migrate``: a repository of 0.1.0 records (no ``schema:``, short commit ids in
a done plan) shown as a diff, then migrated in one commit after which it validates."""

from __future__ import annotations

import hashlib
import itertools
from pathlib import Path

from tests.helpers import copy_sample, fingerprint, replace_in, run_cli
from tests.history_helpers import GitRepo

PLAN = "records/maintenance/MNT-2026-029.md"
OTHER = "records/maintenance/MNT-2026-034.md"
SCHEMA_LINES = (
    "# The schema the records are written to; `servicebook migrate` upgrades older ones.\n"
    "schema: 2\n"
)


def _old_repository(folder: Path) -> tuple[GitRepo, str]:
    """The sample as 0.1.0 wrote it: no schema setting, short ids in two plans."""
    root = copy_sample(folder)
    replace_in(root / "servicebook.yml", SCHEMA_LINES, "")
    repo = GitRepo(root)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "user.name", "Bob Example")
    repo.git("config", "user.email", "bob@provider.example")
    change = repo.commit("Sample records", "2026-08-22T10:00:00+02:00")
    repo.replace(
        PLAN, "commits: []", f"commits:\n  - {change[:7]}  # the swap\n  - '{change[:12]}'"
    )
    repo.replace(OTHER, "commits: []", f"commits: [{change[:9].upper()}]")
    repo.commit("MNT-2026-029: commits of the change", "2026-08-23T10:00:00+02:00")
    return repo, change


def test_old_records_are_shown_as_a_diff_then_migrated_in_one_commit(tmp_path: Path) -> None:
    repo, change = _old_repository(tmp_path / "repo")
    failing = run_cli("validate", cwd=repo.root)
    assert failing.code == 1
    assert "servicebook migrate writes every short id in full" in failing.out

    before = _state(repo)
    shown = run_cli("migrate", cwd=repo.root)
    assert shown.code == 0, shown.err
    assert _state(repo) == before
    assert _changed_lines(shown.out, "-") == [
        f"  - {change[:7]}  # the swap",
        f"  - '{change[:12]}'",
        f"commits: [{change[:9].upper()}]",
    ]
    assert _changed_lines(shown.out, "+") == [
        f"  - {change}  # the swap",
        f"  - '{change}'",
        f"commits: [{change}]",
        *SCHEMA_LINES.splitlines(),
    ]
    assert [line for line in shown.out.splitlines() if line.startswith("+++")] == [
        f"+++ b/{PLAN}",
        f"+++ b/{OTHER}",
        "+++ b/servicebook.yml",
    ]
    assert "run `servicebook migrate --apply`" in shown.err

    applied = run_cli("migrate", "--apply", cwd=repo.root)
    assert applied.code == 0, applied.err
    assert repo.git("rev-parse", "HEAD~1") == before[2]
    assert repo.git("status", "--porcelain", "--untracked-files=no") == ""
    touched = repo.git("show", "--name-only", "--format=%s", "HEAD").splitlines()
    assert touched == [
        "Migrate the records from schema 1 to 2 (Servicebook 0.2.0)",
        "",
        PLAN,
        OTHER,
        "servicebook.yml",
    ]
    assert repo.read("servicebook.yml").endswith(SCHEMA_LINES)
    assert run_cli("validate", cwd=repo.root).code == 0
    again = run_cli("migrate", cwd=repo.root)
    assert (again.code, again.out) == (0, "")
    assert "nothing to migrate" in again.err


def test_an_id_git_cannot_resolve_stops_the_migration_at_its_line(tmp_path: Path) -> None:
    repo, _change = _old_repository(tmp_path / "repo")
    repo.replace(PLAN, "# the swap", "\n  - deadbee")
    repo.commit("an id of another repository", "2026-08-24T10:00:00+02:00")
    before = _state(repo)
    for flags in ((), ("--apply",)):
        run = run_cli("migrate", *flags, cwd=repo.root)
        assert run.code == 1 and run.out == ""
        assert run.err.splitlines()[0] == (
            f"{PLAN}:23: commits[1]: no commit starts with 'deadbee' in this repository; fetch "
            "the branch or remote it is on (git fetch), or write the full id yourself"
        )
        assert "nothing was written" in run.err and "Traceback" not in run.err
        assert _state(repo) == before


def test_an_ambiguous_short_id_is_named_not_guessed(tmp_path: Path) -> None:
    repo, _change = _old_repository(tmp_path / "repo")
    prefix = _write_two_blobs_sharing_a_prefix(repo)
    repo.replace(OTHER, "commits: [", f"commits: [{prefix}, ")
    repo.commit("an ambiguous id", "2026-08-24T10:00:00+02:00")
    run = run_cli("migrate", cwd=repo.root)
    assert run.code == 1
    assert (
        f"{OTHER}:25: commits[0]: '{prefix}' is ambiguous: several objects start with it" in run.err
    )


def test_uncommitted_edits_in_a_file_to_migrate_are_not_swept_into_the_commit(
    tmp_path: Path,
) -> None:
    repo, _change = _old_repository(tmp_path / "repo")
    (repo.root / PLAN).write_text(
        repo.read(PLAN) + "An edit not committed yet.\n", encoding="utf-8"
    )
    before = _state(repo)
    run = run_cli("migrate", "--apply", cwd=repo.root)
    assert run.code == 1
    assert run.err == (
        f"servicebook: migrate --apply would commit uncommitted changes in {PLAN}; commit or "
        "stash them first, so the migration commit holds the migration only\n"
    )
    assert _state(repo) == before


def test_a_schema_newer_than_the_tool_is_refused_before_records_are_read(
    sample_repo: Path,
) -> None:
    replace_in(sample_repo / "servicebook.yml", "schema: 2", "schema: 3")
    for command in ("validate", "migrate", "build"):
        run = run_cli(command, cwd=sample_repo)
        assert run.code == 1, command
        assert run.err.startswith(
            "servicebook: servicebook.yml: schema: schema 3 is newer than this Servicebook "
            "reads (schema 2, release 0.2.0); install the release the repository pins"
        ), (command, run.err)


def _changed_lines(diff: str, sign: str) -> list[str]:
    """The lines a unified diff removes (``-``) or adds (``+``), without the sign."""
    return [
        line[1:]
        for line in diff.splitlines()
        if line.startswith(sign) and not line.startswith(sign * 3)
    ]


def _state(repo: GitRepo) -> tuple[dict[str, str], str, str]:
    """The records, the settings and HEAD: what a migration that stops must leave alone."""
    return (
        fingerprint(repo.root / "records"),
        repo.read("servicebook.yml"),
        repo.git("rev-parse", "HEAD"),
    )


def _write_two_blobs_sharing_a_prefix(repo: GitRepo) -> str:
    """Store two blobs whose ids share their first four digits; that prefix."""
    seen: dict[str, str] = {}
    for number in itertools.count():
        content = f"filler {number}\n"
        blob = hashlib.sha1(f"blob {len(content)}\0{content}".encode()).hexdigest()
        if blob[:4] in seen:
            for text in (seen[blob[:4]], content):
                (repo.root / "filler.txt").write_text(text, encoding="utf-8")
                repo.git("hash-object", "-w", "filler.txt")
            (repo.root / "filler.txt").unlink()
            return blob[:4]
        seen[blob[:4]] = content
    raise AssertionError("unreachable")
