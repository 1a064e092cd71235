"""Shared fixtures: the real site built once per session, and a real browser."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from site_tools.languages import LANGUAGES
from site_tools.project import ROOT

# Shared by the tests: each language's URL prefix, and the seed message (the
# first real document) as published and as written.
PREFIXES = {language.code: language.prefix for language in LANGUAGES}
SEED = "messages/2013-11-18-republic-of-korea/"
SEED_SOURCE = "docs/messages/2013-11-18-republic-of-korea.md"

SITE_URL = "https://example.org/1540/"  # the test builds' address: under a sub-path, as on GitHub Pages
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
BUILD_ENV.pop("SITE_LOCALE", None)
BUILD_ENV.pop("SITE_SOURCE_URL", None)


def run_build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the official build (``make build``: every language, strict) of ``config`` into ``site_dir``."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts/build.py"), "--config", str(config), "--site-dir", str(site_dir)],
        capture_output=True,
        text=True,
        env=env or BUILD_ENV,
        cwd=config.parent,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per session with a sub-path site_url."""
    site_dir = tmp_path_factory.mktemp("site")
    result = run_build(ROOT / "mkdocs.yml", site_dir)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir


# Every shipped document is translated (issue 17), so what readers of an
# untranslated page get is proven on a copy of the site where one document,
# this visit, has lost its translations, as a new English document would be.
FALLBACK = "visits/2013-grenada/"


@pytest.fixture(scope="session")
def fallback_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with the translations of ``FALLBACK`` removed, built once per session."""
    from site_tools.project import copy_project

    root = tmp_path_factory.mktemp("fallback-project")
    copy_project(root)
    removed = list((root / "docs" / FALLBACK).parent.glob(Path(FALLBACK).name + ".*.md"))
    assert len(removed) == 5, removed
    for path in removed:
        path.unlink()
    site_dir = root / "site"
    result = run_build(root / "mkdocs.yml", site_dir)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir


def _parser(site_dir: Path):
    """Parse a page of ``site_dir`` by its address ("fr/messages/"), once:
    the parsed page is shared, so a test must not change it."""

    @functools.cache
    def parse(url: str) -> BeautifulSoup:
        path = site_dir / url / "index.html" if not url.endswith(".html") else site_dir / url
        assert path.exists(), f"{url} was not built ({path})"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    return parse


@pytest.fixture(scope="session")
def fallback_html(fallback_site: Path):
    """Parse a page of the fallback site: ``fallback_html("fr/visits/")``."""
    return _parser(fallback_site)


@pytest.fixture(scope="session")
def html(site: Path):
    """Parse a built page: ``html("fr/messages/")``."""
    return _parser(site)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def served_site(site: Path) -> Iterator[str]:
    """The built site on http://127.0.0.1:<port>/1540/ (the sub-path of its site_url)."""
    yield from _serve(site)


@pytest.fixture(scope="session")
def served_fallback_site(fallback_site: Path) -> Iterator[str]:
    """The fallback site (see ``FALLBACK``), served as ``served_site`` is."""
    yield from _serve(fallback_site)


def _serve(site: Path) -> Iterator[str]:
    root = site.parent / "served"
    root.mkdir(exist_ok=True)
    link = root / "1540"
    if not link.exists():
        link.symlink_to(site, target_is_directory=True)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/1540/"
    server.shutdown()


_SUMMARY: dict[str, list[str]] = {}


def record_summary(kind: str, line: str) -> None:
    """Note what a test checked, for the summary printed at the end of the run."""
    _SUMMARY.setdefault(kind, []).append(line)


def pytest_terminal_summary(terminalreporter) -> None:
    if not _SUMMARY:
        return
    terminalreporter.section("what was checked")
    for kind, lines in _SUMMARY.items():
        terminalreporter.write_line(f"{kind}: {len(lines)} run(s)")
        for line in lines:
            terminalreporter.write_line(f"  {line}")


CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        message = "no Chromium found: install Debian's 'chromium' or set CHROMIUM_PATH"
        if os.environ.get("CI"):
            pytest.fail(message + " (a missing browser fails CI)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh page that records failed requests, console errors and other origins."""
    context = browser.new_context()
    context.add_init_script(
        "window.__csp = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    tab = context.new_page()
    tab.failed_requests = []
    tab.console_errors = []
    tab.requested_urls = []
    # A request cut short by navigating away (net::ERR_ABORTED) is not a failure of the site.
    tab.on(
        "requestfailed",
        lambda request: (
            "ERR_ABORTED" not in (request.failure or "")
            and tab.failed_requests.append(f"{request.failure} {request.url}")
        ),
    )
    tab.on("request", lambda request: tab.requested_urls.append(request.url))
    tab.on("response", lambda r: r.status >= 400 and tab.failed_requests.append(f"{r.status} {r.url}"))
    tab.on("console", lambda message: message.type == "error" and tab.console_errors.append(message.text))
    yield tab
    context.close()


def wait_for_search_index(page) -> None:
    """Wait until the search box of the open page has its index loaded: its
    status line reads the theme's "type to start searching" in the page's
    language (from the page's own configuration), not "initializing". (The
    Arabic "initializing", "بدء البحث", is part of that line's Arabic text:
    the line is compared whole.)"""
    from playwright.sync_api import expect

    translations = json.loads(page.locator("#__config").text_content())["translations"]
    # (expect() polls from Playwright's own world; wait_for_function would need eval, which the CSP forbids.)
    expect(page.locator(".md-search-result__meta")).to_have_text(
        translations["search.result.placeholder"], timeout=20000
    )


def submit_search(page, attempts: int = 5) -> list[dict]:
    """Scripts other than Latin arrive as text input without key presses, and the
    theme searches on key-up: press a key, as a reader's keyboard would. While the
    index is still loading a key-up can go unanswered, so a reader presses again.

    Results for the partial query typed so far may still be on screen, and the
    theme redraws the list as later answers arrive: return the results (href and
    title of each) only once the list has stayed the same for half a second, read
    in one step so that a redraw cannot happen between reading two items."""
    first = page.locator(".md-search-result__item a").first
    for attempt in range(attempts):
        page.keyboard.press("End")
        try:
            first.wait_for(timeout=4000)
            break
        except Exception:
            if attempt == attempts - 1:
                raise
    items = page.locator(".md-search-result__item > a")
    read = """links => links.map(a => ({href: a.getAttribute("href"),
        title: (a.querySelector("h1") || {innerText: ""}).innerText}))"""
    found = settled(page, lambda: items.evaluate_all(read), tries=80)  # at most 20 s
    if found is None:
        raise AssertionError("search results kept changing, or none came")
    return found


def settled(page, read, tries: int) -> list | None:
    """``read()`` (a list) every quarter second until it has given the same
    non-empty list three times in a row; None if it has not after ``tries``."""
    previous, same = None, 0
    for _ in range(tries):
        current = read()
        same = same + 1 if current == previous else 0
        if same >= 2 and current:
            return current
        previous = current
        page.wait_for_timeout(250)
    return None
