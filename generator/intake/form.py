"""The service-request issue form, kept in step with the records (pure).

The options of the form's **Service** and **Category** dropdowns are the live services
(``Title (id)``) and each one's categories (``Service title: Category title (id)``), in
record order: what the intake accepts. :func:`form_text` rewrites only those two option
lists of the current form, so the team's own wording stays; without a form it starts
from the default one shipped with the package.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from importlib import resources

import yaml

from generator.errors import UserError
from generator.intake.submission import option
from generator.models.service import Service

FORM_PATH = ".github/ISSUE_TEMPLATE/service-request.yml"
_OPTIONS = re.compile(
    r"(?P<head>\n(?P<indent>[ ]+)label: (?P<label>Service|Category)\n(?:(?P=indent)[^\n]*\n)*?"
    r"(?P=indent)options:\n)(?P<items>(?:(?P=indent)  - [^\n]*\n)+)"
)


def service_options(services: Iterable[Service]) -> tuple[list[str], list[str]]:
    """The Service and Category options for the live services."""
    live = [service for service in services if service.status == "live"]
    return (
        [option(s.title, s.id) for s in live],
        [f"{s.title}: {option(c.title, c.id)}" for s in live for c in s.categories],
    )


def default_form() -> str:
    """The form shipped with Servicebook (its option lists are placeholders)."""
    return (resources.files("generator") / "default_templates" / "service-request.yml").read_text(
        encoding="utf-8"
    )


def form_text(current: str | None, services: Sequence[Service]) -> str:
    """``current`` (or the default form) with its two option lists made from ``services``."""
    text = default_form() if current is None else current
    lists = dict(zip(("Service", "Category"), service_options(services), strict=True))
    seen: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        label, indent = match["label"], match["indent"]
        seen.add(label)
        items = "".join(f"{indent}  - {_scalar(value)}\n" for value in lists[label])
        return match["head"] + items

    result = _OPTIONS.sub(replace, text)
    missing = [label for label in lists if label not in seen]
    if missing:
        raise UserError(
            f"{FORM_PATH} has no options list under the label {missing[0]!r}; keep the "
            "Service and Category dropdowns (label, then options), or delete the file to "
            "start from the default form"
        )
    return result


def _scalar(value: str) -> str:
    """``value`` as a YAML list item: plain when it reads back as itself, else quoted."""
    try:
        if yaml.safe_load(f"- {value}") == [value]:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)
