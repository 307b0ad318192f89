"""The few settings of the repository's ``mkdocs.yml`` the generator needs to know.

Read line by line, without evaluating the file: a Material ``mkdocs.yml`` often holds
``!!python/name:`` tags that a safe YAML loader refuses, and these settings are plain
top-level scalars (or one list entry) anyway. Best effort; defaults are MkDocs' own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.publish.fragments import EXTENSION


@dataclass(frozen=True)
class MkdocsSettings:
    """``site_name``, ``site_url``, ``use_directory_urls``, whether the fragments
    extension is listed, and the theme's name with the line of ``theme:`` (0: none)."""

    site_name: str = "Servicebook"
    directory_urls: bool = True
    fragments_extension: bool = False
    site_url: str | None = None
    theme: str = "mkdocs"
    theme_line: int = 0


def read_mkdocs_settings(root: Path) -> MkdocsSettings:
    """The settings of ``root/mkdocs.yml``; the defaults when there is none."""
    path = root / "mkdocs.yml"
    if not path.is_file():
        return MkdocsSettings()
    return parse_mkdocs_settings(path.read_text(encoding="utf-8"))


def parse_mkdocs_settings(text: str) -> MkdocsSettings:
    """The settings found in the text of an ``mkdocs.yml``."""
    defaults = MkdocsSettings()
    site_name, directory_urls, extension = defaults.site_name, True, False
    site_url: str | None = None
    theme, theme_line, in_theme, child = defaults.theme, 0, False, 0
    for number, line in enumerate(text.splitlines(), start=1):
        key, _, value = line.partition(":")
        value = value.split(" #", 1)[0].strip().strip("\"'")
        if line[:1] not in (" ", "\t", "#", ""):
            in_theme = False
        if key == "theme":
            theme_line, in_theme, child = number, True, 0
            theme = value or theme
        elif in_theme and key.strip() == "name" and value:
            indent = len(line) - len(line.lstrip())
            child = child or indent  # the theme's own keys, not those of a palette entry
            if indent == child:
                theme = value
        elif in_theme and line.strip() and not line.lstrip().startswith("#"):
            child = child or len(line) - len(line.lstrip())
        elif key == "site_name" and value:
            site_name = value
        elif key == "site_url" and value:
            site_url = value
        elif key == "use_directory_urls":
            directory_urls = value.lower() not in ("false", "no", "off")
        elif line.strip().removeprefix("- ").rstrip(":").strip() == EXTENSION:
            extension = True
    return MkdocsSettings(site_name, directory_urls, extension, site_url, theme, theme_line)
