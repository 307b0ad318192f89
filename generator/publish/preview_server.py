"""The preview's web server: the built site as it is on disk, and a reload when it changes.

``servicebook serve`` builds the site into a preview folder, incrementally (only changed
files are written), and this server hands out those files. Every HTML page it serves
gets one small script that asks ``/.servicebook/version`` once a second and reloads the
page when the number there moves, which :meth:`PreviewServer.bump` does after each
build. The files on disk are never changed by the server: the script is added on the
way out. Only the loopback address is served by default, and nothing outside the
preview folder is ever read (paths are resolved and checked).
"""

from __future__ import annotations

import threading
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

VERSION_PATH = "/.servicebook/version"
RELOAD_SCRIPT = (
    "<script>(function(){var seen=null;function ask(){fetch('" + VERSION_PATH + "',"
    "{cache:'no-store'}).then(function(r){return r.text()}).then(function(v){"
    "if(seen!==null&&v!==seen){location.reload()}seen=v}).catch(function(){})"
    ".finally(function(){setTimeout(ask,1000)})}ask()})()</script>"
)


class _Handler(SimpleHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        return  # the preview prints its builds, not every request

    def do_GET(self) -> None:
        if self.path.split("?", 1)[0] == VERSION_PATH:
            self._send(str(self.server.version).encode(), "text/plain; charset=utf-8")
            return
        target = self._target()
        if target is not None and target.suffix == ".html" and target.is_file():
            html = target.read_bytes()
            at = html.rfind(b"</body>")
            script = RELOAD_SCRIPT.encode()
            body = html[:at] + script + html[at:] if at >= 0 else html + script
            self._send(body, "text/html; charset=utf-8")
            return
        super().do_GET()

    def _target(self) -> Path | None:
        """The file a request path names inside the site (``index.html`` of a folder)."""
        translated = Path(self.translate_path(self.path))
        if translated.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return None  # the base class redirects to the folder's URL
            translated = translated / "index.html"
        root = Path(self.directory).resolve()
        resolved = translated.resolve()
        return resolved if resolved.is_relative_to(root) else None

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    version = 0


class PreviewServer:
    """Serves ``site`` at ``host:port`` in a background thread until :meth:`close`."""

    def __init__(self, site: Path, host: str, port: int) -> None:
        site.mkdir(parents=True, exist_ok=True)
        handler = partial(_Handler, directory=str(site))
        self._server = _Server((host, port), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def address(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/"

    def start(self) -> None:
        self._thread.start()

    def bump(self) -> None:
        """Tell open pages the site changed (they reload within a second)."""
        self._server.version += 1

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
