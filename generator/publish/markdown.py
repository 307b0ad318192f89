"""Escaping for generated Markdown: untrusted text never becomes markup.

Titles, names and other single-line values are escaped for HTML and for
Markdown syntax. Record bodies keep their Markdown but lose raw HTML and
script links (``javascript:`` and ``data:`` URLs), outside code; everywhere, even in
code, the marker of a pre-rendered fragment is made inert (``publish/fragments.py``).
"""

from __future__ import annotations

import re

from generator.publish.fragments import neutralise

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^\s<>]+)>")
_BAD_URL = re.compile(r"\]\(\s*(?:javascript|vbscript|data):[^)]*\)", re.IGNORECASE)
_BAD_REF = re.compile(r"^(\s*\[[^\]]+\]:\s*)(?:javascript|vbscript|data):\S*", re.I | re.M)


def escape_inline(text: str) -> str:
    """Escape a one-line value for use anywhere in Markdown (also in table cells)."""
    flat = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", flat.translate(_HTML))


def sanitize_body(text: str) -> str:
    """Keep a record body's Markdown, but neutralise raw HTML and script links.

    Fenced code blocks and code spans are left alone (Markdown shows them literally
    anyway), except that a fragment marker in them loses its ``<``.
    """
    out: list[str] = []
    fence: str | None = None
    for line in neutralise(text).splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence is not None:
            out.append(line)
            if match and match.group(2)[0] == fence[0] and len(match.group(2)) >= len(fence):
                fence = None
            continue
        if match:
            fence = match.group(2)
            out.append(line)
            continue
        out.append(_sanitize_line(line))
    return "".join(out)


def _sanitize_line(line: str) -> str:
    parts: list[str] = []
    last = 0
    for span in _CODE_SPAN.finditer(line):
        parts.append(_neutralise(line[last : span.start()]))
        parts.append(span.group(0))
        last = span.end()
    parts.append(_neutralise(line[last:]))
    return "".join(parts)


def _neutralise(text: str) -> str:
    links: list[str] = []

    def keep_link(match: re.Match[str]) -> str:
        links.append(match.group(0))
        return f"\x00{len(links) - 1}\x00"

    text = _AUTOLINK.sub(keep_link, text)
    text = text.replace("<", "&lt;")
    text = _BAD_URL.sub("](#)", text)
    text = _BAD_REF.sub(r"\1#", text)
    for index, link in enumerate(links):
        text = text.replace(f"\x00{index}\x00", link)
    return text
