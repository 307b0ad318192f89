"""A ``mkdocs.yml`` of one line gives the whole site: the generator stages the theme, the
Markdown extensions, the stylesheet and the script the pages rely on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import copy_sample, run_cli

pytestmark = pytest.mark.slow

RAW_MARKDOWN = re.compile(r"\{ ?\.sb-|\*\*[^*<>]+\*\* ---|^\|---", re.MULTILINE)


@pytest.fixture(scope="module")
def minimal(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = copy_sample(tmp_path_factory.mktemp("minimal") / "sample")
    (root / "mkdocs.yml").write_text("site_name: Minimal service book\n", encoding="utf-8")
    run = run_cli("build", cwd=root)
    assert run.code == 0, run.out + run.err
    return root, run.out + run.err


def test_a_one_line_mkdocs_yml_gives_the_full_site(minimal: tuple[Path, str]) -> None:
    root, _ = minimal
    pages = [
        root / "site/index.html",
        root / "site/dashboards/internal/index.html",
        root / "site/requests/REQ-20261105-E7C2/index.html",
        root / "site/agreements/AGR-HAVELFRACHT-2026/index.html",
    ]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "Minimal service book" in html, page
        assert "md-header" in html, page  # Material, with its header
        assert "assets/servicebook.css" in html and "assets/servicebook.js" in html, page
        assert RAW_MARKDOWN.search(html) is None, (page, RAW_MARKDOWN.search(html))
        assert "fonts.googleapis.com" not in html, page  # offline: no font host
    request = pages[2].read_text(encoding="utf-8")
    assert 'class="sb-asof"' in request
    assert "<table>" in request


def test_the_build_says_material_ends_and_what_to_set(minimal: tuple[Path, str]) -> None:
    _, output = minimal
    assert output.count("Material for MkDocs reaches end of life") == 1
    assert "builder: zensical" in output
    assert "is not listed" not in output  # the staged list has the fragments extension


def test_a_list_of_ones_own_that_lacks_what_pages_need_is_named(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    (root / "mkdocs.yml").write_text(
        "site_name: Own list\nmarkdown_extensions:\n  - generator.publish.fragments\n  - toc\n",
        encoding="utf-8",
    )
    run = run_cli("build", cwd=root)
    out = run.out + run.err
    expected = "mkdocs.yml:2: warning: markdown_extensions: admonition, attr_list, md_in_html, "
    assert expected + "tables are not listed" in out, out
    css = (root / "site/index.html").read_text(encoding="utf-8")
    assert "assets/servicebook.css" in css
