"""The marker lines around pre-rendered HTML in generated Markdown (pure).

Tables the generator renders to HTML are written between ``OPEN`` and ``CLOSE``; the
Markdown extension ``generator.publish.fragments`` (listed in ``mkdocs.yml``) stores each
fragment as it is, so MkDocs does not parse it again. Only the generator writes the
markers: untrusted text is escaped and record bodies are sanitised, so no record can
form one.
"""

from __future__ import annotations

OPEN = "<!-- servicebook:html -->"
CLOSE = "<!-- /servicebook:html -->"


def wrap(html: str) -> str:
    """``html`` (one or more lines, no blank line needed) between the marker lines."""
    return f"\n{OPEN}\n{html.strip()}\n{CLOSE}\n"
