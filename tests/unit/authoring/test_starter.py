"""The answers of ``servicebook init``: flags first, then the replies, then defaults."""

from __future__ import annotations

import pytest

from generator.authoring.starter import person_id, slug, starter_files
from generator.commands.init import QUESTIONS, answers
from generator.errors import UsageError


def test_replies_fill_what_the_flags_leave_out() -> None:
    asked: list[str] = []

    def ask(question: str, default: str) -> str:
        asked.append(question)
        return {"Time zone (IANA, e.g. America/Chicago)": "America/Chicago"}.get(question, default)

    found = answers({"name": "Prairie Lake IT", "country": "us"}, ask)
    assert (found.timezone, found.country, found.domain) == (
        "America/Chicago",
        "US",
        "prairie-lake-it.example",
    )
    assert "Organisation name" not in asked and len(asked) == len(QUESTIONS) - 2


def test_without_a_terminal_the_defaults_apply() -> None:
    found = answers({}, None)
    assert (found.name, found.timezone, found.country) == ("Example IT", "UTC", None)


@pytest.mark.parametrize(("flag", "value"), [("timezone", "Chicago"), ("country", "Atlantis")])
def test_a_wrong_zone_or_country_is_a_usage_error(flag: str, value: str) -> None:
    with pytest.raises(UsageError, match=f"--{flag}"):
        answers({flag: value}, None)


def test_names_become_ids_and_stay_quoted() -> None:
    assert slug("Prairie Lake IT, Inc.") == "prairie-lake-it-inc"
    assert person_id("Dana Whitfield") == "dana.whitfield"
    files = starter_files(answers({"name": 'Evil: "x"\nid: y'}, None))
    organisation = files["records/people/evil-x-id-y.md"]
    assert 'title: "Evil: \\"x\\"\\nid: y"' in organisation
