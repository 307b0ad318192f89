"""Parse the text of one ``git log`` pass into commits and the files each changed.

Pure functions over the exact output of :data:`LOG_ARGS`, so they are tested with
canned text. The format puts each commit between control characters that never
occur in names, e-mails or dates: ``RS`` starts a commit, ``US`` separates its
fields, ``GS`` ends the message; then ``-z --raw`` lists the changed files as
NUL-separated ``:modes blobs status`` / path tokens.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

RS, US, GS = "\x1e", "\x1f", "\x1d"
LOG_FORMAT = "%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%cI%x1f%B%x1d"
# --raw rather than --name-status: the same status letters and paths, plus the
# blob ids of both sides, so contents are fetched by id (no tree walks, and an
# unchanged blob is recognised without reading it).
LOG_ARGS: tuple[str, ...] = (
    "log",
    "-z",
    "--raw",
    "--no-abbrev",
    "-M",
    # A merge lists what it brought into the branch (its diff against the first
    # parent), so a merge that drops or edits what the branch held is seen; what it
    # repeats from the merged commits is recognised by value and stays theirs.
    "--diff-merges=first-parent",
    # Parents before children, ties by date: each file's revisions come out in order.
    "--date-order",
    "--no-color",
    "--no-ext-diff",
    f"--format={LOG_FORMAT}",
)
NULL_SHA = "0" * 40


class LogFormatError(ValueError):
    """The text is not what :data:`LOG_ARGS` prints (a bug, never bad records)."""


@dataclass(frozen=True)
class Commit:
    """One commit: who, when, parents and message."""

    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    authored: datetime
    committed: datetime
    message: str

    @property
    def short(self) -> str:
        """The abbreviated id shown to readers (7 hex digits, as git and GitHub show)."""
        return self.sha[:7]

    @property
    def subject(self) -> str:
        """The first line of the message."""
        return self.message.split("\n", 1)[0]

    @property
    def is_merge(self) -> bool:
        """True for a commit with more than one parent."""
        return len(self.parents) > 1

    @cached_property
    def trailers(self) -> dict[str, str]:
        """``Key: value`` lines of the message's last paragraph (``Record``, ``Event``)."""
        paragraphs = self.message.strip().split("\n\n")
        if len(paragraphs) < 2:
            return {}
        found: dict[str, str] = {}
        for line in paragraphs[-1].splitlines():
            key, sep, value = line.partition(": ")
            if not sep or not key or " " in key:
                return {}
            found.setdefault(key, value.strip())
        return found


@dataclass(frozen=True)
class FileChange:
    """One file changed by a commit: ``A``dded, ``M``odified, ``D``eleted, ``R``enamed…

    ``old_path`` is set for renames and copies. ``old_blobs`` holds the file's blob in
    the parent it is compared with (the first parent, also for a merge); a blob id
    is None where the file does not exist.
    """

    status: str
    path: str
    old_path: str | None
    old_blobs: tuple[str | None, ...]
    new_blob: str | None
    score: int | None = None

    @property
    def old_blob(self) -> str | None:
        """The file's blob in the first parent."""
        return self.old_blobs[0] if self.old_blobs else None


@dataclass(frozen=True)
class LogEntry:
    """A commit with the files it changed (none for most merges)."""

    commit: Commit
    changes: tuple[FileChange, ...]


@dataclass(frozen=True)
class Mainline:
    """The first-parent chain of HEAD (the main branch as merged into), newest first."""

    commits: tuple[str, ...]
    merges: frozenset[str]


def parse_log(text: str) -> list[LogEntry]:
    """Every commit of the log text, in the order git printed them (newest first)."""
    entries: list[LogEntry] = []
    for chunk in text.split(RS)[1:]:
        header, sep, rest = chunk.partition(GS)
        if not sep:
            raise LogFormatError(f"commit without end of message: {chunk[:60]!r}")
        entries.append(LogEntry(_commit(header), tuple(_changes(rest))))
    return entries


def _commit(header: str) -> Commit:
    fields = header.split(US, 6)
    if len(fields) != 7:
        raise LogFormatError(f"commit header has {len(fields)} fields, not 7: {header[:60]!r}")
    sha, parents, author, email, authored, committed, message = fields
    return Commit(
        sha=sha,
        parents=tuple(parents.split()),
        author=author,
        email=email,
        authored=datetime.fromisoformat(authored),
        committed=datetime.fromisoformat(committed),
        message=message.rstrip(),
    )


def _changes(rest: str) -> list[FileChange]:
    """The ``-z --raw`` file list after a commit header."""
    rest = rest.lstrip("\0")
    if rest.startswith("\n"):
        rest = rest[1:]
    tokens = rest.split("\0")
    changes: list[FileChange] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if not token:
            index += 1
            continue
        if not token.startswith(":"):
            raise LogFormatError(f"expected a ':mode mode blob blob status' token, got {token!r}")
        parts = token[1:].split(" ")
        if len(parts) != 5:
            raise LogFormatError(f"malformed raw diff token {token!r}")
        old_blobs = (None if parts[2] == NULL_SHA else parts[2],)
        new_blob = None if parts[3] == NULL_SHA else parts[3]
        status = parts[-1]
        letter = status[:1]
        if letter in ("R", "C"):
            if index + 2 >= len(tokens):
                raise LogFormatError(f"rename without both paths after {token!r}")
            old_path, path = tokens[index + 1], tokens[index + 2]
            score = int(status[1:]) if status[1:].isdigit() else None
            changes.append(FileChange(letter, path, old_path, old_blobs, new_blob, score))
            index += 3
        else:
            if index + 1 >= len(tokens):
                raise LogFormatError(f"change without a path after {token!r}")
            letter = "M" if letter == "T" else letter
            changes.append(FileChange(letter, tokens[index + 1], None, old_blobs, new_blob))
            index += 2
    return changes


def parse_first_parents(text: str) -> Mainline:
    """``git rev-list --first-parent --parents HEAD`` text → the main line and its merges."""
    commits: list[str] = []
    merges: set[str] = set()
    for line in text.splitlines():
        fields = line.split()
        if not fields:
            continue
        commits.append(fields[0])
        if len(fields) > 2:
            merges.add(fields[0])
    return Mainline(tuple(commits), frozenset(merges))
