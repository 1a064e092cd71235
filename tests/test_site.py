"""The built site: languages, URLs, switcher, listings and document pages."""

from __future__ import annotations

import pytest

from conftest import PREFIXES, SEED, SITE_URL
from site_tools import states
from site_tools.languages import CODES
from site_tools.strings import strings

DOCUMENT_URLS = [
    "",
    "messages/",
    SEED,
    "visits/",
    "visits/2013-republic-of-korea/",
    "resolutions/",
    "resolutions/1540-2004/",
]
LONG_DATES = {
    "en": "18 November 2013",
    "fr": "18 novembre 2013",
    "es": "18 de noviembre de 2013",
    "ru": "18 ноября 2013 г.",
    "zh": "2013年11月18日",
    "ar": "18 نوفمبر 2013",
}


@pytest.mark.parametrize("lang", CODES)
@pytest.mark.parametrize("url", DOCUMENT_URLS)
def test_every_url_exists_in_every_language_with_its_lang_and_dir(html, lang, url):
    soup = html(PREFIXES[lang] + url)
    assert soup.html["lang"] == lang
    assert soup.html["dir"] == ("rtl" if lang == "ar" else "ltr")


@pytest.mark.parametrize("lang", CODES)
def test_switcher_lists_languages_in_un_order_in_their_own_scripts(html, lang):
    links = html(PREFIXES[lang] + SEED).select(".md-select__link")
    assert [a["hreflang"] for a in links] == list(CODES)
    assert [a.get_text(strip=True) for a in links] == ["العربية", "中文", "English", "Français", "Русский", "Español"]


@pytest.mark.parametrize("lang", CODES)
@pytest.mark.parametrize("url", DOCUMENT_URLS[1:])
def test_switcher_links_to_the_same_document_in_each_language(site, html, lang, url):
    page_dir = site / (PREFIXES[lang] + url)
    for link in html(PREFIXES[lang] + url).select(".md-select__link"):
        target = (page_dir / link["href"]).resolve()
        expected = (site / (PREFIXES[link["hreflang"]] + url)).resolve()
        assert target == expected, f"{lang}/{url}: {link['hreflang']} link goes to {link['href']}"


def test_material_interface_strings_are_translated(html):
    search = {lang: html(PREFIXES[lang]).select_one("input.md-search__input")["placeholder"] for lang in CODES}
    assert search["en"] == "Search"
    assert search["fr"] == "Rechercher"
    assert len(set(search.values())) == 6


@pytest.mark.parametrize("lang", CODES)
def test_nav_holds_sections_not_documents(html, lang):
    nav_links = html(PREFIXES[lang] + SEED).select("nav.md-nav--primary > ul > li > a")
    assert len(nav_links) == 7  # home, four collections, States, translation status


@pytest.mark.parametrize("lang", CODES)
def test_message_page_shows_its_date_in_the_page_language(html, lang):
    time = html(PREFIXES[lang] + SEED).select_one(".doc-facts time")
    assert time["datetime"] == "2013-11-18"
    # CLDR separates "г." with a narrow no-break space, as Russian typography wants.
    assert time.get_text().replace("\u202f", " ") == LONG_DATES[lang]


def test_message_page_links_to_its_visit_and_resolutions(html):
    hrefs = [a["href"] for a in html(SEED).select(".doc-facts a")]
    assert hrefs == [
        "../../visits/2013-republic-of-korea/",
        "../../resolutions/1540-2004/",
        "../../resolutions/1977-2011/",
    ]


@pytest.mark.parametrize("lang", CODES)
def test_visit_facts_are_one_list_item_each(html, lang):
    t = strings(lang)
    items = html(PREFIXES[lang] + "visits/2013-grenada/").select(".doc-facts li")
    colon = t["colon"].rstrip()  # ":", French " :", Chinese "："
    assert [li.strong.get_text() for li in items] == [
        f"{t['state']}{colon}",
        f"{t['dates']}{colon}",
        f"{t['led_by']}{colon}",
    ]
    # The State is named in the page's language (the UN's name), never in English.
    assert items[0].select_one("span[lang=en]") is None
    assert items[0].get_text().endswith(states.name("GD", lang))


@pytest.mark.parametrize("lang", CODES)
def test_resolution_mentioned_in_facts_links_to_its_page(html, lang):
    summary = html(PREFIXES[lang] + "resolutions/2325-2016/").select(".doc-facts li")[2]
    assert [a["href"] for a in summary.select("a")] == ["../1540-2004/"]


def test_resolution_page_links_to_the_documents_citing_it(html):
    soup = html("resolutions/1977-2011/")
    cited = soup.find(id="cited-on-this-site-by").find_next("ul")
    assert "../../" + SEED in [a["href"] for a in cited.select("a")]
    related = soup.find(id="related-resolutions").find_next("ul")
    # (A number and its year joined by a no-break space: issue 15.)
    assert [a.get_text() for a in related.select("a")] == ["S/RES/1540\u00a0(2004)", "S/RES/1810\u00a0(2008)"]


def test_resolution_page_links_to_the_official_text(html):
    links = [a["href"] for a in html("fr/resolutions/1540-2004/").select(".doc-facts a")]
    assert "https://undocs.org/fr/S/RES/1540(2004)" in links


@pytest.mark.parametrize("lang", CODES)
def test_messages_listing_is_grouped_by_year_newest_first(html, lang):
    content = html(PREFIXES[lang] + "messages/").select_one("article")
    assert [h2.get_text(strip=True).rstrip("¶") for h2 in content.select("h2")] == ["2013"]
    link = content.select_one("h2 + ul a")
    assert link["href"] == "2013-11-18-republic-of-korea/"


def test_visits_listing_is_by_year_with_dates_and_undated_visits_last(html):
    content = html("visits/").select_one("article")
    years = [h2.get_text(strip=True).rstrip("¶") for h2 in content.select("h2")]
    assert years == ["2014", "2013", "2011", "Date not recorded"]
    first_2013 = content.find(id="2013").find_next("ul").select("li")
    assert [li.a.get_text() for li in first_2013] == [
        "Visit to the Republic of Korea",
        "Visit to Burkina Faso",
        "Visit to Grenada",
        "Visit to Trinidad and Tobago",
    ]
    assert "11\u2009–\u200915 November 2013" in first_2013[1].get_text()  # CLDR's en-GB interval
    undated = content.find(id="date-not-recorded").find_next("ul").select("li a")
    assert [a.get_text() for a in undated] == [
        "Visit to Albania",
        "Visit to Madagascar",
        "Visit to the Republic of Congo",
    ]


@pytest.mark.parametrize("lang", CODES)
def test_resolutions_listing_is_by_adoption_date_with_symbol_and_summary(html, lang):
    rows = html(PREFIXES[lang] + "resolutions/").select("article table tbody tr")
    symbols = [row.select_one("td a").get_text() for row in rows]
    assert symbols[0] == "S/RES/2663\u00a0(2022)"  # a number and its year joined by a no-break space
    assert symbols[-1] == "S/RES/1540\u00a0(2004)"
    assert len(symbols) == 9
    dates = [row.select_one("time")["datetime"] for row in rows]
    assert dates == sorted(dates, reverse=True)
    assert all(row.select("td")[2].get_text(strip=True) for row in rows)


@pytest.mark.parametrize("lang", CODES)
def test_home_page_presents_the_committee_and_latest_messages(html, lang):
    soup = html(PREFIXES[lang])
    article = soup.select_one("article")
    assert "1540" in article.select_one("h1").get_text()
    assert article.select_one(f'a[href="{SEED}"]') is not None


def test_fallback_titles_are_marked_as_english(html, fallback_html):
    # (A listing of visits names an untranslated visit by its State's UN name
    # in the page's language instead: tests/test_names_dates.py. The State's
    # page lists its visits by their titles.)
    link = fallback_html("fr/states/gd/").select_one('a[href="../../visits/2013-grenada/"]')
    assert link["lang"] == "en"
    ar_link = fallback_html("ar/states/gd/").select_one('a[href="../../visits/2013-grenada/"]')
    assert (ar_link["lang"], ar_link["dir"]) == ("en", "ltr")
    # On the real site the visit is translated: its title is not marked.
    assert not html("fr/states/gd/").select_one('a[href="../../visits/2013-grenada/"]').has_attr("lang")


def test_seed_message_is_published_in_full(html):
    text = html(SEED).select_one("article").get_text(" ", strip=True)
    assert text.count("resolution 1977") >= 1
    assert "More invitations are in the pipeline." in text
    assert text.split("Cited on this site by")[0].strip().endswith("Thank you.")  # the whole message, to its end


def test_hreflang_alternates_are_absolute_real_translations_and_x_default(html, fallback_html):
    def alternates(url, parse=html):
        return {link["hreflang"]: link["href"] for link in parse(url).select('link[hreflang][rel~="alternate"]')}

    home = alternates("fr/")
    assert home == {
        **{lang: f"{SITE_URL}{PREFIXES[lang]}" for lang in CODES},
        "x-default": SITE_URL,
    }
    assert alternates(SEED)["ar"] == f"{SITE_URL}ar/{SEED}"
    # A visit not translated: no alternate points at a fallback copy.
    visit = "visits/2013-grenada/"
    assert alternates("fr/" + visit, fallback_html) == {
        "en": f"{SITE_URL}{visit}",
        "x-default": f"{SITE_URL}{visit}",
    }
    # Translated, it has its six languages.
    assert alternates("fr/" + visit) == {
        **{lang: f"{SITE_URL}{PREFIXES[lang]}{visit}" for lang in CODES},
        "x-default": f"{SITE_URL}{visit}",
    }
