"""What the navigation and right-to-left tests share: what the variant site
holds, and a server for a built site.

The variant (built by ``nav_fixtures``) is a copy of the project with two
more messages (so messages have neighbours), a Russian translation with an
in-page link to a Cyrillic heading, an Arabic one listing symbols in running
text, and ``SITE_SOURCE_URL`` set (the footer's source link). Built once per test
session, into a temporary folder; the real ``docs/`` is never touched."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

from conftest import QuietHandler

REPO_URL = "https://example.org/un-1540/site"
OLDER = "messages/2012-05-02-variant-older/"
NEWER = "messages/2014-01-10-variant-newer/"
SEED_MESSAGE = "messages/2013-11-18-republic-of-korea/"
# Arabic running text naming three symbols, separated by Arabic commas.
ARABIC_SYMBOLS = ("S/RES/1540 (2004)", "S/RES/1977 (2011)", "S/RES/2325 (2016)")

ENGLISH = {
    "2012-05-02-variant-older.md": "---\ntitle: An older test message\ndate: 2012-05-02\n"
    "summary: A test message older than the seed.\n---\n\nText of the older message.\n",
    "2014-01-10-variant-newer.md": "---\ntitle: A newer test message\ndate: 2014-01-10\n"
    "summary: A test message newer than the seed.\n---\n\n## Programme\n\nSee [the programme](#programme).\n",
}


def translation(title: str, body: str, hash_: str) -> str:
    """A current, unofficial translation's file."""
    return f"---\ntitle: {title}\ntranslation: unofficial\nsource_hash: {hash_}\n---\n\n{body}"


def serve(site: Path, not_found: bool = False) -> Iterator[str]:
    """Serve ``site`` under /1540/; with ``not_found``, a missing address gets
    the root 404.html with status 404, as static hosts (GitHub Pages) do."""
    root = site.parent / ("served-404" if not_found else "served-variant")
    root.mkdir(exist_ok=True)
    link = root / "1540"
    if not link.exists():
        link.symlink_to(site, target_is_directory=True)

    class Handler(QuietHandler):
        def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
            if not (not_found and code == 404):
                super().send_error(code, message, explain)
                return
            body = (site / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/1540/"
    finally:
        server.shutdown()
