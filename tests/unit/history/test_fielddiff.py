"""Readable front-matter differences between two revisions."""

from __future__ import annotations

from datetime import date

from generator.history.fielddiff import FieldChange, field_changes, short


def test_changed_added_removed_and_appended_fields() -> None:
    before = {"status": "draft", "events": [{"type": "a"}], "expires": date(2026, 12, 31)}
    after = {"status": "active", "events": [{"type": "a"}, {"type": "b"}], "version": 2}
    assert field_changes(before, after) == [
        FieldChange("status", "changed", "draft", "active"),
        FieldChange("events", "appended", after="{type: b}"),
        FieldChange("version", "added", after="2"),
        FieldChange("expires", "removed", before="2026-12-31"),
    ]


def test_a_list_that_changed_inside_is_changed_not_appended() -> None:
    (change,) = field_changes({"services": ["a", "b"]}, {"services": ["a", "c", "d"]})
    assert change == FieldChange("services", "changed", "[a, b]", "[a, c, d]")


def test_values_are_shown_short_on_one_line() -> None:
    assert short("one\ntwo   three") == "one two three"
    assert short("x" * 200, limit=10) == "xxxxxxxxx…"
    assert short({"a": None, "b": True}) == "{a: null, b: true}"
    assert field_changes({"n": 1}, {"n": True}) == [FieldChange("n", "changed", "1", "true")]
