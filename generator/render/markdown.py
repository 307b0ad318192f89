"""Escaping for generated Markdown: untrusted text never becomes markup.

Titles, names and other single-line values are escaped for HTML and for Markdown
syntax, so no Markdown extension (``attr_list`` included) can read anything into them.
Record bodies are not Markdown for MkDocs at all: ``render/body_html.py`` renders and
sanitises them.
"""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def escape_inline(text: str) -> str:
    """Escape a one-line value for use anywhere in Markdown (also in table cells)."""
    flat = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", flat.translate(_HTML))
