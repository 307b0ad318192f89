"""Escaping what a requester wrote."""

from __future__ import annotations

from generator.intake.untrusted import escape_body, escape_title, flatten


def test_flatten_drops_control_and_bidi_characters_and_collapses_whitespace() -> None:
    assert flatten("  a\tb\n\nc\u202ed\u200be\x00f  ", 50) == "a b c d e f"


def test_flatten_cuts_long_values_with_an_ellipsis() -> None:
    assert flatten("abcdefghij", 5) == "abcd…"
    assert flatten("abcde", 5) == "abcde"


def test_titles_keep_ampersands_but_no_tag_can_form() -> None:
    assert escape_title("R&D laptop <b>broken</b>\n") == "R&D laptop &lt;b&gt;broken&lt;/b&gt;"


def test_body_turns_html_into_entities_and_keeps_markdown() -> None:
    text = "- item *one*\n\n<script>alert(1)</script> & <b>\n\n    indented"
    assert escape_body(text) == (
        "- item *one*\n\n&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;\n\n    indented"
    )


def test_entities_the_requester_typed_are_shown_not_decoded() -> None:
    assert escape_body("&#60;script&#62;") == "&amp;#60;script&amp;#62;"


def test_script_links_point_nowhere_even_when_disguised() -> None:
    text = (
        "[a](javascript:alert(1)) [b]( JaVa\tScRiPt:x) [c](data:text/html;base64,xx) "
        "[d](https://example.com/ok)\n[e]: vbscript:msgbox(1)\n[f]: https://example.com"
    )
    assert escape_body(text) == (
        "[a](#)) [b](#) [c](#) [d](https://example.com/ok)\n[e]: #\n[f]: https://example.com"
    )


def test_body_line_breaks_are_normalised_and_outer_blank_lines_dropped() -> None:
    assert escape_body("\r\n\r\na\r\nb\u2028c\tx  \n\n") == "a\nb\nc    x"
