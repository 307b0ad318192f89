"""Appending an event line: one line inserted, every other byte kept."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from generator.authoring.eventline import EditError, append_event
from generator.authoring.yaml_scalars import Scalar

CET = timezone(timedelta(hours=1))
EVENT: dict[str, Scalar] = {
    "at": datetime(2026, 11, 21, 10, 0, tzinfo=CET),
    "type": "status",
    "status": "in_progress",
}
LINE = "{at: 2026-11-21T10:00:00+01:00, type: status, status: in_progress}"


def test_the_line_goes_after_the_last_event_at_its_indentation() -> None:
    text = (
        "---\nid: R\nevents:\n  - {at: 1, type: a}\n  - {at: 2, type: b}  # kept\n"
        "satisfaction: {score: 5}\n---\nBody\n"
    )
    assert append_event(text, EVENT) == text.replace("# kept\n", f"# kept\n  - {LINE}\n")


def test_block_mapping_events_and_block_scalars() -> None:
    text = "---\nevents:\n- at: 1\n  text: |\n    long\n\n# comment\ntitle: x\n---\n"
    assert append_event(text, EVENT) == text.replace("    long\n\n", f"    long\n\n- {LINE}\n")


def test_a_record_without_events_gets_the_field() -> None:
    text = "---\nid: R\ntitle: T\n---\nBody"
    assert append_event(text, EVENT) == f"---\nid: R\ntitle: T\nevents:\n  - {LINE}\n---\nBody"


@pytest.mark.parametrize("empty", ["events: []", "events:"])
def test_an_empty_events_field_becomes_a_list(empty: str) -> None:
    text = f"---\nid: R\n{empty}\ntitle: T\n---\n"
    assert append_event(text, EVENT) == f"---\nid: R\nevents:\n  - {LINE}\ntitle: T\n---\n"


def test_crlf_and_byte_order_mark_are_kept() -> None:
    text = "\ufeff---\r\nid: R\r\nevents:\r\n  - {at: 1, type: a}\r\n---\r\nBody\r\n"
    assert append_event(text, EVENT) == text.replace("type: a}\r\n", f"type: a}}\r\n  - {LINE}\r\n")


def test_a_flow_list_of_events_is_refused() -> None:
    with pytest.raises(EditError, match="one event per line"):
        append_event("---\nevents: [{at: 1, type: a}]\n---\n", EVENT)
