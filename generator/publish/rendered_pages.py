"""Pages rendered by an earlier run, taken again when nothing they show changed: the
pages of which there are many and few change at a time (``PageSpec.reusable``: record
pages, months of the requests archive).

Such a page is a function of its context (:mod:`generator.render.fingerprint`), of what
every page shares (``as_of``, the titles, which records have pages, the commit it was
built from, …), of the templates and of the tool. The run key covers the last three; each
page's fingerprint covers its own context. When both match the last run's and the staged
file is the one that run wrote (same size and modification time), the staged text is the
page: it is read back instead of rendered, and the staging step need not compare it.

The state lives in the cache folder, one file per staging folder (``cache: false`` turns
it off). Anything unreadable, or any difference, renders the page: a stale entry can cost
time, never a wrong page.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from generator.publish.site_sync import put
from generator.publish.unchanged_run import tool_digest, tree_digest

FORMAT = "rendered-pages.{scope}.v1.json"


def rendering_inputs(root: Path) -> str:
    """The digest of what every page's text depends on besides its context: the tool
    (code, shipped templates, library versions) and the repository's ``templates/``."""
    digest = hashlib.sha256(tool_digest().encode())
    tree_digest(digest, root / "templates", "templates")
    return digest.hexdigest()


class RenderedPages:
    """The reusable pages of one staging folder: what the last run left, what this one makes."""

    def __init__(self, cache: Path | None, staged: Path, inputs: str) -> None:
        """``inputs``: the digest of the tool, the templates and the URL shape."""
        self._cache = cache
        self._staged = staged
        self._inputs = inputs
        self._key: str | None = None
        self._old: dict[str, list[object]] = {}
        self._new: dict[str, str] = {}
        self.reused: set[str] = set()

    def start(self, shared: str | None) -> None:
        """Begin a run whose pages share what ``shared`` fingerprints (None: unknown, so
        nothing is taken from the last run or kept for the next)."""
        self._key = None if shared is None else f"{self._inputs}/{shared}"
        if self._cache is not None and self._key is not None:
            self._old = _read(self._file(), self._key)

    def reuse(self, path: str, fingerprint: str) -> str | None:
        """The staged text of ``path`` when the last run rendered it from the same
        fingerprint and the file is still the one it wrote; None otherwise."""
        if self._key is None:
            return None
        self._new[path] = fingerprint
        entry = self._old.get(path)
        if entry is None or entry[0] != fingerprint:
            return None
        target = self._staged / path
        try:
            info = target.stat()
            if [info.st_size, info.st_mtime_ns] != entry[1:]:
                return None
            text = target.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        self.reused.add(path)
        return text

    def save(self) -> None:
        """Keep this run's fingerprints with the staged files' sizes and times (best
        effort: a cache that cannot be written only means the next run renders again)."""
        if self._cache is None or self._key is None:
            return
        pages: dict[str, list[object]] = {}
        for path, fingerprint in self._new.items():
            try:
                info = (self._staged / path).stat()
            except OSError:
                continue
            pages[path] = [fingerprint, info.st_size, info.st_mtime_ns]
        try:
            put(self._file(), json.dumps({"key": self._key, "pages": pages}).encode())
        except OSError:
            return

    def _file(self) -> Path:
        assert self._cache is not None
        scope = hashlib.sha256(str(self._staged.resolve()).encode()).hexdigest()[:16]
        return self._cache / FORMAT.format(scope=scope)


def _read(file: Path, key: str) -> dict[str, list[object]]:
    try:
        state = json.loads(file.read_text(encoding="utf-8"))
        if state.get("key") != key:
            return {}
        pages = state["pages"]
        return pages if isinstance(pages, dict) else {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}
