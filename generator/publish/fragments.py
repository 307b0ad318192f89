"""The Markdown extension that keeps the generator's pre-rendered HTML fragments as they are.

Tables of records (a request's timeline and clocks, the requests index, history) are
rendered to HTML by the generator, links included, and written into the staged Markdown
between two marker lines::

    <!-- servicebook:html -->
    <table>…</table>
    <!-- /servicebook:html -->

Without help, Markdown treats such a block as raw HTML and passes it through: the page
comes out right, but Python-Markdown and MkDocs each run the whole block through an HTML
parser, and the cells of a Markdown table cost far more (every cell through every
inline pattern). Listing ``generator.publish.fragments`` under ``markdown_extensions``
in ``mkdocs.yml`` stores each fragment as it is, before those parsers run, which makes a
request page about as cheap to build as a plain page of the same size.

Only the generator writes the markers: untrusted text reaches a page escaped (``<``
becomes ``&lt;``), and record bodies are rendered to sanitised HTML with no raw HTML and
no comments (``render/body_html.py``), so no text from a record can form a marker.
The markers are written by ``render/fragments.py``; this module is the MkDocs side.
Pure: no I/O.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from generator.render.fragments import CLOSE, OPEN

EXTENSION = "generator.publish.fragments"
"""The name to list under ``markdown_extensions`` in ``mkdocs.yml``."""
# After the fenced code preprocessors (25), before MkDocs' raw HTML scan (21) and
# Python-Markdown's HTML block preprocessor (20).
_PRIORITY = 22


class _KeepFragments(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if OPEN not in lines:
            return lines
        out: list[str] = []
        index = 0
        while index < len(lines):
            line = lines[index]
            if line == OPEN:
                try:
                    end = lines.index(CLOSE, index + 1)
                except ValueError:
                    out.extend(lines[index:])  # unclosed: leave it to the HTML parsers
                    break
                html = "\n".join(lines[index + 1 : end])
                out.extend(("", self.md.htmlStash.store(html), ""))
                index = end + 1
                continue
            out.append(line)
            index += 1
        return out


class FragmentsExtension(Extension):
    """Store Servicebook's pre-rendered HTML fragments without parsing them again."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_KeepFragments(md), "servicebook_fragments", _PRIORITY)


def makeExtension(**kwargs: Any) -> FragmentsExtension:
    """Entry point Python-Markdown looks up by module name."""
    return FragmentsExtension(**kwargs)
