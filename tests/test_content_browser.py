"""Issue 17 in a real browser: search in each language finds a visit page by a
word of its own text in that language."""

from __future__ import annotations

import pytest

from test_browser import csp_violations, search

pytestmark = pytest.mark.browser

# A word of a visit page's text in each language, and the visit it is from.
VISIT_WORDS = {
    "en": ("livestock", "visits/2013-burkina-faso/"),
    "fr": ("mouche", "visits/2013-burkina-faso/"),
    "es": ("ganadera", "visits/2013-burkina-faso/"),
    "ru": ("животноводству", "visits/2013-burkina-faso/"),
    "zh": ("畜牧", "visits/2013-burkina-faso/"),
    "ar": ("توروضي", "visits/2014-niger/"),
}


@pytest.mark.parametrize("lang", VISIT_WORDS)
def test_search_in_each_language_finds_a_visit_by_a_word_of_its_text(page, served_site, lang):
    word, visit = VISIT_WORDS[lang]
    root = served_site + ("" if lang == "en" else f"{lang}/")
    links = search(page, root + "statements/", word)
    assert links, f"no result for {word!r}"
    assert links[0].split("#")[0].split("?")[0] == root + visit
    others = [f"{served_site}{code}/" for code in VISIT_WORDS if code not in ("en", lang)]
    assert not [link for link in links if link.startswith(tuple(others))]
    assert csp_violations(page) == []
    assert page.console_errors == []
    assert page.failed_requests == []


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_axe_finds_no_violation_on_a_page_shown_in_english(browser, served_fallback_site, lang):
    """Every shipped page is translated, so the English fallback (a new document
    not yet translated) is checked on the copy where one visit lost its translations."""
    from axe_playwright_python.sync_playwright import Axe

    from conftest import FALLBACK
    from test_accessibility import AXE_IGNORED, AXE_TAGS

    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{served_fallback_site}{lang}/{FALLBACK}")
    assert page.locator("[data-translation-status]").get_attribute("data-translation-status") == "missing"
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    violations = [v["id"] for v in results.response["violations"] if v["id"] not in AXE_IGNORED]
    context.close()
    assert violations == []
