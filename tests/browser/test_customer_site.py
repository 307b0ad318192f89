"""A customer's site, opened in chromium: its pages and its search show nothing of the
other customer and no internal note, and its own records are there."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.audience_leaks import foreign, internal_texts
from tests.browser.conftest import Browser, require_chromium, serve_site
from tests.helpers import REPO, copy_sample, run_cli

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PAGES = (
    "",
    "dashboards/external/",
    "dashboards/notices/",
    "agreements/",
    "requests/",
    "maintenance/",
    "needs/",
    "requests/REQ-20261104-7A3F/",
)


@pytest.fixture(scope="module")
def lindenhof_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample's site for customer:lindenhof, built and served on 127.0.0.1."""
    require_chromium()
    root = copy_sample(tmp_path_factory.mktemp("customer") / "sample")
    run = run_cli("build", "--audience", "customer:lindenhof", cwd=root)
    assert run.code == 0, run.out + run.err
    yield from serve_site(root / "site")


def _search(browser: Browser, url: str, words: str) -> list[str]:
    page = browser.context.new_page()
    try:
        page.goto(url, wait_until="load")
        page.locator(".md-search__input").first.click()
        box = page.locator("input.md-search__input")
        for _attempt in range(20):  # keys typed before the index loads are dropped
            box.fill("")
            box.press_sequentially(words)
            page.wait_for_timeout(400)
            if page.locator(".md-search-result__meta").count():
                break
        return [a.inner_text() for a in page.locator(".md-search-result__item").all()]
    finally:
        page.close()


def test_the_rendered_pages_show_nothing_of_the_other_customer(
    browser: Browser, lindenhof_url: str
) -> None:
    forbidden = foreign(REPO, "lindenhof") + internal_texts(REPO)
    for path in PAGES:
        page = browser.context.new_page()
        try:
            response = page.goto(lindenhof_url + path, wait_until="load")
            assert response is not None and response.ok, path
            text = " ".join(page.inner_text("body").split()).lower()
            nav = page.evaluate("document.documentElement.outerHTML").lower()
        finally:
            page.close()
        for item in forbidden:
            needle = " ".join(item.text.split()).lower()
            assert needle not in text, f"{path}: {item.text!r} ({item.why}) shown"
            assert needle not in nav, f"{path}: {item.text!r} ({item.why}) in the markup"
        if path == "":
            assert "lindenhof" in text


def test_search_finds_the_customer_and_not_the_other(browser: Browser, lindenhof_url: str) -> None:
    assert _search(browser, lindenhof_url, "Lindenhof Kliniken IT support")
    assert _search(browser, lindenhof_url, "Havelfracht") == []
    assert _search(browser, lindenhof_url, "warehouse") == []
