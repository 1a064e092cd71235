"""A variant of the real site for the navigation and right-to-left tests: a
copy of the project with two more messages (so messages have neighbours), a
Russian translation with an in-page link to a Cyrillic heading, an Arabic one
listing symbols in running text, and ``repo_url`` set (the footer's source
link). Built once per test session, into a temporary folder; the real
``docs/`` is never touched."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import QuietHandler, run_build
from site_tools.model import load_site
from site_tools.project import copy_project
from site_tools.translations import source_hash

REPO_URL = "https://example.org/un-1540/site"
OLDER = "messages/2012-05-02-variant-older/"
NEWER = "messages/2014-01-10-variant-newer/"
SEED_MESSAGE = "messages/2013-11-18-republic-of-korea/"
# Arabic running text naming three symbols, separated by Arabic commas.
ARABIC_SYMBOLS = ("S/RES/1540 (2004)", "S/RES/1977 (2011)", "S/RES/2325 (2016)")

_ENGLISH = {
    "2012-05-02-variant-older.md": "---\ntitle: An older test message\ndate: 2012-05-02\n"
    "summary: A test message older than the seed.\n---\n\nText of the older message.\n",
    "2014-01-10-variant-newer.md": "---\ntitle: A newer test message\ndate: 2014-01-10\n"
    "summary: A test message newer than the seed.\n---\n\n## Programme\n\nSee [the programme](#programme).\n",
}


def _translation(title: str, body: str, hash_: str) -> str:
    return f"---\ntitle: {title}\ntranslation: unofficial\nsource_hash: {hash_}\n---\n\n{body}"


@pytest.fixture(scope="session")
def variant_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The variant site, built by the official build (strict: a warning fails it)."""
    root = tmp_path_factory.mktemp("variant")
    config = copy_project(root)
    config.write_text(
        config.read_text(encoding="utf-8").replace("docs_dir: docs\n", f"docs_dir: docs\nrepo_url: {REPO_URL}\n"),
        encoding="utf-8",
    )
    messages = root / "docs/messages"
    for name, text in _ENGLISH.items():
        (messages / name).write_text(text, encoding="utf-8")
    site = load_site(root / "docs")
    newer = site.documents["messages/2014-01-10-variant-newer.md"]
    (messages / "2014-01-10-variant-newer.ru.md").write_text(
        _translation(
            "Более новое тестовое послание",
            "## Программа\n\nСм. [программу](#программа).\n",
            source_hash(newer),
        ),
        encoding="utf-8",
    )
    arabic = "تشير الرسالة إلى القرارات " + "، ".join(ARABIC_SYMBOLS) + " في هذه الفقرة.\n"
    (messages / "2014-01-10-variant-newer.ar.md").write_text(
        _translation("رسالة اختبار أحدث", "## البرنامج\n\n" + arabic, source_hash(newer)), encoding="utf-8"
    )
    result = run_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


@pytest.fixture(scope="session")
def served_variant(variant_site: Path) -> Iterator[str]:
    """The variant site on http://127.0.0.1:<port>/1540/ (its site_url's sub-path)."""
    yield from serve(variant_site)


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
