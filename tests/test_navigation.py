"""Readers know where they are, in every language (issue 15, items 5 and 6):
the section tab and a breadcrumb on every document, previous and next within
messages and visits, the switcher marking the page's language, a 404 in the
reader's language (the root one in all six), and no English chrome: the
site's own footer, logo and title, translated tooltips, readable heading ids."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PREFIXES, SEED
from site_tools.languages import CODES, LANGUAGES
from site_tools.model import load_site
from site_tools.project import ROOT
from site_tools.slugs import heading_id
from site_tools.strings import strings
from variant import NEWER, OLDER, REPO_URL, SEED_MESSAGE

pytest_plugins = ("nav_fixtures",)  # the variant site (variant_site, served_variant)

DOCUMENTS = {
    SEED: "messages",
    "visits/2013-grenada/": "visits",
    "visits/albania/": "visits",  # undated
    "resolutions/1540-2004/": "resolutions",
}
SECTIONS = ["messages/", "visits/", "resolutions/"]


def _resolve(site: Path, page_url: str, href: str) -> Path:
    """The built file a relative link of the page at ``page_url`` leads to."""
    target = (site / page_url / href.split("#")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


# -- item 5: where the reader is ------------------------------------------


@pytest.mark.parametrize("lang", CODES)
@pytest.mark.parametrize("url", DOCUMENTS)
def test_document_page_highlights_its_section_tab(site, html, lang, url):
    soup = html(PREFIXES[lang] + url)
    active = soup.select(".md-tabs__item--active")
    assert len(active) == 1, [a.get_text(strip=True) for a in active]
    link = active[0].a
    assert link["aria-current"] == "location"
    assert _resolve(site, PREFIXES[lang] + url, link["href"]) == site / PREFIXES[lang] / DOCUMENTS[url] / "index.html"
    assert len(soup.select(".md-tabs [aria-current]")) == 1


@pytest.mark.parametrize("lang", CODES)
@pytest.mark.parametrize("url", SECTIONS)
def test_section_page_is_its_own_current_tab_and_has_no_breadcrumb(html, lang, url):
    soup = html(PREFIXES[lang] + url)
    [active] = soup.select(".md-tabs__item--active")
    assert active.a["aria-current"] == "page"
    assert soup.select(".site-breadcrumb") == []


@pytest.mark.parametrize("lang", CODES)
@pytest.mark.parametrize("url", DOCUMENTS)
def test_document_page_shows_a_breadcrumb_section_then_document(site, html, lang, url):
    soup = html(PREFIXES[lang] + url)
    [crumbs] = soup.select("article nav.site-breadcrumb")
    assert crumbs["aria-label"] == strings(lang)["breadcrumb"]
    section, document = crumbs.select("ol > li > a")
    tab = soup.select_one(".md-tabs__item--active a")
    assert section.get_text(strip=True) == tab.get_text(strip=True)
    assert (
        _resolve(site, PREFIXES[lang] + url, section["href"]) == site / PREFIXES[lang] / DOCUMENTS[url] / "index.html"
    )
    assert document["aria-current"] == "page"
    assert document.get_text(strip=True) == soup.select_one("article h1").get_text(strip=True).rstrip("¶")
    # Before the heading, in the article.
    assert crumbs.find_next("h1") is soup.select_one("article h1")


def _pager(soup: BeautifulSoup) -> dict[str, str]:
    nav = soup.select_one("footer nav.md-footer__inner")
    if nav is None:
        return {}
    return {a["rel"][0]: a["href"] for a in nav.select("a[rel]")}


@pytest.mark.parametrize("lang", CODES)
def test_visits_link_previous_and_next_through_the_whole_collection_in_time(site, html, lang):
    """From the newest visit, "previous" leads through every visit, each once,
    in the listing's order (newest first, undated last); "next" leads back."""
    prefix = PREFIXES[lang]
    expected = [prefix + doc.url() for doc in load_site(ROOT / "docs").collection("visits")]
    assert len(expected) > 3
    chain, url = [], expected[0]
    assert "next" not in _pager(html(url))
    while url:
        chain.append(url)
        soup = html(url)
        nav = soup.select_one("footer nav.md-footer__inner")
        assert nav["aria-label"] == strings(lang)["pager"]
        links = _pager(soup)
        previous = links.get("prev")
        if len(chain) > 1:
            back = _resolve(site, url, links["next"])
            assert back == site / chain[-2] / "index.html", f"{url}: next is not {chain[-2]}"
        url = str(_resolve(site, url, previous).parent.relative_to(site)) + "/" if previous else None
        assert len(chain) <= len(expected)
    assert chain == expected


@pytest.mark.parametrize("lang", CODES)
def test_messages_link_previous_and_next_within_messages(variant_site, lang):
    prefix = PREFIXES[lang]

    def pager(url: str) -> dict[str, Path]:
        soup = BeautifulSoup((variant_site / prefix / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        labels = [span.get_text(strip=True) for span in soup.select("footer .md-footer__direction")]
        assert all(label in {"Previous", "Next"} for label in labels) == (lang == "en"), labels
        return {k: _resolve(variant_site, prefix + url, v) for k, v in _pager(soup).items()}

    def page(url: str) -> Path:
        return variant_site / prefix / url / "index.html"

    assert pager(NEWER) == {"prev": page(SEED_MESSAGE)}
    assert pager(SEED_MESSAGE) == {"prev": page(OLDER), "next": page(NEWER)}
    assert pager(OLDER) == {"next": page(SEED_MESSAGE)}


@pytest.mark.parametrize("lang", CODES)
def test_resolutions_and_pages_have_no_previous_or_next(html, lang):
    for url in ["", "messages/", "resolutions/1540-2004/", "translations/"]:
        assert _pager(html(PREFIXES[lang] + url)) == {}, url


@pytest.mark.parametrize("lang", CODES)
def test_switcher_marks_the_current_language_only(html, lang):
    for url in ["", SEED, "visits/", "404.html"]:
        links = html(PREFIXES[lang] + url).select(".md-select__link")
        assert len(links) == 6
        assert [a["hreflang"] for a in links if a.get("aria-current") == "page"] == [lang], url
        assert len([a for a in links if a.has_attr("aria-current")]) == 1


def test_root_404_says_it_in_all_six_languages_with_a_link_to_each_home(site, html):
    soup = html("404.html")
    paragraphs = soup.select("article .not-found-languages > p")
    assert [p["lang"] for p in paragraphs] == list(CODES)
    for p, language in zip(paragraphs, LANGUAGES, strict=True):
        t = strings(language.code)
        assert p["dir"] == language.direction
        assert p.strong.get_text(strip=True) == t["not_found"]
        assert t["not_found_text"] in p.get_text(" ", strip=True)
        link = p.a
        assert link.get_text(strip=True) == t["not_found_home"]
        # Absolute (the page is served at any address), to the language's home.
        assert link["href"] == "/1540/" + language.prefix
        assert (site / language.prefix / "index.html").exists()
    assert len({p.strong.get_text() for p in paragraphs}) == 6


@pytest.mark.parametrize("lang", [c for c in CODES if c != "en"])
def test_each_language_has_its_own_404_in_its_language(html, lang):
    soup = html(PREFIXES[lang] + "404.html")
    assert soup.html["lang"] == lang
    assert soup.select_one("article h1").get_text(strip=True) == strings(lang)["not_found"]
    assert strings(lang)["not_found_text"] in soup.select_one("article").get_text()
    assert [a["hreflang"] for a in soup.select("article .language-homes a")] == list(CODES)


# -- item 6: no English chrome ----------------------------------------------


@pytest.mark.parametrize("lang", CODES)
@pytest.mark.parametrize("url", ["", SEED, "visits/", "404.html"])
def test_footer_is_the_sites_own_in_the_page_language(site, html, lang, url):
    soup = html(PREFIXES[lang] + url)
    footer = soup.select_one("footer.md-footer")
    text = footer.get_text(" ", strip=True)
    assert "Material" not in text and "Made with" not in text
    assert soup.select(".md-copyright") == []
    t = strings(lang)
    links = footer.select("nav.site-links a")
    assert footer.select_one("nav.site-links")["aria-label"] == t["site_links"]
    # No SITE_SOURCE_URL in the tests' environment: no source link.
    assert [a.get_text(strip=True) for a in links] == [t["about"], t["feed"], t["open_data"]]
    about, feed, data = (a["href"] for a in links)
    if url == "404.html":  # served at any address: absolute
        base = "/1540/" + PREFIXES[lang]
        assert (about, feed, data) == (base + "committee/", base + "feed.xml", base + "api/documents.json")
    else:
        page = PREFIXES[lang] + url
        assert (
            _resolve(site, page, about) == site / PREFIXES[lang] / "committee/index.html"
        )  # the page about the Committee
        assert _resolve(site, page, feed) == site / PREFIXES[lang] / "feed.xml"
        assert _resolve(site, page, data) == site / PREFIXES[lang] / "api/documents.json"
    for path in ("feed.xml", "api/documents.json"):
        assert (site / PREFIXES[lang] / path).is_file()


def test_footer_links_the_source_when_the_repository_is_configured(variant_site):
    for lang in CODES:
        soup = BeautifulSoup((variant_site / PREFIXES[lang] / "index.html").read_text(encoding="utf-8"), "html.parser")
        last = soup.select("footer nav.site-links a")[-1]
        assert (last["href"], last.get_text(strip=True)) == (REPO_URL, strings(lang)["source_code"])


@pytest.mark.parametrize("lang", CODES)
def test_heading_permalinks_are_titled_in_the_page_language(html, lang):
    links = html(PREFIXES[lang] + "translations/").select(".headerlink") + html(
        PREFIXES[lang] + "resolutions/1540-2004/"
    ).select(".headerlink")
    assert links
    assert {a["title"] for a in links} == {strings(lang)["permalink"]}


@pytest.mark.parametrize("language", LANGUAGES, ids=CODES)
def test_home_page_title_is_the_site_name_once(html, language):
    site_names = {"en": "1540 Committee", "ar": "لجنة القرار 1540", "zh": "1540委员会",
                  "fr": "Comité 1540", "ru": "Комитет 1540", "es": "Comité 1540"}  # fmt: skip
    soup = html(language.prefix)
    assert soup.title.get_text() == site_names[language.code]
    # Other pages keep "title - site".
    assert html(language.prefix + "visits/").title.get_text().endswith(" - " + site_names[language.code])


@pytest.mark.parametrize("lang", CODES)
def test_logo_and_favicon_are_the_sites_own_svg(site, html, lang):
    soup = html(PREFIXES[lang] + SEED)
    img = soup.select_one("a.md-logo > img")
    assert img is not None and img["alt"] == ""  # named by the link (the site's name)
    assert soup.select_one("a.md-logo")["aria-label"]
    assert soup.select("a.md-logo svg") == []  # not the theme's book icon
    logo = _resolve(site, PREFIXES[lang] + SEED, img["src"])
    assert logo == (site / PREFIXES[lang] / "assets/images/logo.svg").resolve()
    assert logo.read_bytes() == (ROOT / "overrides/assets/images/logo.svg").read_bytes()
    icon = soup.select_one('link[rel="icon"]')["href"]
    assert _resolve(site, PREFIXES[lang] + SEED, icon) == logo
    assert "http" not in re.sub(r'xmlns="http://www.w3.org/2000/svg"', "", logo.read_text(encoding="utf-8"))


def test_palette_is_the_sites_own(html):
    soup = html(SEED)
    options = soup.select('input[name="__palette"]')
    assert {o["data-md-color-primary"] for o in options} == {"custom"}
    assert {o["data-md-color-accent"] for o in options} == {"custom"}


# Attributes a reader hears or sees as chrome (tooltips, labels, alternatives).
_CHROME_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
# Words that are the same in English and the language (not English chrome).
_SAME_WORD = {"fr": {"Navigation"}}
_CHROME = "header, .md-tabs, .md-sidebar--primary, footer, .md-top, .md-search"
# Language names, and the page's or its neighbours' titles (content, maybe an English fallback).
_NOT_CHROME = ".md-select__list, .md-footer__link, [data-md-component=header-topic], script"


def _chrome(soup: BeautifulSoup) -> set[str]:
    """The interface's strings of a page, outside its content: labels and
    tooltips everywhere, text outside the article and the switcher (whose
    language names are each in their own language)."""
    found = set()
    for element in soup.find_all(True):
        for name in _CHROME_ATTRIBUTES:
            if element.get(name):
                found.add(element[name].strip())
    excluded = set(map(id, soup.select(_NOT_CHROME)))
    for part in soup.select(_CHROME):
        for string in part.find_all(string=True):
            if string.strip() and not any(id(parent) in excluded for parent in string.parents):
                found.add(string.strip())
    return {s for s in found if re.search(r"[A-Za-z]{3}", s)}


@pytest.mark.parametrize("lang", [c for c in CODES if c != "en"])
@pytest.mark.parametrize("url", ["", SEED, "visits/2013-grenada/", "resolutions/", "404.html"])
def test_no_english_chrome_in_another_language(html, lang, url):
    """No label, tooltip or interface text of the English page appears on the
    same page in another language (content is judged by the translation tests)."""
    english = _chrome(html(url))
    assert {"Search", "Previous", "Next"} & english or url in ("", "resolutions/", "404.html")
    assert "Link to this section" in english or url in ("", "404.html", "visits/2013-grenada/")
    same = (_chrome(html(PREFIXES[lang] + url)) & english) - _SAME_WORD.get(lang, set())
    assert same == set()


# -- heading ids ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Программа", "программа"),
        ("Связанные резолюции", "связанные-резолюции"),
        ("相关决议", "相关决议"),
        ("قرارات ذات صلة", "قرارات-ذات-صلة"),
        ("Résolutions liées", "résolutions-liées"),
        ("Resolution 1540\u00a0(2004)", "resolution-1540-2004"),  # a no-break space is a space
        ("__config", "config"),  # never one of the theme's ids
        ("_drawer", "drawer"),
        ("¶", ""),  # nothing readable: the extension numbers it
    ],
)
def test_heading_ids_are_unicode_slugs_never_the_themes(text, expected):
    assert heading_id(text, "-") == expected


@pytest.mark.parametrize("lang", CODES)
def test_every_heading_id_is_readable_and_never_the_themes(site, lang):
    """No heading of any page has a numbered id ("_1") or one of the theme's."""
    root = site / PREFIXES[lang]
    pages = [p for p in root.rglob("index.html") if lang != "en" or p.relative_to(site).parts[0] not in CODES]
    # (The translation dashboard's sections are named by language code, by design.)
    pages = [p for p in pages if p.parent.name != "translations"]
    headings = 0
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for h in soup.select("article h2[id], article h3[id], article h4[id]"):
            headings += 1
            assert not h["id"].startswith("_"), f"{path}: {h['id']}"
            assert h["id"] == heading_id(h.get_text().rstrip("¶"), "-") or re.search(r"_\d+$", h["id"]), h["id"]
    assert headings > 5


def test_a_russian_authors_in_page_link_to_a_cyrillic_heading_works(variant_site):
    """The strict build checked the anchor; the page has the heading's id and the link."""
    soup = BeautifulSoup((variant_site / "ru" / NEWER / "index.html").read_text(encoding="utf-8"), "html.parser")
    [heading] = soup.select("article h2")
    assert heading.get_text().rstrip("¶") == "Программа"
    assert heading["id"] == "программа"
    assert soup.select_one('article a[href="#программа"]') is not None
    assert BeautifulSoup((variant_site / "ar" / NEWER / "index.html").read_text(encoding="utf-8"), "html.parser").find(
        "h2", id="البرنامج"
    )
