"""The Jinja environments that turn page contexts into Markdown pages and HTML fragments.

Templates are looked up first in the repository's ``templates/`` folder (the
user's overrides), then in the templates shipped with the package. Pages are
``*.md.j2`` templates: every ``{{ value }}`` is escaped for HTML and Markdown unless
a filter marks it safe, so untrusted text (titles, names, bodies from intake forms)
never becomes markup. Tables of records are ``*.html.j2`` fragments, included in a
page with ``{{ fragment("name") }}``: there every ``{{ value }}`` is escaped for HTML,
and ``ref`` and ``page_link`` write the final URLs (see ``publish/fragments.py``).
"""

from __future__ import annotations

import html
import json
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
    Template,
    pass_context,
)
from jinja2.runtime import Context
from markupsafe import Markup, escape

from generator.models.common import format_duration
from generator.render.body_html import render_body
from generator.render.fragments import wrap
from generator.render.markdown import escape_inline
from generator.views.badges import badge_of
from generator.views.describe import describe_change, describe_event, describe_match
from generator.views.hours import describe_hours
from generator.views.links import relative_source, relative_url

TEMPLATE_SUFFIX = ".md.j2"
FRAGMENT_SUFFIX = ".html.j2"
_PAGE_HELPERS = frozenset({"ref", "page_link", "fragment", "label"})


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or value is None:
        return "" if value is None else value
    return Markup(escape_inline(str(value)))


def _finalize_html(value: Any) -> Any:
    return "" if value is None else value


def make_environment(user_templates: Path | None, directory_urls: bool = True) -> Environment:
    """The page environment over the user's templates and the packaged defaults.

    ``directory_urls`` is MkDocs' ``use_directory_urls``: the shape of the URLs that
    fragments link to.
    """
    loader = _loader(user_templates)
    env = _environment(loader, _finalize)
    env.globals.update(ref=ref, page_link=page_link, label=badge, directory_urls=directory_urls)
    fragments = _environment(loader, _finalize_html)
    fragments.globals.update(
        ref=html_ref,
        page_link=html_page_link,
        label=badge,
        commit_ref=commit_ref,
        directory_urls=directory_urls,
    )
    fragments.filters["html"] = lambda text: text  # autoescape already escapes for HTML
    # Markdown has no place in an HTML fragment: `body` would pass code spans through
    # as raw HTML there. A fragment that needs a record body is a Markdown page instead.
    del fragments.filters["body"], fragments.filters["md"]

    loaded: dict[str, Template] = {}

    @pass_context
    def fragment(context: Context, name: str, **extra: Any) -> Markup:
        """The fragment template ``name``, rendered with this page's context."""
        template = loaded.get(name)
        if template is None:  # looked up once: get_template costs on every call
            template = loaded[name] = fragments.get_template(name + FRAGMENT_SUFFIX)
        # The page's own helpers (Markdown links) must not shadow the fragment's (HTML).
        values = {k: v for k, v in context.get_all().items() if k not in _PAGE_HELPERS}
        return Markup(wrap(template.render({**values, **extra})))

    env.globals["fragment"] = fragment
    return env


def _loader(user_templates: Path | None) -> ChoiceLoader:
    loaders: list[Any] = []
    if user_templates is not None and user_templates.is_dir():
        loaders.append(FileSystemLoader(str(user_templates)))
    loaders.append(PackageLoader("generator", "default_templates"))
    return ChoiceLoader(loaders)


def _environment(loader: ChoiceLoader, finalize: Any) -> Environment:
    env = Environment(
        loader=loader,
        autoescape=True,
        finalize=finalize,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        # Templates do not change during a run; checking them on every include costs.
        auto_reload=False,
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
        describe_change=describe_change,
        describe_hours=describe_hours,
        when=format_when,
        utc=format_utc,
        span=format_span,
        duration=format_duration_text,
        per_day=format_per_day,
        remaining=format_remaining,
        body=body_filter,
        md=lambda text: Markup(escape_inline(str(text))),
    )
    return env


@pass_context
def body_filter(context: Context, text: str) -> Markup:
    """A record body: rendered and sanitised here, never parsed by MkDocs (``body_html``)."""
    return Markup(render_body(str(text), context["page_path"], context["directory_urls"]))


def badge(kind: str, value: object) -> Markup:
    """A coloured label, such as a status: ``<span class="sb-badge sb-at-risk">at risk</span>``.

    Its words and style come from ``views/badges.py``; templates call the ``badge`` macro.
    """
    shown = badge_of(kind, value)
    css = re.sub(r"[^a-z0-9-]", "-", shown.style.lower())
    return Markup(f'<span class="sb-badge sb-{css}">{escape(shown.label)}</span>')


def commit_ref(commit: Any, zone: str) -> Markup:
    """A commit as HTML: short hash, date in ``zone`` and author (``None``: not committed)."""
    if not commit:
        return Markup("not committed yet")
    when = format_when(commit.date, zone)
    return Markup(f"<code>{escape(commit.short)}</code> {escape(when)}, {escape(commit.author)}")


def format_when(value: datetime | None, zone: str = "UTC") -> str:
    """``2026-11-20 09:12 CET`` in the given zone; empty for None."""
    if value is None:
        return ""
    local = value.astimezone(ZoneInfo(zone))
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"


def format_span(start: datetime, end: datetime, zone: str = "UTC") -> str:
    """``2026-12-19 22:00–02:00 CET`` (the end's date is added when it is another day's)."""
    local_start = start.astimezone(ZoneInfo(zone))
    local_end = end.astimezone(ZoneInfo(zone))
    first = f"{local_start:%Y-%m-%d %H:%M}"
    if local_start.tzname() != local_end.tzname():
        return f"{first} {local_start.tzname()} – {local_end:%Y-%m-%d %H:%M} {local_end.tzname()}"
    if local_end.date() != local_start.date():
        return f"{first} – {local_end:%Y-%m-%d %H:%M} {local_end.tzname()}"
    return f"{first}–{local_end:%H:%M} {local_end.tzname()}"


def format_utc(value: datetime | None) -> str:
    """``2026-11-20T08:12:00Z``; empty for None."""
    if value is None:
        return ""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def format_duration_text(seconds: int | None) -> str:
    """``1h30m`` for 5400; an em dash for None."""
    return "—" if seconds is None else format_duration(seconds)


def format_per_day(rate: float) -> str:
    """A use rate: ``0.25`` below one a day (small rates keep their detail), else ``1.5``."""
    return f"{rate:.2f}" if rate < 1 else f"{rate:.1f}"


def format_remaining(seconds: int | None) -> str:
    """``1h30m`` left, or ``over by 20m`` once the target is used up."""
    if seconds is None:
        return "—"
    return format_duration(seconds) if seconds >= 0 else f"over by {format_duration(-seconds)}"


@pass_context
def page_link(context: Context, target: str, text: str) -> Markup:
    """A Markdown link from the page being rendered to another page path."""
    return Markup(f"[{escape_inline(text)}]({relative_source(target, context['page_path'])})")


@pass_context
def html_page_link(context: Context, target: str, text: str) -> Markup:
    """An HTML link, with the published URL, from the page being rendered to another page."""
    href = escape(relative_url(target, context["page_path"], context["directory_urls"]))
    return Markup(f'<a href="{href}">{escape(text)}</a>')


@pass_context
def ref(context: Context, record_id: str | None, text: str | None = None) -> Markup:
    """A link to a record's page by id; plain escaped text when it has no page."""
    if not record_id:
        return Markup("—")
    pages: dict[str, str] = context["record_pages"]
    target = pages.get(record_id)
    label = text if text is not None else _label(context, record_id)
    if target is None:
        return Markup(escape_inline(label))
    result: Markup = page_link(context, target, label)
    return result


@pass_context
def html_ref(context: Context, record_id: str | None, text: str | None = None) -> Markup:
    """``ref`` for fragments: an HTML link to a record's page, or its escaped title."""
    if not record_id:
        return Markup("—")
    target = context["record_pages"].get(record_id)
    label = text if text is not None else _label(context, record_id)
    if target is None:
        return Markup.escape(label)
    result: Markup = html_page_link(context, target, label)
    return result


WITHHELD = "(not shown)"
"""What a customer's site writes for a record it may not name (another customer's)."""


def _label(context: Context, record_id: str) -> str:
    """The record's title; its id when it has none (the staff site), or WITHHELD on a
    customer's site, whose titles hold only what it may name."""
    title: str | None = context["titles"].get(record_id)
    if title is not None:
        return title
    return record_id if context.get("staff_site", True) else WITHHELD


def render(env: Environment, template: str, context: dict[str, Any]) -> str:
    """Render one template to a Markdown string."""
    return env.get_template(template + TEMPLATE_SUFFIX).render(context)
