"""Values for ``servicebook new``: flags first, then answers on a terminal, then defaults."""

from __future__ import annotations

import pytest

from generator.authoring.newrecord import NEW_FIELDS, FieldSpec
from generator.authoring.prompts import complete
from generator.errors import UsageError

SPECS = (
    FieldSpec("title", "title", required=True),
    FieldSpec("priority", "P1 to P5", required=True, default="P3"),
    FieldSpec("category", "category"),
)


def test_answers_fill_what_flags_left_out_and_defaults_the_rest() -> None:
    asked: list[str] = []
    answers = iter(["", "Printer jams", "", ""])

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    values = complete(SPECS, {"title": None, "priority": None, "category": None}, ask=ask)
    assert values == {"title": "Printer jams", "priority": "P3", "category": ""}
    assert asked == [
        "Title — title: ",  # asked again: required and empty
        "Title — title: ",
        "Priority — P1 to P5 [P3]: ",
        "Category — category (optional): ",
    ]


def test_flags_are_never_asked_for() -> None:
    def ask(prompt: str) -> str:
        raise AssertionError(prompt)

    given = {"title": "x", "priority": "P1", "category": "hw"}
    assert complete(SPECS, given, ask=ask) == given


def test_without_a_terminal_every_missing_flag_is_named() -> None:
    with pytest.raises(UsageError, match=r"^missing --title, --service, --requester; "):
        complete(NEW_FIELDS["request"], {}, ask=None)
