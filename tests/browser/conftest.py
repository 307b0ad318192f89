"""Headless Debian chromium against the built sample site, served on 127.0.0.1.

Driver: Playwright's Python package, pointed at ``/usr/bin/chromium``; it never
downloads a browser (``playwright install`` is not run anywhere). Every request
the browser makes to another host goes to a local recording proxy that refuses
it, so "no request leaves 127.0.0.1" is checked at the network, not only from
the page's events.

Without chromium these tests skip, except under CI (``CI`` set), where they fail.
Screenshots go to a folder under pytest's temporary directory; the run's summary
prints it.
"""

from __future__ import annotations

import functools
import http.server
import os
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.helpers import copy_sample, run_cli

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Dialog, Page

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)
QUIET = (
    # Chromium's own background services (not the site's requests): keep them quiet so
    # that anything reaching the recording proxy is the site's doing.
    "--disable-features=AutofillServerCommunication,OptimizationHints,Translate,MediaRouter",
    "--disable-component-extensions-with-background-pages",
    "--disable-client-side-phishing-detection",
    "--disable-domain-reliability",
    "--disable-default-apps",
    "--disable-breakpad",
    "--no-pings",
)
_SHOTS: list[Path] = []


def require_chromium() -> None:
    if CHROMIUM.is_file():
        return
    reason = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium)"
    if os.environ.get("CI"):
        pytest.fail(reason + "; .ci/run installs it", pytrace=False)
    pytest.skip(reason)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Outside:
    """Requests to other hosts that reached the recording proxy (listening on ``port``)."""

    port: int = 0
    seen: list[str] = field(default_factory=list)


class _Recorder(http.server.BaseHTTPRequestHandler):
    outside: Outside

    def _refuse(self) -> None:
        self.outside.seen.append(f"{self.command} {self.path}")
        self.send_response(403)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_HEAD = do_CONNECT = _refuse

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def _serve(handler: Any) -> Iterator[_Server]:
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample site, built once for the browser tests."""
    require_chromium()
    root = copy_sample(tmp_path_factory.mktemp("browser") / "sample")
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.out + result.err
    return root / "site"


def serve_site(folder: Path) -> Iterator[str]:
    """``http://127.0.0.1:PORT/`` serving the built site in ``folder`` (a generator)."""
    handler = functools.partial(_Quiet, directory=str(folder))
    for server in _serve(handler):
        yield f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """``http://127.0.0.1:PORT/`` serving the built sample site."""
    yield from serve_site(site_dir)


@pytest.fixture(scope="session")
def outside() -> Iterator[Outside]:
    """The recording proxy every non-loopback request is sent to."""
    seen = Outside()
    handler = type("Recorder", (_Recorder,), {"outside": seen})
    for server in _serve(handler):
        seen.port = server.server_address[1]
        yield seen


@pytest.fixture(scope="session")
def shots(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Path]:
    """Where the screenshots go; the path is printed when the session ends."""
    folder = tmp_path_factory.mktemp("screenshots")
    yield folder
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None and _SHOTS:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\nbrowser screenshots: {folder}")


@dataclass
class Browser:
    """The browser context and what it saw."""

    context: BrowserContext
    requests: list[str]


@pytest.fixture(scope="session")
def browser(
    tmp_path_factory: pytest.TempPathFactory, base_url: str, outside: Outside
) -> Iterator[Browser]:
    """Chromium with a fresh profile; loopback goes direct, anything else to the recorder."""
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as driver:
        context = driver.chromium.launch_persistent_context(
            str(profile),
            executable_path=str(CHROMIUM),
            headless=True,
            args=[*FLAGS, *QUIET, f"--proxy-server=http://127.0.0.1:{outside.port}"],
            viewport={"width": 1280, "height": 900},
        )
        seen: list[str] = []
        context.on("request", lambda request: seen.append(request.url))
        try:
            yield Browser(context, seen)
        finally:
            context.close()


@dataclass
class Visit:
    """A loaded page and the console errors and uncaught exceptions it produced."""

    page: Page
    errors: list[str]


@pytest.fixture
def visit(browser: Browser, base_url: str) -> Iterator[Any]:
    """``visit(path)`` opens a page of the site and collects its errors."""
    opened: list[Page] = []

    def open_page(path: str) -> Visit:
        page = browser.context.new_page()
        opened.append(page)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))

        def refuse(dialog: Dialog) -> None:
            errors.append(f"dialog: {dialog.message}")  # alert(), confirm(): never expected
            dialog.dismiss()

        page.on("dialog", refuse)
        page.goto(base_url + path, wait_until="load")
        return Visit(page, errors)

    yield open_page
    for page in opened:
        page.close()


def screenshot(page: Page, folder: Path, name: str) -> Path:
    """Save a full-page PNG of ``page`` as ``name.png`` and remember it for the summary."""
    path = folder / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    _SHOTS.append(path)
    return path
