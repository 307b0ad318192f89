"""Links between staged pages, as Markdown and as the final URLs MkDocs will publish.

Markdown links name the target's source file (``../services/mail.md``) and MkDocs
rewrites and checks them. Links inside pre-rendered HTML fragments are left alone by
MkDocs, so they are written as the URL the built site will have: with
``use_directory_urls`` (MkDocs' default) ``requests/REQ-1.md`` is served as
``requests/REQ-1/`` and ``requests/index.md`` as ``requests/``. Pure.
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=8192)
def page_url(path: str, directory_urls: bool = True) -> str:
    """The site URL (relative to the site root) of the staged page ``path``."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/" if directory_urls else f"{stem}.html"


def relative_source(target: str, page: str) -> str:
    """A Markdown link target: ``target``'s source path relative to ``page``'s folder."""
    return relative_path(target, page.rpartition("/")[0])


def relative_url(target: str, page: str, directory_urls: bool = True) -> str:
    """An HTML link target: ``target``'s URL relative to ``page``'s URL."""
    here = page_url(page, directory_urls)
    there = page_url(target, directory_urls)
    return relative_path(there, here.rpartition("/")[0]) or "./"


def relative_path(target: str, folder: str) -> str:
    """``target`` (a normalised path from the site root) as seen from ``folder``.

    posixpath.relpath does the same for any path, at several times the cost; this runs
    for every link of every page.
    """
    if not folder:
        return target
    steps = folder.split("/")
    parts = target.split("/")
    common = 0
    for step, part in zip(steps, parts[:-1], strict=False):
        if step != part:
            break
        common += 1
    return "../" * (len(steps) - common) + "/".join(parts[common:])
