"""``servicebook export --audience customer:ORG``: that customer's records only, without
internal events; an unknown customer is a usage error."""

from __future__ import annotations

import json
from pathlib import Path

from tests.audience_leaks import foreign, internal_texts
from tests.helpers import REPO, run_cli


def test_a_customer_export_holds_its_own_requests_without_notes(sample_repo: Path) -> None:
    run = run_cli("export", "--audience", "customer:lindenhof", cwd=sample_repo)
    assert run.code == 0, run.err
    document = json.loads(run.out)
    assert [a["id"] for a in document["agreements"]] == [
        "AGR-LINDENHOF-2026",
        "AGR-LINDENHOF-TELEHEALTH",
    ]
    records = run_cli(
        "export", "--audience", "customer:lindenhof", "--kind", "requests", cwd=sample_repo
    )
    assert records.code == 0, records.err
    text = (run.out + records.out).lower()
    for item in foreign(REPO, "lindenhof") + internal_texts(REPO):
        assert " ".join(item.text.split()).lower() not in text, item
    staff = run_cli("export", "--kind", "requests", cwd=sample_repo)
    assert any(n.text.lower() in staff.out.lower() for n in internal_texts(REPO))


def test_an_audience_that_is_no_customer_is_refused(sample_repo: Path) -> None:
    run = run_cli("export", "--audience", "customer:spreebogen", cwd=sample_repo)
    assert run.code == 2
    assert run.err.endswith(
        "servicebook: 'spreebogen' is the customer of no agreement, so it has no site; "
        "write one of: staff, customer:havelfracht, customer:lindenhof\n"
    )
    assert run.out == ""


def test_group_clocks_are_exported_for_staff_only(sample_repo: Path) -> None:
    staff = json.loads(run_cli("export", cwd=sample_repo).out)
    held = {
        group["group"]: group
        for item in staff["requests"]
        if item["id"] == "REQ-20261105-E7C2"
        for group in item["groups"]
    }
    assert held["service-desk"]["assign"]["target_s"] == 1800
    assert held["service-desk"]["hold"]["state"] == "met"
    customer = run_cli("export", "--audience", "customer:havelfracht", cwd=sample_repo)
    assert customer.code == 0, customer.err
    assert all("groups" not in item for item in json.loads(customer.out)["requests"])
