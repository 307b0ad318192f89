"""Where a record lives: ``records/<folder>/<id>.md``, requests by the month received.

The folder is the kind's row in ``records/kinds.py``. Requests are filed one folder
per year and month (``records/requests/2026/11/REQ-….md``) so that no folder holds
tens of thousands of files; the month is the local one of the day it was received,
which is also the day in a generated request id.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.models.common import ID_PATTERN
from generator.records.kinds import KINDS

if TYPE_CHECKING:
    from datetime import date

RECORDS = "records"
BY_MONTH = frozenset({"requests"})
_FOLDERS = {kind.name: kind.folder for kind in KINDS} | {kind.folder: kind.folder for kind in KINDS}
_ID = re.compile(ID_PATTERN)  # one file name: no '/', no '..', no leading dot


def record_path(kind: str, record_id: str, received: date | None = None) -> str:
    """``records/<folder>/<id>.md`` (``kind`` by name or folder); requests by ``received``.

    A request without ``received`` goes straight into ``records/requests/``. The
    callers check ids and say how to write one; a ValueError here is a bug.
    """
    folder = _FOLDERS.get(kind)
    if folder is None:
        raise ValueError(f"no kind of record is called {kind!r}")
    if not _ID.fullmatch(record_id):
        raise ValueError(f"{record_id!r} is not a plain identifier; it would not be one file name")
    if folder in BY_MONTH and received is not None:
        return f"{RECORDS}/{folder}/{received:%Y}/{received:%m}/{record_id}.md"
    return f"{RECORDS}/{folder}/{record_id}.md"
