"""Record bodies as safe HTML: rendered with a fixed set of Markdown features, then sanitised.

A record body is untrusted text (an intake form's description, a pull request from anyone
with write access to a branch). It is never handed to MkDocs as Markdown: the user's
``markdown_extensions`` (``attr_list`` and ``md_in_html`` above all) would let it add event
handlers, ``javascript:`` links or raw HTML to the page. Instead it is rendered here:

1. Python-Markdown with a fixed set of features (tables, fenced code, definition lists,
   admonitions, sane lists) and no raw HTML at all: ``<b>`` in a body shows as text;
2. the HTML is cleaned by ``nh3`` (the Rust ``ammonia`` sanitiser), an allow-list of
   elements, attributes, classes and URL schemes (http, https, mailto and relative links;
   images only from the repository itself, since the site loads nothing from other hosts);
3. relative links to Markdown pages (``../services/mail.md``) become the URLs MkDocs
   publishes, as the rest of a fragment's links.

The result is written as pre-rendered fragments (``publish/fragments.py``), which MkDocs
keeps as they are. Top-level headings are the exception: they become Markdown headings
again, with their text escaped, so the page's table of contents and permalinks still list
them. Pure: no I/O.
"""

from __future__ import annotations

import functools
import html
import posixpath
import re
from html.parser import HTMLParser

import nh3
from markdown import Markdown

from generator.render.fragments import wrap
from generator.render.markdown import escape_inline
from generator.views.links import relative_url

_EXTENSIONS = ("tables", "fenced_code", "def_list", "admonition", "sane_lists")
_TAGS = frozenset(
    {
        *(f"h{level}" for level in range(1, 7)),
        *("p", "br", "hr", "blockquote", "pre", "code", "div", "span"),
        *("strong", "b", "em", "i", "del", "s", "sub", "sup", "abbr", "kbd"),
        *("ul", "ol", "li", "dl", "dt", "dd"),
        *("table", "thead", "tbody", "tr", "th", "td"),
        *("a", "img"),
    }
)
_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "th": {"style"},
    "td": {"style"},
    "code": {"class"},
    "div": {"class"},
    "p": {"class"},
}
_ADMONITION_CLASSES = frozenset(
    {
        *("admonition", "note", "abstract", "info", "tip", "success", "question"),
        *("warning", "failure", "danger", "bug", "example", "quote", "hint", "caution"),
        *("important", "error", "attention"),
    }
)
_LANGUAGE = re.compile(r"language-[A-Za-z0-9_+-]{1,40}")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_URL_SCHEMES = frozenset({"http:", "https:", "mailto:"})
_HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
_VOID = frozenset({"br", "hr", "img", "wbr"})


def _keep_attribute(tag: str, attribute: str, value: str) -> str | None:
    """nh3's per-attribute hook: classes from fixed sets, images only from this site."""
    if attribute == "class":
        if tag == "code":
            kept = [name for name in value.split() if _LANGUAGE.fullmatch(name)]
        elif tag == "div":
            kept = [name for name in value.split() if name in _ADMONITION_CLASSES]
        else:
            kept = [name for name in value.split() if name == "admonition-title"]
        return " ".join(kept) or None
    if attribute in {"href", "src"}:
        # Browsers drop tabs and newlines inside a URL; some readers drop more. A value
        # that reads as another scheme once squeezed goes, even if nh3 saw a relative URL.
        squeezed = "".join(c for c in value if c.isprintable() and not c.isspace())
        scheme = _SCHEME.match(squeezed)
        if scheme and scheme.group(0).lower() not in _URL_SCHEMES:
            return None
        if tag == "img" and (scheme or squeezed.startswith("//")):
            return None  # the site loads nothing from other hosts (tracking pixels above all)
    return value


@functools.cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(_TAGS),
        attributes={tag: set(names) for tag, names in _ATTRIBUTES.items()},
        attribute_filter=_keep_attribute,
        url_schemes={scheme.rstrip(":") for scheme in _URL_SCHEMES},
        filter_style_properties={"text-align"},
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


@functools.cache
def _markdown() -> Markdown:
    md = Markdown(extensions=list(_EXTENSIONS), output_format="html")
    # No raw HTML from a body, ever: block and inline HTML are shown as text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def clean_html(markdown_text: str) -> str:
    """``markdown_text`` rendered with the fixed feature set and sanitised."""
    md = _markdown()
    md.reset()
    return str(_cleaner().clean(md.convert(markdown_text)))


def render_body(markdown_text: str, page_path: str, directory_urls: bool = True) -> str:
    """A body as staged Markdown: sanitised HTML fragments between escaped headings.

    ``page_path`` is the staged page the body appears on; relative ``.md`` links are
    resolved from its folder and written as published URLs.
    """
    if not markdown_text.strip():
        return ""
    cleaned = _rewrite_links(clean_html(markdown_text), page_path, directory_urls)
    out: list[str] = []
    for kind, text in _split_headings(cleaned):
        if kind == "html":
            if text.strip():
                out.append(wrap(text))
        elif text:
            out.append(f"\n{'#' * int(kind[1])} {escape_inline(text)}\n")
    return "".join(out).strip("\n") + "\n"


_HREF = re.compile(r'(<a href=")([^"]*)(")')


def _rewrite_links(cleaned: str, page_path: str, directory_urls: bool) -> str:
    folder = page_path.rpartition("/")[0]

    def rewrite(match: re.Match[str]) -> str:
        href = html.unescape(match.group(2))
        target, hash_mark, anchor = href.partition("#")
        if not target.endswith(".md") or _SCHEME.match(target) or target.startswith("/"):
            return match.group(0)
        page = posixpath.normpath(posixpath.join(folder, target))
        if page.startswith("../"):
            return match.group(0)
        url = relative_url(page, page_path, directory_urls) + hash_mark + anchor
        return match.group(1) + html.escape(url) + match.group(3)

    return _HREF.sub(rewrite, cleaned)


def _split_headings(cleaned: str) -> list[tuple[str, str]]:
    """Alternating ``("html", chunk)`` and ``("h2", heading text)`` parts, in order."""
    finder = _TopLevelHeadings()
    finder.feed(cleaned)
    finder.close()
    starts = _line_starts(cleaned)
    parts: list[tuple[str, str]] = []
    last = 0
    for tag, (start_line, start_col), (end_line, end_col), text in finder.found:
        start = starts[start_line - 1] + start_col
        end = starts[end_line - 1] + end_col + len(f"</{tag}>")
        parts.append(("html", cleaned[last:start]))
        parts.append((tag, text))
        last = end
    parts.append(("html", cleaned[last:]))
    return parts


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for index, char in enumerate(text):
        if char == "\n":
            starts.append(index + 1)
    return starts


class _TopLevelHeadings(HTMLParser):
    """Finds headings that are not inside another element, with their positions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found: list[tuple[str, tuple[int, int], tuple[int, int], str]] = []
        self._open: tuple[str, tuple[int, int]] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self.depth == 0 and tag in _HEADINGS:
            self._open = (tag, self.getpos())
            self._text = []
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth -= 1
        if self.depth == 0 and self._open is not None and tag == self._open[0]:
            title = " ".join("".join(self._text).split())
            self.found.append((tag, self._open[1], self.getpos(), title))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)
