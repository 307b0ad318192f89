"""A done plan's commits must be full ids of commits in the repository: validate checks them
where the history is there, says once that it skipped them where it is not."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import copy_sample, failing_validate, replace_in, run_cli
from tests.history_helpers import GitRepo

PLAN = "records/maintenance/MNT-2026-029.md"
UNKNOWN = "0123456789abcdef0123456789abcdef01234567"


def _sample_repository(folder: Path) -> tuple[GitRepo, str]:
    root = copy_sample(folder)
    repo = GitRepo(root)
    repo.git("init", "-q", "-b", "main")
    change = repo.commit("Sample records", "2026-08-22T10:00:00+02:00")
    return repo, change


def test_done_plan_commits_are_looked_up_in_the_repository(tmp_path: Path) -> None:
    repo, change = _sample_repository(tmp_path / "repo")
    tree = repo.git("rev-parse", "HEAD^{tree}")
    repo.replace(
        PLAN,
        "commits: []",
        f"commits:\n  - {change}\n  - {UNKNOWN}\n  - {change[:7]}\n  - fix the UPS\n  - {tree}",
    )
    lines = failing_validate(repo.root)
    assert [line for line in lines if line.startswith(PLAN)] == [
        f"{PLAN}:23: commits[1]: no commit {UNKNOWN} in this repository; write the id of the "
        "commit that holds the change, or fetch the branch or remote it is on (git fetch) and "
        "validate again",
        f"{PLAN}:24: commits[2]: '{change[:7]}' is a short commit id; write the full "
        f"40-character id (git rev-parse {change[:7]} prints it; "
        "servicebook migrate writes every short id in full)",
        f"{PLAN}:25: commits[3]: 'fix the UPS' is not a commit id; write the full 40-character "
        "id of the commit that holds the change (git log --format=%H shows it)",
        f"{PLAN}:26: commits[4]: no commit {tree} in this repository; write the id of the "
        "commit that holds the change, or fetch the branch or remote it is on (git fetch) and "
        "validate again",
    ]


def test_a_commit_fetched_after_a_cached_run_is_found(tmp_path: Path) -> None:
    repo, _change = _sample_repository(tmp_path / "repo")
    other = GitRepo(tmp_path / "other")
    other.root.mkdir()
    other.git("init", "-q", "-b", "main")
    other.write("README.md", "elsewhere\n")
    elsewhere = other.commit("Elsewhere", "2026-08-22T11:00:00+02:00")
    repo.replace(PLAN, "commits: []", f"commits: [{elsewhere}]")
    assert any("no commit" in line for line in failing_validate(repo.root))
    repo.git("fetch", "-q", str(other.root), "main")
    run = run_cli("validate", cwd=repo.root)
    assert run.code == 0, run.out


def test_outside_git_the_commit_gate_is_skipped_once_with_a_warning(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "plain")
    replace_in(root / PLAN, "commits: []", f"commits: [{UNKNOWN}, {UNKNOWN[::-1]}]")
    run = run_cli("validate", cwd=root)
    assert run.code == 0, run.out
    assert [line for line in run.out.splitlines() if "commits" in line] == [
        f"{PLAN}:21: warning: commits[0]: the commits of done plans were not checked, as the "
        "records are not in a git work tree; servicebook audit checks them in a full clone"
    ]


def test_in_a_shallow_clone_the_commit_gate_is_skipped_with_a_warning(tmp_path: Path) -> None:
    repo, _change = _sample_repository(tmp_path / "origin")
    repo.replace(PLAN, "commits: []", f"commits: [{UNKNOWN}]")
    repo.commit("Plan names a commit", "2026-08-23T10:00:00+02:00")
    clone = tmp_path / "clone"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone))
    run = run_cli("validate", cwd=clone)
    assert run.code == 0, run.out
    assert (
        f"{PLAN}:21: warning: commits[0]: the commits of done plans were not checked, as the "
        "clone is shallow, so a commit missing here may exist upstream (fetch the whole "
        "history: git fetch --unshallow, or fetch-depth: 0 for actions/checkout); "
        "servicebook audit checks them in a full clone"
    ) in run.out.splitlines()


def test_open_plans_commits_need_not_exist_yet(tmp_path: Path) -> None:
    repo, _change = _sample_repository(tmp_path / "repo")
    repo.replace(PLAN, "status: done", "status: in_progress")
    repo.replace(PLAN, "commits: []", f"commits: [{UNKNOWN}]")
    run = run_cli("validate", cwd=repo.root)
    assert run.code == 0, run.out


def test_audit_reports_the_commits_a_done_plan_names_but_the_repository_lacks(
    tmp_path: Path,
) -> None:
    repo, change = _sample_repository(tmp_path / "repo")
    repo.replace(PLAN, "commits: []", f"commits: [{change}, {UNKNOWN}, {change[:7]}]")
    last = repo.commit("MNT-2026-029: commits of the change", "2026-08-23T10:00:00+02:00")
    run = run_cli("audit", cwd=repo.root)
    assert run.code == 1, run.out + run.err
    assert [line for line in run.out.splitlines() if "missing_commit" in line] == [
        f"{PLAN}: error: missing_commit: commits[1] (line 21): no commit {UNKNOWN} in this "
        "repository; write the id of the commit that holds the change, or fetch the branch or "
        f"remote it is on (git fetch) and validate again (commit {last[:7]} by "
        "bob@provider.example on 2026-08-23T08:00:00Z)",
        f"{PLAN}: error: missing_commit: commits[2] (line 21): '{change[:7]}' is a short commit "
        f"id; write the full 40-character id (git rev-parse {change[:7]} prints it; "
        "servicebook migrate writes every short id in full) (commit "
        f"{last[:7]} by bob@provider.example on 2026-08-23T08:00:00Z)",
    ]
