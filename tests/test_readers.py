"""What readers get besides pages: per-language search indexes, feeds, open data,
official document links, dates, sharing metadata and print."""

from __future__ import annotations

import json

import pytest

from conftest import PREFIXES, ROOT, SEED, SITE_URL
from site_tools.languages import CODES
from site_tools.model import load_site
from site_tools.strings import strings


@pytest.mark.parametrize("lang", CODES)
def test_each_language_has_its_own_search_index_of_its_own_pages(site, lang):
    index = json.loads((site / PREFIXES[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    pages = {entry["location"] for entry in index["docs"] if "#" not in entry["location"]}
    documents = load_site(ROOT / "docs", ROOT).documents
    # Every document once, under this language's URL, but the translation
    # status report (a dashboard, not something readers search for).
    assert "translations/" not in pages
    documents = {key: doc for key, doc in documents.items() if key != "translations.md"}
    assert len(pages) == len(documents)
    assert not any(location.startswith(tuple(f"{code}/" for code in CODES)) for location in pages)
    fallback = [e for e in index["docs"] if e.get("lang") == "en" and "#" not in e["location"]]
    translated = sum(1 for doc in documents.values() if doc.is_translated(lang))
    assert len(fallback) == len(documents) - translated
    if lang == "zh":
        assert "\\u200b" in index["config"]["separator"]  # the regex splits on it
        seed = next(e for e in index["docs"] if e["location"] == SEED)
        assert "\u200b" in seed["text"]  # segmented by jieba


def test_no_shared_index_mixes_languages(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
    assert all("Président" not in entry["title"] for entry in index["docs"])


# -- feeds ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", CODES)
def test_each_language_has_a_clean_atom_feed_newest_first(site, lang, html):
    import feedparser

    feed = feedparser.parse((site / PREFIXES[lang] / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.language == lang
    site_name = {"en": "1540 Committee", "fr": "Comité 1540", "zh": "1540委员会"}.get(lang)
    if site_name:  # with the language's colon: "Comité 1540 : ...", "1540委员会：..."
        assert feed.feed.title.startswith(site_name + strings(lang)["colon"])
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True) and len(dates) >= 9  # the message and the dated visits
    assert all(entry.link.startswith(f"{SITE_URL}{PREFIXES[lang]}") for entry in feed.entries)
    seed = next(e for e in feed.entries if "2013-11-18-republic-of-korea" in e.link)
    assert seed.published.startswith("2013-11-18")
    link = html(PREFIXES[lang]).select_one('link[rel="alternate"][type="application/atom+xml"]')
    assert link["href"] == "feed.xml"


# -- official documents ------------------------------------------------------------


def test_symbols_link_to_the_official_text_in_the_page_language():
    import markdown

    from site_tools.symbols import SymbolExtension

    md = markdown.Markdown(extensions=[SymbolExtension(lang="ru", resolutions=["1977-2011"])])
    out = md.convert(
        "S/RES/1540 (2004), S/2011/579 and S/AC.44/2013/OC.85. Resolution 1977 (2011); 1234 (2000). "
        "`S/2011/579` [S/2011/579](x.md)"
    )
    assert (
        '<a class="un-symbol" dir="ltr" href="https://undocs.org/ru/S/RES/1540(2004)" hreflang="ru">'
        "S/RES/1540\u00a0(2004)</a>" in out
    )
    assert 'href="https://undocs.org/ru/S/2011/579"' in out
    assert 'href="https://undocs.org/ru/S/AC.44/2013/OC.85" hreflang="ru">S/AC.44/2013/OC.85</a>.' in out
    assert 'Resolution <a href="/resolutions/1977-2011.md">1977\u00a0(2011)</a>' in out
    assert "1234\u00a0(2000)." in out  # not a resolution of this site: left as text (number and year joined)
    assert "<code>S/2011/579</code>" in out and '<a href="x.md">S/2011/579</a>' in out


@pytest.mark.parametrize("lang", CODES)
def test_mentions_link_to_the_sites_resolution_pages_in_every_language(html, lang):
    links = html(PREFIXES[lang] + SEED).select('article a[href$="resolutions/1540-2004/"]')
    assert any("1540" in a.get_text() and "(2004)" in a.get_text() for a in links)


@pytest.mark.parametrize("lang", CODES)
def test_resolution_page_links_the_official_text_in_six_languages(html, lang):
    soup = html(PREFIXES[lang] + "resolutions/1540-2004/")
    links = {a["hreflang"]: a["href"] for a in soup.select(".doc-facts a[href^='https://undocs.org/'][lang]")}
    assert links == {code: f"https://undocs.org/{code}/S/RES/1540(2004)" for code in CODES}
    symbol = soup.select_one(".doc-facts a.un-symbol")
    assert symbol["href"] == f"https://undocs.org/{lang}/S/RES/1540(2004)"


# -- open data -----------------------------------------------------------------


@pytest.mark.parametrize("lang", CODES)
def test_open_data_lists_every_document_in_its_documented_shape(site, lang):
    import jsonschema

    api = site / PREFIXES[lang] / "api"
    data = json.loads((api / "documents.json").read_text(encoding="utf-8"))
    schema = json.loads((api / "documents.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert data["language"] == lang
    by_slug = {(d["collection"], d["slug"]): d for d in data["documents"]}
    assert len(by_slug) == 29  # 1 message, 8 statements, 11 visits, 9 resolutions
    seed = by_slug[("messages", "2013-11-18-republic-of-korea")]
    assert seed["languages"] == list(CODES)
    assert (seed["visits"], seed["resolutions"]) == (["2013-republic-of-korea"], ["1540-2004", "1977-2011"])
    assert seed["url"] == f"{SITE_URL}{PREFIXES[lang]}{SEED}"
    assert by_slug[("visits", "madagascar")]["date"] is None
    assert {d["title_language"] for d in data["documents"]} == {lang}  # every document is translated


# -- sharing ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", CODES)
def test_pages_carry_canonical_and_open_graph_metadata(html, lang):
    soup = html(PREFIXES[lang] + SEED)
    og = {m["property"]: m["content"] for m in soup.select("meta[property^='og:']")}
    url = f"{SITE_URL}{PREFIXES[lang]}{SEED}"
    assert soup.select_one('link[rel="canonical"]')["href"] == og["og:url"] == url
    assert og["og:title"] == soup.select_one("article h1").get_text().rstrip("¶").strip()
    assert og["og:description"] and og["og:type"] == "article"
