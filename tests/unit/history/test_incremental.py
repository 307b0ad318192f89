"""Parsing revisions field by field gives exactly what parsing each one whole gives."""

from __future__ import annotations

import pytest

from generator.history.incremental import RevisionParser
from generator.records.frontmatter import FrontMatterError, parse

BASE = "---\nid: R\ntitle: T\nevents:\n  - {at: 2026-11-20T09:00:00Z, type: assigned, group: d}\n"
NEXT = "  - {at: 2026-11-20T10:00:00Z, type: note, text: x}\n"

SEQUENCES = {
    "appends": [BASE + "---\n", BASE + NEXT + "---\n", BASE + NEXT + NEXT + "---\nbody\n"],
    "field changes": [BASE + "---\n", BASE.replace("title: T", "title: U") + "---\n"],
    "block items": [
        "---\nevents:\n  - at: 1\n    type: a\n---\n",
        "---\nevents:\n  - at: 1\n    type: a\n  - at: 2\n    type: b\n---\n",
        "---\nevents:\n  - at: 1\n    type: a\n    note: late\n  - at: 2\n    type: b\n---\n",
    ],
    "anchors": [BASE + "---\n", BASE + "x: &a [1]\ny: *a\n---\n", BASE + NEXT + "---\n"],
    "flow across lines": [
        "---\nservices: [a,\n  b]\nid: R\n---\n",
        "---\nservices: [a,\nb]\nid: R\n---\n",
        "---\nservices: [a, b]\nid: R\n---\n",
    ],
    "invalid in between": [BASE + "---\n", BASE + "  bad: [\n---\n", BASE + NEXT + "---\n"],
    "comments and blank lines": [
        "---\n# head\nid: R\n\nevents:\n  - {a: 1}\n# between\n---\n",
        "---\n# head\nid: R\n\nevents:\n  - {a: 1}\n  - {a: 2}\n# between\n---\n",
    ],
    "duplicate keys": ["---\nid: R\nid: S\n---\n", "---\nid: R\nid: T\n---\n"],
    "not a mapping": ["---\n- a\n---\n", BASE + "---\n"],
    "events emptied and refilled": [
        BASE + "---\n",
        "---\nid: R\nevents: []\n---\n",
        BASE + "---\n",
    ],
}


@pytest.mark.parametrize("name", sorted(SEQUENCES))
def test_every_revision_parses_as_a_whole_parse_would(name: str) -> None:
    parser = RevisionParser()
    for text in SEQUENCES[name]:
        whole = parse(text)
        expected = None if isinstance(whole, FrontMatterError) else whole.data
        assert parser.parse(text) == expected, text
