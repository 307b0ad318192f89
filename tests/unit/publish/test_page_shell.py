"""The page shell cut at its markers and filled again, on canned theme output."""

from __future__ import annotations

from generator.publish.page_shell import FilledPage, Heading, Shell

CONTENT = '<h1 id="sbshellheading">SBSHELLHEADING</h1>\n<p>SBSHELLBODY</p>'
ITEM = '<li class="item"><a href="#{id}">{text}</a></li>'
THEME = (
    "<title>SBSHELLTITLE - Book</title>\n"
    '<a href="#sbshellheading" class="md-skip">Skip</a>\n'
    "<header>SBSHELLTITLE</header>\n"
    '<link rel="canonical" href="https://x.example/requests/servicebook-page-shell/">\n'
    "<ul>\n  "
    + ITEM.format(id="sbshellsectiona", text="SBSHELLSECTIONA")
    + "\n  "
    + ITEM.format(id="sbshellsectionb", text="SBSHELLSECTIONB")
    + "\n</ul>\n<article>"
    + CONTENT
    + "</article>\n"
)


def _page(*sections: str) -> FilledPage:
    return FilledPage(
        "REQ-1: Printer &amp; <em>scanner</em>",
        "<h1>Printer</h1><p>body</p>",
        Heading("#printer", "Printer"),
        tuple(Heading(f"#{name.lower()}", name) for name in sections),
    )


def test_the_four_places_are_filled() -> None:
    shell = Shell.parse(THEME, CONTENT)
    assert isinstance(shell, Shell)
    assert shell.fill(_page("Description", "Timeline", "History"), "REQ-1") == (
        "<title>REQ-1: Printer &amp; <em>scanner</em> - Book</title>\n"
        '<a href="#printer" class="md-skip">Skip</a>\n'
        "<header>REQ-1: Printer &amp; <em>scanner</em></header>\n"
        '<link rel="canonical" href="https://x.example/requests/REQ-1/">\n'
        "<ul>\n  "
        '<li class="item"><a href="#description">Description</a></li>\n  '
        '<li class="item"><a href="#timeline">Timeline</a></li>\n  '
        '<li class="item"><a href="#history">History</a></li>\n'
        "</ul>\n<article><h1>Printer</h1><p>body</p></article>\n"
    )


def test_one_section_keeps_the_list_shape() -> None:
    shell = Shell.parse(THEME, CONTENT)
    assert isinstance(shell, Shell)
    filled = shell.fill(_page("Description"), "REQ-1")
    assert '<ul>\n  <li class="item"><a href="#description">Description</a></li>\n</ul>' in filled


def test_a_theme_cut_otherwise_is_refused_with_the_reason() -> None:
    assert Shell.parse(THEME, "<p>other</p>") == (
        "the shell page's content is not found once in its output"
    )
    twice = THEME.replace("<header>", '<a href="#sbshellsectiona"></a><header>')
    assert Shell.parse(twice, CONTENT) == "the table of contents is not found once"
    uneven = THEME.replace(
        '<li class="item"><a href="#sbshellsectionb">', '<li><a href="#sbshellsectionb">'
    )
    assert Shell.parse(uneven, CONTENT) == "the entries of the table of contents differ in shape"
    no_skip = THEME.replace('href="#sbshellheading"', 'href="#top"')
    assert Shell.parse(no_skip, CONTENT) == "the link to the first heading is not found"
