"""Request pages converted as MkDocs converts them, or left to MkDocs when unsure."""

from __future__ import annotations

import pytest

from generator.publish.direct_pages import Converter, is_candidate, output_path, page_url
from generator.publish.sitemap import merged, sort_key

KNOWN = {"index.md", "requests/index.md", "requests/REQ-1.md", "roster/ana.md", "assets/x.png"}
FRONT = '---\ntitle: "REQ-1: Printer"\nsearch:\n  exclude: true\n---\n\n'


def _converter(directory_urls: bool = True) -> Converter:
    return Converter(
        ["toc", "tables", "attr_list"], {"toc": {"permalink": True}}, KNOWN, directory_urls
    )


def test_only_request_pages_are_candidates() -> None:
    assert is_candidate("requests/REQ-1.md")
    assert not is_candidate("requests/index.md")
    assert not is_candidate("requests/archive/2016-05.md")
    assert not is_candidate("roster/ana.md")


@pytest.mark.parametrize(
    ("path", "dirs", "url", "out"),
    [
        ("requests/REQ-1.md", True, "requests/REQ-1/", "requests/REQ-1/index.html"),
        ("requests/REQ-1.md", False, "requests/REQ-1.html", "requests/REQ-1.html"),
        ("index.md", True, "./", "./index.html"),
        ("requests/index.md", False, "requests/index.html", "requests/index.html"),
    ],
)
def test_urls_are_those_mkdocs_gives(path: str, dirs: bool, url: str, out: str) -> None:
    assert page_url(path, dirs) == url
    assert output_path(path, dirs) == out


def test_a_page_is_converted_with_its_links_made_relative() -> None:
    converter = _converter()
    text = FRONT + (
        "# Printer\n\nBy [Ana](../roster/ana.md#top), see [home](../index.md) and "
        "[the rest](https://x.example/a.md).\n\n![x](../assets/x.png)\n\n"
        "## Description\n\n## Timeline\n"
    )
    page = converter.convert("requests/REQ-1.md", text)
    assert page is not None
    assert page.title == "REQ-1: Printer"
    assert page.first.url == "#printer"
    assert [(s.url, s.title) for s in page.sections] == [
        ("#description", "Description"),
        ("#timeline", "Timeline"),
    ]
    assert '<a href="../../roster/ana/#top">Ana</a>' in page.content
    assert '<a href="../../">home</a>' in page.content
    assert '<a href="https://x.example/a.md">' in page.content
    assert 'src="../../assets/x.png"' in page.content
    assert converter.targets == {"roster/ana.md", "index.md", "assets/x.png"}


def test_file_urls_without_directories() -> None:
    page = _converter(False).convert(
        "requests/REQ-1.md", FRONT + "# P\n\n[Ana](../roster/ana.md)\n\n## D\n"
    )
    assert page is not None
    assert '<a href="../roster/ana.html">Ana</a>' in page.content


@pytest.mark.parametrize(
    "text",
    [
        FRONT.replace("search:", "hide: [toc]\nsearch:") + "# P\n\n## D\n",  # more front matter
        FRONT.replace("exclude: true", "boost: 2") + "# P\n\n## D\n",  # searchable
        FRONT + "# P\n\n[gone](../roster/bob.md)\n\n## D\n",  # MkDocs would warn
        FRONT + "# P\n\n[abs](/roster/ana.md)\n\n## D\n",  # absolute link
        FRONT + "# P\n\nno sections\n",  # a table of contents of another shape
        FRONT + "# P\n\n## D\n\n### Deeper\n",
        FRONT + "## No first heading\n",
    ],
)
def test_pages_mkdocs_must_build_are_left_to_it(text: str) -> None:
    assert _converter().convert("requests/REQ-1.md", text) is None


SITEMAP = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset>'
    "\n    <url>\n         <loc>https://x.example/</loc>\n    </url>"
    "\n    <url>\n         <loc>https://x.example/requests/</loc>\n    </url>"
    "\n    <url>\n         <loc>https://x.example/requests/REQ-0/</loc>\n    </url>"
    "\n    <url>\n <loc>https://x.example/requests/servicebook-page-probe/</loc>\n    </url>"
    "\n    <url>\n <loc>https://x.example/requests/servicebook-page-shell/</loc>\n    </url>"
    "\n    <url>\n         <loc>https://x.example/roster/ana/</loc>\n    </url>"
    "\n</urlset>"
)


def test_the_sitemap_gets_the_filled_pages_in_mkdocs_order() -> None:
    loc_of = {
        "index.md": "https://x.example/",
        "requests/index.md": "https://x.example/requests/",
        "requests/REQ-0.md": "https://x.example/requests/REQ-0/",
        "roster/ana.md": "https://x.example/roster/ana/",
    }
    text = merged(SITEMAP, loc_of, ["requests/REQ-2.md", "requests/REQ-1.md"])
    assert text is not None
    locs = [line.strip() for line in text.splitlines() if "<loc>" in line]
    assert locs == [
        "<loc>https://x.example/</loc>",
        "<loc>https://x.example/requests/</loc>",
        "<loc>https://x.example/requests/REQ-0/</loc>",
        "<loc>https://x.example/requests/REQ-1/</loc>",
        "<loc>https://x.example/requests/REQ-2/</loc>",
        "<loc>https://x.example/roster/ana/</loc>",
    ]
    assert merged("<urlset>\n</urlset>", loc_of, ["requests/REQ-1.md"]) is None
    assert sort_key("requests/index.md") < sort_key("requests/A.md") < sort_key("roster/a.md")
