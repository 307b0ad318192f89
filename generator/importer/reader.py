"""Stream the rows of a CSV export, plain or gzip-compressed, with their line numbers.

The edge that reads the source file. Compression is recognised by the file's first bytes,
not its name. Each row comes with the line it starts on (1 is the header), so problems
can be reported as ``path:line``.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from generator.errors import UserError

GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Table:
    """The header of a CSV file and an iterator over its rows as (line, cells)."""

    header: tuple[str, ...]
    rows: Iterator[tuple[int, list[str]]]

    def index(self, columns: list[str], where: str) -> dict[str, int]:
        """Position of each named column; all must be present."""
        positions = {name: i for i, name in enumerate(self.header)}
        missing = [name for name in columns if name not in positions]
        if missing:
            raise UserError(
                f"{where}:1: the header has no column {', '.join(repr(m) for m in missing)}; "
                f"it has {', '.join(self.header)}. Correct the mapping's column names"
            )
        return {name: positions[name] for name in columns}


@contextmanager
def open_table(path: Path) -> Iterator[Table]:
    """Open ``path`` (CSV, or CSV compressed with gzip) and read its header."""
    try:
        raw = path.open("rb")
    except OSError as error:
        raise UserError(f"{path}: cannot be read ({error.strerror})") from None
    with raw:
        compressed = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        binary = cast("BinaryIO", gzip.GzipFile(fileobj=raw)) if compressed else raw
        text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
        reader = csv.reader(text)
        try:
            header = next(reader, None)
        except (UnicodeDecodeError, OSError, csv.Error) as error:
            raise UserError(f"{path}:1: not a readable CSV file ({error})") from None
        if header is None:
            raise UserError(f"{path}: the file is empty; expected a header line")
        yield Table(tuple(name.strip() for name in header), _rows(reader, path))


def _rows(reader: Iterator[list[str]], path: Path) -> Iterator[tuple[int, list[str]]]:
    line_reader = reader  # csv.reader: line_num is the last physical line read so far
    previous = 1
    try:
        for cells in line_reader:
            start = previous + 1
            previous = line_reader.line_num  # type: ignore[attr-defined]
            yield start, cells
    except (UnicodeDecodeError, OSError, EOFError, csv.Error) as error:
        raise UserError(
            f"{path}:{previous + 1}: the file cannot be read from here on ({error}); "
            "nothing was written"
        ) from None
