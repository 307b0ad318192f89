"""``servicebook serve`` follows an edit: the changed page is served again and open pages
are told to reload, with no full rebuild of the site's files. Without an instant set, the
preview keeps the one it started at, so the edit does not move every open request's clock."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import copy_sample, run_cli

pytestmark = pytest.mark.slow

REQUEST = "REQ-20261125-6D2C"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def _until(check: object, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if callable(check) and check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError("the preview did not get there in time")


def test_an_edit_shows_in_the_preview_and_pages_reload(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    settings = root / "servicebook.yml"
    settings.write_text(settings.read_text().replace("as_of: 2026-11-25T14:00:00Z\n", ""))
    base = f"http://127.0.0.1:{_free_port()}"
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", base.removeprefix("http://")],
        cwd=root, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        _until(lambda: _get(f"{base}/.servicebook/version") == "1")
        page = _get(f"{base}/requests/{REQUEST}/")
        assert "/.servicebook/version" in page  # the reload script, added on the way out
        on_disk = root / ".servicebook" / "preview" / "requests" / REQUEST / "index.html"
        assert "/.servicebook/version" not in on_disk.read_text(encoding="utf-8")
        preview = root / ".servicebook" / "preview"
        others = [preview / "services" / "index.html"] + [
            page for page in preview.glob("requests/REQ-*/index.html") if REQUEST not in str(page)
        ]
        untouched = [page.stat().st_mtime_ns for page in others]
        time.sleep(1.1)  # a preview that followed the clock would see a later second
        event = run_cli(
            "event", REQUEST, "note", "--text", "Preview <i>check</i>",
            "--at", "2026-11-25T13:00:00Z", cwd=root,
        )  # fmt: skip
        assert event.code == 0, event.err
        _until(lambda: _get(f"{base}/.servicebook/version") == "2")
        assert "Preview &lt;i&gt;check&lt;/i&gt;" in _get(f"{base}/requests/{REQUEST}/")
        assert [page.stat().st_mtime_ns for page in others] == untouched
        with pytest.raises(urllib.error.HTTPError) as outside:
            urllib.request.urlopen(f"{base}/../../servicebook.yml", timeout=10)
        assert outside.value.code == 404
    finally:
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    assert process.returncode == 0, err
    assert "Traceback" not in err
    assert "Serving the preview on http://127.0.0.1:" in err
    assert "(restart to move it)" in err
    assert err.count("built in") == 2
