"""Links from fragments use the URLs MkDocs publishes; Markdown links the source paths."""

from __future__ import annotations

import pytest

from generator.publish.mkdocs_settings import parse_mkdocs_settings
from generator.views.links import page_url, relative_source, relative_url


@pytest.mark.parametrize(
    ("path", "directory", "plain"),
    [
        ("index.md", "", ""),
        ("requests/index.md", "requests/", "requests/"),
        ("requests/REQ-1.md", "requests/REQ-1/", "requests/REQ-1.html"),
        ("reports/AGR-1/2026-10.md", "reports/AGR-1/2026-10/", "reports/AGR-1/2026-10.html"),
    ],
)
def test_page_url(path: str, directory: str, plain: str) -> None:
    assert page_url(path, True) == directory
    assert page_url(path, False) == plain


@pytest.mark.parametrize(
    ("target", "page", "directory", "plain"),
    [
        ("services/mail.md", "requests/REQ-1.md", "../../services/mail/", "../services/mail.html"),
        ("index.md", "requests/REQ-1.md", "../../", "../"),
        ("requests/REQ-2.md", "requests/REQ-1.md", "../REQ-2/", "REQ-2.html"),
        ("requests/REQ-1.md", "requests/index.md", "REQ-1/", "REQ-1.html"),
        ("requests/index.md", "requests/index.md", "./", "./"),
        ("roster/ann.md", "index.md", "roster/ann/", "roster/ann.html"),
        ("requests/index.md", "requests/archive/2026-10.md", "../../", "../"),
    ],
)
def test_relative_url(target: str, page: str, directory: str, plain: str) -> None:
    assert relative_url(target, page, True) == directory
    assert relative_url(target, page, False) == plain


def test_relative_source() -> None:
    assert relative_source("services/mail.md", "requests/REQ-1.md") == "../services/mail.md"
    assert relative_source("services/mail.md", "index.md") == "services/mail.md"


def test_mkdocs_settings_are_read_without_evaluating_tags() -> None:
    text = (
        "site_name: 'Acme — service book'  # shown in the header\n"
        "use_directory_urls: false\n"
        "site_url: https://service.example.org/book/\n"
        "markdown_extensions:\n"
        "  - generator.publish.fragments\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    found = parse_mkdocs_settings(text)
    assert (found.site_name, found.directory_urls, found.fragments_extension, found.site_url) == (
        "Acme — service book",
        False,
        True,
        "https://service.example.org/book/",
    )
    assert found.theme == "material"  # none named: the generator stages Material
    assert found.entries("markdown_extensions") == ("generator.publish.fragments", "pymdownx.emoji")
    assert found.line_of("markdown_extensions") == 4
    themed = parse_mkdocs_settings("theme:\n  name: material\nnav: []\n")
    assert (themed.theme, themed.theme_line, themed.keys) == (
        "material",
        1,
        frozenset({"theme", "nav"}),
    )
    assert parse_mkdocs_settings("site_name: x\ntheme: readthedocs\n").theme == "readthedocs"
    flow = parse_mkdocs_settings("extra_css: [a.css, 'b.css']\nmarkdown_extensions:\n- toc\n")
    assert flow.entries("extra_css") == ("a.css", "b.css")
    assert flow.entries("markdown_extensions") == ("toc",)
    assert parse_mkdocs_settings("theme:\n  x: 1\nname: other\n").theme == "mkdocs"
    palette = "theme:\n  palette:\n    - toggle:\n        name: Dark\n  name: material\n"
    assert parse_mkdocs_settings(palette).theme == "material"
    assert parse_mkdocs_settings("theme:\n  palette:\n    name: Dark\n").theme == "mkdocs"
