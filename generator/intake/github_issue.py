"""A GitHub ``issues`` event from the service-request form, as a request record.

Pure: it reads the parsed event, checks the answers against the catalog, and gives
the record's id, escaped title and body, or the problems and the comment that
explains them. Reading the event file and writing the record is the job of
``commands.intake``; the record's text is ``intake.request_file``'s.

The record id is ``REQ-<date>-<suffix>``: the date the issue was opened (in the
repository's time zone) and four hex digits that are a fixed permutation of the
issue number. A re-run for the same issue gives the same id; two issues of one
repository never share a suffix unless their numbers are 65,536 apart *and*
they were opened on the same day, so two intakes running at once on two
branches cannot collide.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from generator.analysis.categorise import CategorySuggester
from generator.checks.body_links import body_links, is_full_url
from generator.errors import UserError
from generator.intake.issue_form import parse_form
from generator.intake.submission import Answers, Classification, Problem, classify, quote
from generator.intake.untrusted import escape_body, escape_title, flatten
from generator.models.instant import InstantError, parse_instant
from generator.models.instant_range import DEFAULT_RANGE, InstantRange, range_problem
from generator.records.scan import MAX_FILE_BYTES

if TYPE_CHECKING:
    from generator.records.catalog import Catalog

SERVICE = "Service"
CATEGORY = "Category"
PRIORITY = "Priority"
CONTACT = "Contact e-mail"
DESCRIPTION = "Description"
FORM_LABELS = (SERVICE, CATEGORY, PRIORITY, CONTACT, DESCRIPTION)
"""The labels of ``.github/ISSUE_TEMPLATE/service-request.yml``, in form order."""
LABELS = {
    "title": "Title",
    "service": SERVICE,
    "category": CATEGORY,
    "priority": PRIORITY,
    "contact": CONTACT,
    "description": DESCRIPTION,
    "opened": "Opened",
}
MAX_DESCRIPTION_BYTES = MAX_FILE_BYTES - 16 * 1024
"""The longest description (as written into the record): the loader refuses a record over
MAX_FILE_BYTES, and the front matter an intake writes takes well under 16 KiB."""

TITLE_PREFIX = "[Request]"
"""The issue form's default title; a title that is only this says nothing."""
_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$")
_URL = re.compile(r"^https://[^\s<>()\[\]`]+$")


@dataclass(frozen=True)
class Issue:
    """What the intake uses of an ``issues`` event."""

    number: int
    title: str
    body: str
    login: str
    created_at: datetime
    url: str
    repository: str


def read_event(data: Any) -> Issue:
    """The issue of an ``issues`` event payload; a UserError for anything else."""
    issue = data.get("issue") if isinstance(data, dict) else None
    if not isinstance(issue, dict):
        raise UserError("the event has no 'issue' object; pass the payload of an 'issues' event")
    number = issue.get("number")
    created = issue.get("created_at")
    url = issue.get("html_url")
    user = issue.get("user")
    login = user.get("login") if isinstance(user, dict) else None
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise UserError("the event's issue.number is missing or not a positive whole number")
    if not isinstance(created, str):
        raise UserError("the event's issue.created_at is missing")
    try:
        created_at = parse_instant(created)
    except InstantError as error:
        problem = "has no UTC offset" if error.kind == "offset" else "is not an ISO 8601 time"
        raise UserError(f"the event's issue.created_at '{created}' {problem}") from None
    try:
        created_utc = created_at.astimezone(UTC)
    except OverflowError:
        raise UserError(
            f"the event's issue.created_at '{created}' is outside the calendar; "
            "check the event file"
        ) from None
    if not isinstance(url, str) or not _URL.match(url):
        raise UserError("the event's issue.html_url is missing or not an https URL")
    if not isinstance(login, str) or not _LOGIN.match(login):
        raise UserError("the event's issue.user.login is missing or not a GitHub login")
    repository = data.get("repository")
    full_name = repository.get("full_name") if isinstance(repository, dict) else None
    return Issue(
        number=number,
        title=_text(issue.get("title")),
        body=_text(issue.get("body")),
        login=login,
        created_at=created_utc,
        url=url,
        repository=full_name if isinstance(full_name, str) else "",
    )


def _text(value: object) -> str:
    # GitHub sends "body": null for an issue without a description.
    return value if isinstance(value, str) else ""


def request_id(issue: Issue, timezone: str) -> str:
    """``REQ-20261120-3F2A``: the local opening date plus the permuted issue number."""
    day = issue.created_at.astimezone(ZoneInfo(timezone)).strftime("%Y%m%d")
    return f"REQ-{day}-{suffix(issue.number, issue.repository):04X}"


def suffix(number: int, repository: str = "") -> int:
    """A 16-bit value that differs for every issue number in a window of 65,536.

    Multiplying by an odd constant and xor-shifting are both invertible modulo
    2**16, so the mix is a permutation: it looks random, but never collides.
    The repository's name shifts the start, so two repositories feeding one
    records folder are unlikely to produce the same sequence.
    """
    offset = int.from_bytes(hashlib.sha256(repository.encode()).digest()[:2], "big")
    value = (number + offset) & 0xFFFF
    value = (value * 0x9E37) & 0xFFFF
    value ^= value >> 7
    value = (value * 0x5BD1) & 0xFFFF
    return value ^ (value >> 9)


@dataclass(frozen=True)
class Submission:
    """An issue's answers, made safe and checked: the record fields or the problems."""

    title: str
    description: str
    classification: Classification | None
    problems: tuple[Problem, ...]


def read_submission(
    issue: Issue, catalog: Catalog, instants: InstantRange = DEFAULT_RANGE
) -> Submission:
    """Parse the form, escape what the requester wrote and check it against the records;
    what validation would refuse (a time out of range, a description too long for a
    record, links to files that are not there) is refused here, before anything is
    written."""
    raw = parse_form(issue.body, FORM_LABELS)
    title = escape_title(_strip_prefix(issue.title))
    description = escape_body(raw.get(DESCRIPTION, ""))
    problems: list[Problem] = []
    if range_problem(issue.created_at, instants) is not None:
        problems.append(
            Problem(
                "opened",
                f"the issue was opened at {issue.created_at.isoformat()}, outside the times "
                f"this service book records ({instants.describe()}). Editing the issue "
                "cannot change that; please ask the service desk to record the request.",
            )
        )
    problems.extend(description_problems(description))
    if not title:
        problems.append(
            Problem(
                "title",
                "the issue has no title of its own. Replace the title with a few words "
                "that say what you need, e.g. *Label printer at dock 4 prints blank labels*.",
            )
        )
    answers = Answers(
        service=flatten(raw.get(SERVICE, ""), 200),
        category=flatten(raw.get(CATEGORY, ""), 200),
        priority=flatten(raw.get(PRIORITY, ""), 200),
        contact=flatten(raw.get(CONTACT, ""), 200),
    )
    suggester = CategorySuggester(catalog.services, catalog.requests)
    classification, found = classify(
        catalog,
        answers,
        fallback_requester=f"@{issue.login}",
        received=issue.created_at,
        suggest=lambda service: suggester.suggest(service, title, description),
    )
    problems.extend(found)
    if not description:
        problems.append(
            Problem(
                "description",
                "the description is empty. Write what you need or what is wrong, "
                "since when, and who is affected.",
            )
        )
    return Submission(title, description, None if problems else classification, tuple(problems))


def description_problems(description: str) -> list[Problem]:
    """A description too long for a record, or linking files by a relative address."""
    found = []
    size = len(description.encode("utf-8"))
    if size > MAX_DESCRIPTION_BYTES:
        found.append(
            Problem(
                "description",
                f"the description is {size:,} bytes long, over the limit of "
                f"{MAX_DESCRIPTION_BYTES:,} bytes. Shorten it, and put long logs or "
                "screenshots in a comment or a file share and link them by a full URL "
                "(https://…).",
            )
        )
    links = body_links(description)
    relative = sorted({link.target for link in links if not is_full_url(link.target)})
    if relative:
        named = ", ".join(quote(target) for target in relative)
        which = "which is not a full URL" if len(relative) == 1 else "which are not full URLs"
        found.append(
            Problem(
                "description",
                f"the description links {named}, {which}. Attachments must be "
                "linked by a full URL: upload the file (for example by dragging it into a "
                "comment on this issue) and link the address it gets, starting with https://.",
            )
        )
    return found


def _strip_prefix(title: str) -> str:
    text = title.strip()
    if text.lower().startswith(TITLE_PREFIX.lower()):
        text = text[len(TITLE_PREFIX) :].lstrip(" :-")
    return text


def comment_text(problems: tuple[Problem, ...]) -> str:
    """The Markdown comment that tells the requester what to fix and how."""
    which = "this answer needs" if len(problems) == 1 else "these answers need"
    lines = [
        f"Thank you for your request. We could not record it yet, because {which} fixing:",
        "",
        *(f"- **{LABELS[p.field]}**: {p.message}" for p in problems),
        "",
        "To fix it, edit this issue: open the **···** menu of the issue's first post, "
        "choose **Edit**, and replace the text under the heading concerned (for example "
        "the line under `### Category`); keep the headings as they are. To change the "
        "title, use **Edit** next to it. When you save, the request is checked again. "
        "Nothing has been recorded so far.",
    ]
    return "\n".join(lines) + "\n"


def record_body(description: str, issue: Issue) -> str:
    """The record's Markdown body: the escaped description and where it came from."""
    source = f"[#{issue.number}]({issue.url})"
    return f"{description}\n\n*Submitted through GitHub issue {source} by @{issue.login}.*\n"
