"""One lock for every writer of records, so concurrent changes all land.

``event`` and ``close`` read a request, insert lines and write it back; two of them
at once would each write their own version and one event would be lost. Every
writer therefore holds an exclusive ``flock`` on ``<root>/.servicebook/records.lock``
while it loads, checks, writes and commits. One lock for the whole repository
(not one per file) because a change is validated against every other record (ids,
references) and ``--commit`` uses git's single index; the lock file sits in
``.servicebook/`` (ignored by git) at a fixed place, whatever ``staging_dir`` says,
and the staging clean-up never touches it.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import UserError

LOCK_FILE = Path(".servicebook") / "records.lock"
TIMEOUT_SECONDS = 120.0


@contextmanager
def records_lock(root: Path, timeout: float = TIMEOUT_SECONDS) -> Iterator[None]:
    """Hold the repository's records lock; a user error when it is not free in time."""
    path = root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    ignore = path.parent / ".gitignore"
    if not ignore.exists():
        # A repository without our .gitignore must not see the lock as a change.
        ignore.write_text("*\n", encoding="utf-8")
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise UserError(
                        f"{LOCK_FILE}: another servicebook command has been changing the "
                        f"records for over {timeout:.0f} s; wait for it to finish and run again"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(handle)
