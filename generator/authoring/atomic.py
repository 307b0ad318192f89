"""The one way a file is written: whole or not at all.

The text goes to a temporary file in the target's folder, is flushed to the disk, and
is then renamed over the target (``os.replace``), so a crash, a full disk or a reader
at the same moment never sees half a record. ``create_only`` links the temporary file
to the target instead, which fails when the target exists: two writers racing for one
new path cannot replace each other's file. Bytes in, bytes out, so line endings and a
byte-order mark survive untouched.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomically(target: Path, data: bytes, *, create_only: bool = False) -> None:
    """Replace (or create) ``target`` with ``data`` in one rename; keeps the file's mode.

    A new file gets the mode an ordinary file gets (``0o666`` less the umask).
    With ``create_only``, raises FileExistsError and leaves ``target`` as it was if
    it exists.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    mode = None if create_only or not target.exists() else target.stat().st_mode & 0o7777
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    temporary = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(_new_file_mode() if mode is None else mode)
        if create_only:
            os.link(temporary, target)
            temporary.unlink()
        else:
            temporary.replace(target)  # os.replace: atomic on POSIX and Windows
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
