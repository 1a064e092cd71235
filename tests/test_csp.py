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
        assert directives["style-src"][:2] == ["'self'", "'unsafe-hashes'"]
        assert len(directives["style-src"]) == 5  # left, center, right
        assert "'unsafe-inline'" not in html.split("</head>")[0]
        styles = set(re.findall(r"<t[dh][^>]* style=\"([^\"]*)\"", html))
        assert {csp.style_hash(style) for style in styles} <= set(directives["style-src"]), path
        assert len(re.findall(r" style=", html)) == len(re.findall(r"<t[dh][^>]* style=", html)), path


def test_only_table_alignment_is_allowed_as_an_inline_style():
    directives = {d.split()[0]: d.split()[1:] for d in csp.policy([]).split("; ")}
    assert csp.style_hash("text-align: right;") in directives["style-src"]
    for style in ("position:fixed", "text-align: right", "color: red;", ""):
        assert csp.style_hash(style) not in directives["style-src"]
