"""Checking answers against the records, and finding the agreement."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache

import pytest

from generator.intake.submission import Answers, Classification, Problem, classify
from generator.pipeline import validate
from generator.records.catalog import Catalog
from tests.conftest import HERE

RECEIVED = datetime(2026, 11, 20, 9, tzinfo=UTC)


@cache
def _catalog() -> Catalog:
    return validate(HERE / "fixtures" / "github" / "repo").catalog


def _classify(
    service: str = "Warehouse systems (warehouse-systems)",
    category: str = "Warehouse systems: Handheld scanners (scanners)",
    priority: str = "P2 - high",
    contact: str = "",
    received: datetime = RECEIVED,
) -> tuple[Classification | None, list[Problem]]:
    return classify(
        _catalog(),
        Answers(service, category, priority, contact),
        fallback_requester="@octo-cat",
        received=received,
    )


def test_form_options_ids_and_titles_all_name_the_same_choice() -> None:
    expected = Classification("warehouse-systems", "scanners", "P2", "@octo-cat", None)
    for service, category in [
        (
            "Warehouse systems (warehouse-systems)",
            "Warehouse systems: Handheld scanners (scanners)",
        ),
        ("warehouse-systems", "scanners"),
        ("Warehouse systems", "Handheld scanners"),
    ]:
        found, problems = _classify(service, category)
        assert problems == []
        assert found is not None
        assert found.service == expected.service and found.category == expected.category


@pytest.mark.parametrize(
    ("contact", "agreement"),
    [
        # The requester's domain names the customer, whose agreement covers the service.
        ("p.roth@havelfracht.example", "AGR-HAVELFRACHT-2026"),
        # Another customer's people are not covered by Havelfracht's agreement.
        ("l.meier@lindenhof-kliniken.example", None),
        # Nobody known: the only agreement that covers the service is a fair guess
        # for the desk to confirm in the pull request.
        ("", "AGR-HAVELFRACHT-2026"),
        ("someone@example.com", "AGR-HAVELFRACHT-2026"),
        # A roster person id works as contact; the provider's people have no agreement.
        ("felix.brandt", None),
    ],
)
def test_the_agreement_is_found_from_the_requester(contact: str, agreement: str | None) -> None:
    found, problems = _classify(contact=contact)
    assert problems == []
    assert found is not None and found.agreement == agreement


def test_no_agreement_outside_its_dates() -> None:
    found, _ = _classify(received=datetime(2028, 1, 5, tzinfo=UTC))
    assert found is not None and found.agreement is None


def test_every_problem_is_reported_at_once() -> None:
    found, problems = _classify("Video consultations (telehealth)", "", "urgent", "call me")
    assert found is None
    assert problems == [
        Problem(
            "service",
            "Video consultations is not offered yet. Choose one of: "
            "`Practice systems (practice-systems)`, `Warehouse systems (warehouse-systems)`.",
        ),
        Problem(
            "priority",
            "`urgent` is not a priority. Write P1, P2, P3 or P4 at the start of the line.",
        ),
        Problem(
            "contact",
            "`call me` is not an e-mail address. Write the address we can reach you at, e.g. "
            "`name@example.com`, or delete the answer and we will reply here on GitHub to "
            "@octo-cat.",
        ),
    ]


def test_a_category_of_another_service_is_named_as_such() -> None:
    _, problems = _classify(category="Practice systems: MediDesk practice management (medidesk)")
    assert problems == [
        Problem(
            "category",
            "`Practice systems: MediDesk practice management (medidesk)` is not a category of "
            "Warehouse systems. Choose one of: `Handheld scanners (scanners)`, "
            "`Label and dock printers (labels)`.",
        )
    ]


def test_empty_answers_say_what_to_choose() -> None:
    _, problems = _classify("", "", "")
    assert [p.message for p in problems] == [
        "no service was chosen. Choose the one you need: `Practice systems (practice-systems)`,"
        " `Warehouse systems (warehouse-systems)`.",
        "no priority was chosen. Choose P1, P2, P3 or P4 (P1 is the most urgent).",
    ]


def test_answers_are_quoted_as_code_so_they_cannot_mention_or_format() -> None:
    _, problems = _classify(service="@team `x` **bold**" + "y" * 80)
    assert problems[0].message.startswith("`@team 'x' **bold**yyyy")
    assert "…` is not in our service catalog." in problems[0].message
