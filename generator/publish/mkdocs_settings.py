"""The few settings of the repository's ``mkdocs.yml`` the generator needs to know.

Read line by line, without evaluating the file: a Material ``mkdocs.yml`` often holds
``!!python/name:`` tags that a safe YAML loader refuses, and these settings are plain
top-level scalars, top-level keys and the names in three top-level lists anyway. Best
effort; defaults are MkDocs' own, except the theme: without one the generator stages
Material (:mod:`generator.publish.site_config`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.publish.fragments import EXTENSION

LISTS = ("markdown_extensions", "extra_css", "extra_javascript")
STAGED_THEME = "material"
"""The theme the generator stages when ``mkdocs.yml`` names none."""


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
    keys: frozenset[str] = frozenset()
    """The top-level keys the file sets."""
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The entries of the top-level lists ``markdown_extensions``, ``extra_css`` and
    ``extra_javascript`` (an extension's name without its options)."""

    key_lines: tuple[tuple[str, int], ...] = ()
    """Each top-level key with the line it is on."""

    def line_of(self, key: str) -> int:
        """The line of a top-level key (0: not set)."""
        return dict(self.key_lines).get(key, 0)

    def entries(self, key: str) -> tuple[str, ...]:
        """The entries of one of the lists read (empty when the file does not set it)."""
        return dict(self.lists).get(key, ())


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
    keys: dict[str, int] = {}
    lists: dict[str, list[str]] = {}
    in_list: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        key, _, value = line.partition(":")
        value = value.split(" #", 1)[0].strip().strip("\"'")
        if line[:1] not in (" ", "\t", "#", "") and not line.startswith("- "):
            in_theme = False
            keys.setdefault(key.strip(), number)
            in_list = key.strip() if key.strip() in LISTS else None
            if in_list is not None:
                lists[in_list] = _flow(value)
        elif in_list is not None and _entry_of_the_list(line):
            entry = line.lstrip()[2:].split(" #", 1)[0].split(":", 1)[0]
            lists[in_list].append(entry.strip().strip("\"'"))
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
    if "markdown_extensions" not in keys:
        extension = True  # the generator stages its own list, the fragments one included
    if "theme" not in keys:
        theme = STAGED_THEME  # the generator adds its own (see site_config)
    return MkdocsSettings(
        site_name,
        directory_urls,
        extension,
        site_url,
        theme,
        theme_line,
        frozenset(keys),
        tuple((key, tuple(entries)) for key, entries in sorted(lists.items())),
        tuple(sorted(keys.items())),
    )


def _entry_of_the_list(line: str) -> bool:
    """An entry of a top-level list (``- name`` at most two spaces in), not of an option."""
    return line.lstrip().startswith("- ") and len(line) - len(line.lstrip()) <= 2


def _flow(value: str) -> list[str]:
    """The entries of a flow list (``[a, b]``) written on the key's line; [] otherwise."""
    if not (value.startswith("[") and value.endswith("]")):
        return []
    return [item.strip().strip("\"'") for item in value[1:-1].split(",") if item.strip()]
