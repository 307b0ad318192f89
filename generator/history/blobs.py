"""Read file contents at past revisions: one ``git cat-file --batch`` for all of them.

Blob ids come from the log pass (``--raw``), so no tree is walked and each
distinct content is read once, however many revisions share it. One process
serves every blob; starting git once per file would cost milliseconds each.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from generator.errors import UserError
from generator.history.gitcmd import run_git


class BatchFormatError(ValueError):
    """The ``cat-file --batch`` output does not have the documented layout (a bug)."""


def read_blobs(root: Path, blob_ids: Iterable[str]) -> dict[str, bytes]:
    """Contents by blob id; ids git does not have are left out."""
    wanted = sorted(set(blob_ids))
    if not wanted:
        return {}
    request = "".join(f"{blob}\n" for blob in wanted).encode("ascii")
    result = run_git(root, ["cat-file", "--batch", "--buffer"], stdin=request)
    if not result.ok:
        raise UserError(f"git cat-file failed in {root}: {result.stderr}")
    return parse_batch(result.stdout)


def parse_batch(data: bytes) -> dict[str, bytes]:
    """Parse ``<id> <type> <size>\\n<content>\\n`` records (``<id> missing`` is skipped)."""
    found: dict[str, bytes] = {}
    position = 0
    end = len(data)
    while position < end:
        line_end = data.find(b"\n", position)
        if line_end < 0:
            raise BatchFormatError(f"header without newline at byte {position}")
        raw_header = data[position:line_end]
        header = raw_header.split()
        position = line_end + 1
        if len(header) == 2 and header[1] in (b"missing", b"ambiguous"):
            continue
        if len(header) != 3 or not header[2].isdigit():
            raise BatchFormatError(f"malformed header {raw_header[:80]!r}")
        size = int(header[2])
        found[header[0].decode("ascii")] = data[position : position + size]
        position += size + 1  # the content is followed by a newline
    return found
