"""Untrusted text never becomes markup in generated pages."""

from __future__ import annotations

from generator.publish.markdown import escape_inline, sanitize_body


def test_inline_values_escape_html_and_markdown() -> None:
    assert escape_inline("<script>alert(1)</script>") == (
        "&lt;script&gt;alert\\(1\\)&lt;/script&gt;"
    )
    assert escape_inline("[click](javascript:alert(1))") == (
        "\\[click\\]\\(javascript:alert\\(1\\)\\)"
    )
    assert escape_inline("a | b\nc") == "a \\| b c"
    assert escape_inline("R&D *urgent*") == "R&amp;D \\*urgent\\*"


def test_body_keeps_markdown_but_not_html() -> None:
    body = "Hello **world** <img src=x onerror=alert(1)>\n"
    assert sanitize_body(body) == "Hello **world** &lt;img src=x onerror=alert(1)>\n"


def test_body_neutralises_script_links() -> None:
    assert sanitize_body("[x](javascript:alert(1))") == "[x](#))"
    assert sanitize_body("[x]: javascript:alert(1)") == "[x]: #"
    assert sanitize_body("see <https://example.org/a>") == "see <https://example.org/a>"


def test_code_is_left_alone() -> None:
    body = "Run `<cmd>` then:\n\n```\n<html>\n```\n<b>x</b>\n"
    assert sanitize_body(body) == "Run `<cmd>` then:\n\n```\n<html>\n```\n&lt;b>x&lt;/b>\n"
