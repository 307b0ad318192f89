"""The body of an issue created from a GitHub issue form, split into its answers.

GitHub writes each answer under a ``### <label>`` heading, in the order of the
form, and ``_No response_`` for an optional field left empty. Only a heading
whose label is one the form still expects starts a section, so a requester who
writes ``### Service`` inside the description cannot replace an earlier answer.
The description is the form's last field for the same reason: everything before
it is a single line, so no answer can smuggle in a heading of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

NO_RESPONSE = "_No response_"
HEADING = "### "


def parse_form(body: str, labels: Sequence[str]) -> dict[str, str]:
    """Answers by label; a label whose heading is missing is missing from the result.

    An empty answer or ``_No response_`` becomes ``""``. Text before the first
    heading (none in a form-made issue) is ignored.
    """
    expected = list(labels)
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in body.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        label = line[len(HEADING) :].strip() if line.startswith(HEADING) else None
        if label is not None and label in expected:
            # Later labels only: a heading for a field already read, or one
            # that comes earlier in the form, is part of the current answer.
            del expected[: expected.index(label) + 1]
            current = sections[label] = []
        elif current is not None:
            current.append(line)
    return {label: _answer(lines) for label, lines in sections.items()}


def _answer(lines: list[str]) -> str:
    text = "\n".join(lines).strip()
    return "" if text == NO_RESPONSE else text
