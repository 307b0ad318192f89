"""Text written by a requester, made safe to store in a record.

Everything a requester writes is untrusted. Before it goes into a record:

- one-line values (title, contact) lose control and formatting characters
  (including the bidirectional overrides that make text read differently than
  it is stored), have their whitespace collapsed and are cut to a length;
- the description keeps its lines and its Markdown, but every ``&``, ``<`` and
  ``>`` becomes an HTML entity, so no raw HTML survives (entities read the same
  on the site), and links to ``javascript:``, ``vbscript:`` or ``data:`` URLs
  point nowhere.

The site escapes all of it again when it renders (``generator.render.markdown``);
this is the first of two walls, and the one that protects anyone who reads the
record file or its diff elsewhere.
"""

from __future__ import annotations

import re
import unicodedata

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_INLINE_LINK = re.compile(r"\]\(([^)\n]*)\)")
_REFERENCE = re.compile(r"^( {0,3}\[[^\]\n]+\]:[ \t]*)(\S+)", re.MULTILINE)
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
ELLIPSIS = "…"


def _printable(char: str) -> bool:
    # Cc: control characters; Cf: format characters (bidi overrides, zero-width
    # joiners, BOM); Co/Cs/Cn: private use, surrogates, unassigned.
    return not unicodedata.category(char).startswith("C")


def flatten(text: str, limit: int) -> str:
    """One line: control characters dropped, whitespace collapsed, at most ``limit`` chars."""
    kept = "".join(c if _printable(c) else " " for c in text)
    line = " ".join(kept.split())
    if len(line) > limit:
        line = line[: limit - 1].rstrip() + ELLIPSIS
    return line


def escape_title(text: str, limit: int = 120) -> str:
    """A title: flattened, with ``<`` and ``>`` as entities so no tag can form.

    ``&`` is kept: it cannot start markup on its own, and the site escapes it.
    """
    return flatten(text, limit).replace("<", "&lt;").replace(">", "&gt;")


def escape_body(text: str) -> str:
    """The description: Markdown kept, HTML and script links neutralised, lines kept."""
    # splitlines() also ends a line at U+2028, U+2029 and NEL, which some
    # readers treat as line breaks and others do not.
    lines = text.splitlines()
    cleaned = "\n".join(
        "".join(c for c in line.replace("\t", "    ") if _printable(c)).rstrip() for line in lines
    ).strip("\n")
    escaped = cleaned.translate(_ENTITIES)
    escaped = _INLINE_LINK.sub(_safe_inline_link, escaped)
    return _REFERENCE.sub(_safe_reference, escaped)


def _unsafe(target: str) -> bool:
    # Browsers ignore whitespace and control characters inside a URL scheme
    # ("java\tscript:"), so compare without them.
    squeezed = "".join(c for c in target if not c.isspace() and _printable(c)).lower()
    return squeezed.startswith(_UNSAFE_SCHEMES)


def _safe_inline_link(match: re.Match[str]) -> str:
    return "](#)" if _unsafe(match.group(1)) else match.group(0)


def _safe_reference(match: re.Match[str]) -> str:
    return match.group(1) + "#" if _unsafe(match.group(2)) else match.group(0)
