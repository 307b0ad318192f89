"""The one scalar writer: what it writes reads back as the value, in every reader we know."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import frontmatter as python_frontmatter
import pytest

from generator.authoring.yaml_scalars import Scalar, flow, scalar
from generator.records.frontmatter import ParsedText, parse

ZONE = timezone(timedelta(hours=-3))

HOSTILE = [
    "",
    " ",
    " padded ",
    "desk",
    "Category 55",
    "code 5",
    "4h",
    "24x7",
    "- item",
    "-",
    "--- x",
    "...",
    "a: b",
    "a:b",
    "Re: printer",
    "key:",
    ":",
    "#tag",
    "a #b",
    "a#b",
    "'quoted'",
    '"quoted"',
    'say "hi"',
    "it's",
    "line\nbreak",
    "line\r\nbreak",
    "tab\there",
    "trailing\n",
    "yes",
    "No",
    "OFF",
    "on",
    "y",
    "N",
    "null",
    "Null",
    "~",
    "true",
    "False",
    "12",
    "-3",
    "+5",
    "0x10",
    "0o17",
    "1e5",
    "1.5",
    ".inf",
    ".NaN",
    "1_000",
    "12:30",
    "2026-11-20",
    "2026-11-20T10:06:00+01:00",
    "São Paulo",
    "Zürich — café ☕",
    "日本語",
    "emoji 🎉",
    "line\u2028break",
    "nel\x85x",
    "del\x7fx",
    "bom\ufeffx",
    "a, b",
    "[x]",
    "{x}",
    "x]",
    "x}",
    "&anchor",
    "*alias",
    "!tag",
    "!!python/object:os.system",
    "%directive",
    "@login",
    "`cmd`",
    "|",
    ">",
    "? key",
    "<<",
    "=",
    "a\\b",
    "Printer (3rd floor) is broken again",
    "100%",
    "C:\\Users",
    "https://example.org/a?b=c#d",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_a_string_reads_back_as_itself_in_both_readers(value: str) -> None:
    text = (
        f"---\ntitle: {scalar(value)}\nlist: {flow([value, value])}\n"
        f"events:\n  - {flow({'type': 'note', 'text': value})}\n---\nBody.\n"
    )
    expected = {"title": value, "list": [value, value], "events": [{"type": "note", "text": value}]}
    parsed = parse(text)
    assert isinstance(parsed, ParsedText), parsed
    assert parsed.data == expected
    assert python_frontmatter.loads(text).metadata == expected


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("desk", "desk"),
        ("Category 55", "Category 55"),
        ("4h", "4h"),
        ("24x7", "24x7"),
        ("São Paulo", "São Paulo"),
        ("Printer (3rd floor)", "Printer (3rd floor)"),
        ("Parts: arrived, #2", '"Parts: arrived, #2"'),
        ("a, b", '"a, b"'),
        ("yes", '"yes"'),
        ("y", '"y"'),
        ("Null", '"Null"'),
        ("12", '"12"'),
        ("2026-11-20", '"2026-11-20"'),
        ("- item", '"- item"'),
        ("@login", '"@login"'),
        ("'quoted'", "\"'quoted'\""),
        ("line\nbreak", '"line\\nbreak"'),
        ("line\u2028break", '"line\\u2028break"'),
        ("", '""'),
    ],
)
def test_strings_are_quoted_only_when_needed(value: str, written: str) -> None:
    assert scalar(value) == written


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (True, "true"),
        (False, "false"),
        (12, "12"),
        (date(2026, 11, 20), "2026-11-20"),
        (datetime(2016, 3, 1, 9, 0, tzinfo=ZONE), "2016-03-01T09:00:00-03:00"),
    ],
)
def test_other_scalars_are_written_as_yaml_reads_them(value: Scalar, written: str) -> None:
    assert scalar(value) == written


def test_flow_writes_mappings_lists_and_null() -> None:
    assert flow({"type": "note", "text": "{x}"}) == '{type: note, text: "{x}"}'
    assert flow(["a", "b c", "d, e"]) == '[a, b c, "d, e"]'
    assert flow([]) == "[]"
    assert flow(None) == "null"
