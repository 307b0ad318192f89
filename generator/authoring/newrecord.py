"""New records from templates: which fields each kind asks for, and the file text.

The templates are ``records/<kind>.md.j2`` in the repository's ``templates/``
folder (an override) or the package's defaults. Values are written in the style
of the sample records (flow lists, plain scalars where YAML reads them back
unchanged, quotes otherwise), so a new file looks like one written by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined

from generator.authoring.yaml_scalars import flow


@dataclass(frozen=True)
class FieldSpec:
    """One value ``servicebook new`` asks for: its flag, prompt and default."""

    name: str
    help: str
    required: bool = False
    default: str = ""
    is_list: bool = False
    kind: str = "text"  # text, instant, day

    @property
    def flag(self) -> str:
        """``--requested-by`` for ``requested_by``."""
        return "--" + self.name.replace("_", "-")


_TITLE = FieldSpec("title", "title shown on the site", required=True)
_DESCRIPTION = FieldSpec("description", "Markdown body of the record")
_ID = FieldSpec("id", "record id, also the file name", required=True)

NEW_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "request": (
        _TITLE,
        FieldSpec("service", "service requested (id)", required=True),
        FieldSpec("requester", "who asked: e-mail or person id", required=True),
        FieldSpec("priority", "P1 (highest) to P5", required=True, default="P3"),
        FieldSpec("agreement", "agreement it is handled under (id)"),
        FieldSpec("category", "category of the service"),
        FieldSpec("channel", "how it arrived: portal, email, phone…", default="portal"),
        FieldSpec("received", "when it arrived, ISO 8601 (default: now)", kind="instant"),
        _DESCRIPTION,
    ),
    "agreement": (
        _ID,
        _TITLE,
        FieldSpec("customer", "customer organization (roster id)", required=True),
        FieldSpec("services", "services covered, comma-separated ids", True, is_list=True),
        FieldSpec("effective", "first day it applies, YYYY-MM-DD", True, kind="day"),
        FieldSpec("status", "draft, negotiating, active…", default="draft"),
        FieldSpec("provider", "provider organization (roster id)"),
        FieldSpec("expires", "last day it applies, YYYY-MM-DD", kind="day"),
        FieldSpec("calendar", "service hours calendar id", default="24x7"),
        FieldSpec("first_response", "first response target of the catch-all row, e.g. 4h"),
        FieldSpec("resolution", "resolution target of the catch-all row, e.g. 16h"),
        FieldSpec("review", "review interval, ISO period, e.g. P12M"),
        _DESCRIPTION,
    ),
    "procedure": (
        _ID,
        _TITLE,
        FieldSpec("owner", "group or person keeping it current", required=True),
        FieldSpec("status", "draft, active or retired", default="draft"),
        FieldSpec("services", "services it serves, comma-separated ids", is_list=True),
        FieldSpec("components", "components it operates, comma-separated ids", is_list=True),
        FieldSpec("review", "review interval, ISO period, e.g. P12M"),
        _DESCRIPTION,
    ),
    "maintenance": (
        FieldSpec("id", "record id (default: MNT-<date>-<random hex>)"),
        _TITLE,
        FieldSpec("type", "corrective, preventive or adaptive", required=True),
        FieldSpec("owner", "group or person carrying it out", required=True),
        FieldSpec("status", "proposed, approved, scheduled…", default="proposed"),
        FieldSpec("priority", "P1 (urgent) to P5", default="P3"),
        FieldSpec("requested_by", "who asked for it"),
        FieldSpec("components", "components touched, comma-separated ids", is_list=True),
        FieldSpec("services", "services affected, comma-separated ids", is_list=True),
        FieldSpec("start", "window start, ISO 8601 with offset", kind="instant"),
        FieldSpec("end", "window end, ISO 8601 with offset", kind="instant"),
        FieldSpec("plan", "what will be done and how it is rolled back"),
        FieldSpec("notification", "who is told, how and when"),
        FieldSpec("documentation", "documents the change updates"),
        FieldSpec("request", "request that triggered it (id)"),
        _DESCRIPTION,
    ),
}


def render_record(kind: str, values: Mapping[str, Any], user_templates: Path | None) -> str:
    """The text of a new record of ``kind`` from its template."""
    loaders: list[Any] = []
    if user_templates is not None and user_templates.is_dir():
        loaders.append(FileSystemLoader(str(user_templates)))
    loaders.append(PackageLoader("generator", "default_templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=False,  # YAML and Markdown, not HTML: values are quoted by `yaml`
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["yaml"] = flow
    text = env.get_template(f"records/{kind}.md.j2").render(dict(values))
    return text.rstrip("\n") + "\n"


def parse_value(spec: FieldSpec, raw: str) -> str | list[str] | datetime | date | None:
    """A typed value from what was typed; ValueError says how to write it."""
    text = raw.strip()
    if not text:
        return [] if spec.is_list else None
    if spec.is_list:
        return [item.strip() for item in text.split(",") if item.strip()]
    if spec.kind == "instant":
        try:
            value = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(
                f"{spec.flag} '{text}' is not an ISO 8601 instant; "
                "write e.g. 2026-11-20T09:12:00+01:00"
            ) from None
        if value.tzinfo is None:
            raise ValueError(f"{spec.flag} '{text}' has no UTC offset; add one, e.g. {text}+01:00")
        return value
    if spec.kind == "day":
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{spec.flag} '{text}' is not a date; write YYYY-MM-DD") from None
    return text
