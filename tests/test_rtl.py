"""Right-to-left text stays in order, in the built site's markup (issue 15,
item 3): symbols isolated (``dir="ltr"``) wherever they are listed, the
printed address marked left-to-right, and a number never parted from its year.
The geometry, in Chromium, is in test_rtl_browser.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PREFIXES, SEED
from site_tools import sanitize
from site_tools.languages import CODES
from site_tools.symbols import keep_together

NUMBER_YEAR = re.compile(r"\d+(?P<space>\s)\(\d{4}\)")
# Where a line cannot break anyway (the header's one-line title) or text is not text.
NOT_TEXT = ("script", "style", "code", "pre", "title")


def _pages(site: Path, lang: str) -> list[Path]:
    root = site / PREFIXES[lang]
    return sorted(
        p
        for p in root.rglob("*.html")
        if "assets" not in p.parts and (lang != "en" or p.relative_to(site).parts[0] not in CODES)
    )


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", CODES)
def test_no_number_is_parted_from_its_year_on_any_page(site, lang):
    """In every page's body, "1540 (2004)" is written with a no-break space
    (in content, headings, links, generated lists, breadcrumbs and footers)."""
    kept = 0
    for path in _pages(site, lang):
        body = _soup(path).body
        for text in body.find_all(string=NUMBER_YEAR):
            if text.find_parent(NOT_TEXT) or text.find_parent(attrs={"data-md-component": "header-topic"}):
                continue
            for match in NUMBER_YEAR.finditer(text):
                assert match["space"] == "\u00a0", f"{path.relative_to(site)}: {match[0]!r} in {text.strip()[:80]!r}"
                kept += 1
    assert kept > 20


def test_keep_together_joins_number_and_year_only():
    assert keep_together("S/RES/1540 (2004) and 1977 (2011)") == "S/RES/1540\u00a0(2004) and 1977\u00a0(2011)"
    assert keep_together("1540(2004)") == "1540(2004)"  # Chinese: nothing to join
    assert keep_together("page 12 (see 2004)") == "page 12 (see 2004)"


def test_the_sanitizer_allows_what_keeps_text_in_order():
    """A no-break space and ``dir`` on a symbol link are content HTML the allowlist passes."""
    html = '<p>القرار <a class="un-symbol" dir="ltr" href="https://undocs.org/ar/S/RES/1540(2004)">S/RES/1540\u00a0(2004)</a></p>'
    assert sanitize.refusals(html) == []
    assert sanitize.refusals('<p><a dir="sideways" href="x">x</a></p>') != []  # dir still judged


@pytest.mark.parametrize("lang", CODES)
def test_every_symbol_link_is_isolated_left_to_right(site, lang):
    count = 0
    for path in _pages(site, lang):
        for link in _soup(path).select("a.un-symbol"):
            assert link.get("dir") == "ltr", f"{path.relative_to(site)}: {link}"
            count += 1
    assert count > 0


@pytest.mark.parametrize("lang", CODES)
def test_listed_resolutions_each_keep_their_own_direction(html, lang):
    """A document's facts list its resolutions as separate, isolated items."""
    for url in [SEED]:  # (the only document naming several resolutions)
        item = html(PREFIXES[lang] + url).select_one(".doc-facts li:has(a[href*='resolutions/'])")
        links = item.select("a")
        assert len(links) >= 2, url
        assert all(a.get("dir") == "ltr" for a in links), item
    official = html(PREFIXES[lang] + "resolutions/1540-2004/").select(".doc-facts li[data-search-exclude] a")
    assert [a["dir"] for a in official] == ["rtl", "ltr", "ltr", "ltr", "ltr", "ltr"]


@pytest.mark.parametrize("lang", CODES)
def test_printed_address_is_marked_left_to_right(site, lang):
    addresses = [
        a for path in _pages(site, lang) for a in _soup(path).select(".page-address") if path.name == "index.html"
    ]
    assert len(addresses) > 10
    assert {a.get("dir") for a in addresses} == {"ltr"}
