"""Migrations as pure text rewrites: 1 → 2 writes short commit ids in full, touching the
ids' own characters only, and every migration sets the schema in servicebook.yml."""

from __future__ import annotations

from generator.authoring import full_commit_ids
from generator.authoring.migration import (
    commit_message,
    diff,
    migrate,
    steps_between,
    wanted_ids,
    with_schema,
)
from generator.history.commit_names import Resolved
from generator.records.schema_version import CURRENT_SCHEMA, newer_schema_problem

PLAN = "records/maintenance/MNT-1.md"
FULL_A = "9df8b50191dcf8b9953c597830d5ca492b3229ce"
FULL_B = "5fc0bc169153bf4392f37ae60db5c45660df5d97"
RESOLVED = {"9df8b50": Resolved(full=FULL_A), "5fc0bc1691": Resolved(full=FULL_B)}


def _plan(commits: str, body: str = "Done.\n") -> str:
    return f"---\nid: MNT-1\ntitle: Patch\nstatus: done\n{commits}\n---\n{body}"


def test_short_ids_are_found_with_their_lines() -> None:
    text = _plan(f"commits:\n  - 9df8b50  # the patch\n  - {FULL_A}\n  - 'ABC1234'")
    found = full_commit_ids.short_ids(PLAN, text)
    assert [(s.index, s.line, s.key) for s in found] == [(0, 6, "9df8b50"), (2, 8, "abc1234")]


def test_only_maintenance_plans_and_readable_front_matter_are_looked_at() -> None:
    text = _plan("commits: [9df8b50]")
    assert full_commit_ids.short_ids("records/requests/REQ-1.md", text) == []
    assert full_commit_ids.short_ids(PLAN, "---\ncommits: [9df8b50\n---\n") == []
    assert full_commit_ids.short_ids(PLAN, _plan("commits: 9df8b50")) == []
    assert full_commit_ids.short_ids(PLAN, _plan("commits: [not a commit, 12]")) == []


def test_block_list_ids_are_replaced_keeping_quotes_comments_and_body() -> None:
    text = _plan("commits:\n  - 9df8b50   # the patch\n  - '5fc0bc1691'", "Body 9df8b50 stays.\n")
    done = full_commit_ids.rewrite(PLAN, text, RESOLVED)
    assert done.problems == ()
    assert done.text == _plan(
        f"commits:\n  - {FULL_A}   # the patch\n  - '{FULL_B}'", "Body 9df8b50 stays.\n"
    )
    assert done.changes == (
        f"commits[0]: 9df8b50 → {FULL_A}",
        f"commits[1]: 5fc0bc1691 → {FULL_B}",
    )


def test_several_ids_on_one_flow_line_are_all_replaced() -> None:
    text = _plan('commits: [9df8b50, "5fc0bc1691", 9df8b50]\r')
    done = full_commit_ids.rewrite(PLAN, text, RESOLVED)
    assert done.text == _plan(f'commits: [{FULL_A}, "{FULL_B}", {FULL_A}]\r')
    assert len(done.changes) == 3


def test_an_unresolved_id_is_a_problem_at_its_line_and_the_others_still_change() -> None:
    missing = {**RESOLVED, "deadbee": Resolved(problem="no commit starts with 'deadbee'")}
    text = _plan("commits:\n  - deadbee\n  - 9df8b50")
    done = full_commit_ids.rewrite(PLAN, text, missing)
    assert done.problems == ((6, "commits[0]: no commit starts with 'deadbee'"),)
    assert done.text == _plan(f"commits:\n  - deadbee\n  - {FULL_A}")


def test_an_id_that_cannot_be_edited_in_place_is_left_for_the_user() -> None:
    text = _plan("commits:\n  - ' 9df8b50 '")
    done = full_commit_ids.rewrite(PLAN, text, RESOLVED)
    assert done.text == text
    assert done.problems == (
        (6, f"commits[0]: '9df8b50' could not be rewritten in place; write the full id "
            f"{FULL_A} yourself"),
    )  # fmt: skip


def test_a_plan_with_full_ids_only_is_left_byte_for_byte() -> None:
    text = _plan(f"commits: [{FULL_A}]")
    assert full_commit_ids.rewrite(PLAN, text, {}).text == text


def test_the_schema_setting_is_replaced_in_place_or_added() -> None:
    assert (
        with_schema("timezone: UTC\nschema: 1  # old\n", 2) == "timezone: UTC\nschema: 2  # old\n"
    )
    comment = "# The schema the records are written to; `servicebook migrate` upgrades older ones."
    assert with_schema("timezone: UTC", 2) == f"timezone: UTC\n{comment}\nschema: 2\n"
    assert with_schema("a: 1\r\n", 2) == f"a: 1\r\n{comment}\r\nschema: 2\r\n"
    assert with_schema(None, 2) == f"{comment}\nschema: 2\n"


def test_a_migration_plan_holds_the_changed_files_and_the_settings() -> None:
    texts = {PLAN: _plan("commits: [9df8b50]"), "records/services/s.md": "---\nid: s\n---\n"}
    assert wanted_ids(steps_between(1), texts) == {"9df8b50"}
    plan = migrate(1, texts, "timezone: UTC\n", RESOLVED, "servicebook.yml")
    assert sorted(plan.texts) == [PLAN, "servicebook.yml"]
    assert plan.texts["servicebook.yml"].endswith(f"schema: {CURRENT_SCHEMA}\n")
    assert plan.problems == []
    message = commit_message(plan)
    assert message.splitlines()[0] == "Migrate the records from schema 1 to 2 (Servicebook 0.2.0)"
    assert f"  commits[0]: 9df8b50 → {FULL_A}" in message.splitlines()


def test_the_diff_reads_like_gits() -> None:
    assert diff("servicebook.yml", "a: 1\n", "a: 1\nschema: 2\n").splitlines() == [
        "--- a/servicebook.yml",
        "+++ b/servicebook.yml",
        "@@ -1 +1,2 @@",
        " a: 1",
        "+schema: 2",
    ]
    assert diff("x", None, "schema: 2").splitlines()[:2] == ["--- /dev/null", "+++ b/x"]
    assert diff("x", None, "schema: 2").endswith("+schema: 2\n\\ No newline at end of file\n")


def test_a_newer_schema_than_the_tool_reads_is_refused_with_what_to_install() -> None:
    assert newer_schema_problem(CURRENT_SCHEMA) is None
    problem = newer_schema_problem(CURRENT_SCHEMA + 1)
    assert problem is not None and "pip install -r requirements.txt" in problem
