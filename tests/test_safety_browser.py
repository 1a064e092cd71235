"""The last defence, in a real browser: a script or event handler that got into
a built page past every other defence does not run, because the page's
Content-Security-Policy allows only the theme's own inline scripts."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading

import pytest

from conftest import SEED, QuietHandler

pytestmark = pytest.mark.browser

INJECTED = (
    '<script>document.title = "pwned-inline"; window.__pwned = 1;</script>'
    '<img src="../../assets/images/favicon.png" onload="document.title = \'pwned-handler\'">'
    '<a id="injected-link" href="#" onclick="document.title = \'pwned-click\'">click</a>'
    '<p id="styled" style="position:fixed;top:0;left:0;width:100vw;height:100vh;background:red">covered</p>'
)


@pytest.fixture
def tampered_site(site, tmp_path):
    """A copy of the built site, one page of which has hostile markup added
    into its content (as if every check before had missed it)."""
    root = tmp_path / "served"
    copy = root / "1540"
    shutil.copytree(site, copy)
    page = copy / SEED / "index.html"
    html = page.read_text(encoding="utf-8")
    marker = '<article class="md-content__inner md-typeset">'
    assert marker in html
    page.write_text(html.replace(marker, marker + INJECTED, 1), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/1540/"
    server.shutdown()


def test_chromium_blocks_an_injected_script_handler_and_style(page, tampered_site):
    page.goto(tampered_site + SEED)
    page.wait_for_load_state("networkidle")
    page.locator("#injected-link").click()
    assert "pwned" not in page.title()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    violations = page.evaluate("window.__csp")
    assert sum(v.startswith("script-src") for v in violations) >= 3, violations  # the script and both handlers
    assert any(v.startswith("style-src") for v in violations), violations
    # The style attribute was refused: the paragraph is not laid over the page.
    assert page.locator("#styled").evaluate("e => getComputedStyle(e).position") != "fixed"
    # The theme's own inline scripts still ran (the palette script reads storage the base script sets up).
    assert page.evaluate("typeof __md_get") == "function"
