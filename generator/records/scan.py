"""Find and read every record file (the I/O edge of loading); nothing is parsed here.

Files are read in path order, at most ``MAX_FILE_BYTES`` each; special files (pipes,
devices) and links leaving the repository are skipped with a diagnostic. Each file comes
with the hash of its content, which is the record cache's key.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import Diagnostic, Severity
from generator.records.kinds import KINDS_BY_FOLDER, Kind

if TYPE_CHECKING:
    pass

MAX_FILE_BYTES = 1024 * 1024
RECORDS_DIR = "records"
READ_CHUNK = 64 * 1024


@dataclass(frozen=True)
class SourceFile:
    """A record file's text, its kind and the hash of its content (the cache key)."""

    rel: str
    kind: Kind
    text: str
    key: str


@dataclass
class Scan:
    """Every record file read (not parsed yet), and the problems met finding them."""

    files: list[SourceFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    count: int = 0
    unread: list[str] = field(default_factory=list)
    """Paths of the record files left unread on purpose (see :func:`scan_records`)."""


def scan_records(root: Path, wanted: Callable[[str, Kind], bool] | None = None) -> Scan:
    """Find and read every record file below ``root / 'records'`` in path order; with
    ``wanted``, only the files it accepts (by path and kind) are read, the others are
    listed in ``unread``."""
    scan = Scan()
    records_dir = root / RECORDS_DIR
    found = scan
    base = str(records_dir)
    for path, kind in _discover(records_dir, root.resolve(), found):
        rel = RECORDS_DIR + path[len(base) :].replace(os.sep, "/")
        scan.count += 1
        if wanted is not None and not wanted(rel, kind):
            scan.unread.append(rel)
            continue
        data = _read(path, rel, found)
        if data is None:
            continue
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            found.diagnostics.append(
                Diagnostic(
                    rel, 0, 0, "", f"is not UTF-8 text (byte {error.start}); save the file as UTF-8"
                )
            )
            continue
        key = hashlib.sha1(kind.folder.encode() + b"\0" + data, usedforsecurity=False)
        scan.files.append(SourceFile(rel, kind, text, key.hexdigest()))
    return scan


def _discover(records_dir: Path, root: Path, result: Scan) -> Iterator[tuple[str, Kind]]:
    if not records_dir.is_dir():
        return
    for entry in sorted(records_dir.iterdir()):
        if entry.name.startswith("."):
            continue
        rel = entry.relative_to(records_dir.parent).as_posix()
        kind = KINDS_BY_FOLDER.get(entry.name)
        if kind is None or not entry.is_dir():
            folders = ", ".join(sorted(KINDS_BY_FOLDER))
            result.diagnostics.append(
                Diagnostic(
                    f"{RECORDS_DIR}/{entry.name}" if entry.is_dir() else rel,
                    0,
                    0,
                    "",
                    f"not a record folder; records go in one of: {folders}",
                    Severity.WARNING,
                )
            )
            continue
        if _leaves_root(entry, root, rel, result):
            continue
        yield from ((path, kind) for path in _walk(entry, root, records_dir.parent, result))


def _walk(folder: Path, root: Path, base: Path, result: Scan) -> Iterator[str]:
    """Record files below ``folder`` in sorted order; ``os.scandir`` keeps it to one
    system call per folder (file types come with the listing)."""
    with os.scandir(folder) as listing:
        entries = sorted(listing, key=lambda e: e.name)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            path = Path(entry.path)
            rel = path.relative_to(base).as_posix()
            if _leaves_root(path, root, rel, result):
                continue
            if path.is_dir():
                result.diagnostics.append(
                    Diagnostic(
                        rel,
                        0,
                        0,
                        "",
                        "is a symbolic link to a folder and was not read; "
                        "move the records into this folder instead",
                        Severity.WARNING,
                    )
                )
                continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), root, base, result)
        elif entry.name.endswith(".md"):
            # A FIFO, device or socket named *.md would block or misbehave when read;
            # a dangling symbolic link is still yielded so reading names the problem.
            if entry.is_file() or (entry.is_symlink() and not Path(entry.path).exists()):
                yield entry.path
            else:
                result.diagnostics.append(
                    Diagnostic(
                        Path(entry.path).relative_to(base).as_posix(),
                        0,
                        0,
                        "",
                        "not a regular file; skipped",
                        Severity.WARNING,
                    )
                )


def _leaves_root(path: Path, root: Path, rel: str, result: Scan) -> bool:
    """True (and an error) for a symbolic link that resolves outside the repository."""
    target = path.resolve()
    if target == root or root in target.parents:
        return False
    result.diagnostics.append(
        Diagnostic(
            rel,
            0,
            0,
            "",
            "is a symbolic link to a place outside the repository; it was not read. "
            "copy the file into records/ instead",
        )
    )
    return True


def _read(path: str, rel: str, result: Scan) -> bytes | None:
    try:
        data, size = _read_bytes(path)
    except OSError as error:
        result.diagnostics.append(Diagnostic(rel, 0, 0, "", f"cannot be read ({error.strerror})"))
        return None
    if size > MAX_FILE_BYTES:
        result.diagnostics.append(
            Diagnostic(
                rel,
                0,
                0,
                "",
                f"is {size} bytes, over the 1 MiB limit for a record; "
                "move attachments out of the record and link to them",
            )
        )
        return None
    return data


def _read_bytes(path: str) -> tuple[bytes, int]:
    """The file's bytes (up to the limit) and its size.

    Plain ``os.read`` in 64 KiB chunks: a buffered ``open().read(limit)`` allocates the
    whole limit for every file, which made reading six times slower than needed.
    """
    # O_NONBLOCK: should a special file slip past the listing's check (replaced in
    # between), opening it must not wait for a writer; regular files are unaffected.
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        chunks = [os.read(handle, READ_CHUNK)]
        total = len(chunks[0])
        while len(chunks[-1]) == READ_CHUNK and total <= MAX_FILE_BYTES:
            chunks.append(os.read(handle, READ_CHUNK))
            total += len(chunks[-1])
        if total > MAX_FILE_BYTES:
            return b"", os.fstat(handle).st_size
    finally:
        os.close(handle)
    return (chunks[0] if len(chunks) == 1 else b"".join(chunks)), total
