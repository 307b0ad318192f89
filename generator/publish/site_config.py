"""The MkDocs configuration of the staging folder.

It inherits the repository's ``mkdocs.yml`` (theme, extensions, site name) and
adds what only the generator knows: where the staged pages are, a small
navigation (kinds and dashboards, never every request: a big nav makes MkDocs
quadratic), and the record pages kept out of it.

It also adds what the pages rely on, so that a ``mkdocs.yml`` of one line
(``site_name:``) gives the whole site: the Markdown extensions (when the file lists
none; a list of its own is kept as written, and :func:`missing_extensions` names what it
lacks), Servicebook's stylesheet and script (after the file's own ``extra_css`` and
``extra_javascript``), and Material with its settings (when the file names no theme).
MkDocs' ``INHERIT`` replaces lists rather than joining them, hence the lists are written
whole here.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from pathlib import PurePosixPath

from generator.publish.fragments import EXTENSION
from generator.publish.mkdocs_settings import STAGED_THEME, MkdocsSettings
from generator.records.kinds import SHAPES

EXTENSIONS: tuple[str | dict[str, object], ...] = (
    EXTENSION,
    "admonition",
    "attr_list",
    "md_in_html",
    "tables",
    {"toc": {"permalink": True}},
    "pymdownx.details",
    "pymdownx.superfences",
)
"""The Markdown extensions of a site whose ``mkdocs.yml`` lists none."""
NEEDED = ("admonition", "attr_list", "md_in_html", "tables", "toc")
"""Extensions without which generated pages show raw Markdown (``{ .sb-asof }``)."""
STYLESHEET, SCRIPT = "assets/servicebook.css", "assets/servicebook.js"
THEME: dict[str, object] = {
    "name": STAGED_THEME,
    "font": False,  # no Google Fonts: no request to another host (intranets, offline)
    "language": "en",
    "features": [
        "navigation.top",
        "navigation.prune",
        "navigation.tracking",
        "search.highlight",
        "content.code.copy",
        "toc.follow",
    ],
    "palette": [
        {
            "media": "(prefers-color-scheme: light)",
            "scheme": "default",
            "primary": "indigo",
            "accent": "teal",
            "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"},
        },
        {
            "media": "(prefers-color-scheme: dark)",
            "scheme": "slate",
            "primary": "indigo",
            "accent": "teal",
            "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"},
        },
    ],
}
"""The theme of a site whose ``mkdocs.yml`` names none."""

NavItem = tuple[str, "str | tuple[NavItem, ...]"]
NAV: tuple[NavItem, ...] = (
    ("Home", "index.md"),
    (
        "Dashboards",
        (
            ("Internal", "dashboards/internal.md"),
            ("External", "dashboards/external.md"),
            ("Needs attention", "dashboards/attention.md"),
            ("Notices and feeds", "dashboards/notices.md"),
            ("Service reports", "reports/index.md"),
        ),
    ),
    ("Agreements", "agreements/index.md"),
    ("Services", "services/index.md"),
    ("Requests", "requests/index.md"),
    ("Procedures", "procedures/index.md"),
    (
        "Operations",
        (
            ("Maintenance", "maintenance/index.md"),
            ("Schedules", "schedules/index.md"),
            ("Service log", "log/index.md"),
            ("Components", "components/index.md"),
            ("Readiness", "components/readiness.md"),
            ("Monitoring", "monitoring/index.md"),
            ("Consumables", "consumables/index.md"),
            ("Suppliers", "suppliers/index.md"),
        ),
    ),
    (
        "Customers and staff",
        (
            ("Needs and surveys", "needs/index.md"),
            ("Roster", "roster/index.md"),
            ("Rotas", "rotas/index.md"),
            ("Coverage", "rotas/coverage.md"),
            ("Workload", "rotas/workload.md"),
            ("Service hours", "calendars/index.md"),
        ),
    ),
    ("Audit", (("Audit trail", "audit/index.md"), ("CMMI evidence", "audit/cmmi.md"))),
)
"""Kinds grouped in a few sections; with navigation.prune a page renders only its own
section's entries, so the navigation stays cheap on thousands of request pages."""
RECORD_FOLDERS = (*dict.fromkeys(shape.section for shape in SHAPES.values()), "requests/archive")
"""Folders of record pages (from the kinds table), kept out of the navigation."""


def staging_config(
    inherit: str,
    site_dir: str,
    guide_pages: Iterable[str],
    site_name: str | None = None,
    staged: Collection[str] | None = None,
    settings: MkdocsSettings | None = None,
) -> str:
    """YAML text of the staging ``mkdocs.yml`` (JSON-quoted values are valid YAML); with
    ``staged``, the navigation leaves out the pages that are not among them (a customer's
    site has no operations or audit section); ``settings`` are those of the repository's
    ``mkdocs.yml``: what it lacks is added (see the module docstring)."""
    nav: list[object] = [entry for item in NAV if (entry := _nav_entry(item, staged)) is not None]
    guide = [_guide_entry(path) for path in sorted(guide_pages)]
    if guide:
        nav.append({"Guide": guide})
    not_in_nav = "\n".join(f"/{folder}/*.md" for folder in (*RECORD_FOLDERS, "reports/*"))
    lines = [
        "# Generated by servicebook: do not edit; edit ../mkdocs.yml instead.",
        f"INHERIT: {json.dumps(inherit)}",
        "docs_dir: docs",
        f"site_dir: {json.dumps(site_dir)}",
        f"nav: {json.dumps(nav)}",
        f"not_in_nav: {json.dumps(not_in_nav)}",
    ]
    if site_name:
        lines.append(f"site_name: {json.dumps(site_name)}")
    if settings is not None:
        lines.extend(_additions(settings))
    return "\n".join(lines) + "\n"


def _additions(settings: MkdocsSettings) -> list[str]:
    keys = settings.keys
    found = []
    if "theme" not in keys:
        found.append(f"theme: {json.dumps(THEME)}")
    if "markdown_extensions" not in keys:
        found.append(f"markdown_extensions: {json.dumps(list(EXTENSIONS))}")
    for key, asset in (("extra_css", STYLESHEET), ("extra_javascript", SCRIPT)):
        own = list(settings.entries(key))
        if asset not in own:
            found.append(f"{key}: {json.dumps([*own, asset])}")
    if "extra" not in keys:
        found.append(f"extra: {json.dumps({'generator': False})}")  # no "Made with" link
    return found


def missing_extensions(settings: MkdocsSettings) -> list[str]:
    """The needed extensions a ``markdown_extensions`` list of the file leaves out."""
    if "markdown_extensions" not in settings.keys:
        return []
    listed = set(settings.entries("markdown_extensions"))
    return [name for name in NEEDED if name not in listed]


def _nav_entry(item: NavItem, staged: Collection[str] | None) -> dict[str, object] | None:
    title, target = item
    if isinstance(target, str):
        return {title: target} if staged is None or target in staged else None
    children = [entry for child in target if (entry := _nav_entry(child, staged)) is not None]
    return {title: children} if children else None


def _guide_entry(path: str) -> dict[str, str]:
    title = PurePosixPath(path).stem.replace("-", " ").replace("_", " ").capitalize()
    return {title: path}
