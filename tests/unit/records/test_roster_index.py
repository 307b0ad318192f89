"""The roster's look-ups: who a requester is, how scope entries match, who is a member."""

from __future__ import annotations

import pytest

from generator.models.roster import Group, Organization, Person
from generator.records.roster_index import RosterIndex

ROSTER = RosterIndex(
    [
        Person(id="ann", title="Ann", type="person", email="Ann@Acme.example", organization="acme"),
        Person(id="bo", title="Bo", type="person", groups=["desk"]),
    ],
    [
        Group(id="desk", title="Desk", type="group", members=["ann"]),
        Group(id="new", title="N", type="group"),
    ],
    [Organization(id="acme", title="Acme", type="organization", domains=["acme.example"])],
)


@pytest.mark.parametrize(
    ("requester", "entry", "matches"),
    [
        ("ann", "acme", True),
        ("ann@acme.example", "ann", True),
        ("ann", "@acme.example", True),
        ("zed@ACME.example", "acme", True),
        ("zed@acme.example", "@acme.example", True),
        ("zed@acme.example", "acme.example", True),
        ("zed@sub.acme.example", "@acme.example", False),
        ("zed@evil.example", "acme", False),
        ("bo", "@acme.example", False),
        ("eve", "acme", False),
    ],
)
def test_scope_entries_match_people_organizations_and_domains(
    requester: str, entry: str, matches: bool
) -> None:
    assert ROSTER.requester(requester).matches(entry) is matches


def test_members_come_from_the_group_and_from_the_person() -> None:
    assert ROSTER.is_member("ann", "desk") and ROSTER.is_member("bo", "desk")
    assert ROSTER.members("desk") == ["ann", "bo"]
    assert ROSTER.is_member("ann", "new") is None  # nobody recorded: not judged
