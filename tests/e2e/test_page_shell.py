"""Request pages filled into the theme's page shell give the site MkDocs builds itself,
byte for byte, from scratch and after a change (publish/direct_build.py)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import REPO, copy_sample, fingerprint, replace_in, run_cli

pytestmark = pytest.mark.slow

AS_OF = "2026-11-25T14:00:00Z"
DATA = REPO.parent / "shared" / "datasets" / "uci-incident-event-log" / "incident_event_log.csv.gz"


def _build(root: Path, site: Path, *extra: str) -> str:
    result = run_cli(
        "build", "--progress", "--as-of", AS_OF, "--site-dir", str(site), *extra, cwd=root
    )
    assert result.code == 0, result.out + result.err
    assert "Traceback" not in result.err
    return result.err


def _mkdocs_alone(root: Path, site: Path) -> str:
    """The same site with every request page built by MkDocs, from a fresh copy."""
    other = root.parent / f"{root.name}-mkdocs"
    _copy(root, other)
    with (other / "servicebook.yml").open("a", encoding="utf-8") as settings:
        settings.write("\nrequest_page_shell: false\n")
    return _build(other, site)


def _copy(root: Path, other: Path) -> None:
    """``root`` without what a build makes (the staging folder, the sites)."""

    def built(folder: str, names: list[str]) -> list[str]:
        top = Path(folder) == root
        return [n for n in names if top and (n == ".servicebook" or n.endswith("site"))]

    shutil.copytree(root, other, ignore=built)


def _mtimes(site: Path, folder: str) -> dict[str, int]:
    return {
        path.relative_to(site).as_posix(): path.stat().st_mtime_ns
        for path in sorted((site / folder).rglob("*.html"))
    }


def test_the_sample_site_is_the_one_mkdocs_builds(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    said = _build(root, tmp_path / "shell-site")
    assert "request pages filled" in said
    assert "request_page_shell" not in said  # no fallback
    _mkdocs_alone(root, tmp_path / "mkdocs-site")
    shell, mkdocs = fingerprint(tmp_path / "shell-site"), fingerprint(tmp_path / "mkdocs-site")
    assert shell == mkdocs
    assert sum(1 for path in shell if path.startswith("requests/REQ-")) == 79


def test_addresses_and_file_urls_come_out_the_same(tmp_path: Path) -> None:
    """With site_url (canonical links, a sitemap of every page) and without directory URLs."""
    root = copy_sample(tmp_path / "sample")
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as settings:
        settings.write("site_url: https://book.example.org/it/\nuse_directory_urls: false\n")
    _build(root, tmp_path / "shell-site")
    _mkdocs_alone(root, tmp_path / "mkdocs-site")
    assert fingerprint(tmp_path / "shell-site") == fingerprint(tmp_path / "mkdocs-site")
    sitemap = (tmp_path / "shell-site" / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("<loc>https://book.example.org/it/requests/REQ-") == 79
    assert "servicebook-page" not in sitemap


def test_one_changed_request_rewrites_only_what_shows_it(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    site = tmp_path / "site"
    _build(root, site)
    before = _mtimes(site, "requests")
    request = "REQ-20261125-6D2C"
    event = run_cli(
        "event", request, "note", "--text", "Called back <b>twice</b>", "--at", AS_OF, cwd=root
    )
    assert event.code == 0, event.out + event.err
    said = _build(root, site)
    after = _mtimes(site, "requests")
    changed = sorted(path for path in after if after[path] != before.get(path))
    assert f"requests/{request}/index.html" in changed
    assert len(changed) <= 3, changed  # the page, the requests index and its month
    assert "Called back &lt;b&gt;twice&lt;/b&gt;" in (
        site / "requests" / request / "index.html"
    ).read_text(encoding="utf-8")
    assert "request pages filled" in said
    # From scratch, in a fresh copy with no cache and no earlier site: the same bytes.
    fresh = tmp_path / "fresh"
    _copy(root, fresh)
    _build(fresh, tmp_path / "fresh-site")
    assert fingerprint(site) == fingerprint(tmp_path / "fresh-site")


def test_a_staged_page_edited_by_hand_or_a_guide_page_changed_is_built_again(
    tmp_path: Path,
) -> None:
    """What the last run left is taken again only while it is as that run left it."""
    root = copy_sample(tmp_path / "sample")
    site = tmp_path / "site"
    _build(root, site)
    said = _build(root, site)
    assert "MkDocs not run again" in said
    assert "of them unchanged" in said
    staged = root / ".servicebook" / "docs" / "requests" / "REQ-20261125-6D2C.md"
    staged.write_text(staged.read_text(encoding="utf-8").replace("# ", "# Edited "), "utf-8")
    guide = sorted((root / "docs").glob("*.md"))[0]
    guide.write_text(guide.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    said = _build(root, site)
    assert "MkDocs not run again" not in said
    assert "One more line." in (site / guide.stem / "index.html").read_text(encoding="utf-8")
    fresh = tmp_path / "fresh"
    _copy(root, fresh)
    _build(fresh, tmp_path / "fresh-site")
    assert fingerprint(site) == fingerprint(tmp_path / "fresh-site")


def test_a_theme_that_moves_the_title_is_caught_and_mkdocs_builds_every_page(
    tmp_path: Path,
) -> None:
    root = copy_sample(tmp_path / "sample")
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text(
        '{% extends "base.html" %}\n'
        "{% block htmltitle %}<title>{{ page.title | lower }}</title>{% endblock %}\n",
        encoding="utf-8",
    )
    replace_in(
        root / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: ../overrides\n"
    )
    said = _build(root, tmp_path / "shell-site")
    assert "warning: request_page_shell: MkDocs built every request page itself" in said
    assert "differs from MkDocs' own page" in said
    _mkdocs_alone(root, tmp_path / "mkdocs-site")
    assert fingerprint(tmp_path / "shell-site") == fingerprint(tmp_path / "mkdocs-site")
    html = (tmp_path / "shell-site" / "requests" / "REQ-20261125-6D2C" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<title>req-20261125-6d2c" in html


@pytest.mark.skipif(not DATA.is_file(), reason="needs ../shared/datasets")
def test_a_2000_request_import_after_a_change_is_its_full_build(tmp_path: Path) -> None:
    root = tmp_path / "imported"
    assert run_cli("init", str(root), cwd=tmp_path).code == 0
    imported = run_cli(
        "import", "csv", str(DATA), "--mapping", "uci-servicenow", "--limit", "2000",
        "--into", str(root), cwd=tmp_path,
    )  # fmt: skip
    assert imported.code == 0, imported.err
    site = tmp_path / "site"
    as_of = ["--as-of", "2017-03-01T03:00:00Z"]
    first = run_cli("build", "--site-dir", str(site), *as_of, cwd=root)
    assert first.code == 0, first.err
    request = sorted((root / "records" / "requests").rglob("*.md"))[7].stem
    event = run_cli(
        "event", request, "note", "--text", "checked", "--at", "2017-03-01T02:00:00Z", cwd=root
    )
    assert event.code == 0, event.err
    again = run_cli("build", "--site-dir", str(site), *as_of, cwd=root)
    assert again.code == 0, again.err
    pages = sum(1 for _ in (site / "requests").glob("INC*/index.html"))
    assert pages >= 1900
    # The steady state of the edit loop: the summary pages already say "with uncommitted
    # changes".
    # The first request page is the probe MkDocs builds itself for the check: a change
    # to it need not run MkDocs either.
    second = min(path.stem for path in (root / "records" / "requests").rglob("*.md"))
    assert (site / "requests" / second / "index.html").is_file()
    event = run_cli(
        "event", second, "note", "--text", "again", "--at", "2017-03-01T02:30:00Z", cwd=root
    )
    assert event.code == 0, event.err
    steady = run_cli("build", "--progress", "--site-dir", str(site), *as_of, cwd=root)
    assert steady.code == 0, steady.err
    unchanged = re.search(r"rendered (\d+) pages, (\d+) of them unchanged", steady.err)
    assert unchanged is not None, steady.err
    assert int(unchanged[2]) >= pages - 1, steady.err  # every request page but one
    assert "MkDocs not run again" in steady.err
    fresh = tmp_path / "fresh"
    _copy(root, fresh)
    scratch = run_cli("build", "--site-dir", str(tmp_path / "fresh-site"), *as_of, cwd=fresh)
    assert scratch.code == 0, scratch.err
    assert fingerprint(site) == fingerprint(tmp_path / "fresh-site")
