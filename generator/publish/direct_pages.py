"""Record pages converted by Servicebook for the page shell, the way MkDocs converts them.

A staged request page is read as MkDocs reads it (its front matter by MkDocs' own reader),
converted by Python-Markdown with the site's extensions and their settings as MkDocs
loaded them, and its links to other staged files rewritten as MkDocs rewrites them
(relative to the page's URL). The table of contents comes from MkDocs' own function.

A page is converted here only when nothing about it needs MkDocs (:class:`Converter`
returns ``None`` otherwise, and MkDocs builds that page as before): front matter of just
a title and ``search: exclude``, one first-level heading with second-level headings
under it, and links that all name a staged file (a link MkDocs would warn about is left
to MkDocs, so that ``--strict`` still fails on it). Pure apart from reading nothing:
the text comes in as a string.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection, Mapping
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

from generator.publish.page_shell import FilledPage, Heading

DIRECT_FOLDER = "requests"
"""The folder whose record pages are filled into the shell: requests, the one kind that
comes in thousands."""
_PLAIN_PATH = re.compile(r"[A-Za-z0-9._/-]+")
_FRONT_MATTER = {"title", "search"}


def is_candidate(path: str) -> bool:
    """Whether a generated page may be filled into the shell: a request's own page."""
    folder, _, name = path.rpartition("/")
    return folder == DIRECT_FOLDER and name.endswith(".md") and name != "index.md"


def page_url(path: str, directory_urls: bool) -> str:
    """The URL MkDocs gives the staged file ``path`` (``a/b.md`` → ``a/b/``)."""
    if not path.endswith(".md"):
        return path
    folder, _, name = path.rpartition("/")
    stem = name[:-3]
    if stem in ("index", "README"):
        return f"{folder or '.'}/" if directory_urls else posixpath.join(folder, "index.html")
    if directory_urls:
        return posixpath.join(folder, stem) + "/"
    return posixpath.join(folder, stem + ".html")


def output_path(path: str, directory_urls: bool) -> str:
    """Where MkDocs writes the page of the staged ``path`` inside the site."""
    url = page_url(path, directory_urls)
    return url + "index.html" if url.endswith("/") else url


class _Links(Treeprocessor):
    """Links to staged files, made relative to the page's URL; anything else marked."""

    def __init__(self, md: Markdown, known: Collection[str], directory_urls: bool) -> None:
        super().__init__(md)
        self.known = known
        self.directory_urls = directory_urls
        self.page = ""
        self.unsure = False
        self.targets: set[str] = set()

    def run(self, root: Element) -> None:
        for element in root.iter():
            key = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            url = element.get(key) if key is not None else None
            if key is None or url is None:
                continue
            resolved = self._resolve(url)
            if resolved is None:
                self.unsure = True
            else:
                element.set(key, resolved)

    def _resolve(self, url: str) -> str | None:
        scheme, netloc, path, query, anchor = urlsplit(url)
        if scheme or netloc or AMP_SUBSTITUTE in url:
            return url
        if url.startswith(("/", "\\")):
            return None
        if not path:
            return url
        path = unquote(path)
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), path))
        target = target.lstrip("/")
        if target not in self.known or not _PLAIN_PATH.fullmatch(target) or path == ".":
            return None
        self.targets.add(target)
        relative = get_relative_url(
            page_url(target, self.directory_urls), page_url(self.page, self.directory_urls)
        )
        return urlunsplit(("", "", relative, query, anchor))


class Converter:
    """One Markdown converter with the site's extensions, reused page after page."""

    def __init__(
        self,
        extensions: list[Any],
        extension_configs: Mapping[str, Any],
        known: Collection[str],
        directory_urls: bool,
    ) -> None:
        self._md = Markdown(extensions=extensions, extension_configs=dict(extension_configs))
        self._links = _Links(self._md, known, directory_urls)
        # MkDocs registers its link rewriting at priority 0, after the table of contents.
        self._md.treeprocessors.register(self._links, "servicebook_links", 0)

    @property
    def targets(self) -> set[str]:
        """The staged files the page converted last links to."""
        return self._links.targets

    def convert(self, path: str, text: str) -> FilledPage | None:
        """``text`` of the staged page ``path`` converted, or None when MkDocs should
        build the page (see the module docstring)."""
        markdown, meta = get_data(text)
        search = meta.get("search")
        title = meta.get("title")
        if set(meta) != _FRONT_MATTER or search != {"exclude": True} or not isinstance(title, str):
            return None
        self._md.reset()
        self._links.page = path
        self._links.unsure = False
        self._links.targets = set()
        content = self._md.convert(markdown)
        if self._links.unsure:
            return None
        toc = get_toc(getattr(self._md, "toc_tokens", []))
        items = list(toc)
        if len(items) != 1 or items[0].level != 1 or not items[0].children:
            return None
        sections = items[0].children
        if any(section.children or section.level != 2 for section in sections):
            return None
        first = items[0]
        return FilledPage(
            title,
            content,
            Heading(first.url, first.title),
            tuple(Heading(section.url, section.title) for section in sections),
        )
