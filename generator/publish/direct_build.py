"""The build with request pages filled into the theme's page shell (the default route).

MkDocs builds the few hundred hand-made and summary pages, plus the shell, the probe and
one real request page (``exclude_docs`` keeps the other request pages out of its run,
while links to them still resolve); Servicebook converts the request pages and fills the
shell (``page_shell.py``, ``direct_pages.py``), then puts the whole site in place file by
file (``site_sync.py``). Measured on 25,000 requests, this is the difference between
MkDocs' page template run 25,000 times and run a few hundred times
(``benchmarks/results/site-routes.md``).

It is checked on every build that runs MkDocs: the probe and the real page must come out
of the shell byte for byte as MkDocs wrote them, or MkDocs builds every page, as it did
before, and the build says why. When MkDocs need not run (nothing it reads changed, the
real page's own text aside), the check stands from its last run and the shell fills the
real page too. It is not used with a plugin other than search (a plugin may change
pages MkDocs does not build here) or when ``mkdocs.yml`` sets ``exclude_docs``.

Incremental: the cache keeps, for each filled page, the hash of its staged Markdown, the
files it links to, and the size and time of the file written. A page whose Markdown,
link targets, shell and file are all unchanged is neither converted nor written.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from generator.publish.direct_pages import Converter, is_candidate, output_path, page_url
from generator.publish.page_conversion import ConverterSettings, convert_all
from generator.publish.page_shell import (
    PROBE_STEM,
    SHELL_STEM,
    FilledPage,
    Heading,
    Shell,
    probe_markdown,
    shell_markdown,
)
from generator.publish.runner import BuilderResult, run_mkdocs
from generator.publish.site_sync import copy_tree, put, remove_others
from generator.publish.sitemap import gzipped, merged
from generator.publish.unchanged_run import tool_digest, tree_digest

SHELL_PAGE = f"requests/{SHELL_STEM}.md"
PROBE_PAGE = f"requests/{PROBE_STEM}.md"
BUILD_FOLDER = "site-build"
DIRECT_CONFIG = "mkdocs.direct.yml"
MANIFEST = "direct-pages.{site}.v1.json"
"""One per built site (a staff site and each customer's site keep their own)."""
ALLOWED_PLUGINS = frozenset({"search", "material/search"})


def shell_files() -> dict[str, bytes]:
    """The two pages MkDocs builds for the check: the shell and the probe."""
    return {
        SHELL_PAGE: shell_markdown().encode("utf-8"),
        PROBE_PAGE: probe_markdown().encode("utf-8"),
    }


@dataclass(frozen=True)
class DirectBuild:
    """What the route did: MkDocs' result, pages filled and written, or why it stood back."""

    builder: BuilderResult | None
    filled: int = 0
    written: int = 0
    removed: int = 0
    fallback: str = ""
    mkdocs_ran: bool = True
    """False when nothing MkDocs reads had changed, so its last output was kept."""


@dataclass(frozen=True)
class _Site:
    extensions: list[Any]
    configs: Mapping[str, Any]
    directory_urls: bool
    site_url: str | None
    custom_dir: str | None = None
    reads_more: bool = True
    """Whether MkDocs' run may read files beyond the staged ones and its settings (hooks,
    an extension that includes files): then it is never skipped."""


READS_FILES = frozenset({"pymdownx.snippets", "markdown_include.include", "mdx_include"})
"""Markdown extensions known to include other files into a page."""


def _site(config_file: Path) -> _Site | str:
    """The MkDocs settings the conversion needs, loaded as MkDocs loads them; a reason
    to stand back otherwise."""
    from mkdocs.config import load_config  # the MkDocs edge: only this route needs it
    from mkdocs.exceptions import Abort, ConfigurationError

    # MkDocs' build, run next, reports a broken mkdocs.yml itself: not twice.
    logging.disable(logging.CRITICAL)
    try:
        loaded = load_config(str(config_file))
    except (Abort, ConfigurationError, OSError, ValueError) as problem:
        return f"mkdocs.yml could not be read ahead of the build ({problem})"
    finally:
        logging.disable(logging.NOTSET)
    plugins = sorted(set(loaded["plugins"]) - ALLOWED_PLUGINS)
    if plugins:
        return f"the plugin {plugins[0]} may change pages MkDocs does not build here"
    if loaded["exclude_docs"] is not None:
        return "mkdocs.yml sets exclude_docs"
    extensions = list(loaded["markdown_extensions"])
    names = {name for name in extensions if isinstance(name, str)}
    return _Site(
        extensions,
        dict(loaded["mdx_configs"] or {}),
        bool(loaded["use_directory_urls"]),
        loaded["site_url"],
        loaded["theme"].custom_dir,
        bool(loaded["hooks"]) or len(names) < len(extensions) or bool(names & READS_FILES),
    )


def build_direct(
    staging_root: Path,
    target: Path,
    files: Mapping[str, bytes],
    as_of: datetime,
    cache: Path | None,
) -> DirectBuild:
    """Build the staged site into ``target`` by this route (see the module docstring)."""
    config_file = staging_root / "mkdocs.yml"
    site = _site(config_file)
    if isinstance(site, str):
        return DirectBuild(None, fallback=site)
    settings = ConverterSettings(site.extensions, site.configs, set(files), site.directory_urls)
    scope = hashlib.sha256(f"{staging_root.resolve()}\n{target}".encode()).hexdigest()[:16]
    manifest = _Manifest.read(
        cache / MANIFEST.format(site=scope) if cache else None, _converter_key(site)
    )
    spool = staging_root / "direct-pages.jsonl"
    try:
        return _build(staging_root, target, files, as_of, site, settings, manifest, spool)
    finally:
        spool.unlink(missing_ok=True)


def _build(
    staging_root: Path,
    target: Path,
    files: Mapping[str, bytes],
    as_of: datetime,
    site: _Site,
    settings: ConverterSettings,
    manifest: _Manifest,
    spool: Path,
) -> DirectBuild:
    converter = settings.converter()
    config_file = staging_root / "mkdocs.yml"
    candidates = sorted(path for path in files if is_candidate(path) and path not in _OWN)
    eligible, converted = _convert_ahead(candidates, files, settings, manifest, spool)
    probe = eligible[0] if eligible else None
    direct = [path for path in eligible if path != probe]
    build_dir = staging_root / BUILD_FOLDER
    _write_config(staging_root, config_file, build_dir, files, direct)
    inputs = _mkdocs_inputs(staging_root, files, direct, as_of, site, probe)
    result = _kept_build(manifest, inputs, build_dir, files)
    ran = result is None
    if result is None:
        result = run_mkdocs(staging_root / DIRECT_CONFIG, as_of)
        if not result.ok:
            return DirectBuild(result)
    manifest.mkdocs = {"inputs": inputs, "output": result.output, "built": _listing(build_dir)}
    shell = _shell(build_dir, converter, site.directory_urls)
    if isinstance(shell, str):
        return DirectBuild(None, fallback=shell)
    checks = [(PROBE_PAGE, probe_markdown())]
    if probe is not None and ran:
        checks.append((probe, files[probe].decode("utf-8")))
    for path, text in checks:
        problem = _check(shell, converter, build_dir, path, text, site.directory_urls)
        if problem:
            return DirectBuild(None, fallback=problem)
    skip = {output_path(page, site.directory_urls) for page in _OWN}
    fill = direct
    if probe is not None and not ran:
        # MkDocs' page of the real probe is from the last run, and the shell matched it
        # there with the same settings and tools: the shell fills it like the others.
        fill = eligible
        skip.add(output_path(probe, site.directory_urls))
    if site.site_url is not None:
        skip |= {"sitemap.xml", "sitemap.xml.gz"}  # merged below
    kept, written = copy_tree(build_dir, target, skip=skip)
    outputs, filled_written = _fill_all(
        fill, converted, spool, files, settings, shell, manifest, target
    )
    kept |= outputs
    written += filled_written
    sitemap = _sitemap(build_dir, target, files, direct, site)
    kept |= sitemap
    removed = remove_others(target, kept)
    manifest.save()
    return DirectBuild(result, len(fill), written, removed, mkdocs_ran=ran)


_OWN = (SHELL_PAGE, PROBE_PAGE)


def _mkdocs_inputs(
    staging_root: Path,
    files: Mapping[str, bytes],
    direct: list[str],
    as_of: datetime,
    site: _Site,
    probe: str | None,
) -> str | None:
    """The digest of everything MkDocs' run reads: its settings (with the files they
    inherit), the tools, the instant, the theme overrides, every staged path and the
    content of every page it builds but the real probe (when MkDocs need not run, the
    shell fills the probe too). Other files it only copies (see :func:`_kept_build`).
    None when it may read more than that."""
    if site.reads_more:
        return None
    digest = hashlib.sha256(f"{tool_digest()}\n{int(as_of.timestamp())}\n".encode())
    for name in ("markdown", "mkdocs", "mkdocs-material", "pymdown-extensions"):
        digest.update(f"{name} {_version_of(name)}\n".encode())
    for settings in (staging_root / DIRECT_CONFIG, *_inherited(staging_root / "mkdocs.yml")):
        digest.update(f"{settings}\0".encode())
        digest.update(settings.read_bytes() if settings.is_file() else b"-")
    if site.custom_dir:
        tree_digest(digest, Path(site.custom_dir), "custom_dir")
    filled = set(direct)
    for path in sorted(files):
        digest.update(f"{path}\0".encode())
        if path.endswith(".md") and path not in filled and path != probe:
            digest.update(hashlib.sha256(files[path]).digest())
    return digest.hexdigest()


def _version_of(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "-"


def _inherited(config_file: Path) -> list[Path]:
    """The settings files ``config_file`` inherits from, nearest first (``INHERIT``)."""
    found: list[Path] = []
    current = config_file
    while len(found) < 10 and current.is_file():
        match = _INHERIT.search(current.read_text(encoding="utf-8"))
        if match is None:
            break
        current = (current.parent / match.group(1)).resolve()
        found.append(current)
    return found


_INHERIT = re.compile(r"^INHERIT:[ \t]*[\"']?([^\"'\r\n]+?)[\"']?[ \t]*$", re.MULTILINE)


def _kept_build(
    manifest: _Manifest, inputs: str | None, build_dir: Path, files: Mapping[str, bytes]
) -> BuilderResult | None:
    """MkDocs' last result when its inputs are the same and its output is as it left it
    (every file's size and time): the files it only copies are put in place here, and
    MkDocs need not run. None when it must run."""
    last = manifest.mkdocs
    if inputs is None or last.get("inputs") != inputs or last.get("built") != _listing(build_dir):
        return None
    for path, content in files.items():
        copied = build_dir / path
        if not path.endswith(".md") and copied.is_file():  # MkDocs copied it last time
            put(copied, content)
    return BuilderResult(True, str(last.get("output", "")))


def _listing(folder: Path) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(dirpath, name)
            info = path.stat()
            found[path.relative_to(folder).as_posix()] = [info.st_size, info.st_mtime_ns]
    return found


def _converter_key(site: _Site) -> str:
    settings = json.dumps(
        [repr(site.extensions), repr(sorted(site.configs.items())), site.directory_urls],
        sort_keys=True,
    )
    tools = "/".join(version(name) for name in ("markdown", "mkdocs", "mkdocs-material"))
    return hashlib.sha256(f"{settings}/{tools}".encode()).hexdigest()


class _Manifest:
    """The cache of filled pages (see the module docstring); empty without a cache."""

    def __init__(self, path: Path | None, converter: str, data: dict[str, Any]) -> None:
        self.path = path
        self.converter = converter
        same = data.get("converter") == converter
        self.shell: str = data.get("shell", "") if same else ""
        self.pages: dict[str, dict[str, Any]] = data.get("pages", {}) if same else {}
        self.new_pages: dict[str, dict[str, Any]] = {}
        self.mkdocs: dict[str, Any] = data.get("mkdocs", {}) if same else {}

    @classmethod
    def read(cls, path: Path | None, converter: str) -> _Manifest:
        data: dict[str, Any] = {}
        if path is not None and path.is_file():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                data = {}
        return cls(path, converter, data if isinstance(data, dict) else {})

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        body = {
            "converter": self.converter,
            "shell": self.shell,
            "pages": self.new_pages,
            "mkdocs": self.mkdocs,
        }
        put(self.path, json.dumps(body, sort_keys=True).encode("utf-8"))


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _convert_ahead(
    candidates: list[str],
    files: Mapping[str, bytes],
    settings: ConverterSettings,
    manifest: _Manifest,
    spool: Path,
) -> tuple[list[str], set[str]]:
    """Which candidates the shell takes, converting those the cache cannot vouch for
    (their results go to ``spool``, one JSON line each, not into memory)."""
    known: set[str] = set()
    todo: list[str] = []
    for path in candidates:
        entry = manifest.pages.get(path)
        if (
            entry
            and entry["md"] == _digest(files[path])
            and all(t in files for t in entry["links"])
        ):
            known.add(path)
        else:
            todo.append(path)
    converted: set[str] = set()
    with spool.open("w", encoding="utf-8") as out:
        for path, page, links in convert_all(todo, files, settings):
            if page is not None:
                converted.add(path)
                out.write(json.dumps([path, *_as_row(page), links]) + "\n")
    eligible = [path for path in candidates if path in known or path in converted]
    return eligible, converted


def _as_row(page: FilledPage) -> list[Any]:
    return [
        page.title,
        page.content,
        [page.first.url, page.first.title],
        [[s.url, s.title] for s in page.sections],
    ]


def _from_row(row: list[Any]) -> tuple[str, FilledPage, list[str]]:
    path, title, content, first, sections, links = row
    page = FilledPage(
        title, content, Heading(*first), tuple(Heading(url, text) for url, text in sections)
    )
    return path, page, links


def _write_config(
    staging_root: Path,
    config_file: Path,
    build_dir: Path,
    files: Mapping[str, bytes],
    direct: list[str],
) -> None:
    """The staging configuration with the filled pages excluded and the site built aside;
    the other pages of their folders (from ``files``, what the staging folder holds) are
    named back in."""
    excluded = set(direct)
    folders = sorted({path.rsplit("/", 1)[0] for path in direct})
    lines = [f"/{folder}/*.md" for folder in folders]
    for folder in folders:
        others = (
            path
            for path in files
            if path.endswith(".md") and path.rsplit("/", 1)[0] == folder and path not in excluded
        )
        lines.extend(f"!/{path}" for path in sorted(others))
    text = "\n".join(
        f"site_dir: {json.dumps(str(build_dir))}" if line.startswith("site_dir:") else line
        for line in config_file.read_text(encoding="utf-8").splitlines()
    )
    text += f"\nexclude_docs: {json.dumps(chr(10).join(lines))}\n" if lines else "\n"
    put(staging_root / DIRECT_CONFIG, text.encode("utf-8"))


def _shell(build_dir: Path, converter: Converter, directory_urls: bool) -> Shell | str:
    page = converter.convert(SHELL_PAGE, shell_markdown())
    out = build_dir / output_path(SHELL_PAGE, directory_urls)
    if page is None or not out.is_file():
        return "the shell page was not built"
    parsed = Shell.parse(out.read_text(encoding="utf-8"), page.content)
    return parsed if isinstance(parsed, Shell) else f"the theme's page shell: {parsed}"


def _check(
    shell: Shell, converter: Converter, build_dir: Path, path: str, text: str, dirs: bool
) -> str:
    page = converter.convert(path, text)
    built = build_dir / output_path(path, dirs)
    expected = built.read_text(encoding="utf-8") if built.is_file() else ""
    if page is None or shell.fill(page, Path(path).stem) != expected:
        return f"{path} filled into the theme's page shell differs from MkDocs' own page"
    return ""


def _fill_all(
    direct: list[str],
    converted: set[str],
    spool: Path,
    files: Mapping[str, bytes],
    settings: ConverterSettings,
    shell: Shell,
    manifest: _Manifest,
    target: Path,
) -> tuple[set[str], int]:
    """Fill and write every direct page whose output may have changed: those converted
    ahead (read back from ``spool``) and those the cache vouched for whose shell or file
    changed since (converted now)."""
    parts = (shell.head, shell.item, shell.separator, shell.middle, shell.tail)
    shell_digest = _digest("\x00".join(parts).encode())
    same_shell = manifest.shell == shell_digest
    manifest.shell = shell_digest
    dirs = settings.directory_urls
    outputs = {output_path(path, dirs) for path in direct}
    refill: list[str] = []
    for path in direct:
        if path in converted:
            continue
        entry = manifest.pages[path]
        if same_shell and _intact(target / output_path(path, dirs), entry):
            manifest.new_pages[path] = entry
        else:
            refill.append(path)
    again = convert_all(refill, files, settings)
    wanted = converted | set(refill)
    written = 0
    with spool.open(encoding="utf-8") as rows:
        for path in direct:
            if path not in wanted:
                continue
            if path in converted:
                found, page, links = _from_row(json.loads(next(rows)))
                while found != path:  # the real probe page was converted ahead too
                    found, page, links = _from_row(json.loads(next(rows)))
            else:
                found, filled, links = next(again)
                if found != path or filled is None:
                    raise RuntimeError(f"{path} was convertible and is not any more")
                page = filled
            out = target / output_path(path, dirs)
            written += put(out, shell.fill(page, Path(path).stem).encode("utf-8"))
            stat = out.stat()
            manifest.new_pages[path] = {
                "md": _digest(files[path]),
                "links": links,
                "size": stat.st_size,
                "mtime": stat.st_mtime_ns,
            }
    return outputs, written


def _intact(out: Path, entry: Mapping[str, Any]) -> bool:
    try:
        stat = out.stat()
    except FileNotFoundError:
        return False
    return bool(stat.st_size == entry["size"] and stat.st_mtime_ns == entry["mtime"])


def _sitemap(
    build_dir: Path,
    target: Path,
    files: Mapping[str, bytes],
    direct: list[str],
    site: _Site,
) -> set[str]:
    """The sitemap with the filled pages in it (only when ``site_url`` gives addresses);
    the files written."""
    built = build_dir / "sitemap.xml"
    if site.site_url is None or not built.is_file():
        return set()
    from urllib.parse import urljoin

    base = site.site_url if site.site_url.endswith("/") else site.site_url + "/"
    loc_of = {
        path: urljoin(base, url if (url := page_url(path, site.directory_urls)) != "./" else "")
        for path in files
        if path.endswith(".md")
    }
    text = merged(built.read_text(encoding="utf-8"), loc_of, direct)
    if text is None:
        text = built.read_text(encoding="utf-8")
    put(target / "sitemap.xml", text.encode("utf-8"))
    # The time in MkDocs' own gzip header: the day of the last update, not the instant.
    header = (build_dir / "sitemap.xml.gz").read_bytes()[4:8]
    put(target / "sitemap.xml.gz", gzipped(text, int.from_bytes(header, "little")))
    return {"sitemap.xml", "sitemap.xml.gz"}
