"""Audiences: what the staff and each customer may open and see named, on the sample."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.analysis.visibility import (
    STAFF,
    Audience,
    all_audiences,
    check_audience,
    is_internal,
    parse_audience,
    public_request,
    visibility,
)
from generator.errors import UserError
from generator.models.request import Request
from generator.pipeline import validate
from generator.records.catalog import Catalog

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return validate(ROOT).catalog


def test_audiences_are_written_staff_or_customer_org() -> None:
    assert parse_audience("staff") == STAFF
    assert parse_audience("customer:lindenhof") == Audience("lindenhof")
    assert Audience("lindenhof").folder == "customer-lindenhof"
    assert Audience("lindenhof").name == "customer:lindenhof"
    for wrong in ("customer:", "customers:x", "customer:../x", "everyone"):
        with pytest.raises(UserError, match="write 'staff' or 'customer:ORG'"):
            parse_audience(wrong)


def test_every_customer_of_an_agreement_gets_a_site(catalog: Catalog) -> None:
    assert [a.name for a in all_audiences(catalog)] == [
        "staff",
        "customer:havelfracht",
        "customer:lindenhof",
    ]
    check_audience(catalog, Audience("lindenhof"))
    with pytest.raises(UserError, match="'spreebogen' is the customer of no agreement"):
        check_audience(catalog, Audience("spreebogen"))


def test_staff_see_everything(catalog: Catalog) -> None:
    seen = visibility(catalog, STAFF, "spreebogen")
    assert all(seen.shows(record_id) for record_id in catalog.entries)


def test_a_customer_opens_its_own_records_only(catalog: Catalog) -> None:
    seen = visibility(catalog, Audience("havelfracht"), "spreebogen")
    assert seen.shows("AGR-HAVELFRACHT-2026")
    assert not seen.shows("AGR-LINDENHOF-2026")
    assert not seen.shows("lindenhof")
    kinds = {type(catalog.entries[i].record).__name__ for i in seen.records}
    assert kinds <= {"Agreement", "Service", "Calendar", "Request", "Maintenance", "Need"} | {
        "Organization"
    }
    own = {a.id for a in catalog.agreements if a.customer == "havelfracht"}
    for request in catalog.requests:
        if request.agreement in own:
            assert seen.shows(request.id)
        elif request.agreement is not None:
            assert not seen.shows(request.id), request.id
    assert not seen.names_("lindenhof")


def test_customers_never_share_a_request(catalog: Catalog) -> None:
    one = visibility(catalog, Audience("havelfracht"), "spreebogen")
    other = visibility(catalog, Audience("lindenhof"), "spreebogen")
    requests = {r.id for r in catalog.requests}
    assert one.records & other.records & requests == set()
    assert one.records & requests and other.records & requests


def test_notes_and_events_marked_internal_are_cut_from_the_public_request() -> None:
    request = Request.model_validate(
        {
            "id": "REQ-1",
            "title": "Printer",
            "service": "s",
            "priority": "P3",
            "requester": "a@example.com",
            "received": datetime(2026, 1, 1, tzinfo=UTC),
            "events": [
                {"type": "note", "at": "2026-01-01T10:00:00Z", "text": "billable extra"},
                {"type": "action", "at": "2026-01-01T11:00:00Z", "text": "swap", "internal": True},
                {"type": "action", "at": "2026-01-01T12:00:00Z", "text": "replaced toner"},
            ],
        }
    )
    assert [is_internal(e) for e in request.events] == [True, True, False]
    public = public_request(request)
    assert [e.type for e in public.events] == ["action"]
    assert "billable" not in public.model_dump_json()
    assert len(request.events) == 3, "the record itself is left as it is"
