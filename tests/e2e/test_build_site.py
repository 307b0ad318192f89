"""Build the sample site with the real MkDocs + Material, as a newcomer would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import fingerprint, run_cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.conftest import REPO

    root = tmp_path_factory.mktemp("site") / "sample"
    root.mkdir()
    import shutil

    for name in ("records", "docs", "templates"):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    for name in ("mkdocs.yml", "servicebook.yml"):
        shutil.copy2(REPO / name, root / name)
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
    html = (built / "site" / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') :]
    nav = nav[: nav.index("</nav>")]
    assert "requests/" in nav
    assert not re.search(r"requests/REQ-", nav)


def test_no_request_to_another_host(built: Path) -> None:
    for page in (built / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', text):
            assert url.startswith(("http://127.0.0.1", "http://localhost")), (page, url)


def test_untrusted_title_is_escaped(built: Path) -> None:
    for page in (built / "site" / "requests").rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>alert" not in text, page


def test_same_commit_and_as_of_give_the_same_site(built: Path, tmp_path: Path) -> None:
    first = fingerprint(built / "site")
    result = run_cli("build", "--site-dir", str(tmp_path / "again"), cwd=built)
    assert result.code == 0, result.err
    assert fingerprint(tmp_path / "again") == first
