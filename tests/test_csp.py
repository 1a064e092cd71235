"""The Content-Security-Policy: scripts only from the site itself or by the
hash of the theme's own inline scripts, known from its templates; no inline
styles. (tests/test_safety_browser.py proves Chromium enforces it.)"""

from __future__ import annotations

import re

from site_tools import csp

_META_RE = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def _directives(html: str) -> dict[str, list[str]]:
    (policy,) = _META_RE.findall(html)
    return {d.split()[0]: d.split()[1:] for d in policy.split("; ")}


def test_only_inline_executable_scripts_are_hashed():
    html = '<script>a()</script><script src="x.js"></script><script type="application/json">{}</script><script>a()</script>'
    assert csp.inline_script_hashes(html) == [csp.script_hash("a()")]


def test_every_page_allows_exactly_the_theme_scripts_it_has(site):
    pages = [*site.rglob("*.html")]
    assert len(pages) > 150
    for path in pages:
        html = path.read_text(encoding="utf-8")
        directives = _directives(html)
        assert directives["script-src"][0] == "'self'"
        allowed = set(directives["script-src"][1:])
        assert allowed == set(csp.inline_script_hashes(html)), path
        assert 2 <= len(allowed) <= 4, path  # the theme's: scope and storage, palette, tabs
        assert directives["style-src"] == ["'self'"]
        assert "'unsafe-inline'" not in html.split("</head>")[0]
        assert not re.search(r"<[a-z][^>]* style=", html), path  # nothing needs inline styles


def test_a_script_added_to_a_page_is_not_in_its_policy(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    policy = _directives(html)["script-src"]
    for injected in ("alert(1)", "fetch('/x')", ""):
        assert csp.script_hash(injected) not in policy
