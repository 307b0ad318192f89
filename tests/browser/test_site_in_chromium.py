"""The built sample site in a real browser: renders, filters, stays local, runs no injected code."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import Browser, Outside, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def heading(page: Any) -> str:
    """The page's h1 without Material's permalink sign."""
    return str(page.locator("h1").first.inner_text()).rstrip("¶").strip()


BROWSER_DOMAINS = ("google.com", "googleapis.com", "gvt1.com")
"""Where chromium's own background services live (update, sign-in, autofill, preconnect:
the hosts vary from run to run), which no page of the site asks for."""
PAGE_ASSET_HOSTS = frozenset({"fonts.googleapis.com", "fonts.gstatic.com"})
"""Google hosts a page would use (web fonts): never chromium's own, always a failure."""


def _browser_service(host: str) -> bool:
    if host in PAGE_ASSET_HOSTS:
        return False
    return any(host == d or host.endswith("." + d) for d in BROWSER_DOMAINS)


INJECTED = "REQ-20261116-A53B"
"""The sample request whose title carries ``<script>alert('pwned')</script>``."""


def test_home_page_renders_without_console_errors(visit: Any, shots: Path) -> None:
    seen = visit("")
    page = seen.page
    assert heading(page) == "Spreebogen IT Services — service book"
    assert "As of 2026-11-25 15:00 CET (2026-11-25T14:00:00Z)" in page.inner_text(".sb-asof")
    assert page.get_by_text("Which open requests will breach next?").is_visible()
    screenshot(page, shots, "home")
    assert seen.errors == []


def test_dashboards_render_their_charts_without_console_errors(visit: Any, shots: Path) -> None:
    for name in ("internal", "external"):
        seen = visit(f"dashboards/{name}/")
        page = seen.page
        assert heading(page) == f"{name.capitalize()} dashboard"
        charts = page.locator("svg.sb-chart")
        assert charts.count() >= 1
        box = charts.first.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100
        screenshot(page, shots, f"dashboard-{name}")
        assert seen.errors == []


def test_request_page_shows_its_clocks(visit: Any, shots: Path) -> None:
    seen = visit("requests/REQ-20261124-C1D0/")
    page = seen.page
    row = page.locator("table tr", has_text="Resolution").first
    assert re.sub(r"\s+", " ", row.inner_text()).startswith("Resolution at risk 8h 7h15m 45m")
    screenshot(page, shots, "request-at-risk")
    assert seen.errors == []


def test_completed_request_shows_its_notice(visit: Any, shots: Path) -> None:
    seen = visit(f"requests/{INJECTED}/")
    notice = seen.page.locator(".admonition.success")
    assert "What was done: PO-OG2 back online with a reserved address." in notice.inner_text()
    screenshot(seen.page, shots, "request-completed")
    assert seen.errors == []


def test_maintenance_page_lists_the_coming_windows(visit: Any, shots: Path) -> None:
    seen = visit("maintenance/")
    page = seen.page
    row = page.locator("table tr", has_text="Monthly server patching window").first
    assert "2026-12-19 22:00 – 2026-12-20 02:00 CET" in row.inner_text()
    assert "Havelfracht" in row.inner_text()
    calendar = page.get_by_role("link", name="calendar (iCalendar)")
    href = calendar.get_attribute("href") or ""
    response = page.request.get(page.url + href)
    assert response.ok and response.text().startswith("BEGIN:VCALENDAR")
    screenshot(page, shots, "maintenance")
    assert seen.errors == []


def test_schedules_page_flags_runs_in_a_maintenance_window(visit: Any, shots: Path) -> None:
    seen = visit("schedules/")
    page = seen.page
    row = page.locator("table tr", has_text="2026-12-20 01:00–03:30 CET").first
    assert "Monthly server patching window" in row.inner_text()
    page.locator("details.note summary").first.click()
    assert page.locator("details.note table tr").count() > 20
    screenshot(page, shots, "schedules")
    assert seen.errors == []


def test_requests_table_filters_and_sorts(visit: Any, shots: Path) -> None:
    seen = visit("requests/")
    page = seen.page
    rows = page.locator(".sb-filter tbody tr")
    total = rows.count()
    assert total > 50
    status = page.locator(".sb-filter-bar select").first
    status.select_option("waiting on requester")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 0 < len(visible) < total
    assert all("waiting on requester" in r.inner_text() for r in visible)
    count = page.locator(".sb-filter-count").inner_text()
    assert count == f"{len(visible)} of {total} shown"
    screenshot(page, shots, "requests-filtered")
    status.select_option("")
    page.locator(".sb-filter th button", has_text="Request").click()  # ascending by id
    first = rows.first.locator("td").first.inner_text()
    assert first == min(r.locator("td").first.inner_text() for r in rows.all())
    assert seen.errors == []


def test_injected_script_in_a_title_does_not_run(visit: Any) -> None:
    for path in (f"requests/{INJECTED}/", "requests/", "dashboards/external/"):
        seen = visit(path)
        page = seen.page
        assert page.evaluate("typeof window.pwned") == "undefined"
        scripts = page.evaluate("Array.from(document.scripts).map(s => s.textContent).join(' ')")
        assert "pwned" not in scripts
        assert seen.errors == [], path  # an alert() would have been a dialog
    title = heading(visit(f"requests/{INJECTED}/").page)
    assert title == "Printer PO-OG2 offline <script>alert('pwned')</script>"


def search(visit: Any, words: str) -> list[str]:
    """Type ``words`` into Material's search box; the result links."""
    page = visit("").page
    page.locator(".md-search__input").first.click()
    box = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    # Keys typed while the search worker still loads the index are dropped: type again.
    for _attempt in range(20):
        box.fill("")
        box.press_sequentially(words)
        page.wait_for_timeout(500)
        if results.count():
            break
    return [a.get_attribute("href") or "" for a in page.locator(".md-search-result a").all()]


def test_search_finds_request_titles_and_agreements(visit: Any) -> None:
    # Request pages stay out of the index; the requests table lists their titles.
    assert any("/requests/?h=" in link for link in search(visit, "Dictations"))
    links = search(visit, "Lindenhof Kliniken IT support")
    assert any("/agreements/AGR-LINDENHOF-2026/" in link for link in links), links
    assert any("/services/" in link for link in search(visit, "Practice systems"))
    assert any("/procedures/" in link for link in search(visit, "Password and MFA reset"))


def test_no_request_leaves_localhost(browser: Browser, outside: Outside, visit: Any) -> None:
    for path in ("", "dashboards/internal/", "agreements/AGR-LINDENHOF-2026/", "requests/"):
        visit(path).page.wait_for_load_state("networkidle")
    hosts = {
        urlsplit(url).hostname or "" for url in browser.requests if not url.startswith("data:")
    }
    assert hosts == {"127.0.0.1"}, sorted(hosts)
    # Debian's launcher enables remote extensions and Google API keys, so chromium itself
    # calls its update, sign-in and autofill services (refused by the recorder). Those
    # hosts only; a font, script or image from any other host would show here.
    proxied = {_host(line.split()[1]) for line in outside.seen}
    assert all(_browser_service(host) for host in proxied), sorted(proxied)


def _host(target: str) -> str:
    """The host of a proxied ``GET http://host/...`` or ``CONNECT host:443`` target."""
    return (urlsplit(target if "//" in target else "//" + target).hostname) or ""
