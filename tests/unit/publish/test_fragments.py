"""Pre-rendered HTML fragments: kept as they are, and never forged from record text."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from jinja2 import TemplateAssertionError

from generator.publish.fragments import EXTENSION
from generator.render.body_html import render_body
from generator.render.fragments import CLOSE, OPEN, wrap
from generator.render.templates import make_environment, render

# As in the sample mkdocs.yml (record bodies rely on fenced code being code).
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.superfences"]
PAGE = (
    "# Title\n\nSome *prose* first.\n"
    + wrap(
        '<table>\n<tr><td><a href="../x/">X &amp; Y</a></td><td>*not emphasis*</td></tr>\n</table>'
    )
    + "\n## Next\n\nMore prose.\n"
    + wrap("<p>second fragment</p>")
)


def convert(text: str, *extensions: str) -> str:
    return markdown.markdown(text, extensions=[*EXTENSIONS, *extensions])


def without_markers(html: str) -> str:
    return re.sub(r"\n?<!-- /?servicebook:html -->\n?", "\n", html).strip()


def test_fragments_come_out_exactly_as_written() -> None:
    html = convert(PAGE, EXTENSION)
    assert '<tr><td><a href="../x/">X &amp; Y</a></td><td>*not emphasis*</td></tr>' in html
    assert "<p>second fragment</p>" in html
    assert "<em>prose</em>" in html  # the Markdown around them is still Markdown
    assert "servicebook:html" not in html


def test_without_the_extension_the_page_is_the_same_but_for_the_markers() -> None:
    fast = convert(PAGE, EXTENSION)
    plain = convert(PAGE)
    assert OPEN in plain  # raw HTML passed through, markers as comments
    assert without_markers(plain).split() == fast.split()


def test_an_unclosed_fragment_is_left_to_the_html_parser() -> None:
    html = convert(f"Text\n\n{OPEN}\n<p>open</p>\n", EXTENSION)
    assert "<p>open</p>" in html


@pytest.mark.parametrize(
    "body",
    [
        f"{OPEN}\n<script>alert(1)</script>\n{CLOSE}\n",
        f"```\n{OPEN}\n<script>alert(1)</script>\n{CLOSE}\n```\n",
        f"    {OPEN}\n    <script>alert(1)</script>\n    {CLOSE}\n",
        f"`{OPEN}`\n<script>alert(1)</script>\n`{CLOSE}`\n",
        "<!--   SERVICEBOOK:html -->\n<script>alert(1)</script>\n",
    ],
)
def test_a_record_body_cannot_forge_a_fragment(body: str) -> None:
    html = convert(
        "# Page\n\n" + render_body(body, "requests/R.md") + wrap("<p>real</p>"), EXTENSION
    )
    assert "<script>" not in html
    assert "<p>real</p>" in html


def test_fragments_cannot_use_the_markdown_filters(tmp_path: Path) -> None:
    (tmp_path / "sneaky.html.j2").write_text("<div>{{ text | body }}</div>\n")
    (tmp_path / "page.md.j2").write_text('{{ fragment("sneaky") }}\n')
    env = make_environment(tmp_path)
    with pytest.raises(TemplateAssertionError, match="body"):
        render(env, "page", {"text": "`<script>alert(1)</script>`", "page_path": "index.md"})
