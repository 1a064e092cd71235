"""Issue 17: the Committee's public record as published: visit pages that say
what happened, sources as links (pages, open data, the external-link check),
the Chair's statements, the Committee page, and every page in six languages,
current."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from babel.numbers import format_percent

from conftest import FALLBACK, PREFIXES, ROOT, SITE_URL
from site_tools import fields
from site_tools.languages import CODES, TRANSLATION_CODES, get
from site_tools.links import check_site
from site_tools.model import load_site
from site_tools.project import copy_project
from site_tools.strings import strings
from site_tools.symbols import keep_together
from site_tools.translations import report, summary

STATEMENT = "statements/2016-10-24-training-course-in-chile/"
UNDATED = ["visits/madagascar/", "visits/albania/", "visits/republic-of-congo/"]


@pytest.fixture(scope="module")
def content():
    site = load_site(ROOT / "docs", ROOT)
    assert site.problems == []
    return site


# -- six languages, current -------------------------------------------------------


def test_every_shipped_document_and_page_is_current_in_every_language(content):
    entries = report(content)
    assert len(entries) == len(content.documents) * 5 and len(content.documents) >= 36
    stale = [f"{e.lang} {e.path}: {e.status}" for e in entries if e.status != "current"]
    assert stale == []
    for lang in TRANSLATION_CODES:
        for doc in content.documents.values():
            if doc.generated:  # (a State's page is made in every language by the build)
                continue
            assert doc.sources[lang].meta["translation"] == "unofficial", (lang, doc.key)


def test_the_dashboard_shows_every_language_at_100_percent(site, content):
    counts = summary(report(content))
    for lang in CODES:
        rows = [
            [td.get_text(strip=True) for td in row.select("td")]
            for row in _soup(site, PREFIXES[lang] + "translations/").select("article table tbody tr")
        ]
        percent = format_percent(1, locale=get(lang).babel_locale)  # as the language writes it (Babel)
        assert [row[1] for row in rows] == [percent] * 5, lang
        assert [row[3:] for row in rows] == [["0", "0"]] * 5
        assert [int(row[2]) for row in rows] == [counts[code]["current"] for code in TRANSLATION_CODES]


@pytest.mark.parametrize("lang", TRANSLATION_CODES)
def test_no_page_of_the_site_is_served_in_english_in_another_language(site, lang):
    pages = list((site / lang).rglob("index.html"))
    assert len(pages) >= 36
    for path in pages:
        notice = _parse(path).select_one("[data-translation-status]")
        assert notice is None or notice["data-translation-status"] == "unofficial", path


# -- visits say what happened --------------------------------------------------------

# A fact from each visit's sources that its page must give, in English.
VISIT_FACTS = {
    "visits/2011-united-states/": ["export, financial and border controls", "Department of State"],
    "visits/2013-trinidad-and-tobago/": [
        "Kim Sook",
        "Ministers of Foreign Affairs, of National Security and of Health",
    ],
    "visits/2013-grenada/": ["Working Group on Monitoring and National Implementation", "Khalil Ur Rahman Hashmi"],
    "visits/2013-burkina-faso/": ["Financial Intelligence Unit", "Yalgado Ouedraogo", "tsetse"],
    "visits/2014-niger/": ["Torodi", "Minister of the Interior", "the sources disagree"],
    "visits/2014-malawi/": ["first national report", "Dedza", "UNREC"],
    "visits/2014-china/": ["Li Baodong", "Ali Mahamat Zene", "Dongjiang Free Trade Port Zone"],
}


@pytest.mark.parametrize("url", VISIT_FACTS)
def test_visit_pages_say_who_led_what_for_whom_they_met_and_what_they_saw(html, url):
    text = html(url).select_one("article").get_text(" ", strip=True)
    for fact in VISIT_FACTS[url]:
        assert fact in text, (url, fact)
    assert html(url).select(".doc-facts time"), url  # dated from the front matter


@pytest.mark.parametrize("lang", CODES)
@pytest.mark.parametrize("url", UNDATED)
def test_undated_visits_stay_undated(html, lang, url):
    facts = html(PREFIXES[lang] + url).select_one(".doc-facts")
    assert facts.select("time") == []
    assert strings(lang)["undated"] in facts.get_text()


def test_niger_gives_the_un_dates_and_says_the_sources_disagree(html):
    start, end = html("visits/2014-niger/").select(".doc-facts time")  # (each end its own <time>)
    assert (start["datetime"], end["datetime"]) == ("2014-01-14", "2014-01-17")
    assert end.get_text().endswith("17 January 2014")


# -- sources are links -----------------------------------------------------------------


@pytest.mark.parametrize("lang", CODES)
def test_every_visit_resolution_and_statement_shows_its_sources_as_links(html, content, lang):
    t = strings(lang)
    for name in ("visits", "resolutions", "statements"):
        for doc in content.collection(name):
            soup = html(PREFIXES[lang] + doc.url())
            heading = next(
                h for h in soup.select("article h2") if h.get_text(strip=True).rstrip("¶") == t["sources_heading"]
            )
            items = heading.find_next("ul").select("li")
            citations = doc.meta["sources"]
            assert len(items) == len(citations), doc.key
            for item, citation in zip(items, citations, strict=True):
                links = [a["href"] for a in item.select("a")]
                if citation.url:
                    assert links == [citation.url]
                elif citation.symbol:
                    assert links == [f"https://undocs.org/{lang}/{citation.symbol.replace(' ', '')}"]
                elif citation.document:
                    assert len(links) == 1 and links[0].endswith(citation.document.split("/")[1] + "/")
                else:
                    assert links == [], doc.key  # no address is known: named, not linked
                assert citation.publisher in item.get_text()


def test_every_visit_resolution_and_statement_has_a_source_with_an_address(content):
    for name in ("visits", "resolutions", "statements"):
        for doc in content.collection(name):
            citations = doc.meta.get("sources") or []
            assert any(c.url or c.symbol or c.document for c in citations), doc.key


@pytest.mark.parametrize("lang", CODES)
def test_open_data_carries_each_documents_sources_with_addresses(site, content, lang):
    data = json.loads((site / PREFIXES[lang] / "api/documents.json").read_text(encoding="utf-8"))
    by_slug = {(d["collection"], d["slug"]): d for d in data["documents"]}
    resolution = by_slug[("resolutions", "1673-2006")]["sources"]
    assert resolution[0] == {
        "publisher": "United Nations Security Council",
        "title": None,
        "symbol": "S/RES/1673 (2006)",
        "document": None,
        "date": None,
        "url": f"https://undocs.org/{lang}/S/RES/1673(2006)",
    }
    niger = by_slug[("visits", "2014-niger")]["sources"]
    assert niger == [
        {
            "publisher": "United Nations",
            "title": "Press release CD/3476",
            "symbol": None,
            "document": None,
            "date": "2014-01-20",
            "url": "https://press.un.org/fr/2014/cd3476.doc.htm",
        }
    ]
    seed = by_slug[("visits", "madagascar")]["sources"][0]
    assert seed["url"] == f"{SITE_URL}{PREFIXES[lang]}messages/2013-11-18-republic-of-korea/"
    for doc in content.documents.values():
        if doc.collection in ("visits", "resolutions", "statements"):
            assert len(by_slug[(doc.collection, doc.slug)]["sources"]) == len(doc.meta["sources"])


def test_the_external_link_check_requests_every_source_address(site, content):
    _, _, external = check_site(site, SITE_URL)
    addresses = {c.url for doc in content.documents.values() for c in doc.meta.get("sources") or [] if c.url}
    assert len(addresses) >= 15
    assert addresses <= set(external)
    assert "https://undocs.org/ar/S/RES/1673(2006)" in external


# -- the Chair's statements -----------------------------------------------------------------


@pytest.mark.parametrize("lang", CODES)
def test_statements_are_summaries_labelled_as_such_with_their_facts(html, lang):
    t = strings(lang)
    soup = html(PREFIXES[lang] + STATEMENT)
    facts = soup.select_one(".doc-facts")
    labels = [li.strong.get_text() for li in facts.select("li")]
    colon = t["colon"].rstrip()  # the language's own colon
    assert labels == [f"{t[key]}{colon}" for key in ("date", "occasion", "chair", "state")]
    assert facts.select_one("time")["datetime"] == "2016-10-24"
    assert "Román Oyarzun Marchesi" in facts.get_text()
    notice = facts.select_one(".summary-notice")
    assert notice.get_text(" ", strip=True) == f"{t['summary_label']} {t['summary_notice']}"


@pytest.mark.parametrize("lang", CODES)
def test_statements_are_listed_by_year_and_on_the_home_page(html, content, lang):
    listing = html(PREFIXES[lang] + "statements/").select_one("article")
    years = [h2.get_text(strip=True).rstrip("¶") for h2 in listing.select("h2")]
    assert years == ["2024", "2023", "2020", "2019", "2018", "2016", "2015"]
    hrefs = [a["href"] for a in listing.select("li a")]
    assert len(hrefs) == len(content.collection("statements")) == 8
    assert hrefs[0] == "2024-03-26-briefing-at-the-9589th-meeting/"
    home = html(PREFIXES[lang]).select_one("article")
    assert home.select_one('a[href="statements/2024-03-26-briefing-at-the-9589th-meeting/"]') is not None
    assert home.select_one('a[href="statements/"]') is not None


@pytest.mark.parametrize("lang", CODES)
def test_statements_are_in_the_feed_and_the_search_index(site, lang):
    import feedparser

    feed = feedparser.parse((site / PREFIXES[lang] / "feed.xml").read_bytes())
    terms = [entry.tags[0].term for entry in feed.entries]
    assert terms.count("statements") == 8
    index = json.loads((site / PREFIXES[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    locations = {entry["location"] for entry in index["docs"]}
    assert STATEMENT in locations and "committee/" in locations


# -- the Committee page ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", CODES)
def test_committee_page_gives_the_mandate_chairs_council_visits_and_data(site, html, content, lang):
    soup = html(PREFIXES[lang] + "committee/")
    article = soup.select_one("article")
    hrefs = [a["href"] for a in article.select("a")]
    # The mandate, oldest first, from the resolutions' own pages.
    listing = article.select("h2")[0].find_next("ul").select("li")
    mandate = [(li.time["datetime"], li.a["href"], li.a.get_text()) for li in listing]
    expected = [
        (doc.meta["adopted"].isoformat(), f"../{doc.url()}", keep_together(doc.meta["symbol"]))
        for doc in reversed(content.collection("resolutions"))
    ]
    assert mandate == expected
    text = article.get_text(" ", strip=True)
    for chair in ("Baso Sangqu", "Kim Sook", "Oh Joon", "Román Oyarzun Marchesi", "Eloy Alfaro de Alba"):
        assert chair in text
    assert f"https://undocs.org/{lang}/S/PRST/2014/7" in hrefs  # presidential statements, official text
    assert "../visits/" in hrefs and "../statements/" in hrefs
    # The feed and the open data, in this language.
    for target in ("feed.xml", "api/documents.json", "api/documents.schema.json"):
        link = f"../{target}"
        assert link in hrefs
        assert (site / PREFIXES[lang] / target).is_file()
    assert soup.html["lang"] == lang


@pytest.mark.parametrize("lang", CODES)
def test_home_page_links_to_the_committee_page(html, lang):
    assert html(PREFIXES[lang]).select_one('article a[href="committee/"]') is not None


# -- the editors' tools ------------------------------------------------------------------------


def test_new_statement_is_a_draft_until_its_source_is_written(tmp_path):
    copy_project(tmp_path)
    new = subprocess.run(
        [sys.executable, str(ROOT / "scripts/new.py"), "--docs", str(tmp_path / "docs"), "statement"]
        + ["--date", "2025-03", "--title", "Briefing to the Council", "--chair", "Eloy Alfaro de Alba (Panama)"],
        capture_output=True,
        text=True,
    )
    assert new.returncode == 0, new.stderr
    created = tmp_path / "docs/statements/2025-03-briefing-to-the-council.md"
    assert created.is_file()
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check.py"), "--docs", str(tmp_path / "docs")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1
    lines = [line for line in check.stdout.splitlines() if "2025-03-briefing-to-the-council.md" in line]
    assert any("field 'sources' still holds the placeholder 'TODO:'" in line for line in lines), check.stdout
    assert any("field 'occasion' still holds the placeholder" in line for line in lines), check.stdout


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("UN press release", "expected a list of sources"),
        ([], "expected a list of sources"),
        ([{"title": "Press release SC/1"}], "(source 1) has no 'publisher'"),
        ([{"publisher": "United Nations"}], "(source 1) names no document"),
        ([{"publisher": "UN", "title": "x", "url": "javascript:alert(1)"}], "(source 1) found 'javascript:alert(1)'"),
        ([{"publisher": "UN", "symbol": "SC/12193"}], "is not a UN document symbol"),
        ([{"publisher": "UN", "title": "x", "date": "2015-13"}], "not a real calendar date"),
        ([{"publisher": "UN", "title": "x", "pages": 3}], "unknown key 'pages'"),
    ],
)
def test_bad_sources_are_refused_with_what_is_expected(value, expected):
    with pytest.raises(fields.FieldError) as error:
        fields.sources(value)
    assert expected in str(error.value)


def test_a_source_naming_a_missing_page_is_reported_with_its_line(tmp_path):
    copy_project(tmp_path)
    path = tmp_path / "docs/visits/albania.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("messages/2013-11-18-republic-of-korea", "messages/2099-01-01-gone"),
        encoding="utf-8",
    )
    problems = [str(p) for p in load_site(tmp_path / "docs", tmp_path).problems]
    assert any(
        p.startswith("docs/visits/albania.md:5: field 'sources' (source 1) names the page 'messages/2099-01-01-gone'")
        for p in problems
    ), problems


# -- the fallback copy: what a new English document gets --------------------------------------


def test_a_new_english_document_may_arrive_untranslated(fallback_site):
    site = load_site(fallback_site.parent / "docs", fallback_site.parent)
    statuses = {e.status for e in report(site) if e.path == f"docs/{FALLBACK.rstrip('/')}.md"}
    assert statuses == {"missing"}
    soup = _soup(fallback_site, "fr/" + FALLBACK)
    assert soup.select_one("[data-translation-status]")["data-translation-status"] == "missing"


def _soup(site, url: str):
    return _parse(site / url / "index.html")


def _parse(path):
    from bs4 import BeautifulSoup

    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_arabic_writes_months_one_way_everywhere(site):
    """Babel's (CLDR's) Arabic month names in generated dates; the content the
    same way, never the Levantine double form ("كانون الثاني/يناير")."""
    import re

    double = re.compile(r"(كانون|تشرين|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول)[^/\s]*( \S+)?/")
    pages = list((site / "ar").rglob("*.html"))
    assert pages
    assert [str(p) for p in pages if double.search(p.read_text(encoding="utf-8"))] == []
