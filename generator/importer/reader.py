"""Stream the rows of a CSV export, plain or gzip-compressed, with their line numbers.

The edge that reads the source file. Compression is recognised by the file's first bytes,
not its name. Each row comes with the line it starts on (1 is the header), so problems
can be reported as ``path:line``. A file that cannot be read to its end (another
encoding, damaged or cut-off gzip) stops the import with one message naming the line.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from generator.errors import UserError

GZIP_MAGIC = b"\x1f\x8b"
DEFAULT_ENCODING = "utf-8-sig"  # UTF-8, with or without the byte-order mark Excel writes
_CHUNK = 1 << 16
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)  # "Unicode text" from Excel
_UNREADABLE = (UnicodeDecodeError, OSError, EOFError, zlib.error, csv.Error)


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


def is_text_encoding(name: str) -> bool:
    """Whether ``name`` is an encoding a text file can be read with (not rot13, not zlib)."""
    try:
        io.TextIOWrapper(io.BytesIO(), encoding=name)
    except LookupError:
        return False
    return True


@contextmanager
def open_table(path: Path, encoding: str = DEFAULT_ENCODING) -> Iterator[Table]:
    """Open ``path`` (CSV, or CSV compressed with gzip) and read its header."""
    try:
        raw = path.open("rb")
    except OSError as error:
        raise UserError(f"{path}: cannot be read ({error.strerror})") from None
    if codecs.lookup(encoding).name == "utf-8":
        encoding = DEFAULT_ENCODING  # a byte-order mark is never part of the first column
    with raw:
        compressed = raw.read(2) == GZIP_MAGIC
        raw.seek(0)
        text = io.TextIOWrapper(_binary(raw, compressed), encoding=encoding, newline="")
        reader = csv.reader(text)
        try:
            header = next(reader, None)
        except _UNREADABLE as error:
            raise _unreadable(path, encoding, compressed, 1, error) from None
        if header is None:
            raise UserError(f"{path}: the file is empty; expected a header line")
        rows = _rows(reader, path, encoding, compressed)
        yield Table(tuple(name.strip() for name in header), rows)


def _binary(raw: BinaryIO, compressed: bool) -> BinaryIO:
    return cast("BinaryIO", gzip.GzipFile(fileobj=raw)) if compressed else raw


def _rows(
    reader: Iterator[list[str]], path: Path, encoding: str, compressed: bool
) -> Iterator[tuple[int, list[str]]]:
    line_reader = reader  # csv.reader: line_num is the last physical line read so far
    previous = 1
    try:
        for cells in line_reader:
            start = previous + 1
            previous = line_reader.line_num  # type: ignore[attr-defined]
            yield start, cells
    except _UNREADABLE as error:
        raise _unreadable(path, encoding, compressed, previous + 1, error) from None


def _unreadable(
    path: Path, encoding: str, compressed: bool, line: int, error: Exception
) -> UserError:
    """The message for a file that stops being readable at ``line`` (the first row not read).

    Text is decoded ahead of the CSV reader in chunks, so a decoding error is located
    again by :func:`find_undecodable`; gzip damage cannot be located more closely than
    the rows read, and the fix is the same wherever it is: get the file again.
    """
    again = (
        "it cannot be read from this line on; nothing was written; copy or export the file again"
    )
    if isinstance(error, UnicodeDecodeError):
        found = Undecodable(line, -1, error.object[error.start])
        try:
            with path.open("rb") as raw:
                found = find_undecodable(_binary(raw, compressed), encoding) or found
        except _UNREADABLE:
            pass  # changed since the first read: say what we know
        return UserError(f"{path}:{found.text(encoding, compressed)}; nothing was written")
    if isinstance(error, EOFError):
        return UserError(
            f"{path}:{line}: the compressed file stops short (was it cut off while copied or "
            f"downloaded?); {again}"
        )
    if isinstance(error, zlib.error | gzip.BadGzipFile):
        # zlib says "Error -3 while decompressing data: invalid block type"; keep the why.
        detail = str(error).rpartition("decompressing data: ")[2]
        return UserError(f"{path}:{line}: the compressed data is damaged ({detail}); {again}")
    if isinstance(error, OSError):
        return UserError(
            f"{path}:{line}: the file cannot be read from here on "
            f"({error.strerror or error}); nothing was written"
        )
    where = "not a readable CSV file" if line == 1 else "the file cannot be read from here on"
    return UserError(f"{path}:{line}: {where} ({error}); nothing was written")


@dataclass(frozen=True)
class Undecodable:
    """Where the first byte that the encoding cannot decode sits."""

    line: int
    offset: int  # from the start of the (uncompressed) file, counting from 0; -1: unknown
    byte: int
    likely: str = "latin-1"  # the encoding to suggest: utf-16 after its byte-order mark

    def text(self, encoding: str, compressed: bool) -> str:
        """``4: byte 0xE9 at offset 757 of the file is not UTF-8 text; <the fix>``."""
        of = "the uncompressed file" if compressed else "the file"
        at = f" at offset {self.offset} of {of}" if self.offset >= 0 else ""
        utf8 = codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
        what, fix = (
            (
                "UTF-8",
                f"save the file as UTF-8, or pass --encoding {self.likely} "
                "(or the file's encoding)",
            )
            if utf8
            else (
                encoding,
                "pass --encoding with the file's own encoding, or save the file as UTF-8",
            )
        )
        return f"{self.line}: byte 0x{self.byte:02X}{at} is not {what} text; {fix}"


def find_undecodable(stream: BinaryIO, encoding: str) -> Undecodable | None:
    """The line, offset and value of the first byte of ``stream`` that ``encoding`` refuses.

    Lines are counted as the CSV reader counts them (``\\n``, ``\\r\\n`` or a lone ``\\r``
    ends one, inside quotes too), so the number matches the file's physical lines.
    """
    decoder = codecs.getincrementaldecoder(encoding)()
    line, fed, cr_before = 1, 0, False
    while True:
        chunk = stream.read(_CHUNK)
        pending = len(decoder.getstate()[0])  # bytes of a character split by the chunk
        try:
            text = decoder.decode(chunk, final=not chunk)
        except UnicodeDecodeError as error:
            good = error.object[: error.start].decode(encoding, errors="replace")
            line += _line_breaks(good, cr_before)
            offset = fed - pending + error.start
            likely = "utf-16" if offset == 0 and chunk[:2] in _UTF16_BOMS else "latin-1"
            return Undecodable(line, offset, error.object[error.start], likely)
        if not chunk:
            return None
        line += _line_breaks(text, cr_before)
        cr_before = text.endswith("\r") if text else cr_before
        fed += len(chunk)


def _line_breaks(text: str, cr_before: bool) -> int:
    """How many lines ``text`` ends; a ``\\n`` right after the last chunk's ``\\r`` ends none."""
    count = text.count("\n") + text.count("\r") - text.count("\r\n")
    return count - 1 if cr_before and text.startswith("\n") else count
