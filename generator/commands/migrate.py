"""``servicebook migrate [--apply]``: rewrite records of an older schema to the current one.

Without ``--apply`` nothing is written: the diff goes to standard output. With it, every
file is written whole and the lot is committed as one commit, so the history shows the
migration as one change. A problem anywhere (an id git cannot resolve, a file the edit
cannot touch safely) stops both: nothing is half migrated.
"""

from __future__ import annotations

from pathlib import Path

from generator.authoring.atomic import write_atomically
from generator.authoring.migration import (
    Plan,
    commit_message,
    declares_schema,
    diff,
    migrate,
    steps_between,
    wanted_ids,
)
from generator.commands.options import records_root
from generator.commands.result import CommandResult
from generator.config import CONFIG_FILE, load_config
from generator.errors import UserError
from generator.history.commit_names import resolve_commit_ids
from generator.history.commits import commit_paths
from generator.history.gitcmd import in_work_tree, run_git
from generator.records.lock import records_lock
from generator.records.scan import scan_records
from generator.records.schema_version import CURRENT_SCHEMA


def run(root: Path, *, apply: bool) -> CommandResult:
    """Show (or, with ``apply``, write and commit) the migration of ``root``'s records."""
    root = records_root(root)
    with records_lock(root):
        plan, before = _plan(root)
        if plan is None:
            return CommandResult(
                0,
                stderr=f"the records are at schema {CURRENT_SCHEMA}, the current one; "
                "nothing to migrate\n",
            )
        if plan.problems:
            listed = "".join(f"{rel}:{line}: {message}\n" for rel, line, message in plan.problems)
            return CommandResult(
                1,
                stderr=listed
                + f"servicebook: {len(plan.problems)} problem(s) above keep the records at "
                f"schema {plan.source}; nothing was written. Fix them and run migrate again\n",
            )
        shown = "".join(diff(rel, before.get(rel), plan.texts[rel]) for rel in sorted(plan.texts))
        summary = _summary(plan)
        if not apply:
            return CommandResult(
                0,
                stdout=shown,
                stderr=summary + "nothing was written; run `servicebook migrate --apply` to "
                "write these changes and commit them\n",
            )
        return _apply(root, plan, summary)


def _plan(root: Path) -> tuple[Plan | None, dict[str, str]]:
    """The migration of the records as they are, and the files' present texts."""
    settings_file = root / CONFIG_FILE
    settings = settings_file.read_bytes().decode("utf-8") if settings_file.is_file() else None
    source = load_config(root).records_schema
    written = settings is not None and declares_schema(settings)
    if source == CURRENT_SCHEMA and written:
        return None, {}
    scan = scan_records(root)
    texts = {file.rel: file.text for file in scan.files}
    steps = steps_between(source)
    resolved = resolve_commit_ids(root, wanted_ids(steps, texts))
    plan = migrate(source, texts, settings, resolved, CONFIG_FILE)
    before = {**texts, **({CONFIG_FILE: settings} if settings is not None else {})}
    return plan, before


def _summary(plan: Plan) -> str:
    records = len([rel for rel in plan.texts if rel != CONFIG_FILE])
    steps = "".join(f"  {step.describe()}\n" for step in plan.steps)
    return (
        f"migrate: schema {plan.source} → {CURRENT_SCHEMA}\n{steps}"
        f"{records} record(s) and {CONFIG_FILE} change\n"
    )


def _apply(root: Path, plan: Plan, summary: str) -> CommandResult:
    """Write every changed file and commit them together (only in a clean git work tree)."""
    paths = sorted(plan.texts)
    if not in_work_tree(root):
        raise UserError(
            f"migrate --apply commits the migration and {root} is not in a git repository; "
            "run `git init` and commit the records first, or run migrate without --apply "
            "and make the changes it shows yourself"
        )
    dirty = run_git(root, ["status", "--porcelain", "--untracked-files=no", "--", *paths])
    if dirty.text.strip():
        listed = ", ".join(line[3:] for line in dirty.text.splitlines())
        raise UserError(
            f"migrate --apply would commit uncommitted changes in {listed}; commit or stash "
            "them first, so the migration commit holds the migration only"
        )
    for rel in paths:
        write_atomically(root / rel, plan.texts[rel].encode("utf-8"))
    sha = commit_paths(root, paths, commit_message(plan))
    return CommandResult(
        0,
        stdout="".join(f"{rel}\n" for rel in paths),
        stderr=summary + f"migrated to schema {CURRENT_SCHEMA}; committed {sha[:7]}\n",
    )
