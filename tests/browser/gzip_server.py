"""A tiny static server that sends text gzip-compressed, as the intranet's web server does,
and records the bytes it puts on the wire for each request.

The page-weight test and the Lighthouse benchmark measure what a phone really downloads,
so they need compression: Python's `http.server` has none.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path

COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serve files; compress text when the client accepts gzip; log (path, body bytes)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not path.is_file() or not wants_gzip or path.suffix not in COMPRESSED:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.server.sent.append((self.path, len(body)))
        if self.command == "HEAD":
            return None
        self.wfile.write(body)
        return None

    def copyfile(self, source, outputfile):
        # Uncompressed files (images, fonts) go through here: count them too.
        data = source.read()
        self.server.sent.append((self.path, len(data)))
        outputfile.write(data)

    def log_message(self, *args):
        pass


def serve_gzip(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` with gzip on a free loopback port; `server.sent` lists (path, bytes)."""
    handler = functools.partial(GzipHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.sent = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"
