"""What a customer's site must never contain, read from the records by this test code
alone (python-frontmatter, not the generator's loader), and a scan of built files.

For a customer C the forbidden strings are, for every other customer O of an agreement:
O's id, name and e-mail domains, its people's names and e-mail addresses, its
agreements' ids and titles and the ids and titles of the requests under them; and the
text of every internal event (every ``note``, any event with ``internal: true``).
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import frontmatter

TEXT_SUFFIXES = {".html", ".xml", ".ics", ".json", ".txt", ".csv", ".md", ".js", ".atom"}
NOTE_CHARS = 40
"""Internal texts are compared on their first characters (rendering keeps them intact)."""


@dataclass(frozen=True)
class Forbidden:
    """One string a site must not contain, and why."""

    text: str
    why: str


def _records(root: Path, folder: str) -> list[dict[str, Any]]:
    found = []
    for path in sorted((root / "records" / folder).rglob("*.md")):
        found.append(dict(frontmatter.load(str(path)).metadata))
    return found


def internal_texts(root: Path) -> list[Forbidden]:
    """The text of every internal event of every request."""
    texts = []
    for request in _records(root, "requests"):
        for event in request.get("events") or []:
            if event.get("type") == "note" or event.get("internal") is True:
                text = " ".join(str(event.get("text", "")).split())[:NOTE_CHARS]
                if text:
                    texts.append(Forbidden(text, f"internal event of {request['id']}"))
    return texts


def customers(root: Path) -> list[str]:
    """The customers of the agreements, sorted."""
    return sorted({str(a["customer"]) for a in _records(root, "agreements")})


def foreign(root: Path, customer: str) -> list[Forbidden]:
    """What identifies every customer but ``customer``."""
    people = _records(root, "people")
    agreements = _records(root, "agreements")
    requests = _records(root, "requests")
    found: list[Forbidden] = []
    for other in customers(root):
        if other == customer:
            continue
        org = next(p for p in people if p["id"] == other)
        found += [Forbidden(other, "customer id"), Forbidden(str(org["title"]), "customer")]
        found += [Forbidden(str(d).lstrip("@"), "e-mail domain") for d in org.get("domains", [])]
        for person in people:
            if person.get("organization") == other:
                found.append(Forbidden(str(person["title"]), f"person of {other}"))
                if person.get("email"):
                    found.append(Forbidden(str(person["email"]), f"e-mail of {other}"))
        theirs = {str(a["id"]) for a in agreements if a["customer"] == other}
        for agreement in agreements:
            if agreement["id"] in theirs:
                found += [Forbidden(str(agreement["id"]), "agreement id")]
                found += [Forbidden(str(agreement["title"]), "agreement title")]
        for request in requests:
            if request.get("agreement") in theirs:
                found += [Forbidden(str(request["id"]), f"request of {other}")]
                found += [Forbidden(str(request["title"]), f"request title of {other}")]
    return found


def _readable(path: Path) -> str:
    raw = path.read_bytes().decode("utf-8", errors="replace")
    text = html.unescape(raw)
    if path.suffix == ".json":
        with contextlib.suppress(ValueError):
            text += "\n" + json.dumps(json.loads(raw), ensure_ascii=False)
    # ICS folds long lines (a CRLF and a space): unfold before searching.
    if path.suffix == ".ics":
        text = re.sub(r"\r?\n[ \t]", "", text).replace("\\,", ",").replace("\\;", ";")
    return " ".join(text.split()).lower()


def scan(site: Path, forbidden: list[Forbidden]) -> list[str]:
    """``file: 'text' (why)`` for every forbidden string found in a text file of ``site``."""
    needles = [(f, " ".join(f.text.split()).lower()) for f in forbidden]
    hits = []
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in TEXT_SUFFIXES:
            continue
        text = _readable(path)
        for item, needle in needles:
            if needle and re.search(re.escape(needle), text):
                hits.append(f"{path.relative_to(site)}: {item.text!r} ({item.why})")
    return hits
