"""The site in a real browser: the language switcher and the listings work."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from conftest import SEED, SITE_URL, submit_search, wait_for_search_index

pytestmark = pytest.mark.browser


def test_switcher_takes_the_reader_to_the_same_message_in_french(page, served_site):
    page.goto(served_site + SEED)
    page.locator(".md-select").hover()
    page.locator('.md-select__link[hreflang="fr"]').click()
    page.wait_for_url(served_site + "fr/" + SEED)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(".doc-facts time").inner_text() == "18 novembre 2013"
    assert page.failed_requests == []


def test_switcher_from_arabic_listing_to_chinese_listing(page, served_site):
    page.goto(served_site + "ar/visits/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    page.locator(".md-select").hover()
    page.locator('.md-select__link[hreflang="zh"]').click()
    page.wait_for_url(served_site + "zh/visits/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"


def test_listing_links_lead_to_the_documents(page, served_site):
    page.goto(served_site + "es/resolutions/")
    page.get_by_role("link", name="S/RES/1977 (2011)").first.click()
    page.wait_for_url(served_site + "es/resolutions/1977-2011/")
    page.locator(".md-content a", has_text="Mensaje del Presidente").first.click()
    page.wait_for_url(served_site + "es/" + SEED)
    assert page.locator("h1").inner_text().startswith("Mensaje del Presidente del Comité 1540")
    assert page.failed_requests == []


def test_pages_load_nothing_from_another_origin(page, served_site):
    for url in ["", SEED, "ar/visits/", "zh/resolutions/1540-2004/"]:
        page.goto(served_site + url)
        page.wait_for_load_state("networkidle")
    foreign = [u for u in page.requested_urls if not u.startswith(served_site)]
    assert foreign == []
    assert page.console_errors == []


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__csp")


def test_every_page_carries_a_strict_content_security_policy(site):
    for path in [*site.rglob("index.html"), site / "404.html"]:
        html = path.read_text(encoding="utf-8")
        policy = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["object-src"] == "'none'"
        assert directives["base-uri"] == "'self'"
        assert "'unsafe-inline'" not in directives["script-src"], path
        assert html.index("Content-Security-Policy") < html.index("<script"), path


def search(page, url: str, query: str) -> list[str]:
    """Type ``query`` into the search box of ``url``; return the result links."""
    return [result["href"] for result in search_results(page, url, query)]


def search_results(page, url: str, query: str) -> list[dict]:
    """Type ``query`` into the search box of ``url``; return the results, settled."""
    page.goto(url)
    page.locator(".md-search__input").click()
    wait_for_search_index(page)
    page.locator(".md-search__input").press_sequentially(query, delay=20)  # as a reader types
    return submit_search(page)


# A word from each language's version of the seed message, and of no other page
# (Arabic: "entities"; "Madagascar" also names the Madagascar visit since issue 17).
SEED_WORDS = {"en": "vigilance", "fr": "maillon", "es": "eslabón", "ru": "бдительность", "zh": "警惕", "ar": "الكيانات"}


@pytest.mark.parametrize("lang", SEED_WORDS)
def test_search_in_each_language_finds_its_own_seed_message_only(page, served_site, lang):
    root = served_site + ("" if lang == "en" else f"{lang}/")
    links = search(page, root + "visits/", SEED_WORDS[lang])
    assert links, f"no result for {SEED_WORDS[lang]!r}"
    assert links[0].split("?")[0] == root + SEED
    others = [f"{served_site}{code}/" for code in SEED_WORDS if code not in ("en", lang)]
    assert not [link for link in links if link.startswith(tuple(others))]
    assert csp_violations(page) == []
    assert page.console_errors == []
    assert page.failed_requests == []


def test_untranslated_page_is_found_once_and_flagged_as_english(page, served_fallback_site):
    titles = [result["title"] for result in search_results(page, served_fallback_site + "fr/", "Grenada")]
    assert "Visit to Grenada (en anglais)" in titles
    assert titles.count("Visit to Grenada (en anglais)") == 1


def test_palette_toggle_works_under_the_policy(page, served_site):
    page.goto(served_site + "fr/")
    body = page.locator("body")
    before = body.get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(body).not_to_have_attribute("data-md-color-scheme", before)
    page.reload()
    assert body.get_attribute("data-md-color-scheme") != before  # remembered across pages
    assert csp_violations(page) == []
    assert page.console_errors == []


def test_language_switcher_works_under_the_policy(page, served_site):
    page.goto(served_site + "visits/")
    page.locator(".md-select").hover()
    page.locator('.md-select__link[hreflang="ru"]').click()
    page.wait_for_url(served_site + "ru/visits/")
    assert csp_violations(page) == []
    assert page.failed_requests == []


def test_a_message_prints_cleanly(page, served_site):
    page.goto(served_site + "fr/" + SEED)
    page.emulate_media(media="print")
    for chrome in [".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer", ".md-search"]:
        assert not page.locator(chrome).first.is_visible(), chrome
    assert page.locator("article h1").is_visible()
    assert page.locator(".doc-facts time").is_visible()
    address = page.locator(".page-address")
    assert address.is_visible()
    assert address.inner_text() == f"{SITE_URL}fr/{SEED}"
    assert page.locator("article").inner_text().count("Je vous remercie.") == 1
    assert len(page.pdf()) > 10_000  # Chromium lays it out as a printed document
