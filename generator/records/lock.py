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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from generator.errors import UsageError, UserError

LOCK_FILE = Path(".servicebook") / "records.lock"
TIMEOUT_SECONDS = 120.0
TIMEOUT_VARIABLE = "SERVICEBOOK_LOCK_TIMEOUT"


def lock_timeout(environ: Mapping[str, str]) -> float:
    """Seconds to wait for the lock: ``SERVICEBOOK_LOCK_TIMEOUT`` when set, else 120.

    A variable rather than an option because it is a property of the place the command
    runs in (a busy CI runner waits longer, a test waits a second), not of one change.
    """
    given = environ.get(TIMEOUT_VARIABLE, "").strip()
    if not given:
        return TIMEOUT_SECONDS
    try:
        seconds = float(given)
    except ValueError:
        seconds = -1.0
    if not 0 <= seconds <= 86_400:  # also refuses nan and inf
        raise UsageError(
            f"{TIMEOUT_VARIABLE}={given}: give the seconds to wait for the records lock, "
            f"from 0 to 86400 (unset: {TIMEOUT_SECONDS:g})"
        )
    return seconds


@contextmanager
def records_lock(root: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the repository's records lock; a user error when it is not free in time.

    ``timeout`` (seconds) defaults to :func:`lock_timeout` of the environment.
    """
    if timeout is None:
        timeout = lock_timeout(os.environ)
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
                        f"records for over {timeout:g} s; nothing was changed; wait for it "
                        f"to finish and run again (or set {TIMEOUT_VARIABLE} to wait longer)"
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(handle)
