"""The Jinja environment that turns page contexts into Markdown strings.

Templates are looked up first in the repository's ``templates/`` folder (the
user's overrides), then in the templates shipped with the package. Every
``{{ value }}`` is escaped for HTML and Markdown unless a filter marks it safe,
so untrusted text (titles, names, bodies from intake forms) never becomes markup.
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup

from generator.models.common import format_duration
from generator.publish.describe import describe_event, describe_match
from generator.publish.hours import describe_hours
from generator.publish.markdown import escape_inline, sanitize_body

TEMPLATE_SUFFIX = ".md.j2"


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or value is None:
        return "" if value is None else value
    return Markup(escape_inline(str(value)))


def make_environment(user_templates: Path | None) -> Environment:
    """A Jinja environment over the user's templates and the packaged defaults."""
    loaders: list[Any] = []
    if user_templates is not None and user_templates.is_dir():
        loaders.append(FileSystemLoader(str(user_templates)))
    loaders.append(PackageLoader("generator", "default_templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=True,
        finalize=_finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        yamlstr=lambda text: Markup(
            json.dumps(html.escape(str(text), quote=False), ensure_ascii=False)
        ),
        html=lambda text: Markup(html.escape(str(text))),
        cssclass=lambda text: Markup(re.sub(r"[^a-z0-9-]", "-", str(text).lower())),
        code=lambda text: Markup(str(text).replace("`", "'")),
        describe_match=describe_match,
        describe_event=describe_event,
        describe_hours=describe_hours,
        when=format_when,
        utc=format_utc,
        duration=format_duration_text,
        remaining=format_remaining,
        body=lambda text: Markup(sanitize_body(text)),
        md=lambda text: Markup(escape_inline(str(text))),
    )
    env.globals.update(ref=ref, page_link=page_link)
    return env


def format_when(value: datetime | None, zone: str = "UTC") -> str:
    """``2026-11-20 09:12 CET`` in the given zone; empty for None."""
    if value is None:
        return ""
    local = value.astimezone(ZoneInfo(zone))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


def format_utc(value: datetime | None) -> str:
    """``2026-11-20T08:12:00Z``; empty for None."""
    if value is None:
        return ""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def format_duration_text(seconds: int | None) -> str:
    """``1h30m`` for 5400; an em dash for None."""
    return "—" if seconds is None else format_duration(seconds)


def format_remaining(seconds: int | None) -> str:
    """``1h30m`` left, or ``over by 20m`` once the target is used up."""
    if seconds is None:
        return "—"
    return format_duration(seconds) if seconds >= 0 else f"over by {format_duration(-seconds)}"


@pass_context
def page_link(context: Context, target: str, text: str) -> Markup:
    """A Markdown link from the page being rendered to another page path."""
    here = posixpath.dirname(str(context["page_path"]))
    return Markup(f"[{escape_inline(text)}]({_relative(target, here or '.')})")


@functools.lru_cache(maxsize=4096)
def _relative(target: str, here: str) -> str:
    # Thousands of pages link the same few records (groups, services, agreements).
    return posixpath.relpath(target, here)


@pass_context
def ref(context: Context, record_id: str | None, text: str | None = None) -> Markup:
    """A link to a record's page by id; plain escaped text when it has no page."""
    if not record_id:
        return Markup("—")
    pages: dict[str, str] = context["record_pages"]
    target = pages.get(record_id)
    label = text if text is not None else context["titles"].get(record_id, record_id)
    if target is None:
        return Markup(escape_inline(label))
    result: Markup = page_link(context, target, label)
    return result


def render(env: Environment, template: str, context: dict[str, Any]) -> str:
    """Render one template to a Markdown string."""
    return env.get_template(template + TEMPLATE_SUFFIX).render(context)
