"""``servicebook import csv`` on files it cannot read to the end: another encoding, damaged gzip.

Each must stop with one ``path:line`` message that says what is wrong and how to fix it,
exit 1 (2 for a bad ``--encoding``), no traceback, and nothing written: the import
gathers everything before it writes, so a file that breaks on its last line leaves the
repository as it was.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import pytest

from tests.helpers import Run, run_cli
from tests.unit.importer.csv_samples import TWO_INCIDENTS

LINES = [line.encode() for line in TWO_INCIDENTS.splitlines(keepends=True)]
# "Caller é" written in Latin-1 (byte 0xE9) on the third data row, physical line 4.
LATIN_LINE = LINES[3].replace(b"Caller 12", b"Caller \xe9")
LATIN = b"".join([*LINES[:3], LATIN_LINE, *LINES[4:]])
LATIN_OFFSET = sum(len(line) for line in LINES[:3]) + LINES[3].index(b"Caller 12") + 7
SAVE_AS = "save the file as UTF-8, or pass --encoding latin-1 (or the file's encoding)"
# Enough rows that the file spans many compressed blocks, so damage can sit mid-file.
MANY = b"".join(LINES + LINES[1:] * 300)
AGAIN = "nothing was written; copy or export the file again"


def _import(tmp_path: Path, name: str, data: bytes, *extra: str) -> Run:
    (tmp_path / name).write_bytes(data)
    result = run_cli(
        "import", "csv", name, "--mapping", "uci-servicenow", "--into", "repo", *extra,
        cwd=tmp_path,
    )  # fmt: skip
    assert "Traceback" not in result.err
    return result


def _refused(tmp_path: Path, name: str, data: bytes, *extra: str) -> str:
    """The one error line of an import that must stop before writing anything."""
    result = _import(tmp_path, name, data, *extra)
    assert result.code == 1, result.err
    assert not (tmp_path / "repo" / "records").exists()
    assert result.err.count("\n") == 1, result.err
    return result.err.removeprefix("servicebook: ").removesuffix("\n")


def test_a_latin_1_file_names_the_line_and_byte_and_the_fix(tmp_path: Path) -> None:
    assert _refused(tmp_path, "export.csv", LATIN) == (
        f"export.csv:4: byte 0xE9 at offset {LATIN_OFFSET} of the file is not UTF-8 text; "
        f"{SAVE_AS}; nothing was written"
    )


def test_a_latin_1_byte_in_the_header_names_line_1(tmp_path: Path) -> None:
    data = b"#\xe9," + LATIN
    assert _refused(tmp_path, "export.csv", data) == (
        "export.csv:1: byte 0xE9 at offset 1 of the file is not UTF-8 text; "
        f"{SAVE_AS}; nothing was written"
    )


def test_a_compressed_latin_1_file_counts_the_uncompressed_bytes(tmp_path: Path) -> None:
    data = b"".join(LINES + LINES[1:] * 40) + LATIN_LINE  # past the first read-ahead chunk
    line = len(LINES) + 40 * (len(LINES) - 1) + 1
    offset = len(data) - len(LATIN_LINE) + LATIN_LINE.index(b"\xe9")
    assert _refused(tmp_path, "export.csv.gz", gzip.compress(data)) == (
        f"export.csv.gz:{line}: byte 0xE9 at offset {offset} of the uncompressed file is not "
        f"UTF-8 text; {SAVE_AS}; nothing was written"
    )


def test_a_bad_byte_after_a_quoted_line_break_names_its_physical_line(tmp_path: Path) -> None:
    data = LATIN.replace(b"Caller 12", b'"Caller\r\n12"', 1)  # row 2 spans lines 2 and 3
    assert _refused(tmp_path, "export.csv", data).startswith("export.csv:5: byte 0xE9 at offset")


def test_encoding_latin_1_imports_the_file(tmp_path: Path) -> None:
    data = LATIN.replace(b"Group 9", b"Group \xe9quipe", 2)  # on lines 3 and 4
    result = _import(tmp_path, "export.csv", data, "--encoding", "latin-1")
    assert result.code == 0, result.err
    assert "9 rows read with mapping uci-servicenow (shipped): 2 tickets, 0 rows skipped" in (
        result.err
    )
    group = (tmp_path / "repo/records/people/uci-group-quipe.md").read_text(encoding="utf-8")
    assert "title: Group équipe\n" in group
    assert run_cli("validate", cwd=tmp_path / "repo").code == 0
    assert run_cli("validate", cwd=tmp_path / "repo").code == 0


def test_a_utf_16_file_gets_utf_16_suggested(tmp_path: Path) -> None:
    data = TWO_INCIDENTS.encode("utf-16")
    assert _refused(tmp_path, "export.csv", data) == (
        "export.csv:1: byte 0xFF at offset 0 of the file is not UTF-8 text; save the file as "
        "UTF-8, or pass --encoding utf-16 (or the file's encoding); nothing was written"
    )
    assert _import(tmp_path, "export.csv", data, "--encoding", "utf-16").code == 0


def test_encoding_utf_8_still_drops_a_byte_order_mark(tmp_path: Path) -> None:
    data = TWO_INCIDENTS.encode("utf-8-sig")
    assert _import(tmp_path, "export.csv", data, "--encoding", "UTF8").code == 0


def test_a_byte_the_given_encoding_lacks_says_so(tmp_path: Path) -> None:
    data = LATIN.replace(b"\xe9", b"\x81")  # undefined in cp1252
    assert _refused(tmp_path, "export.csv", data, "--encoding", "cp1252") == (
        f"export.csv:4: byte 0x81 at offset {LATIN_OFFSET} of the file is not cp1252 text; "
        "pass --encoding with the file's own encoding, or save the file as UTF-8; "
        "nothing was written"
    )


@pytest.mark.parametrize("name", ["latin-9x", "rot13", "zlib"])
def test_an_unknown_encoding_is_a_usage_error(tmp_path: Path, name: str) -> None:
    result = _import(tmp_path, "export.csv", LATIN, "--encoding", name)
    assert result.code == 2
    assert result.err == (
        f"servicebook: --encoding {name}: not a text encoding Python knows; give the file's "
        "encoding, e.g. utf-8, latin-1, cp1252 or utf-16\n"
    )
    assert not (tmp_path / "repo").exists()


def test_a_gzip_file_cut_in_half_stops_with_nothing_written(tmp_path: Path) -> None:
    compressed = gzip.compress(MANY)
    message = _refused(tmp_path, "export.csv.gz", compressed[: len(compressed) // 2])
    line, text = message.removeprefix("export.csv.gz:").split(":", 1)
    assert 100 < int(line) < MANY.count(b"\n")
    assert text == (
        " the compressed file stops short (was it cut off while copied or downloaded?); "
        f"it cannot be read from this line on; {AGAIN}"
    )


def test_a_gzip_file_without_its_last_bytes_stops_on_the_last_line(tmp_path: Path) -> None:
    compressed = gzip.compress(TWO_INCIDENTS.encode())
    assert _refused(tmp_path, "export.csv.gz", compressed[:-8]) == (
        "export.csv.gz:11: the compressed file stops short (was it cut off while copied or "
        f"downloaded?); it cannot be read from this line on; {AGAIN}"
    )


def test_gzip_magic_followed_by_garbage_is_damaged_at_line_1(tmp_path: Path) -> None:
    assert _refused(tmp_path, "export.csv.gz", b"\x1f\x8b" + b"garbage" * 20) == (
        "export.csv.gz:1: the compressed data is damaged (Unknown compression method); "
        f"it cannot be read from this line on; {AGAIN}"
    )


def test_a_damaged_deflate_stream_at_the_start_is_damaged_at_line_1(tmp_path: Path) -> None:
    header = gzip.compress(b"")[:10]  # a valid gzip header, then bytes that are no deflate
    message = _refused(tmp_path, "export.csv.gz", header + b"\xff" * 200)
    assert message == (
        "export.csv.gz:1: the compressed data is damaged (invalid block type); "
        f"it cannot be read from this line on; {AGAIN}"
    )


def test_damage_in_the_middle_of_a_gzip_file_names_a_line_past_the_header(
    tmp_path: Path,
) -> None:
    compressed = bytearray(gzip.compress(MANY))
    middle = len(compressed) // 2
    compressed[middle : middle + 64] = bytes(b ^ 0x5A for b in compressed[middle : middle + 64])
    message = _refused(tmp_path, "export.csv.gz", bytes(compressed))
    line, text = message.removeprefix("export.csv.gz:").split(":", 1)
    assert 100 < int(line) < MANY.count(b"\n")
    assert text.startswith(" the compressed data is damaged (") or text.startswith(
        " the compressed file stops short"
    )
    assert text.endswith(f"; it cannot be read from this line on; {AGAIN}")


def test_a_zlib_error_mid_file_is_reported(tmp_path: Path) -> None:
    """A stored-block length that does not match its complement is a zlib.error."""
    start = gzip.compress(b"")[:10]
    good = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = good.compress(MANY[:40_000]) + good.flush(zlib.Z_FULL_FLUSH)
    broken = b"\x00\x10\x00\x10\x00"  # a stored block whose length check fails
    message = _refused(tmp_path, "export.csv.gz", start + body + broken + b"\x00" * 100)
    line, text = message.removeprefix("export.csv.gz:").split(":", 1)
    assert 50 < int(line) <= MANY[:40_000].count(b"\n") + 1
    assert text == (
        " the compressed data is damaged (invalid stored block lengths); "
        f"it cannot be read from this line on; {AGAIN}"
    )


def test_a_bad_crc_is_reported_at_the_end(tmp_path: Path) -> None:
    compressed = bytearray(gzip.compress(TWO_INCIDENTS.encode()))
    compressed[-8] ^= 0xFF  # the CRC-32 of the trailer
    message = _refused(tmp_path, "export.csv.gz", bytes(compressed))
    assert message.startswith("export.csv.gz:11: the compressed data is damaged (CRC check failed")
    assert message.endswith(f"; it cannot be read from this line on; {AGAIN}")
