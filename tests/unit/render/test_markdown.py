"""Untrusted text never becomes markup in generated pages."""

from __future__ import annotations

from generator.render.markdown import escape_inline


def test_inline_values_escape_html_and_markdown() -> None:
    assert escape_inline("<script>alert(1)</script>") == (
        "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"
    )
    assert escape_inline("[click](javascript:alert(1))") == (
        "\\[click\\]\\(javascript:alert\\(1\\)\\)"
    )
    assert escape_inline("a | b\nc") == "a \\| b c"
    assert escape_inline("R&D *urgent*") == "R&amp;D \\*urgent\\*"


def test_inline_values_cannot_carry_an_attribute_list() -> None:
    assert escape_inline('Printer {: onclick="alert(1)" }') == (
        "Printer \\{: onclick=&quot;alert\\(1\\)&quot; \\}"
    )
