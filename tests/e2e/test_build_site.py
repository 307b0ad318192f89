"""Build the sample site with the real MkDocs + Material, as a newcomer would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import copy_sample, fingerprint, run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_sample(tmp_path_factory.mktemp("site") / "sample")
    before = fingerprint(root / "records")
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.out + result.err
    assert "site built in" in result.err
    assert fingerprint(root / "records") == before, "a build modified records/"
    return root


def test_home_page_shows_as_of(built: Path) -> None:
    html = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert "As of 2026-11-25 15:00 CET (2026-11-25T14:00:00Z)" in html


def test_every_record_has_a_page(built: Path) -> None:
    for path in sorted((built / "records").rglob("*.md")):
        kind = path.relative_to(built / "records").parts[0]
        section = "roster" if kind == "people" else kind
        assert (built / "site" / section / path.stem / "index.html").is_file(), path


def test_request_pages_stay_out_of_the_navigation(built: Path) -> None:
    # The catalog page links no request in its content, so any request link would
    # come from the navigation rendered into every page.
    html = (built / "site" / "services" / "index.html").read_text(encoding="utf-8")
    assert 'href="../requests/"' in html
    assert not re.search(r"requests/REQ-", html)


def test_no_request_to_another_host(built: Path) -> None:
    """Nothing a page loads by itself (scripts, styles, images, fonts) comes from elsewhere.

    Plain links a reader may click are not requests; the browser tests check the
    network for real.
    """
    loads = re.compile(r'(?:src="|<link[^>]*href="|url\(["\']?|@import\s+["\'])(https?:)?//')
    for page in sorted((built / "site").rglob("*")):
        if page.suffix in (".html", ".css", ".js"):
            text = page.read_text(encoding="utf-8", errors="replace")
            match = loads.search(text)
            assert match is None, (page, text[match.start() : match.start() + 120])


def test_every_link_in_the_site_leads_to_a_page(built: Path) -> None:
    """MkDocs checks Markdown links; the generator writes the links in fragments itself."""
    site = built / "site"
    href = re.compile(r'<a [^>]*href="([^"#?]+)[^"]*"')
    broken = []
    checked = 0
    for page in sorted(site.rglob("*.html")):
        for target in href.findall(page.read_text(encoding="utf-8")):
            if re.match(r"[a-z]+:", target) or target.startswith("//"):
                continue  # another site, mailto:, …
            folder = site if target.startswith("/") else page.parent  # 404.html: from the root
            resolved = (folder / target.lstrip("/")).resolve()
            checked += 1
            if not (resolved.is_file() or (resolved / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} -> {target}")
    assert checked > 1000
    assert not broken, broken[:20]


def test_request_page_links_its_service_from_the_facts_table(built: Path) -> None:
    page = built / "site" / "requests" / "REQ-20260914-5B8F" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert '<a href="../../services/practice-systems/">Practice systems</a>' in html
    assert "servicebook:html" not in html  # the fragments extension kept them as they are


def test_untrusted_title_is_escaped(built: Path) -> None:
    for page in (built / "site" / "requests").rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page


def test_same_commit_and_as_of_give_the_same_site(built: Path, tmp_path: Path) -> None:
    first = fingerprint(built / "site")
    result = run_cli("build", "--site-dir", str(tmp_path / "again"), cwd=built)
    assert result.code == 0, result.err
    assert fingerprint(tmp_path / "again") == first


def test_broken_link_in_hand_written_docs_fails_the_strict_build(contract_repo: Path) -> None:
    from tests.conftest import REPO

    (contract_repo / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text())
    (contract_repo / "docs").mkdir()
    (contract_repo / "docs" / "notes.md").write_text("# Notes\n\nSee [the plan](missing.md).\n")
    result = run_cli("build", "--as-of", "2026-11-21T12:00:00Z", cwd=contract_repo)
    assert result.code == 1
    assert "contains a link 'missing.md', but the target is not found" in result.err
    assert result.err.rstrip().endswith("servicebook: the MkDocs build failed (see above)")


def test_without_the_fragments_extension_the_site_is_right_and_the_build_says_so(
    built: Path, tmp_path: Path
) -> None:
    import shutil

    root = tmp_path / "plain"
    shutil.copytree(built, root, ignore=shutil.ignore_patterns("site", ".servicebook"))
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - generator.publish.fragments\n", ""))
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.err
    assert "generator.publish.fragments is not listed" in result.err
    html = (root / "site/requests/REQ-20260914-5B8F/index.html").read_text(encoding="utf-8")
    assert '<a href="../../services/practice-systems/">Practice systems</a>' in html
    assert "<!-- servicebook:html -->" in html  # kept as a comment by the HTML parser


def test_build_without_mkdocs_yml_says_what_to_do(contract_repo: Path) -> None:
    result = run_cli("build", "--as-of", "2026-11-21T12:00:00Z", cwd=contract_repo)
    assert result.code == 1
    assert result.err.endswith(
        f"servicebook: no mkdocs.yml in {contract_repo}; servicebook build needs one: a single "
        "line 'site_name: Your service book' is enough (Servicebook adds the theme, Markdown "
        "extensions, stylesheet and script)\n"
    )


def test_requests_table_is_complete_without_the_script(built: Path) -> None:
    """The filter script only hides rows; the page itself lists every request."""
    html = (built / "site" / "requests" / "index.html").read_text(encoding="utf-8")
    wrapper = html.split('<div class="sb-filter">', 1)[1].split("</table>", 1)[0]
    known = len(list((built / ".servicebook" / "docs" / "requests").glob("REQ-*.md")))
    assert wrapper.count("<tr>") == known + 1  # the header row and one row per request
    assert 'src="../assets/servicebook.js"' in html
