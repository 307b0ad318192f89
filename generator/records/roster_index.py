"""The roster as look-ups: who a requester is, and who belongs to which group.

Built once per run from the people, groups and organizations, so the checks
and pages that ask per request cost a dictionary look-up, never a scan of the
roster. Membership is the roster as it stands: neither ``Group.members`` nor
``Person.groups`` carries dates, so "a member at the time of the event" is
answered with today's membership (``docs/records.md`` says so).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.models.roster import Group, Organization, Person


@dataclass(frozen=True)
class Requester:
    """A request's ``requester`` and what the roster knows about them."""

    raw: str
    person: str | None
    email: str | None
    organization: str | None

    @property
    def domain(self) -> str | None:
        """The e-mail domain, lower case (``lindenhof-kliniken.example``)."""
        if self.email is None or "@" not in self.email:
            return None
        return self.email.rsplit("@", 1)[1].lower()

    def matches(self, entry: str) -> bool:
        """Whether a ``scope.requesters`` entry names this requester.

        An entry is a person id, an organization id, an e-mail address or an
        e-mail domain, written ``@example.com`` or plain ``example.com``.
        """
        wanted = entry.strip().lower()
        if wanted.startswith("@"):
            return self.domain == wanted[1:]
        names = {self.raw, self.person, self.email, self.organization, self.domain}
        return wanted in {name.lower() for name in names if name}


class RosterIndex:
    """Persons by id and e-mail, organizations by domain, members per group."""

    def __init__(
        self,
        people: Iterable[Person],
        groups: Iterable[Group],
        organizations: Iterable[Organization],
    ) -> None:
        self._people = {person.id: person for person in people}
        self._by_email = {
            person.email.lower(): person for person in self._people.values() if person.email
        }
        self._by_domain: dict[str, str] = {}
        for organization in organizations:
            for domain in organization.domains:
                self._by_domain.setdefault(domain.lower().lstrip("@"), organization.id)
        self._members: dict[str, set[str]] = {group.id: set(group.members) for group in groups}
        for person in self._people.values():
            for group_id in person.groups:
                self._members.setdefault(group_id, set()).add(person.id)

    def requester(self, value: str) -> Requester:
        """Who ``value`` (an e-mail address or a person id) is."""
        text = value.strip()
        person = self._people.get(text) or self._by_email.get(text.lower())
        email = person.email if person is not None and person.email else None
        if email is None and "@" in text.strip("@"):
            email = text
        organization = person.organization if person is not None else None
        found = Requester(text, person.id if person else None, email, organization)
        if organization is None and found.domain is not None:
            found = Requester(text, found.person, email, self._by_domain.get(found.domain))
        return found

    def is_member(self, person: str, group: str) -> bool | None:
        """Whether ``person`` is in ``group``; None when the roster lists nobody in it
        (groups written by the importer), so membership cannot be judged."""
        members = self._members.get(group)
        if not members:
            return None
        return person in members

    def members(self, group: str) -> list[str]:
        """The group's members, sorted."""
        return sorted(self._members.get(group, ()))
