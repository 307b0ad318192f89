"""Each revision of a record with its front matter, and the front matter of the same
file in the revision's parent commits: a record's timeline.

Comparing a revision with its parents (not with whatever revision happens to come
before it in the log) is what makes a change mean the same thing however branches
interleave. Pure: takes lineages and the blob contents read in one batch, and never
raises for a revision that was invalid at the time; it just has no data.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.history.incremental import RevisionParser
from generator.history.parse import Commit
from generator.history.parsed_blobs import ParsedBlobs
from generator.history.revisions import Lineage, Revision
from generator.records.frontmatter import FrontMatterError, parse

Data = Mapping[str, Any]


@dataclass(frozen=True)
class Snapshot:
    """One revision, the front matter it held (None when deleted or unreadable), and
    the file's front matter in each parent commit (None where absent or unreadable)."""

    revision: Revision
    data: Data | None
    parents: tuple[Data | None, ...] = ()

    @property
    def commit(self) -> Commit:
        """The commit of the revision."""
        return self.revision.commit

    @property
    def before(self) -> Data | None:
        """The file's front matter in the first parent: what this commit changed."""
        return self.parents[0] if self.parents else None


@dataclass(frozen=True)
class RecordTimeline:
    """A record file's lineage with the front matter of each revision, oldest first."""

    lineage: Lineage
    snapshots: tuple[Snapshot, ...]

    @property
    def path(self) -> str:
        """The file's last path."""
        return self.lineage.path

    @property
    def record_id(self) -> str:
        """The id the last file name gives."""
        return self.lineage.record_id

    @property
    def folder(self) -> str:
        """The kind folder (``requests``, ``agreements``…)."""
        return self.lineage.folder

    @property
    def deleted(self) -> bool:
        """True when the file no longer exists at HEAD."""
        return self.lineage.deleted

    def transitions(self) -> Iterable[tuple[Data | None, Snapshot]]:
        """(front matter in the first parent, snapshot) for each revision.

        The first value is None for a created file (and for a parent version that
        was not a readable record).
        """
        for snapshot in self.snapshots:
            yield snapshot.before, snapshot


def timelines(
    lineages: Iterable[Lineage],
    contents: Mapping[str, bytes],
    parsed: ParsedBlobs | None = None,
) -> list[RecordTimeline]:
    """Attach parsed front matter to every revision of every lineage and its parents.

    Each file's revisions are parsed in order by one :class:`RevisionParser`, which
    re-parses only the fields a revision changed: the cost follows the changes,
    not the number of revisions times the size of a file. A parent's version is
    almost always the previous revision's, so it is found among those already parsed.
    With ``parsed``, a blob parsed in an earlier run is not parsed again (its content
    need not be in ``contents``), and every blob parsed now is added to it.
    """
    result: list[RecordTimeline] = []
    for lineage in lineages:
        parser = RevisionParser()
        seen: dict[str, Data | None] = {}
        snapshots = []
        for revision in lineage.revisions:
            parents = tuple(
                None if blob is None else _lookup(blob, seen, contents, parsed)
                for blob in revision.parent_blobs
            )
            data = None
            if revision.blob is not None:
                hit, data = (False, None) if parsed is None else parsed.get(revision.blob)
                if hit:
                    parser = RevisionParser()  # it remembers an older revision: start again
                else:
                    text = _text(contents.get(revision.blob))
                    data = None if text is None else parser.parse(text)
                    if parsed is not None:
                        parsed.add(revision.blob, data)
                seen[revision.blob] = data
            snapshots.append(Snapshot(revision, data, parents))
        result.append(RecordTimeline(lineage, tuple(snapshots)))
    return result


def _lookup(
    blob: str,
    seen: dict[str, Data | None],
    contents: Mapping[str, bytes],
    parsed: ParsedBlobs | None,
) -> Data | None:
    if blob not in seen:
        hit, data = (False, None) if parsed is None else parsed.get(blob)
        if not hit:
            text = _text(contents.get(blob))
            found = None if text is None else parse(text)
            data = None if found is None or isinstance(found, FrontMatterError) else found.data
            if parsed is not None:
                parsed.add(blob, data)
        seen[blob] = data
    return seen[blob]


def _text(content: bytes | None) -> str | None:
    if content is None:
        return None
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return None
