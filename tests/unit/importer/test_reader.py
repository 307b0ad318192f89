"""Locating the first byte an encoding refuses, as the CSV reader counts lines."""

from __future__ import annotations

import io

import pytest

from generator.importer.reader import Undecodable, find_undecodable, is_text_encoding

CHUNK = 1 << 16


def _find(data: bytes, encoding: str = "utf-8-sig") -> Undecodable | None:
    return find_undecodable(io.BytesIO(data), encoding)


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_every_line_ending_counts_one_line(end: str) -> None:
    data = end.join(["a,b", "c,d", "e,\xe9"]).encode("latin-1")
    assert _find(data) == Undecodable(3, len(data) - 1, 0xE9)


def test_a_crlf_split_between_two_chunks_is_one_line() -> None:
    data = b"x" * (CHUNK - 1) + b"\r\n" + b"ok\n\xff"
    assert _find(data) == Undecodable(3, CHUNK + 4, 0xFF)


def test_a_character_split_between_two_chunks_is_fine() -> None:
    data = b"x" * (CHUNK - 1) + "é\n".encode() + b"\xc3("
    assert _find(data) == Undecodable(2, CHUNK + 2, 0xC3)


def test_a_byte_order_mark_counts_in_the_offset() -> None:
    assert _find(b"\xef\xbb\xbfid\n\xe9") == Undecodable(2, 6, 0xE9)


def test_an_incomplete_character_at_the_end_is_found() -> None:
    assert _find(b"id\nab\xc3") == Undecodable(2, 5, 0xC3)


def test_text_the_encoding_reads_has_no_bad_byte() -> None:
    assert _find("id\nCafé\n".encode()) is None
    assert _find("id\nCafé\n".encode("latin-1"), "latin-1") is None
    assert _find("id\r\nCafé\r\n".encode("utf-16"), "utf-16") is None


def test_the_message_names_the_encoding_and_the_fix() -> None:
    found = Undecodable(4, 757, 0xE9)
    assert found.text("utf-8-sig", compressed=False) == (
        "4: byte 0xE9 at offset 757 of the file is not UTF-8 text; save the file as UTF-8, "
        "or pass --encoding latin-1 (or the file's encoding)"
    )
    assert found.text("UTF8", compressed=True).startswith(
        "4: byte 0xE9 at offset 757 of the uncompressed file is not UTF-8 text;"
    )
    assert found.text("ascii", compressed=False) == (
        "4: byte 0xE9 at offset 757 of the file is not ascii text; pass --encoding with the "
        "file's own encoding, or save the file as UTF-8"
    )


def test_only_text_encodings_are_accepted() -> None:
    assert is_text_encoding("latin-1") and is_text_encoding("UTF-16") and is_text_encoding("cp1252")
    assert not is_text_encoding("rot13") and not is_text_encoding("base64")
    assert not is_text_encoding("no-such-codec")
