"""The theme's page around a record page, built once by MkDocs and filled many times.

A request page differs from every other request page in four places only: its title
(in ``<title>`` and in the header), the link that skips to its first heading, its table
of contents and its content. Everything else (the header, the whole navigation, the
footer, the scripts) is the same for every page in the folder, because none of them is
in the navigation and all of them lie at the same depth.

So MkDocs builds one *shell* page per build, written with markers in those four places
(:func:`shell_markdown`), and Servicebook fills a copy of it for every request page
(:meth:`Shell.fill`) instead of running MkDocs' page template 25,000 times. The content
itself is still converted by Python-Markdown with the site's own extensions
(``publish/direct_pages.py``).

Whether this gives the page MkDocs would have written is checked on every build, not
assumed: MkDocs also builds a *probe* page with awkward text (``&``, tags, quotes, links)
and one real request page, and :func:`Shell.fill` must reproduce both byte for byte
(``publish/direct_build.py``). A theme that puts the title somewhere new fails the
check, and MkDocs builds every page as before. Pure: no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

SHELL_STEM = "servicebook-page-shell"
PROBE_STEM = "servicebook-page-probe"
_TITLE = "SBSHELLTITLE"
_HEADING = "SBSHELLHEADING"
_BODY = "SBSHELLBODY"
_SECTION_A, _SECTION_B = "SBSHELLSECTIONA", "SBSHELLSECTIONB"
_SKIP = f'href="#{_HEADING.lower()}"'


def shell_markdown() -> str:
    """The shell page's source: one heading of each level a record page has, with markers."""
    return (
        f'---\ntitle: "{_TITLE}"\nsearch:\n  exclude: true\n---\n\n'
        f"# {_HEADING}\n\n{_BODY}\n\n## {_SECTION_A}\n\n## {_SECTION_B}\n"
    )


def probe_markdown() -> str:
    """A page with the text that is easiest to get wrong: entities, tags and quotes in the
    title and the headings, links to another page and to an anchor, a table, a note."""
    return (
        "---\n"
        "title: 'Probe: A & B <em>c</em> \"d\" ü'\n"
        "search:\n  exclude: true\n"
        "---\n\n"
        "# Probe & heading\n\n"
        "Text with [a link](../index.md), [an anchor](#second-part) and `code <b>`.\n\n"
        "## First & <em>part</em>\n\n"
        "| a | b |\n|---|---|\n| 1 | [home](../index.md#top) |\n\n"
        "## Second part\n\n"
        '!!! note "Note & more"\n    Body text.\n'
    )


@dataclass(frozen=True)
class Heading:
    """An entry of a page's table of contents: its link (``#id``) and its text."""

    url: str
    title: str


@dataclass(frozen=True)
class FilledPage:
    """What a record page puts into the shell: the values MkDocs would give the theme."""

    title: str
    content: str
    first: Heading
    sections: tuple[Heading, ...]


@dataclass(frozen=True)
class Shell:
    """The shell page cut at its markers; :meth:`fill` puts a page together again."""

    head: str
    item: str
    separator: str
    middle: str
    tail: str

    @classmethod
    def parse(cls, html: str, content: str) -> Shell | str:
        """The shell from MkDocs' output ``html`` of :func:`shell_markdown`, whose
        converted ``content`` is known; a reason when the theme's page is not cut the
        way :meth:`fill` expects."""
        if html.count(content) != 1:
            return "the shell page's content is not found once in its output"
        before, tail = html.split(content)
        anchor_a, anchor_b = f'"#{_SECTION_A.lower()}"', f'"#{_SECTION_B.lower()}"'
        if before.count(anchor_a) != 1 or before.count(anchor_b) != 1:
            return "the table of contents is not found once"
        at_a, at_b = before.index(anchor_a), before.index(anchor_b)
        start_a, start_b = before.rfind("<li", 0, at_a), before.rfind("<li", 0, at_b)
        end_a, end_b = before.find("</li>", at_a), before.find("</li>", at_b)
        if min(start_a, start_b, end_a, end_b) < 0 or not start_a < end_a < start_b < end_b:
            return "the table of contents has no list items"
        item = before[start_a : end_a + len("</li>")]
        if before[start_b : end_b + len("</li>")] != _section_b(item):
            return "the entries of the table of contents differ in shape"
        separator = before[end_a + len("</li>") : start_b]
        head, middle = before[:start_a], before[end_b + len("</li>") :]
        if _SECTION_A in head + middle or _SECTION_A in tail:
            return "a section marker is found outside the table of contents"
        if _SKIP not in head:
            return "the link to the first heading is not found"
        return cls(head, item, separator, middle, tail)

    def fill(self, page: FilledPage, stem: str) -> str:
        """The page of ``page``, at ``<folder>/<stem>/`` like the shell."""
        items = self.separator.join(
            self.item.replace(f'"#{_SECTION_A.lower()}"', f'"{section.url}"').replace(
                _SECTION_A, section.title
            )
            for section in page.sections
        )
        head = self.head.replace(_SKIP, f'href="{page.first.url}"')
        outside = _titled(head + "\x00" + self.middle, page.title)
        head, middle = outside.split("\x00")
        tail = _titled(self.tail, page.title)
        filled = head + items + middle + page.content + tail
        return filled.replace(SHELL_STEM, stem)


def _section_b(item: str) -> str:
    return item.replace(_SECTION_A.lower(), _SECTION_B.lower()).replace(_SECTION_A, _SECTION_B)


def _titled(text: str, title: str) -> str:
    """``text`` with the title marker replaced. Material prints the front matter's title as
    it is, in ``<title>`` and in the header alike (the probe's ``<em>`` shows it)."""
    return text.replace(_TITLE, title)
