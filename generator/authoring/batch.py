"""Put a batch of files on disk (an import's records and skeletons), each written whole.

A file that already holds exactly the new text is not touched (its time stamp stays),
so running the same import twice changes nothing. A file whose text differs is left
alone: skeleton records are meant to be edited, and a request may have had events
appended since it was imported. ``overwrite`` replaces differing request records (never
skeletons) with the source's version. Each file is written by ``authoring.atomic``,
so an interrupted import leaves no half-written record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.authoring.atomic import write_atomically
from generator.errors import UserError


@dataclass
class WriteReport:
    """What happened to each file of the import."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Existing files whose text differs from the import; left as they are."""
    replaced: list[str] = field(default_factory=list)


def write_files(root: Path, files: dict[str, str], *, overwrite: bool) -> WriteReport:
    """Write ``files`` (repository-relative path → text) below ``root``."""
    report = WriteReport()
    for rel in sorted(files):
        target = root / rel
        data = files[rel].encode("utf-8")
        try:
            existing = target.read_bytes()
        except FileNotFoundError:
            existing = None
        except OSError as error:
            raise UserError(f"{rel}: cannot be read ({error.strerror})") from None
        if existing == data:
            report.unchanged.append(rel)
            continue
        if existing is not None and not (overwrite and rel.startswith("records/requests/")):
            report.kept.append(rel)
            continue
        try:
            write_atomically(target, data)
        except OSError as error:
            raise UserError(f"{rel}: cannot be written ({error.strerror})") from None
        (report.written if existing is None else report.replaced).append(rel)
    return report
