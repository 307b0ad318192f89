"""The link targets of a record body, and which of them point at nothing.

A body link such as ``[manual](manual.pdf)`` is copied into the generated page as it
is; when ``manual.pdf`` is not in the repository, ``mkdocs build --strict`` fails with a
message naming the generated page, not the record. Validation reports it at the body
line instead, and the intake refuses such links before a record is written. Pure
functions; the one file-system question (does the target exist) is a parameter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote

from generator.errors import Diagnostic

if TYPE_CHECKING:
    from generator.records.loader import LoadedRecord

# [text](target "title") and ![alt](target); the target is <...> or a run without spaces
# (one level of balanced parentheses allowed, as in wiki URLs).
_INLINE = re.compile(r"!?\[[^\]\n]*\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")
# [label]: target, indented at most three spaces.
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^>\n]*>|\S+)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
FULL_URL_PREFIXES = ("http://", "https://", "mailto:")


@dataclass(frozen=True)
class BodyLink:
    """One link target and the body line (1-based within the body) it is on."""

    target: str
    line: int


def body_links(body: str) -> list[BodyLink]:
    """Every inline link, image and reference definition target outside code."""
    found: list[BodyLink] = []
    fence: str | None = None
    previous_blank = True
    for number, line in enumerate(body.split("\n"), start=1):
        opening = _FENCE.match(line)
        if fence is not None:
            if (
                opening is not None
                and opening.group(1)[0] == fence[0]
                and (len(opening.group(1)) >= len(fence))
            ):
                fence = None
            continue
        if opening is not None:
            fence = opening.group(1)
            continue
        blank = not line.strip()
        if previous_blank and (line.startswith("    ") or line.startswith("\t")):
            continue  # an indented code block (its lines keep previous_blank True)
        previous_blank = blank
        text = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        targets = [m.group(1) for m in _INLINE.finditer(text)]
        reference = _REFERENCE.match(text)
        if reference is not None:
            targets.append(reference.group(1))
        found.extend(BodyLink(_unwrap(t), number) for t in targets if _unwrap(t))
    return found


def _unwrap(target: str) -> str:
    return target[1:-1].strip() if target.startswith("<") and target.endswith(">") else target


def is_full_url(target: str) -> bool:
    """True for an absolute http(s) or mailto URL, or an anchor on the same page."""
    return target.startswith("#") or target.lower().startswith(FULL_URL_PREFIXES)


def is_file_link(target: str) -> bool:
    """True for a target that names a file (no scheme, not only an anchor)."""
    return not (target.startswith("#") or _SCHEME.match(target) or target.startswith("//"))


def file_of(target: str, record_path: str) -> str | None:
    """Repository-relative path a file link of the record at ``record_path`` points to,
    or None when it climbs out of the repository."""
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return record_path
    base = PurePosixPath() if path.startswith("/") else PurePosixPath(record_path).parent
    parts: list[str] = []
    for part in (base / path.lstrip("/")).parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def missing_targets(body: str, record_path: str, exists: Callable[[str], bool]) -> list[BodyLink]:
    """File links of a body whose target is not in the repository (``exists`` answers
    for a repository-relative path)."""
    missing = []
    for link in body_links(body):
        if not is_file_link(link.target):
            continue
        path = file_of(link.target, record_path)
        if path is None or not exists(path):
            missing.append(link)
    return missing


def missing_message(target: str) -> str:
    """The validation message for one missing target."""
    return (
        f"link target '{target}' does not exist in the repository; "
        "link a full URL (https://…) or a record file"
    )


def check_body_links(
    entries: Iterable[LoadedRecord], exists: Callable[[str], bool]
) -> list[Diagnostic]:
    """Errors at the body lines of links to files that are not in the repository."""
    found = []
    for entry in entries:
        if "](" not in entry.body and "]:" not in entry.body:
            continue  # most bodies have no link at all
        for link in missing_targets(entry.body, entry.path, exists):
            found.append(
                Diagnostic(
                    entry.path,
                    entry.body_line + link.line - 1,
                    0,
                    "body",
                    missing_message(link.target),
                )
            )
    return found
