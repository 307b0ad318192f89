"""Record bodies become sanitised HTML fragments, whatever Markdown tricks they use."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest

from generator.publish.fragments import EXTENSION
from generator.render.body_html import clean_html, render_body

# Every extension a user might list that reads attributes or HTML out of Markdown text.
USER_EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "pymdownx.superfences"]
SAFE_URL = re.compile(r"(https?:|mailto:|[^:]*$)", re.IGNORECASE)


class _Live(HTMLParser):
    """Attributes that could run script: handlers, srcdoc, and URLs of other schemes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "iframe", "svg", "object", "embed", "style", "details"}:
            self.found.append(tag)
        for name, value in attrs:
            squeezed = "".join(c for c in value or "" if c.isprintable() and not c.isspace())
            if name.startswith("on") or name in {"srcdoc", "style", "markdown"}:
                self.found.append(f"{tag} {name}")
            elif name in {"href", "src"} and not SAFE_URL.match(squeezed):
                self.found.append(f"{tag} {name}={value}")


def live(page: str) -> list[str]:
    """What in ``page`` could run script."""
    parser = _Live()
    parser.feed(page)
    parser.close()
    return parser.found


@pytest.mark.parametrize(
    "body",
    [
        'A paragraph\n{: onclick="alert(1)" }\n',
        '[x](https://example.org){: onmouseover="alert(1)" }\n',
        '![x](https://example.org/a.png){: onerror="alert(1)" }\n',
        '## Heading {: onclick="alert(1)" }\n',
        "[x][r]\n\n[r]:\n  javascript:alert(1)\n",
        "[x](&#106;avascript:alert(1)) [y](java&#x09;script:alert(1))\n",
        "[x](JaVa\tScRiPt:alert(1)) [y](vbscript:msgbox(1))\n",
        "[x](data:text/html;base64,PHNjcmlwdD4=)\n",
        '\\`<img src=x onerror="alert(1)">\\`\n',
        '```` not a fence <img src=x onerror="alert(1)">\n',
        '```\nnever closed\n<img src=x onerror="alert(1)">\n',
        "<details open ontoggle=alert(1)>x</details>\n",
        '<div markdown="1">\n<svg onload=alert(1)>\n</div>\n',
        "<!-- servicebook:html -->\n<script>alert(1)</script>\n<!-- /servicebook:html -->\n",
    ],
)
def test_no_vector_survives_with_or_without_the_fragments_extension(body: str) -> None:
    staged = "# Page\n\n" + render_body(body, "requests/REQ-1.md")
    for extensions in ([*USER_EXTENSIONS, EXTENSION], USER_EXTENSIONS):
        page = markdown.markdown(staged, extensions=extensions)
        assert live(page) == [], page
        assert "<script" not in page and "<img src=x" not in page


def test_markdown_is_kept() -> None:
    body = "Hello **world**, `code` and [docs](https://example.org/a).\n\n| a |\n|---|\n| 1 |\n"
    assert clean_html(body) == (
        "<p>Hello <strong>world</strong>, <code>code</code> and "
        '<a href="https://example.org/a" rel="noopener noreferrer">docs</a>.</p>\n'
        "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>"
    )


def test_raw_html_shows_as_text() -> None:
    assert clean_html("Press <kbd>Ctrl</kbd>") == "<p>Press &lt;kbd&gt;Ctrl&lt;/kbd&gt;</p>"


def test_images_from_other_hosts_are_not_loaded() -> None:
    assert clean_html("![map](https://tracker.example/p.gif)") == '<p><img alt="map"></p>'
    assert clean_html("![map](//tracker.example/p.gif)") == '<p><img alt="map"></p>'
    assert clean_html("![map](../img/map.png)") == '<p><img alt="map" src="../img/map.png"></p>'


def test_code_keeps_only_a_language_class() -> None:
    assert clean_html("```python\nx = 1\n```") == (
        '<pre><code class="language-python">x = 1\n</code></pre>'
    )


def test_top_level_headings_stay_markdown_headings_for_the_table_of_contents() -> None:
    staged = render_body("Intro\n\n## Steps {: #x }\n\n1. one\n\n> ## quoted\n", "p/a.md")
    assert staged == (
        "<!-- servicebook:html -->\n<p>Intro</p>\n<!-- /servicebook:html -->\n\n"
        "## Steps \\{: \\#x \\}\n\n"
        "<!-- servicebook:html -->\n<ol>\n<li>one</li>\n</ol>\n<blockquote>\n"
        "<h2>quoted</h2>\n</blockquote>\n<!-- /servicebook:html -->\n"
    )


def test_links_to_pages_become_published_urls() -> None:
    body = "[mail](../services/mail.md#hours) [pdf](manual.pdf) [up](../../x.md)"
    html = render_body(body, "requests/REQ-1.md")
    assert 'href="../../services/mail/#hours"' in html
    assert 'href="manual.pdf"' in html
    assert 'href="../../x.md"' in html
    flat = render_body("[mail](../services/mail.md)", "requests/REQ-1.md", directory_urls=False)
    assert 'href="../services/mail.html"' in flat


def test_an_empty_body_gives_nothing() -> None:
    assert render_body("  \n", "requests/REQ-1.md") == ""
