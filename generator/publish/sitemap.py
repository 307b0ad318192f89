"""The sitemap of a site whose request pages were filled into the shell, not built by MkDocs.

MkDocs lists the pages it built (when ``site_url`` is set), in the order of its files;
the shell's own entry is the pattern for the pages filled from it. :func:`merged` takes
the shell and probe entries out and puts an entry for every filled page where MkDocs
would have put it. Pure: text in, text out.
"""

from __future__ import annotations

import gzip
import html
import io
import re
from collections.abc import Iterable, Mapping
from pathlib import PurePosixPath

from generator.publish.page_shell import PROBE_STEM, SHELL_STEM

_ENTRY = re.compile(r"\n\s*<url>.*?</url>", re.DOTALL)
_LOC = re.compile(r"<loc>(.*?)</loc>", re.DOTALL)


def sort_key(path: str) -> tuple[tuple[str, ...], bool, str]:
    """The order MkDocs keeps its files in: by folder, a folder's index first."""
    parts = PurePosixPath(path).parts
    return (parts[:-1], PurePosixPath(path).stem != "index", parts[-1])


def merged(text: str, loc_of: Mapping[str, str], filled: Iterable[str]) -> str | None:
    """``text``, MkDocs' sitemap, with the ``filled`` pages (staged paths) in it;
    ``loc_of`` gives each staged page's address. None when it lists no page (no
    ``site_url``: nothing to add)."""
    entries = _ENTRY.findall(text)
    if not entries:
        return None
    shell = next((entry for entry in entries if f"/{SHELL_STEM}" in entry), None)
    if shell is None:
        return None
    path_of = {loc: path for path, loc in loc_of.items()}
    keyed: list[tuple[tuple[tuple[str, ...], bool, str], str]] = []
    for entry in entries:
        if f"/{SHELL_STEM}" in entry or f"/{PROBE_STEM}" in entry:
            continue
        found = _LOC.search(entry)
        path = path_of.get(html.unescape(found.group(1)) if found else "", "")
        keyed.append((sort_key(path), entry))
    for path in filled:
        stem = PurePosixPath(path).stem
        keyed.append((sort_key(path), shell.replace(SHELL_STEM, stem)))
    keyed.sort(key=lambda pair: pair[0])
    start = text.index(entries[0])
    end = text.index(entries[-1]) + len(entries[-1])
    return text[:start] + "".join(entry for _, entry in keyed) + text[end:]


def gzipped(text: str, mtime: int) -> bytes:
    """``sitemap.xml.gz`` as MkDocs writes it: the file name inside, a fixed time."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="sitemap.xml.gz", mode="wb", fileobj=buffer, mtime=mtime) as gz:
        gz.write(text.encode("utf-8"))
    return buffer.getvalue()
