"""YAML that means one thing: repeated keys, explicit tags and runaway aliases are refused."""

from __future__ import annotations

import pytest

from generator.errors import exhaustion_message
from generator.records import yaml_fast
from generator.records.frontmatter import FrontMatterError, parse
from generator.records.yaml_rules import YamlRefused


def _refused(text: str) -> list[tuple[int, str, str]]:
    with pytest.raises(YamlRefused) as caught:
        yaml_fast.load(text, first_line=2)
    return [(p.line, p.field, p.message) for p in caught.value.problems]


def test_a_repeated_key_names_both_lines() -> None:
    text = "id: x\ntitle: A\nstatus: active\nb: 1\nc: 2\nd: 3\ne: 4\nstatus: retired\n"
    assert _refused(text) == [
        (9, "status", "key 'status' appears twice (lines 4 and 9); keep one"),
    ]


def test_repeated_keys_in_nested_mappings_are_all_reported() -> None:
    text = "events:\n  - at: 1\n    type: a\n    type: b\nx: {k: 1, k: 2, k: 3}\n"
    assert _refused(text) == [
        (5, "events[0].type", "key 'type' appears twice (lines 4 and 5); keep one"),
        (6, "x.k", "key 'k' appears 3 times (lines 6, 6 and 6); keep one"),
    ]


def test_keys_that_load_equal_are_repeated() -> None:
    assert _refused("1: a\n01: b\n") == [
        (3, "01", "key '01' appears twice (lines 2 and 3); keep one")
    ]


def test_a_repeated_key_next_to_a_merge_key_is_found() -> None:
    text = "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n  y: 3\n"
    assert _refused(text) == [(6, "c.y", "key 'y' appears twice (lines 5 and 6); keep one")]


def test_a_merge_key_overriding_is_not_a_repeat() -> None:
    assert yaml_fast.load("base: &b {x: 1}\nc:\n  <<: *b\n  x: 2\n") == {
        "base": {"x": 1},
        "c": {"x": 2},
    }


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("!!binary aGVsbG8=", "!!binary"),
        ("!!python/object:os.system x", "!!python/object:os.system"),
        ("!custom x", "!custom"),
        ("!!str 3", "!!str"),
        ("! 3", "!"),
        ("!!set {a, b}", "!!set"),
    ],
)
def test_explicit_tags_are_refused_at_their_line(value: str, shown: str) -> None:
    assert _refused(f"id: x\nnested:\n  value: {value}\n") == [
        (
            4,
            "nested.value",
            f"the tag '{shown}' is not allowed; write the value plainly, without a tag",
        )
    ]


def test_an_exclamation_mark_in_text_is_not_a_tag() -> None:
    assert yaml_fast.load("title: Down again !!\nnote: 'wow !x'\n") == {
        "title": "Down again !!",
        "note": "wow !x",
    }


def test_aliases_to_a_big_scalar_are_counted_in_bytes() -> None:
    text = "a: &a " + "x" * 100_000 + "\nb: [" + ", ".join(["*a"] * 50) + "]\n"
    assert _refused(text) == [
        (
            2,
            "",
            "YAML aliases expand to 55 nodes / 5100002 bytes; "
            "write the values out or remove the anchors",
        )
    ]


def test_an_alias_that_contains_itself_is_refused() -> None:
    assert _refused("x: 1\na: &a [*a]\n") == [
        (
            3,
            "",
            "a YAML alias refers to the value that contains it, which never ends; "
            "write the values out or remove the anchors",
        )
    ]


def test_a_small_alias_is_kept() -> None:
    assert yaml_fast.load("a: &a {x: 1}\nb: *a\n") == {"a": {"x": 1}, "b": {"x": 1}}


def test_many_values_without_aliases_are_not_refused() -> None:
    events = "".join(
        f"  - {{at: 2026-11-03T06:{i % 60:02d}:00Z, type: note, text: n{i}}}\n"
        for i in range(10_000)
    )
    parsed = parse(f"---\nid: x\ntitle: Q&A\nevents:\n{events}---\n")
    assert not isinstance(parsed, FrontMatterError)
    assert len(parsed.data["events"]) == 10_000


@pytest.mark.parametrize("line", [2, 3, 4])
def test_a_nul_byte_is_reported_at_its_line(line: int) -> None:
    lines = ["---", "id: x", "title: A", "status: active", "---", "body"]
    lines[line - 1] = lines[line - 1][:3] + "\0" + lines[line - 1][3:]
    parsed = parse("\n".join(lines))
    assert parsed == FrontMatterError(
        line, 4, "a NUL byte at column 4 is not allowed in YAML; remove it"
    )


def test_a_nul_byte_in_the_opening_line_is_reported_there() -> None:
    parsed = parse("-\0--\nid: x\n---\n")
    assert parsed == FrontMatterError(
        1, 2, "a NUL byte at column 2 is not allowed in YAML; remove it"
    )


def test_a_nul_byte_in_the_closing_line_is_reported_there() -> None:
    parsed = parse("---\nid: x\ntitle: A\n--\0-\nbody\n")
    assert parsed == FrontMatterError(
        4, 3, "a NUL byte at column 3 is not allowed in YAML; remove it"
    )


def test_another_control_character_is_named() -> None:
    parsed = parse("---\nid: x\ntitle: A\x07b\n---\n")
    assert parsed == FrontMatterError(
        3, 9, "the control character U+0007 at column 9 is not allowed in YAML; remove it"
    )


def test_exhaustion_has_a_message_for_the_user() -> None:
    assert exhaustion_message(MemoryError()) == (
        "ran out of memory; a file is too large or its YAML aliases expand too far: "
        "make it smaller or write the values out"
    )
    assert exhaustion_message(RecursionError()) == (
        "a value is nested too deeply to process; use at most 32 levels of nesting"
    )
    assert exhaustion_message(ValueError()) is None
