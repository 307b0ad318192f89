"""Indentation slips are explained as indentation, with the lines to line up with."""

from __future__ import annotations

import pytest
import yaml

from generator.records import yaml_indent


def _explain(text: str) -> str | None:
    try:
        yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        assert error.problem_mark is not None and error.problem is not None
        return yaml_indent.explain(text, error.problem_mark.line + 1, error.problem, 2)
    raise AssertionError("the text parses")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "id: A\ntitle: x\n  service: desk\n",
            "wrong indentation: this line is indented by 2 spaces, more than 'title:' on line 3, "
            "which already has a value; give it the indentation of that line (no spaces), or end "
            "'title:' with ':' and no value if this line belongs under it",
            id="deeper-than-a-field-with-a-value",
        ),
        pytest.param(
            "targets:\n  - priority: P1\n   response: 1h\n",
            "wrong indentation: this line is indented by 3 spaces, which lines up with no field "
            "above it; indent it by 2 spaces (like the '- ' of 'priority:' on line 3) or 4 spaces "
            "(like 'priority:' on line 3)",
            id="between-a-list-item-and-its-fields",
        ),
        pytest.param(
            "targets:\n  - priority: P1\n      response: 1h\n",
            "wrong indentation: this line is indented by 6 spaces, more than 'priority:' on line "
            "3, which already has a value; give it the indentation of that line (4 spaces), or "
            "end 'priority:' with ':' and no value if this line belongs under it",
            id="deeper-than-a-list-items-field",
        ),
        pytest.param(
            "events:\n    - at: 1\n      type: x\n  - at: 2\n",
            "wrong indentation: this line is indented by 2 spaces, which lines up with no field "
            "above it; indent it by no spaces (like 'events:' on line 2) or 4 spaces (like the "
            "'- ' of 'at:' on line 3)",
            id="second-list-item-out-of-line",
        ),
        pytest.param(
            "contact:\n  name: A\n  - email\n",
            "wrong indentation: this list item ('- ') is at the indentation of 'name:' on line 3; "
            "a field holds either fields or a list, not both: indent the list under the field it "
            "belongs to",
            id="list-among-fields",
        ),
    ],
)
def test_indentation_slips_name_the_line_to_line_up_with(text: str, expected: str) -> None:
    assert _explain(text) == expected


def test_other_syntax_errors_are_left_to_the_yaml_message() -> None:
    assert _explain("title: Re: printer\n") is None
    assert _explain('title: "open\n') is None
