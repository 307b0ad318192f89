"""Every customer's site of the sample, built as a user would, holds nothing of another
customer and no internal note; the staff site holds the notes; and the check catches a
note made public by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.audience_leaks import customers, foreign, internal_texts, scan
from tests.helpers import REPO, copy_sample, replace_in, run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("audiences") / "sample")
    run = run_cli("build", "--all-audiences", cwd=root)
    assert run.code == 0, run.out + run.err
    return root / "site"


def test_one_site_per_audience(sites: Path) -> None:
    assert sorted(p.name for p in sites.iterdir()) == [
        "customer-havelfracht",
        "customer-lindenhof",
        "staff",
    ]
    assert customers(REPO) == ["havelfracht", "lindenhof"]


@pytest.mark.parametrize("customer", ["havelfracht", "lindenhof"])
def test_a_customer_site_holds_nothing_of_another_customer_and_no_note(
    sites: Path, customer: str
) -> None:
    site = sites / f"customer-{customer}"
    assert (site / "search" / "search_index.json").is_file()
    assert (site / "sitemap.xml").is_file()
    forbidden = foreign(REPO, customer) + internal_texts(REPO)
    assert len(forbidden) > 20
    assert scan(site, forbidden) == []
    for staff_only in ("dashboards/internal", "audit", "roster", "suppliers", "log"):
        assert not (site / staff_only).exists(), staff_only


def test_the_staff_site_holds_every_note_and_both_customers(sites: Path) -> None:
    notes = internal_texts(REPO)
    assert len(notes) >= 10
    found = scan(sites / "staff", notes)
    assert {hit.split(": ", 1)[1] for hit in found} >= {f"{n.text!r} ({n.why})" for n in notes}
    assert scan(sites / "staff", foreign(REPO, "havelfracht") + foreign(REPO, "lindenhof"))


def test_the_check_fails_when_a_note_is_made_public_by_hand(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    request = root / "records/requests/2026/11/REQ-20261104-7A3F.md"
    replace_in(request, "type: note, by: amira.haddad,", "type: action, by: amira.haddad,")
    run = run_cli("build", "--audience", "customer:lindenhof", cwd=root)
    assert run.code == 0, run.out + run.err
    hits = scan(root / "site", internal_texts(REPO))
    assert any("Provider has not answered yet" in hit for hit in hits), hits
    assert any(hit.startswith("requests/feed.xml") for hit in hits), hits


def test_escalation_levels_show_on_the_staff_site_only(sites: Path) -> None:
    page = Path("requests/REQ-20261120-E05B/index.html")
    staff = (sites / "staff" / page).read_text(encoding="utf-8")
    customer = (sites / "customer-havelfracht" / page).read_text(encoding="utf-8")
    assert "resolution escalated" in staff
    assert "level 3 (90 % of the P4 target)" in staff
    assert "escalated" not in customer
    assert "resolution target breached" in customer


def test_group_targets_show_on_the_staff_site_only(sites: Path) -> None:
    pages = [
        Path("requests/REQ-20261105-E7C2/index.html"),
        Path("agreements/AGR-HAVELFRACHT-2026/index.html"),
        Path("reports/AGR-HAVELFRACHT-2026/2026-11/index.html"),
    ]
    for page in pages:
        staff = (sites / "staff" / page).read_text(encoding="utf-8")
        customer = (sites / "customer-havelfracht" / page).read_text(encoding="utf-8")
        assert "Group targets" in staff, page
        assert "Group targets" not in customer, page
