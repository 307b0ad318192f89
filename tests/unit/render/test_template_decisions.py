"""Templates render, views decide: no rule of the domain is left in the shipped templates.

A template may test a field the view set (``{% if overdue %}``), check for empty lists and
loop positions, and pick a plural; it must not compare statuses, kinds or dates with
literals, look at the instant, or spell a badge's words and style. Those decisions live in
``views/verdicts.py`` and ``views/badges.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.views.badges import STYLES, VERDICTS, badge_of

TEMPLATES = Path(__file__).resolve().parents[3] / "generator" / "default_templates"
# Every Jinja statement and expression, as written.
TAG = re.compile(r"{%.*?%}|{{.*?}}", re.S)
DECISIONS = {
    "compares with a string literal": re.compile(r"(==|!=)\s*[\"']|[\"']\s*(==|!=)"),
    "tests membership in literals": re.compile(r"\bin\s*[(\[][\"']|[\"']\s+(not\s+)?in\b"),
    "orders values (dates, numbers)": re.compile(r"(?<![-=!<>])(<=?|>=?)(?![=>])"),
    "looks at the instant": re.compile(r"\bas_of\b(?!\s*\|)"),
}
# Ordering that is pure presentation: how many parts or steps a page shows.
PRESENTATION = re.compile(r"\|\s*length\s*>\s*1")
BADGE_KINDS = {
    "status",
    "priority",
    "stock",
    "capability",
    "fit",
    "gate",
    "readiness",
    "verdict",
    *STYLES,
}


def _templates(folder: Path = TEMPLATES) -> list[Path]:
    return sorted(folder.rglob("*.j2"))


def _tags(path: Path) -> list[str]:
    text = re.sub(r"{#.*?#}", "", path.read_text(encoding="utf-8"), flags=re.S)
    return TAG.findall(text)


def _decisions(folder: Path = TEMPLATES) -> list[str]:
    found = []
    for path in _templates(folder):
        for tag in _tags(path):
            # `as_of_line(as_of, ...)` only prints the instant; strings are not code.
            code = re.sub(r"\"[^\"]*\"|'[^']*'", '""', tag)
            code = PRESENTATION.sub("", code).replace("as_of_line(as_of", "as_of_line(")
            for what, pattern in DECISIONS.items():
                if pattern.search(code):
                    found.append(f"{path.name}: {what}: {tag}")
    return found


def test_templates_make_no_decisions() -> None:
    assert _decisions() == []


def test_every_badge_goes_through_the_macro_with_a_known_kind() -> None:
    wrong = []
    for path in _templates():
        for tag in _tags(path):
            for call in re.finditer(r"\b(label|badge)\(([^,)]*)", tag):
                name, first = call.groups()
                if path.name == "_macros.md.j2" and first == "kind":
                    continue  # the macro itself
                chosen_by_view = first.endswith(".kind")  # a Verdict from views/verdicts.py
                known = first.strip("\"'") in BADGE_KINDS or chosen_by_view
                if name == "label" or not known:
                    wrong.append(f"{path.name}: {call.group(0)}")
    assert wrong == []


def test_the_check_finds_a_decision(tmp_path: Path) -> None:
    (tmp_path / "x.md.j2").write_text(
        '{% if record.status == "open" and record.due < as_of %}x{% endif %}', encoding="utf-8"
    )
    found = _decisions(tmp_path)
    assert [line.split(": ")[1] for line in found] == [
        "compares with a string literal",
        "orders values (dates, numbers)",
        "looks at the instant",
    ]


@pytest.mark.parametrize(
    ("kind", "value", "label", "style"),
    [
        ("status", "waiting_on_requester", "waiting on requester", "waiting_on_requester"),
        ("priority", "P1", "P1", "priority"),
        ("stock", "low", "low", "stock-low"),
        ("capability", "not_achievable", "not achievable", "capability-not_achievable"),
        ("fit", "short", "does not fit", "breached"),
        ("gate", True, "yes", "passed"),
        ("verdict", "awaiting-customer", "awaiting customer approval", "pending"),
        ("breached", "12.5 %", "12.5 %", "breached"),
    ],
)
def test_badge_labels_and_styles(kind: str, value: object, label: str, style: str) -> None:
    assert badge_of(kind, value) == (label, style)


def test_every_verdict_has_words() -> None:
    assert all(badge.label and badge.style for badge in VERDICTS.values())


def test_an_unknown_badge_kind_is_a_bug() -> None:
    with pytest.raises(ValueError, match="unknown badge kind 'colour'"):
        badge_of("colour", "red")
