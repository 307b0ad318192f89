"""Suggested categories: keywords first, then past requests sharing title words; the
reason is spelled out, and ties are broken the same way every time."""

from __future__ import annotations

from typing import Any

from generator.analysis.advice import Advisor
from generator.analysis.categorise import CategorySuggester, title_words
from generator.analysis.routing import category_rule
from generator.models.request import Request
from generator.models.service import Service

SERVICE = Service.model_validate(
    {
        "id": "desk-it",
        "title": "Desk IT",
        "owner": "desk",
        "categories": [
            {"id": "hardware", "group": "field", "keywords": ["laptop", "docking station"]},
            {"id": "access", "keywords": ["password", "login"]},
            "printing",
            "mail",
        ],
    }
)


def request(rid: str, title: str, category: str | None, service: str = "desk-it") -> Request:
    data: dict[str, Any] = {
        "id": rid,
        "title": title,
        "service": service,
        "priority": "P3",
        "requester": "a@example.com",
        "received": "2026-11-20T09:00:00Z",
    }
    if category:
        data["category"] = category
    return Request.model_validate(data)


PAST = [
    request("R1", "Printer on floor 2 jams", "printing"),
    request("R2", "Printers print faded pages", "printing"),
    request("R3", "Printer toner empty", "mail"),
    request("R4", "Shared mailbox missing", "mail"),
    request("R5", "Printer driver for the plotter", "hardware", service="other"),
    request("R6", "Printer without a category", None),
]


def test_keywords_win_and_are_named() -> None:
    found = CategorySuggester([SERVICE], PAST).suggest(
        "desk-it", "Forgot my password", "I cannot log in: the login page says no."
    )
    assert found is not None
    assert found.text() == "suggested: 'access' (keywords: password, login)"


def test_keywords_match_whole_words_and_plurals_only() -> None:
    suggester = CategorySuggester([SERVICE], [])
    assert suggester.suggest("desk-it", "Two laptops and docking stations") is not None
    assert suggester.suggest("desk-it", "Laptopbag strap torn") is None


def test_most_keywords_wins_and_a_tie_goes_to_the_first_category() -> None:
    suggester = CategorySuggester([SERVICE], [])
    tie = suggester.suggest("desk-it", "Laptop login fails")
    assert tie is not None and tie.category == "hardware"
    more = suggester.suggest("desk-it", "Laptop login fails", "password expired")
    assert more is not None and more.category == "access"


def test_past_requests_of_the_service_count_once_each() -> None:
    found = CategorySuggester([SERVICE], PAST).suggest("desk-it", "Printer prints blank pages")
    assert found is not None
    # R1, R2 (printing) and R3 (mail) share words; R2 shares three but counts once;
    # R5 is another service's and R6 has no category.
    assert found.text() == (
        "suggested: 'printing' (past desk-it requests with the title words 'printer', "
        "'prints', 'pages': 2 of 3 were 'printing')"
    )


def test_a_tie_among_past_requests_goes_to_the_category_listed_first() -> None:
    past = [request("A", "Scanner broken", "mail"), request("B", "Scanner offline", "printing")]
    found = CategorySuggester([SERVICE], past).suggest("desk-it", "Scanner at reception")
    assert found is not None and found.category == "printing"


def test_nothing_to_go_on_gives_no_suggestion() -> None:
    suggester = CategorySuggester([SERVICE], PAST)
    assert suggester.suggest("desk-it", "Help with this") is None
    assert suggester.suggest("unknown-service", "Printer jams") is None


def test_title_words_skip_short_and_common_words() -> None:
    assert title_words("The scanners at Reception: with errors, 2 of them") == {
        "scanner": "scanners",
        "reception": "reception",
        "error": "errors",
    }


def test_the_advisor_chains_a_suggested_category_to_its_group() -> None:
    advisor = Advisor([SERVICE], PAST)
    advice = advisor.advise("desk-it", None, "New laptop", "", assigned=False)
    assert advice.category is not None and advice.group is not None
    assert advice.group.text() == (
        "field (rule: category 'hardware' → group 'field' in desk-it; "
        "the category is a suggestion too)"
    )
    assigned = advisor.advise("desk-it", "hardware", "New laptop", "", assigned=True)
    assert (assigned.category, assigned.group) == (None, None)
    assert category_rule(SERVICE, "access") is None  # no group named: no rule
