"""The CSV cell rules of the record export: formula starts neutralised, numbers kept."""

from __future__ import annotations

import pytest

from generator.exports.records import flat_cell, safe_cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+49 30 1234", "'+49 30 1234"),
        ("-x", "'-x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("", ""),
        (-3600, -3600),
    ],
)
def test_safe_cell(value: object, expected: object) -> None:
    assert safe_cell(value) == expected


def test_flat_cell_writes_nested_values_as_compact_json() -> None:
    assert flat_cell({"a": [1, None]}) == '{"a":[1,null]}'
    assert (flat_cell(None), flat_cell(True), flat_cell(False), flat_cell(3)) == (
        "",
        "true",
        "false",
        3,
    )
