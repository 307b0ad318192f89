"""A record command that changes one request reads only that request (and every other
kind of record); its checks must come out exactly as when every file is read. Held for
every request of the sample, with changes that are fine and changes that are wrong."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from generator.authoring.eventline import append_event
from generator.authoring.eventspec import build_event
from generator.authoring.workspace import Workspace
from generator.errors import has_errors
from generator.models.request import Request
from tests.helpers import run_cli

LATE = datetime.fromisoformat("2026-11-25T14:30:00+01:00")
EARLY = datetime.fromisoformat("2026-01-02T09:00:00+01:00")
CHANGES = {
    "a note": ("note", LATE, {"text": "Called back"}),
    "an event out of order": ("status", EARLY, {"status": "in_progress"}),
    "a transfer without a reason": ("assigned", LATE, {"group": "security", "person": "nobody"}),
    "a close without an action": ("closed", LATE, {}),
}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.helpers import copy_sample

    root = copy_sample(tmp_path_factory.mktemp("focus") / "sample")
    assert run_cli("validate", cwd=root).code == 0  # a warm cache, as in daily use
    return root


def test_every_request_checks_the_same_focused_or_not(sample: Path) -> None:
    whole = Workspace(sample)
    requests = [(e.path, e.record.id) for e in whole.catalog.entries.values()
                if isinstance(e.record, Request)]  # fmt: skip
    assert len(requests) == 79
    errors = 0
    for path, record_id in requests:
        focused = Workspace(sample, focus=record_id)
        assert focused.ids() == whole.ids()
        text = whole.read(path)
        assert focused.check(path, text) == whole.check(path, text), path
        for what, (kind, at, options) in CHANGES.items():
            changed = append_event(text, build_event(kind, at, options, "anna.kowalski"))
            said = whole.check(path, changed)
            assert focused.check(path, changed) == said, f"{path}: {what}"
            errors += has_errors(said)
    assert errors > len(requests)  # the wrong changes were found wrong


def test_an_id_that_is_not_a_file_name_reads_everything(sample: Path) -> None:
    focused = Workspace(sample, focus="infra-ops")  # a group, not a request
    assert len(focused.catalog.requests) == 0
    missing = Workspace(sample, focus="REQ-NOT-THERE")
    assert len(missing.catalog.requests) == 79  # not found by file name: all were read
