"""The files of a new service book (``servicebook init``): pure, from the answers alone.

A records repository for one organisation: the organisation, one customer, one calendar
(time zone and, if given, the holiday country), one service, one agreement with P1 to P4
targets, one group and its lead; ``servicebook.yml``; a one-line ``mkdocs.yml`` (the
generator adds the theme and extensions); a guide page; the GitHub workflows, which
install the pinned tool from ``requirements.txt`` (no generator code, no product tests);
a pre-commit hook; a README for the team. Values are written JSON-quoted, which is valid
YAML, so no answer can change the structure of a file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from generator import __version__
from generator.records.schema_version import CURRENT_SCHEMA

ACTION_REPOSITORY = "servicebook/servicebook"
"""Where Servicebook's composite GitHub Action (``action.yml``) lives."""
DEFAULT_ACTION = f"{ACTION_REPOSITORY}@v{__version__}"
"""The action the starter workflows use: the release tag of this version."""


@dataclass(frozen=True)
class Answers:
    """What ``init`` asks for (all checked by the caller)."""

    name: str
    """The organisation's name, e.g. *Prairie Lake IT*."""
    timezone: str
    country: str | None
    customer: str
    lead: str
    """The service desk lead's name."""
    domain: str
    year: int
    """The agreement's first year (1 January)."""
    tool: str = f"servicebook=={__version__}"
    """The pip requirement that installs Servicebook in CI (a version, a git tag, a wheel)."""
    action: str = DEFAULT_ACTION
    """The Servicebook action the workflows use, ``OWNER/REPO@REF``."""


def slug(text: str) -> str:
    """A record id from a name: lower case, words joined by ``-``."""
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words) or "org"


def person_id(name: str) -> str:
    """``first.last`` from a person's name."""
    return ".".join(re.findall(r"[a-z0-9]+", name.lower())) or "lead"


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def starter_files(answers: Answers) -> dict[str, str]:
    """Every file of the new repository, by path."""
    org, customer, lead = slug(answers.name), slug(answers.customer), person_id(answers.lead)
    if customer == org:
        customer = f"{customer}-customer"
    agreement = f"AGR-{customer.upper()}-{answers.year}"
    files = {
        f"records/people/{org}.md": _organization(answers, org, "provider", lead),
        f"records/people/{customer}.md": _customer(answers, customer),
        "records/people/service-desk.md": _group(answers, lead),
        f"records/people/{lead}.md": _person(answers, org, lead),
        "records/calendars/office.md": _calendar(answers),
        "records/rotas/desk-hours.md": _rota(answers, lead),
        "records/services/it-support.md": _service(),
        f"records/agreements/{agreement}.md": _agreement(answers, agreement, org, customer, lead),
        "servicebook.yml": _settings(answers, org),
        "mkdocs.yml": f"site_name: {_q(answers.name + ' service book')}\n",
        "docs/about.md": _about(answers),
        "requirements.txt": f"# The Servicebook release this repository is checked with.\n"
        f"{answers.tool}\n",
        ".gitignore": "/site/\n/.servicebook/\n.venv/\n__pycache__/\n",
        ".pre-commit-config.yaml": _pre_commit(),
        ".github/workflows/validate.yml": _validate_workflow(answers.action),
        ".github/workflows/publish.yml": _publish_workflow(answers.action),
        ".github/workflows/intake.yml": _intake_workflow(answers.action),
        "README.md": _readme(answers),
    }
    return files


def _organization(answers: Answers, org: str, role: str, contact: str) -> str:
    return (
        f"---\nid: {org}\ntype: organization\ntitle: {_q(answers.name)}\nrole: {role}\n"
        f"domains: [{_q(answers.domain)}]\ncontact: {contact}\n---\n"
        "Who we are and what we look after: replace this paragraph.\n"
    )


def _customer(answers: Answers, customer: str) -> str:
    return (
        f"---\nid: {customer}\ntype: organization\ntitle: {_q(answers.customer)}\n"
        "role: customer\n---\nOur first customer: replace with yours.\n"
    )


def _group(answers: Answers, lead: str) -> str:
    return (
        f"---\nid: service-desk\ntype: group\ntitle: Service desk\nlead: {lead}\n"
        f"email: {_q('servicedesk@' + answers.domain)}\nmembers: [{lead}]\n---\n"
        "First point of contact: takes every request and resolves or routes it.\n"
    )


def _person(answers: Answers, org: str, lead: str) -> str:
    email = f"{lead}@{answers.domain}"
    return (
        f"---\nid: {lead}\ntype: person\ntitle: {_q(answers.lead)}\nemail: {_q(email)}\n"
        f"organization: {org}\nrole: Service desk lead\ngroups: [service-desk]\n---\n"
    )


def _calendar(answers: Answers) -> str:
    days = "".join(f'  {day}: ["08:00-17:00"]\n' for day in ("mon", "tue", "wed", "thu", "fri"))
    country = f"country: {_q(answers.country)}\n" if answers.country else ""
    return (
        f"---\nid: office\ntitle: Office hours\ntimezone: {_q(answers.timezone)}\n"
        f"weekly:\n{days}{country}---\n"
        "Weekdays 08:00 to 17:00 local time"
        + (", public holidays excepted" if answers.country else "")
        + ". Change the hours to your own.\n"
    )


def _rota(answers: Answers, lead: str) -> str:
    days = "".join(f'  {day}: ["08:00-17:00"]\n' for day in ("mon", "tue", "wed", "thu", "fri"))
    return (
        f"---\nid: desk-hours\ntitle: Service desk hours\ngroup: service-desk\n"
        f"timezone: {_q(answers.timezone)}\nweekly:\n{days}people: [{lead}]\n"
        f"effective: {answers.year}-01-01\n---\n"
        "Who answers the desk in the office hours. Add the people who take turns and the "
        "evening or on-call shifts you run; the coverage page shows the hours nobody covers.\n"
    )


def _service() -> str:
    return (
        "---\nid: it-support\ntitle: IT support\nowner: service-desk\n"
        "categories: [question, incident, access]\nchannels: [portal, email]\n---\n"
        "Help with computers, accounts and the software we look after.\n"
    )


def _agreement(answers: Answers, agreement: str, org: str, customer: str, lead: str) -> str:
    return f"""---
id: {agreement}
title: {_q(answers.customer + " IT support " + str(answers.year))}
status: active
customer: {customer}
provider: {org}
services: [it-support]
effective: {answers.year}-01-01
calendar: office
targets:
  - match: {{priority: P1}}
    calendar: 24x7
    first_response: 30m
    resolution: 4h
  - match: {{priority: P2}}
    first_response: 1h
    resolution: 8h
  - match: {{priority: P3}}
    first_response: 4h
    resolution: 3 working days
  - match: {{}}
    first_response: 8h
    resolution: 5 working days
escalate_at: [50, 75, 90]
review: {{interval: P12M}}
approvals:
  - {{by: {lead}, role: provider, at: {answers.year}-01-01T09:00:00Z}}
  - {{by: {customer}, role: customer, at: {answers.year}-01-01T09:00:00Z}}
reporting: monthly
---
## What we promise

A stopped business (P1) is answered within 30 minutes and worked on around the clock;
everything else during office hours. P4 covers questions and small changes.

| Priority | First response | Resolved within |
|---|---|---|
| P1 | 30 min, any time | 4 h, any time |
| P2 | 1 h | 8 office hours |
| P3 | 4 h | 3 working days |
| P4 | 8 h | 5 working days |

Replace these targets with the ones you agree with your customer.
"""


def _settings(answers: Answers, org: str) -> str:
    return (
        "# Settings of this service book (see the Servicebook README for every setting).\n"
        f"timezone: {_q(answers.timezone)}\nprovider: {org}\n"
        "# The group whose GitHub team owns every record no owner covers.\n"
        "maintainers: service-desk\nbuilder: mkdocs\n"
        "# The schema the records are written to; `servicebook migrate` upgrades older ones.\n"
        f"schema: {CURRENT_SCHEMA}\n"
    )


def _about(answers: Answers) -> str:
    return (
        f"# About this service book\n\n{answers.name} keeps its service agreements, requests "
        "and procedures as records in git; this site is built from them. To ask for "
        "something, open a service request.\n"
    )


def _pre_commit() -> str:
    return """# Checks the records before each commit; set up once with
# `pip install pre-commit && pre-commit install`. Uses the Servicebook of requirements.txt.
repos:
  - repo: local
    hooks:
      - id: servicebook-validate
        name: servicebook validate
        entry: servicebook validate
        language: system
        pass_filenames: false
        files: ^records/
"""


_CHECKOUT = """      - uses: actions/checkout@v6
        with:
          # Full history: the audit and the agreements' versions read git log.
          fetch-depth: 0
          persist-credentials: false
"""


def _action(action: str, do: str) -> str:
    return f"""
      # Installs the Servicebook release pinned in requirements.txt, then runs it.
      - uses: {action}
        with:
          do: {do}
          servicebook: -r requirements.txt
"""


def _validate_workflow(action: str) -> str:
    return f"""# Checks every pull request: records valid (errors as annotations), CODEOWNERS and
# the request form up to date, the pull request's commits audited, and the site builds
# (attached to the run).
name: Validate

on:
  pull_request:

permissions: {{}}

concurrency:
  group: validate-${{{{ github.event.pull_request.number }}}}
  cancel-in-progress: true

jobs:
  validate:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    permissions:
      contents: read
    steps:
{_CHECKOUT}{_action(action, "validate build")}
      - uses: actions/upload-artifact@v6
        with:
          name: site
          path: site/
          retention-days: 7
"""


def _publish_workflow(action: str) -> str:
    return f"""# Publishes the site to GitHub Pages on every push to main, and hourly, so statuses
# and SLA clocks stay current.
name: Publish

on:
  push:
    branches: [main]
  schedule:
    - cron: "23 * * * *"
  workflow_dispatch:

permissions: {{}}

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    permissions:
      contents: read
    steps:
{_CHECKOUT}{_action(action, "build")}
      - uses: actions/upload-pages-artifact@v5
        with:
          path: site/

  deploy:
    needs: build
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      pages: write
      id-token: write
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v5
"""


def _intake_workflow(action: str) -> str:
    return f"""# Turns an issue made from the service-request form into a request record on a branch
# with a pull request, and answers the requester on the issue (what to fix, or where the
# request is recorded).
name: Intake

on:
  issues:
    types: [opened, edited]

permissions: {{}}

concurrency:
  group: intake-${{{{ github.event.issue.number }}}}
  cancel-in-progress: false

jobs:
  intake:
    if: contains(github.event.issue.labels.*.name, 'service-request')
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: write
      pull-requests: write
      issues: write
    steps:
      - uses: actions/checkout@v6
{_action(action, "intake")}"""


def _readme(answers: Answers) -> str:
    return f"""# {answers.name} service book

Our service agreements, requests and procedures as Markdown records in git, checked and
published by [Servicebook](https://pypi.org/project/servicebook/) (the release pinned in
`requirements.txt`).

```sh
python3 -m venv .venv && .venv/bin/pip install -r requirements.txt && .venv/bin/servicebook build
.venv/bin/servicebook serve   # live preview while you edit records
```

- `records/`: the records (organisations and people, calendars, rotas, services, agreements,
  requests, ...); `servicebook new request` adds one, `servicebook event` and
  `servicebook close` change one.
- `servicebook.yml`: settings; `mkdocs.yml`: the site's name and theme.
- `docs/`: hand-written pages of the site.
- `.github/workflows/`: every pull request is validated and its site built; `main` is
  published to GitHub Pages.

To upgrade Servicebook, change the version in `requirements.txt` in a pull request.
"""
