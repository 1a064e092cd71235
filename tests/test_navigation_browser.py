"""Readers see where they are, in Chromium, in all six languages (issue 15,
item 5): the section tab visibly marked, the breadcrumb shown, the language
switcher showing every language unclipped with the current one marked, and a
missing page answered with a 404 in every language, as a static host serves it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import PREFIXES, SEED, record_summary
from site_tools.languages import CODES, LANGUAGES
from site_tools.strings import strings
from variant import serve

WIDTHS = {"desktop": (1280, 900), "phone": (375, 740)}


@pytest.fixture(scope="module")
def served_with_404(site: Path) -> Iterator[str]:
    yield from serve(site, not_found=True)


def _new_page(browser, width: str):
    w, h = WIDTHS[width]
    return browser.new_context(viewport={"width": w, "height": h}).new_page()


@pytest.mark.browser
@pytest.mark.parametrize("lang", CODES)
def test_section_tab_is_visibly_marked_on_a_document(browser, served_site, lang):
    page = _new_page(browser, "desktop")
    for url, section in [
        (SEED, "messages/"),
        ("visits/2013-grenada/", "visits/"),
        ("resolutions/1540-2004/", "resolutions/"),
    ]:
        page.goto(served_site + PREFIXES[lang] + url)
        tabs = page.locator(".md-tabs__link")
        styles = tabs.evaluate_all(
            """links => links.map(a => ({href: a.href, weight: getComputedStyle(a).fontWeight,
                line: getComputedStyle(a).textDecorationLine, current: a.getAttribute('aria-current')}))"""
        )
        marked = [s for s in styles if s["weight"] == "700" and s["line"] == "underline"]
        assert [s["href"] for s in marked] == [served_site + PREFIXES[lang] + section], styles
        assert marked[0]["current"] == "location"
        assert all(s["weight"] != "700" for s in styles if s not in marked)
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", CODES)
def test_phone_drawer_marks_the_section_of_a_document(browser, served_site, lang):
    # On a phone the tabs are hidden: the drawer's menu is the navigation.
    page = _new_page(browser, "phone")
    for url, section in [
        (SEED, "messages/"),
        ("statements/", "statements/"),  # the section's own page: the theme marks it
        ("visits/2013-grenada/", "visits/"),
        ("states/kr/", "states/"),
    ]:
        page.goto(served_site + PREFIXES[lang] + url)
        assert not page.locator(".md-tabs").is_visible()
        page.locator(".md-header label.md-header__button[for=__drawer]").click()
        expect(page.locator(".md-nav--primary > .md-nav__title")).to_be_in_viewport(ratio=1)  # slid in
        items = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item")
        # Each item as shown: its link, or on the section's own page the
        # theme's label that opens the page's contents.
        styles = items.evaluate_all(
            """items => items.map(li => {
                const shown = [...li.children].find(c => c.classList.contains('md-nav__link') && c.checkVisibility());
                const box = shown.getBoundingClientRect();
                return {href: li.querySelector(':scope > a').href, weight: getComputedStyle(shown).fontWeight,
                    color: getComputedStyle(shown).color, current: li.querySelector(':scope > a').getAttribute('aria-current'),
                    whole: box.width > 0 && box.left >= 0 && box.right <= innerWidth};
            })"""
        )
        assert all(s["whole"] for s in styles), styles
        assert len(styles) == 7, styles
        marked = [s for s in styles if s["weight"] == "700"]
        assert [s["href"] for s in marked] == [served_site + PREFIXES[lang] + section], styles
        assert all(s["color"] != marked[0]["color"] for s in styles if s not in marked)
        assert marked[0]["current"] == ("location" if url != section else "page")
        assert all(s["current"] is None for s in styles if s not in marked)
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", CODES)
def test_breadcrumb_shows_and_leads_to_the_section(browser, served_site, lang, width):
    page = _new_page(browser, width)
    page.goto(served_site + PREFIXES[lang] + "visits/2013-grenada/")
    crumbs = page.locator(".site-breadcrumb")
    assert crumbs.is_visible()
    assert crumbs.get_attribute("aria-label") == strings(lang)["breadcrumb"]
    current = crumbs.locator("[aria-current=page]")
    assert current.is_visible()
    # The separator points the way the text reads.
    separator = crumbs.locator("li").nth(1).evaluate("li => getComputedStyle(li, '::before').content")
    assert separator.startswith('"‹"' if lang == "ar" else '"›"'), separator
    crumbs.locator("li").first.locator("a").click()
    page.wait_for_url(served_site + PREFIXES[lang] + "visits/")
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", CODES)
def test_pager_leads_from_visit_to_visit(browser, served_site, lang):
    page = _new_page(browser, "phone")
    page.goto(served_site + PREFIXES[lang] + "visits/2013-grenada/")
    page.locator("footer a[rel=prev]").click()
    page.wait_for_url(served_site + PREFIXES[lang] + "visits/2013-trinidad-and-tobago/")
    page.locator("footer a[rel=next]").click()
    page.wait_for_url(served_site + PREFIXES[lang] + "visits/2013-grenada/")
    page.context.close()


# Is each language's link drawn whole, inside the viewport, and the topmost
# element at its centre (not hidden under something or clipped by its list)?
_SWITCHER = """list => [...list.querySelectorAll('.md-select__link')].map(a => {
  const r = a.getBoundingClientRect();
  const inner = a.closest('.md-select__inner').getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {lang: a.getAttribute('hreflang'), current: a.getAttribute('aria-current'),
          weight: getComputedStyle(a).fontWeight, width: r.width, height: r.height,
          inViewport: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
          inList: r.left >= inner.left - 1 && r.right <= inner.right + 1 && r.top >= inner.top - 1 && r.bottom <= inner.bottom + 1,
          onTop: a === top || a.contains(top),
          clippedText: a.scrollWidth > a.clientWidth + 1};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", CODES)
def test_switcher_shows_every_language_unclipped_and_marks_the_current(browser, served_site, lang, width):
    page = _new_page(browser, width)
    page.goto(served_site + PREFIXES[lang] + SEED)
    page.locator(".md-select > button").focus()  # opens the list, as hovering does
    page.wait_for_timeout(300)  # the list's opening transition
    items = page.locator(".md-select__list").evaluate(_SWITCHER)
    assert [i["lang"] for i in items] == list(CODES)
    for item in items:
        assert item["width"] > 0 and item["height"] > 0, item
        assert item["inViewport"] and item["inList"] and item["onTop"] and not item["clippedText"], item
    assert [i["lang"] for i in items if i["current"] == "page"] == [lang]
    weights = {i["lang"]: i["weight"] for i in items}
    assert weights[lang] == "700" and all(w != "700" for code, w in weights.items() if code != lang)
    record_summary("switcher", f"{lang} at {width}: six languages drawn whole, {lang} marked")
    page.context.close()


@pytest.mark.browser
@pytest.mark.parametrize("missing", ["no/such/page/", "fr/messages/no-such-message/", "ar/x"])
def test_a_missing_page_answers_404_in_every_language_with_a_way_home(browser, served_with_404, missing):
    page = _new_page(browser, "phone")
    failed: list[str] = []
    page.on("response", lambda r: r.status >= 400 and r.url != served_with_404 + missing and failed.append(r.url))
    response = page.goto(served_with_404 + missing)
    assert response is not None and response.status == 404
    paragraphs = page.locator(".not-found-languages > p")
    assert paragraphs.count() == 6
    for index, language in enumerate(LANGUAGES):
        paragraph = paragraphs.nth(index)
        assert paragraph.is_visible()
        assert paragraph.get_attribute("lang") == language.code
        assert strings(language.code)["not_found"] in paragraph.inner_text()
    # The theme's styles load from any depth (absolute addresses): the header has its colour.
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(13, 59, 102)"
    assert failed == []
    paragraphs.nth(3).locator("a").click()  # French
    page.wait_for_url(served_with_404 + "fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.context.close()
