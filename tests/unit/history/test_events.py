"""Following request events through revisions: recorded, inserted, edited, removed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from generator.history.events import event_trail
from generator.history.parse import Commit
from generator.history.revisions import Lineage, Revision
from generator.history.snapshots import RecordTimeline, Snapshot

PATH = "records/requests/REQ-1.md"


def _snapshot(n: int, events: list[dict[str, Any]], *parents: list[dict[str, Any]]) -> Snapshot:
    when = datetime(2026, 11, n, tzinfo=UTC)
    ids = tuple(f"{p:040d}" for p in range(len(parents)))
    commit = Commit(f"{n:040d}", ids, "Bob", "bob@x.example", when, when, f"c{n}")
    revision = Revision(commit, "M" if parents else "A", PATH, None, f"blob{n}")
    data = tuple({"id": "REQ-1", "events": p} for p in parents)
    return Snapshot(revision, {"id": "REQ-1", "events": events}, data)


def _timeline(*versions: list[dict[str, Any]]) -> RecordTimeline:
    """A linear history: each version's parent is the one before."""
    snapshots = [
        _snapshot(n, events, *([versions[n - 2]] if n > 1 else []))
        for n, events in enumerate(versions, start=1)
    ]
    return _of(snapshots)


def _of(snapshots: list[Snapshot]) -> RecordTimeline:
    return RecordTimeline(Lineage(PATH, tuple(s.revision for s in snapshots)), tuple(snapshots))


AT1 = datetime(2026, 11, 1, 9, tzinfo=UTC)
E1 = {"at": AT1, "type": "assigned", "group": "desk"}
E2 = {"at": datetime(2026, 11, 1, 10, tzinfo=UTC), "type": "responded"}
E3 = {"at": datetime(2026, 11, 1, 11, tzinfo=UTC), "type": "note", "text": "x"}


def test_each_event_keeps_the_commit_that_first_recorded_it() -> None:
    trail = event_trail(_timeline([E1], [E1, E2], [E1, E2, E3]))
    assert [o.commit.message for o in trail.current] == ["c1", "c2", "c3"]
    assert trail.rewrites == ()
    assert [o.position for o in trail.added] == [0, 1, 2]


def test_an_insertion_in_the_middle_is_an_addition() -> None:
    trail = event_trail(_timeline([E1, E3], [E1, E2, E3]))
    assert [o.commit.message for o in trail.current] == ["c1", "c2", "c1"]
    assert trail.rewrites == ()
    assert trail.added[-1].position == 1


def test_edits_and_removals_are_rewrites() -> None:
    edited = {**E2, "type": "message"}
    trail = event_trail(_timeline([E1, E2, E3], [E1, edited], [E1, edited]))
    kinds = [(r.position, r.after is None, r.commit.message) for r in trail.rewrites]
    assert kinds == [(1, False, "c2"), (2, True, "c2")]
    assert trail.rewrites[0].before.commit.message == "c1"
    assert [o.commit.message for o in trail.current] == ["c1", "c2"]


def test_the_same_instant_in_another_offset_is_no_change() -> None:
    same = {**E1, "at": AT1.astimezone(timezone(timedelta(hours=1)))}
    trail = event_trail(_timeline([E1], [same]))
    assert trail.rewrites == ()


def test_branches_interleaved_in_the_log_are_compared_with_their_parents() -> None:
    # c1 holds E1; a branch adds E2 (c2), main adds E3 (c3) from c1; the merge (c4)
    # brings E2 onto main's [E1, E3]. In log order c3 follows c2, but c3's parent is
    # c1, and the merge repeats c2's event: nothing is rewritten or added twice.
    snapshots = [
        _snapshot(1, [E1]),
        _snapshot(2, [E1, E2], [E1]),
        _snapshot(3, [E1, E3], [E1]),
        _snapshot(4, [E1, E3, E2], [E1, E3]),
    ]
    trail = event_trail(_of(snapshots))
    assert trail.rewrites == ()
    assert [o.commit.message for o in trail.current] == ["c1", "c3", "c2"]
    assert [o.commit.message for o in trail.added] == ["c1", "c2", "c3"]


def test_a_merge_that_drops_an_event_removes_it() -> None:
    # Main holds [E1, E2]; the merge of a branch with [E1, E3] keeps only that side.
    snapshots = [
        _snapshot(1, [E1]),
        _snapshot(2, [E1, E2], [E1]),
        _snapshot(3, [E1, E3], [E1]),
        _snapshot(4, [E1, E3], [E1, E2]),
    ]
    (rewrite,) = event_trail(_of(snapshots)).rewrites
    assert (rewrite.position, rewrite.after, rewrite.before.commit.message) == (1, None, "c2")
    assert rewrite.commit.message == "c4"


def test_an_edit_merged_from_a_branch_is_reported_once_where_it_was_made() -> None:
    edited = {**E2, "text": "changed"}
    snapshots = [
        _snapshot(1, [E1, E2]),
        _snapshot(2, [E1, edited], [E1, E2]),
        _snapshot(3, [E1, E2, E3], [E1, E2]),
        _snapshot(4, [E1, edited, E3], [E1, E2, E3]),
    ]
    (rewrite,) = event_trail(_of(snapshots)).rewrites
    assert (rewrite.commit.message, rewrite.after) == ("c2", edited)
