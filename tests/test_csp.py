"""The Content-Security-Policy's script hashes (site_tools/csp.py)."""

from __future__ import annotations

import pytest

from site_tools import csp

TRICKY = [
    "<p>no scripts</p>",
    '<script>a()</script><script src="x.js"></script><script type="application/json">{"a": 1}</script>',
    "<script\n  data-x='1'>multi\nline</script> tail <script>b()</script>",
    "<script>never closed",
    "<script>a('<script>')</script><script>c()</script>",
    "<scripts>odd</scripts></script>",
    "<script>x</script",
]


def _by_pattern(html: str) -> list[tuple[str, str]]:
    return [(m["attrs"], m["body"]) for m in csp._INLINE_SCRIPT_RE.finditer(html)]


@pytest.mark.parametrize("html", TRICKY)
def test_the_scanner_finds_what_the_pattern_finds(html):
    assert list(csp._scripts(html)) == _by_pattern(html)


def test_the_scanner_finds_what_the_pattern_finds_on_every_built_page(site):
    for path in [*site.rglob("*.html")]:
        html = path.read_text(encoding="utf-8")
        assert list(csp._scripts(html)) == _by_pattern(html), path


def test_only_inline_executable_scripts_are_hashed():
    html = '<script>a()</script><script src="x.js"></script><script type="application/json">{}</script><script>a()</script>'
    assert csp.inline_script_hashes(html) == [csp.script_hash("a()")]
