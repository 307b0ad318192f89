"""Orientation: staff are the provider's people; a group's onboarding lists what it owns."""

from __future__ import annotations

from typing import Any

from generator.analysis.orientation import is_staff, not_oriented, onboarding
from generator.models.log_entry import LogEntry
from generator.models.maintenance import Maintenance
from generator.models.roster import Group, Organization, Person
from generator.models.service import Service

ORGS = [
    Organization.model_validate(
        {"id": "us", "title": "Us", "type": "organization", "role": "provider"}
    ),
    Organization.model_validate({"id": "acme", "title": "Acme", "type": "organization"}),
]
DESK = Group.model_validate({"id": "desk", "title": "Desk", "type": "group", "members": ["ann"]})


def _person(person_id: str, **more: Any) -> Person:
    return Person.model_validate({"id": person_id, "title": person_id, "type": "person", **more})


def test_staff_are_the_providers_people_or_members_of_its_groups() -> None:
    assert is_staff(_person("ann", organization="us"), ORGS, [DESK])
    assert not is_staff(_person("cy", organization="acme", groups=["desk"]), ORGS, [DESK])
    assert is_staff(_person("ann"), ORGS, [DESK])  # no organization, but in a group
    assert not is_staff(_person("bo"), ORGS, [DESK])


def test_who_joined_and_is_not_oriented_newest_first() -> None:
    people = [
        _person("ann", organization="us", joined="2026-10-01"),
        _person("ben", organization="us", joined="2026-11-02"),
        _person("dee", organization="us", joined="2026-09-01", oriented=True),
        _person("eve", organization="us"),
        _person("cy", organization="acme", joined="2026-11-03"),
    ]
    assert [p.id for p in not_oriented(people, ORGS, [DESK])] == ["ben", "ann"]


def test_a_groups_onboarding_holds_what_it_owns_and_the_work_under_way() -> None:
    people = [_person("ann"), _person("ben", groups=["desk"]), _person("cy")]
    services = [
        Service.model_validate({"id": "mail", "title": "Mail", "owner": "desk"}),
        Service.model_validate({"id": "wms", "title": "WMS", "owner": "apps"}),
    ]
    plans = [
        Maintenance.model_validate(
            {
                "id": f"MNT-{status}",
                "title": status,
                "type": "preventive",
                "status": status,
                "owner": "desk",
            }
        )
        for status in ("scheduled", "done", "in_progress")
    ]
    actions = [
        LogEntry.model_validate(
            {
                "id": f"LOG-{status}",
                "title": status,
                "at": "2026-11-10T10:00:00Z",
                "type": "corrective_action",
                "by": "desk",
                "status": status,
                "result": "fixed",
            }
        )
        for status in ("open", "done")
    ]
    page = onboarding(DESK, people, services, [], [], plans, actions)
    assert [p.id for p in page.members] == ["ann", "ben"]
    assert [s.id for s in page.services] == ["mail"]
    assert [m.id for m in page.maintenance] == ["MNT-scheduled", "MNT-in_progress"]
    assert [e.id for e in page.actions] == ["LOG-open"]
