"""Hostile or broken files: each gets a clear path:line error, nothing is read outside."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import failing_validate, run_cli

PEOPLE = "records/people"


def _validate_lines(root: Path) -> list[str]:
    return failing_validate(root)


def test_symlink_leaving_the_repository_is_refused(contract_repo: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\nid: secret\ntype: person\ntitle: Outside\n---\n")
    (contract_repo / PEOPLE / "secret.md").symlink_to(secret)
    assert _validate_lines(contract_repo) == [
        f"{PEOPLE}/secret.md:0: is a symbolic link to a place outside the repository; "
        "it was not read. copy the file into records/ instead"
    ]


def test_oversized_file_is_refused(contract_repo: Path) -> None:
    big = contract_repo / PEOPLE / "big.md"
    big.write_text("---\nid: big\ntype: person\ntitle: Big\n---\n" + "x" * (1024 * 1024))
    assert _validate_lines(contract_repo) == [
        f"{PEOPLE}/big.md:0: is 1048616 bytes, over the 1 MiB limit for a record; "
        "move attachments out of the record and link to them"
    ]


def test_yaml_alias_bomb_is_refused(contract_repo: Path) -> None:
    lines = ["---", "id: bomb", "type: person", "title: Bomb", "a: &a [x, x, x, x, x, x, x, x, x]"]
    for level in "bcdefgh":
        previous = chr(ord(level) - 1)
        lines.append(
            f"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, "
            f"*{previous}, *{previous}, *{previous}, *{previous}, *{previous}]"
        )
    lines.append("---")
    (contract_repo / PEOPLE / "bomb.md").write_text("\n".join(lines) + "\n")
    assert _validate_lines(contract_repo) == [
        f"{PEOPLE}/bomb.md:5: YAML aliases expand to 54481019 nodes / 48427593 bytes; "
        "write the values out or remove the anchors"
    ]


def test_deep_nesting_is_refused(contract_repo: Path) -> None:
    nested = "[" * 40 + "]" * 40
    (contract_repo / PEOPLE / "deep.md").write_text(
        f"---\nid: deep\ntype: person\ntitle: Deep\nx: {nested}\n---\n"
    )
    assert _validate_lines(contract_repo) == [
        f"{PEOPLE}/deep.md:2: the front matter is nested too deeply; use at most 32 levels"
    ]


def test_very_deep_nesting_does_not_crash(contract_repo: Path) -> None:
    nested = "[" * 5000 + "]" * 5000
    (contract_repo / PEOPLE / "deeper.md").write_text(
        f"---\nid: deeper\ntype: person\ntitle: Deep\nx: {nested}\n---\n"
    )
    lines = _validate_lines(contract_repo)
    # libyaml itself may stop first (newer releases cap nesting); either way one clear line.
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"{PEOPLE}/deeper.md:"), lines
    assert "levels" in lines[0], lines


def test_missing_front_matter(contract_repo: Path) -> None:
    (contract_repo / PEOPLE / "plain.md").write_text("Just some notes.\n")
    assert _validate_lines(contract_repo) == [
        f"{PEOPLE}/plain.md:1: the file must start with a '---' line, then the YAML fields, "
        "then '---'"
    ]


def test_unclosed_front_matter(contract_repo: Path) -> None:
    (contract_repo / PEOPLE / "open.md").write_text("---\nid: open\n")
    assert _validate_lines(contract_repo) == [
        f"{PEOPLE}/open.md:1: the front matter is not closed; add a '---' line after the last field"
    ]


def test_front_matter_that_is_not_a_mapping(contract_repo: Path) -> None:
    (contract_repo / PEOPLE / "list.md").write_text("---\n- id: x\n---\n")
    assert _validate_lines(contract_repo) == [
        f"{PEOPLE}/list.md:2: the front matter must be a mapping of 'field: value' lines, "
        "not a list"
    ]


def test_not_utf8(contract_repo: Path) -> None:
    (contract_repo / PEOPLE / "latin.md").write_bytes(b"---\nid: latin\ntitle: Caf\xe9\n---\n")
    assert _validate_lines(contract_repo) == [
        f"{PEOPLE}/latin.md:0: is not UTF-8 text (byte 24); save the file as UTF-8"
    ]


def test_unknown_record_folder_is_a_warning(contract_repo: Path) -> None:
    (contract_repo / "records" / "tickets").mkdir()
    result = run_cli("validate", cwd=contract_repo)
    assert result.code == 0
    assert result.out.startswith(
        "records/tickets:0: warning: not a record folder; records go in one of: agreements, "
    )
