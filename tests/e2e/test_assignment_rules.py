"""Rules that act: category → group routing, roster membership, reasons for transfers,
the requester in an agreement's scope, and suggested categories and groups.

Each case changes a copy of the contract examples (or of the intake records), runs
the real CLI and asserts the exact text a user sees.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.e2e.test_intake_cli import AS_OF as INTAKE_AS_OF
from tests.e2e.test_intake_cli import EVENTS, RECORD, RECORDS
from tests.helpers import fingerprint, replace_in, run_cli

REQ = "records/requests/2026/REQ-20261120-7F3A.md"
SVC = "records/services/workplace-it.md"
AGR = "records/agreements/AGR-ACME-IT.md"
NEW = "records/requests/2026/REQ-20261124-0001.md"

RULED_CATEGORIES = (
    "categories:\n"
    "  - {id: hardware, group: field, keywords: [laptop, screen, docking station]}\n"
    "  - {id: software, group: desk, keywords: [install, licence]}\n"
    "  - access\n"
)
FIELD_GROUP = "---\nid: field\ntype: group\ntitle: Field service\nmembers: [carol]\n---\n"
CAROL = "---\nid: carol\ntype: person\ntitle: Carol Example\ngroups: [field]\n---\n"
DORA = "---\nid: dora\ntype: person\ntitle: Dora Example\norganization: acme\n---\n"
UNASSIGNED = (
    "---\nid: REQ-20261124-0001\ntitle: Screen flickers on the new laptop\n"
    "agreement: AGR-ACME-IT\nservice: workplace-it\npriority: P3\n"
    "requester: alice@acme.example\nreceived: 2026-11-24T10:00:00+01:00\n---\n"
    "Since Monday the screen flickers.\n"
)
TRANSFER_REFUSED = (
    "servicebook: REQ-20261120-7F3A is assigned to 'desk'; moving it to 'field' is a "
    'transfer and needs a reason: add --reason "…" (why the request moves)\n'
)


@pytest.fixture
def ruled(contract_repo: Path) -> Path:
    """The contract examples with a field group and routing rules on the service."""
    replace_in(contract_repo / SVC, "categories: [hardware, software, access]\n", RULED_CATEGORIES)
    (contract_repo / "records/people/field.md").write_text(FIELD_GROUP, encoding="utf-8")
    (contract_repo / "records/people/carol.md").write_text(CAROL, encoding="utf-8")
    return contract_repo


def test_assignment_to_another_group_than_the_rule_names_is_a_warning(ruled: Path) -> None:
    result = run_cli("validate", cwd=ruled)
    assert result.code == 0, result.out
    assert result.out == (
        f"{REQ}:12: warning: events[0].group: 'desk' is not the group of the rule category "
        "'hardware' → group 'field' in workplace-it; assign the request to field, or say why "
        "in this assignment's reason\n"
    )


def test_a_reason_on_the_assignment_accepts_another_group(ruled: Path) -> None:
    replace_in(ruled / REQ, "group: desk, person: bob}", "group: desk, person: bob, reason: VIP}")
    result = run_cli("validate", cwd=ruled)
    assert (result.code, result.out) == (0, "")


def test_a_person_outside_the_group_is_an_error(ruled: Path) -> None:
    replace_in(ruled / REQ, "group: desk, person: bob}", "group: field, person: bob}")
    before = fingerprint(ruled / "records")
    result = run_cli("validate", cwd=ruled)
    assert result.code == 1
    assert result.out == (
        f"{REQ}:12: events[0].person: 'bob' is not a member of group 'field' (members: carol); "
        "assign one of them, or add 'bob' to the group's members (the roster as it is now "
        "counts: membership has no dates)\n"
    )
    assert fingerprint(ruled / "records") == before


def test_membership_listed_on_the_person_only_counts(ruled: Path) -> None:
    replace_in(ruled / "records/people/field.md", "members: [carol]\n", "")
    replace_in(ruled / REQ, "group: desk, person: bob}", "group: field, person: carol}")
    assert run_cli("validate", cwd=ruled).out == ""


def test_a_group_whose_members_are_not_recorded_is_not_judged(ruled: Path) -> None:
    replace_in(ruled / "records/people/field.md", "members: [carol]\n", "")
    replace_in(ruled / "records/people/carol.md", "groups: [field]\n", "")
    replace_in(ruled / REQ, "group: desk, person: bob}", "group: field, person: bob}")
    assert run_cli("validate", cwd=ruled).out == ""


def test_a_transfer_without_a_reason_is_a_warning(ruled: Path) -> None:
    replace_in(
        ruled / REQ,
        "  - {at: 2026-11-20T10:05:00+01:00",
        "  - {at: 2026-11-20T09:50:00+01:00, type: assigned, group: field, person: carol}\n"
        "  - {at: 2026-11-20T10:05:00+01:00",
    )
    result = run_cli("validate", cwd=ruled)
    assert result.code == 0
    assert result.out == (
        f"{REQ}:13: warning: events[1].group: a transfer from 'desk' to 'field' needs a "
        "reason; add reason: … to this assigned event (why the request moved)\n"
    )


def test_a_new_transfer_without_a_reason_is_refused(ruled: Path) -> None:
    before = fingerprint(ruled / "records")
    at = ("--at", "2026-11-25T09:00:00+01:00")
    result = run_cli("event", "REQ-20261120-7F3A", "assigned", "--group", "field", *at, cwd=ruled)
    assert (result.code, result.out, result.err) == (1, "", TRANSFER_REFUSED)
    assert fingerprint(ruled / "records") == before
    # Within the same group no reason is needed; with a reason the transfer is written.
    same = run_cli("event", "REQ-20261120-7F3A", "assigned", "--group", "desk", *at, cwd=ruled)
    assert same.code == 0, same.err
    moved = run_cli(
        "event", "REQ-20261120-7F3A", "assigned", "--group", "field", "--person", "carol",
        "--reason", "needs a technician on site", *at, cwd=ruled,
    )  # fmt: skip
    assert moved.code == 0, moved.err


def test_a_new_assignment_of_a_non_member_is_refused(ruled: Path) -> None:
    before = fingerprint(ruled / "records")
    result = run_cli(
        "event", "REQ-20261120-7F3A", "assigned", "--group", "field", "--person", "bob",
        "--reason", "on site", "--at", "2026-11-25T09:00:00+01:00", cwd=ruled,
    )  # fmt: skip
    assert result.code == 1
    assert result.err == (
        f"{REQ}:19: events[7].person: 'bob' is not a member of group 'field' (members: carol); "
        "assign one of them, or add 'bob' to the group's members (the roster as it is now "
        "counts: membership has no dates)\n"
        f"servicebook: {REQ} was not written; fix the values above and run again\n"
    )
    assert fingerprint(ruled / "records") == before


@pytest.mark.parametrize(
    ("entitled", "requester"),
    [
        pytest.param("['@acme.example']", "alice@acme.example", id="domain-with-at"),
        pytest.param("[acme.example]", "alice@acme.example", id="plain-domain"),
        pytest.param("[acme]", "zoe@acme.example", id="organization-by-domain"),
        pytest.param("[acme]", "dora", id="organization-of-person"),
        pytest.param("[bob]", "bob@provider.example", id="person-by-email"),
        pytest.param("[Alice@ACME.example]", "alice@acme.example", id="address-any-case"),
    ],
)
def test_requesters_in_scope_pass(contract_repo: Path, entitled: str, requester: str) -> None:
    replace_in(
        contract_repo / AGR, "warn_at: 0.75\n", f"warn_at: 0.75\nscope:\n  requesters: {entitled}\n"
    )
    replace_in(
        contract_repo / "records/people/acme.md",
        "title: ACME Corporation\n",
        "title: ACME Corporation\ndomains: [acme.example]\n",
    )
    (contract_repo / "records/people/dora.md").write_text(DORA, encoding="utf-8")
    replace_in(contract_repo / REQ, "requester: alice@acme.example", f"requester: {requester}")
    result = run_cli("validate", cwd=contract_repo)
    assert (result.code, result.out) == (0, "")


def test_a_requester_out_of_scope_is_a_warning_naming_the_rule(contract_repo: Path) -> None:
    replace_in(
        contract_repo / AGR,
        "warn_at: 0.75\n",
        "warn_at: 0.75\nscope:\n  requesters: ['@acme.example', bob]\n",
    )
    replace_in(contract_repo / REQ, "requester: alice@acme.example", "requester: eve@evil.example")
    result = run_cli("validate", cwd=contract_repo)
    assert result.code == 0
    assert result.out == (
        f"{REQ}:8: warning: requester: 'eve@evil.example' is not in scope of AGR-ACME-IT "
        "(scope.requesters: @acme.example, bob); record it under an agreement that covers "
        "the requester, or add them to scope.requesters; the request is shown as out of scope\n"
    )
    assert run_cli("generate", cwd=contract_repo).code == 0
    docs = contract_repo / ".servicebook" / "docs"
    page = (docs / "requests" / "REQ-20261120-7F3A.md").read_text(encoding="utf-8")
    expected = (
        "'eve@evil.example' is not in scope of AGR-ACME-IT \\(scope.requesters: "
        "@acme.example, bob\\)"
    )
    assert f'!!! warning "Out of scope"\n    - {expected}\n' in page
    dashboard = (docs / "dashboards" / "internal.md").read_text(encoding="utf-8")
    assert f"| {expected} |" in dashboard.split("## Out of scope", 1)[1]


def test_the_request_page_suggests_a_category_and_a_group(ruled: Path) -> None:
    (ruled / NEW).write_text(UNASSIGNED, encoding="utf-8")
    assert run_cli("validate", cwd=ruled).code == 0
    result = run_cli("generate", "--as-of", "2026-11-25T14:00:00Z", cwd=ruled)
    assert result.code == 0, result.err
    page = (ruled / ".servicebook/docs/requests/REQ-20261124-0001.md").read_text(encoding="utf-8")
    assert (
        '!!! tip "Suggestions"\n'
        "    - Category: suggested: 'hardware' \\(keywords: laptop, screen\\)\n"
        "    - Suggested group: field \\(rule: category 'hardware' → group 'field' in "
        "workplace-it; the category is a suggestion too\\)\n"
    ) in page
    # An assigned, categorised request gets no suggestions.
    other = (ruled / ".servicebook/docs/requests/REQ-20261120-7F3A.md").read_text(encoding="utf-8")
    assert "Suggestions" not in other


def test_new_request_offers_the_category_and_the_group(ruled: Path) -> None:
    result = run_cli(
        "new", "request", "--title", "Docking station for the new laptop",
        "--service", "workplace-it", "--requester", "alice@acme.example",
        "--agreement", "AGR-ACME-IT", "--received", "2026-11-25T09:58:00+01:00", cwd=ruled,
    )  # fmt: skip
    assert result.code == 0, result.err
    record_id = Path(result.out.strip()).stem
    assert result.err.splitlines()[1:] == [
        "category: suggested: 'hardware' (keywords: laptop, docking station); set category: "
        "hardware in the record to use it",
        "suggested group: field (rule: category 'hardware' → group 'field' in workplace-it; "
        f"the category is a suggestion too); assign it with: servicebook event {record_id} "
        "assigned --group field",
    ]
    assert "category:" not in (ruled / result.out.strip()).read_text(encoding="utf-8")


def _intake_repo(tmp_path: Path) -> Path:
    root = tmp_path / "intake"
    shutil.copytree(RECORDS, root)
    service = root / "records/services/practice-systems.md"
    replace_in(
        service,
        "{id: medidesk, title: MediDesk practice management}",
        "{id: medidesk, title: MediDesk practice management, group: applications, "
        "keywords: [MediDesk, licence key]}",
    )
    warehouse = root / "records/services/warehouse-systems.md"
    replace_in(
        warehouse,
        "{id: labels, title: Label and dock printers}",
        "{id: labels, title: Label and dock printers, group: applications}",
    )
    return root


def _intake(root: Path, event: str) -> tuple[int, str, str]:
    comment = root.parent / "comment.md"
    result = run_cli(
        "intake", "github-issue", str(EVENTS / event), "--comment-file", str(comment),
        "--as-of", INTAKE_AS_OF, cwd=root,
    )  # fmt: skip
    text = comment.read_text(encoding="utf-8") if comment.exists() else ""
    return result.code, result.out, text


def test_intake_names_the_suggested_group_in_the_record(tmp_path: Path) -> None:
    root = _intake_repo(tmp_path)
    code, out, _ = _intake(root, "issue-opened.json")
    assert (code, out) == (0, RECORD + "\n")
    text = (root / RECORD).read_text(encoding="utf-8")
    assert text.endswith(
        "by @p-roth-hf.*\n\n*Suggested group: applications (rule: category 'labels' → group "
        "'applications' in warehouse-systems).*\n"
    )
    assert run_cli("validate", cwd=root).code == 0


def test_intake_offers_a_category_when_none_was_chosen(tmp_path: Path) -> None:
    root = _intake_repo(tmp_path)
    code, _, comment = _intake(root, "issue-missing-category.json")
    assert code == 1
    assert (
        "- **Category**: no category was chosen. For Practice systems choose one of: "
        "`MediDesk practice management (medidesk)`, `Laboratory orders and results "
        "(lab-interface)`. From what you wrote we suggest `MediDesk practice management "
        "(medidesk)` (keywords: MediDesk, licence key).\n"
    ) in comment
