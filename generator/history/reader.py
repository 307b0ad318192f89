"""Read the whole history of the records: the log pass, then every revision's content.

The edge the audit command and the site builder call; two git processes do all
the reading (``git log`` and one ``git cat-file --batch``) whatever the size.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.history.blobs import read_blobs
from generator.history.gitlog import GitLog, read_log
from generator.history.revisions import lineages
from generator.history.snapshots import RecordTimeline, timelines


@dataclass(frozen=True)
class History:
    """The log pass and the timeline of every record file that ever existed."""

    log: GitLog
    timelines: tuple[RecordTimeline, ...]

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


def read_history(root: Path) -> History:
    """Every record's revisions with their front matter (raises UserError when shallow)."""
    log = read_log(root)
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
    return History(log, tuple(timelines(found, read_blobs(root, blobs))))
