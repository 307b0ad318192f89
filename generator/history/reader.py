"""Read the whole history of the records: the log pass, then every revision's content.

The edge the audit command and the site builder call; two git processes do all
the reading (``git log`` and one ``git cat-file --batch``) whatever the size.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.history.blobs import read_blobs
from generator.history.gitlog import GitLog, read_log
from generator.history.parsed_blobs import ParsedBlobs
from generator.history.revisions import lineages
from generator.history.snapshots import RecordTimeline, timelines


@dataclass(frozen=True)
class History:
    """The log pass and the timeline of every record file that ever existed."""

    log: GitLog
    timelines: tuple[RecordTimeline, ...]
    texts: Mapping[str, str] = field(default_factory=dict)
    """Whole file text by blob id, kept for the folders that need bodies (agreements:
    their versions are shown with their text)."""

    @property
    def available(self) -> bool:
        """False when the records are not in a repository with commits."""
        return self.log.available

    @property
    def note(self) -> str:
        """Why the history is missing or empty ("" when it is there)."""
        return self.log.note

    def current(self) -> dict[str, RecordTimeline]:
        """Timelines of the files that exist at HEAD, by path."""
        return {t.path: t for t in self.timelines if not t.deleted}


NO_HISTORY = History(GitLog(False, "history was not read"), ())


TEXT_FOLDERS = frozenset({"agreements"})
"""Kind folders whose whole revisions (body too) are kept in ``History.texts``."""


def read_history(root: Path, folder: str | None = None, cache: Path | None = None) -> History:
    """Every record's revisions with their front matter (raises UserError when shallow);
    with ``folder`` (``agreements``), only the records of that kind. With ``cache`` (the
    cache folder, for a whole read), blobs parsed in an earlier run are neither read nor
    parsed again (:mod:`generator.history.parsed_blobs`)."""
    log = read_log(root, "records/" if folder is None else f"records/{folder}/")
    if not log.entries:
        return History(log, ())
    found = lineages(log.entries)
    blobs = {
        blob
        for lineage in found
        for revision in lineage.revisions
        for blob in (revision.blob, *revision.parent_blobs)
        if blob is not None
    }
    parsed = ParsedBlobs(cache, root) if cache is not None and folder is None else None
    texts_needed = {
        blob
        for lineage in found
        if lineage.folder in TEXT_FOLDERS
        for revision in lineage.revisions
        if (blob := revision.blob) is not None
    }
    wanted = blobs if parsed is None else {b for b in blobs if b not in parsed or b in texts_needed}
    contents = read_blobs(root, wanted)
    texts = {
        revision.blob: text
        for lineage in found
        if lineage.folder in TEXT_FOLDERS
        for revision in lineage.revisions
        if revision.blob is not None and (text := _decoded(contents.get(revision.blob))) is not None
    }
    history = History(log, tuple(timelines(found, contents, parsed)), texts)
    if parsed is not None:
        parsed.save(blobs)
    return history


def _decoded(content: bytes | None) -> str | None:
    if content is None:
        return None
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return None
