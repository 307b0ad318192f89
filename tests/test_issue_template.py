"""The service-request issue form matches the intake and the records it offers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import yaml

from generator.intake.github_issue import FORM_LABELS, TITLE_PREFIX, Issue, read_submission
from generator.intake.submission import PRIORITIES, option
from generator.pipeline import validate
from tests.conftest import REPO

TEMPLATES = REPO / ".github" / "ISSUE_TEMPLATE"


def _form() -> dict[str, Any]:
    data = yaml.safe_load((TEMPLATES / "service-request.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _fields() -> dict[str, dict[str, Any]]:
    return {f["attributes"]["label"]: f for f in _form()["body"] if f["type"] != "markdown"}


def test_the_form_asks_what_the_intake_reads_in_the_same_order() -> None:
    assert tuple(_fields()) == FORM_LABELS
    # Only the last answer may span lines (see generator/intake/issue_form.py).
    kinds = [field["type"] for field in _fields().values()]
    assert kinds == ["dropdown", "dropdown", "dropdown", "input", "textarea"]
    required = {label: f.get("validations", {}).get("required") for label, f in _fields().items()}
    assert required == {
        "Service": True,
        "Category": True,
        "Priority": True,
        "Contact e-mail": False,
        "Description": True,
    }


def test_the_form_labels_issues_for_the_intake_workflow() -> None:
    form = _form()
    assert form["labels"] == ["service-request"]
    assert form["title"].strip() == TITLE_PREFIX
    workflow = (REPO / ".github" / "workflows" / "intake.yml").read_text(encoding="utf-8")
    assert "labels.*.name, 'service-request')" in workflow


def test_the_options_are_the_live_services_and_their_categories() -> None:
    catalog = validate(REPO).catalog
    live = [s for s in catalog.services if s.status == "live"]
    fields = _fields()
    assert fields["Service"]["attributes"]["options"] == [option(s.title, s.id) for s in live]
    assert fields["Category"]["attributes"]["options"] == [
        f"{s.title}: {option(c.title, c.id)}" for s in live for c in s.categories
    ]
    priorities = [o.split(" ")[0] for o in fields["Priority"]["attributes"]["options"]]
    assert tuple(priorities) == PRIORITIES


def test_every_service_with_each_of_its_categories_can_be_submitted() -> None:
    catalog = validate(REPO).catalog
    fields = _fields()
    priority = fields["Priority"]["attributes"]["options"][2]
    for service in fields["Service"]["attributes"]["options"]:
        title = service.rsplit(" (", 1)[0]
        for category in fields["Category"]["attributes"]["options"]:
            if not category.startswith(f"{title}: "):
                continue
            body = "\n\n".join(
                f"### {label}\n\n{value}"
                for label, value in zip(
                    FORM_LABELS,
                    (service, category, priority, "_No response_", "It is broken."),
                    strict=True,
                )
            )
            issue = Issue(
                number=1,
                title="[Request] Something",
                body=body,
                login="someone",
                created_at=datetime(2026, 11, 20, 9, tzinfo=UTC),
                url="https://github.com/acme/book/issues/1",
                repository="acme/book",
            )
            submission = read_submission(issue, catalog)
            assert submission.problems == (), (service, category)


def test_the_chooser_offers_only_the_form_to_requesters() -> None:
    config = yaml.safe_load((TEMPLATES / "config.yml").read_text(encoding="utf-8"))
    assert config == {"blank_issues_enabled": False}
