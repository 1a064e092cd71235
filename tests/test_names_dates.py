"""Issue 15, items 1, 2, 7 and 8: State names, dates, English inside a
translated page, and complete open data, checked on the built site in all six
languages (and in Chromium where it is a matter of layout)."""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import PREFIXES, ROOT, SEED, run_build
from site_tools import states
from site_tools.languages import CODES, TRANSLATION_CODES
from site_tools.model import load_site
from site_tools.project import copy_project
from site_tools.strings import strings
from test_check import make_tree, msg, run

THIN = "\u2009"
NBSP = "\u00a0"
NNBSP = "\u202f"
VISITS = sorted(
    path.stem for path in (ROOT / "docs/visits").glob("*.md") if "." not in path.stem and path.stem != "index"
)


def article(html, url: str):
    # A copy: the parsed page is shared by every test of the session.
    soup = BeautifulSoup(str(html(url).select_one("article")), "html.parser")
    for permalink in soup.select(".headerlink"):
        permalink.decompose()
    return soup


def fact(html, url: str, key: str, lang: str):
    """The facts box's item whose label is strings[key], and its label as shown."""
    label = strings(lang)[key]
    for item in article(html, url).select(".doc-facts li"):
        strong = item.find("strong")
        if strong and strong.get_text().startswith(label):
            return item, strong.get_text()
    raise AssertionError(f"no {label!r} in the facts of {url}")


@functools.cache
def _content():
    return load_site(ROOT / "docs", ROOT)


def front(visit: str) -> dict:
    """A visit's front matter, as the content model reads it."""
    return _content().documents[f"visits/{visit}.md"].meta


# -- 1. State names in the reader's language --------------------------------------


def test_state_data_covers_the_source_and_says_where_it_comes_from():
    data = json.loads(states.DATA_PATH.read_text(encoding="utf-8"))
    source = data["_source"]
    assert source["package"] == "hdx-python-country 4.2.5"
    assert "scripts/un_terms.py" in source["regenerate"] and "hdx-python-country" in source["regenerate"]
    entries = data["states"]
    assert len(entries) == 249  # every row of the taxonomy with an ISO 3166-1 code
    for code, entry in entries.items():
        assert re.fullmatch(r"[A-Z]{2}", code) and entry["alpha2"] == code
        assert re.fullmatch(r"[A-Z]{3}", entry["alpha3"])
        assert re.fullmatch(r"\d{3}", entry["m49"])
        assert entry["names"]["en"]
        if entry["latitude"] is not None:  # a point for a map (none for the scattered UM)
            state = states.get_state(code)
            assert -90 <= (state.latitude or 0) <= 90 and -180 <= (state.longitude or 0) <= 180
            assert state.longitude == pytest.approx((entry["longitude"] + 180) % 360 - 180)
        if code != "AQ":  # Antarctica belongs to no M49 region
            assert re.fullmatch(r"\d{3}", entry["region"]["code"]) and entry["region"]["en"]
    six = [code for code, entry in entries.items() if all(entry["names"].values())]
    assert len(six) >= 240
    assert set(code for code in entries if entries[code]["independent"]) >= {"KR", "CN", "FR", "BF", "US"}


def test_the_states_module_gives_un_names_and_regions():
    assert states.names("KR") == {
        "ar": "جمهورية كوريا",
        "zh": "大韩民国",
        "en": "Republic of Korea",
        "fr": "République de Corée",
        "ru": "Республика Корея",
        "es": "República de Corea",
    }
    korea = states.get_state("KR")
    assert (korea.alpha3, korea.m49, round(korea.latitude or 0), round(korea.longitude or 0)) == ("KOR", "410", 37, 128)
    assert states.region("KR") == states.Region("142", "Asia")
    assert states.sub_region("KR") == states.Region("030", "Eastern Asia")
    assert states.intermediate_region("BF") == states.Region("011", "Western Africa")
    assert states.region_name(states.Region("142", "Asia"), "zh") == "亚洲"
    # CLDR calls 419 "Latin America": not the UN's term, so the UN's English one stays.
    latin = states.sub_region("MX")
    assert latin == states.Region("419", "Latin America and the Caribbean")
    assert (states.region_name(latin, "fr"), states.region_name_language(latin, "fr")) == (latin.en, "en")
    assert (states.name("TW", "zh"), states.name_language("TW", "zh")) == ("Taiwan (Province of China)", "en")
    assert list(states.by_region(["KR", "BF", "CN"])) == [states.Region("002", "Africa"), states.Region("142", "Asia")]
    assert states.known("KR") and not states.known("XK") and not states.known("kr")
    with pytest.raises(states.UnknownState):
        states.name("XK", "fr")
    with pytest.raises(ValueError):
        states.name("KR", "de")


def test_the_check_refuses_a_state_code_the_un_data_does_not_know(tmp_path):
    # Kosovo's XK is user-assigned: Babel (CLDR) knows it, the UN's list does not.
    make_tree(tmp_path, {"visits/madagascar.md": msg("title: Visit\nstate: {name: Kosovo, code: XK}")})
    result = run("check.py", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (
        "docs/visits/madagascar.md:3: field 'state' code 'XK' is not an ISO 3166-1 alpha-2 code; "
        "expected two capital letters such as KR"
    ) in result.stdout.splitlines()


@pytest.mark.parametrize("lang", CODES)
def test_a_visit_shows_its_states_un_name_in_the_page_language(html, lang):
    assert len(VISITS) >= 10
    for visit in VISITS:
        code = front(visit)["state"]["code"]
        item, _ = fact(html, f"{PREFIXES[lang]}visits/{visit}/", "state", lang)
        value = item.get_text().split(item.find("strong").get_text(), 1)[1].strip()
        assert value == states.name(code, lang), visit
        assert strings(lang)["in_english"] not in item.get_text()
        assert item.select("[lang]") == []
    item, _ = fact(html, f"{PREFIXES[lang]}visits/2014-china/", "state", lang)
    assert "China" not in item.get_text() or lang in ("en", "es")


@pytest.mark.parametrize("lang", TRANSLATION_CODES)
def test_the_visits_listing_names_untranslated_visits_by_their_un_state_name(fallback_html, lang):
    # (Every visit is translated on the real site: on its copy without the
    # Grenada visit's translations, that one is named by its State.)
    listing = fallback_html(f"{PREFIXES[lang]}visits/").select_one("article")
    link = listing.select_one('a[href="2013-grenada/"]')
    assert link.get_text() == states.name("GD", lang)
    assert not link.has_attr("lang")
    assert "Visit to" not in listing.get_text()


# -- 2. Dates as each language writes them ---------------------------------------------

CHINA = {  # 23-24 October 2014, as CLDR's interval patterns write it (months in full)
    "ar": "23 – 24 أكتوبر 2014",
    "zh": "2014年10月23日至24日",  # "至" in every Chinese range: see site_tools.dates
    "en": f"23{THIN}–{THIN}24 October 2014",
    "fr": "23–24 octobre 2014",
    "ru": f"23—24 октября 2014{NNBSP}г.",
    "es": "23–24 de octubre de 2014",
}
LABELS = {"ar": "التواريخ:", "zh": "日期：", "en": "Dates:", "fr": f"Dates{NBSP}:", "ru": "Даты:", "es": "Fechas:"}


@pytest.mark.parametrize("lang", CODES)
def test_a_range_collapses_as_the_language_writes_it_and_time_carries_both_ends(html, lang):
    item, label = fact(html, f"{PREFIXES[lang]}visits/2014-china/", "dates", lang)
    assert label == LABELS[lang]
    times = item.select("time")
    assert [t["datetime"] for t in times] == ["2014-10-23", "2014-10-24"]
    assert item.get_text().split(label, 1)[1].strip() == CHINA[lang]
    listing = article(html, f"{PREFIXES[lang]}visits/")
    entry = listing.select_one('a[href="2014-china/"]').parent
    assert CHINA[lang] in entry.get_text()
    assert [t["datetime"] for t in entry.select("time")] == ["2014-10-23", "2014-10-24"]


@pytest.mark.parametrize("lang", CODES)
def test_a_visit_known_by_its_start_only_does_not_read_as_one_day(html, lang):
    item, label = fact(html, f"{PREFIXES[lang]}visits/2013-republic-of-korea/", "dates", lang)
    assert [t["datetime"] for t in item.select("time")] == ["2013-11-18"]
    assert item.get_text().strip().endswith(strings(lang)["end_not_recorded"])


def range_separators(html, lang: str, open_ends: bool) -> set[str]:
    """What stands between the two ends of every visit's dates in ``lang``
    (with ``open_ends``, also before the words saying an end is not recorded)."""
    separators = set()
    for visit in VISITS:
        item, label = fact(html, f"{PREFIXES[lang]}visits/{visit}/", "dates", lang)
        times = item.select("time")
        if len(times) == 2:
            separators.add(str(times[0].next_sibling))
        elif open_ends and len(times) == 1 and times[0].next_sibling:
            separators.add(str(times[0].next_sibling).split(strings(lang)["end_not_recorded"])[0])
    return separators


def test_arabic_writes_every_range_one_way(html):
    assert range_separators(html, "ar", open_ends=True) == {" – "}


def test_chinese_writes_every_range_with_zhi(html):
    # As the site's Chinese text writes ranges ("1月13日至17日"), and CLDR its
    # month-day ones; CLDR's patterns with a year have a dash between thin spaces.
    lang = "zh"
    assert range_separators(html, lang, open_ends=False) == {"至"}
    assert "1月13日至17日" in article(html, f"{PREFIXES[lang]}visits/2014-niger/").get_text()


COLONS = {"ar": ":", "zh": "：", "en": ":", "fr": f"{NBSP}:", "ru": ":", "es": ":"}


@pytest.mark.parametrize("lang", CODES)
def test_labels_and_list_items_take_the_languages_colon(html, lang):
    for url in (SEED, "resolutions/1540-2004/", "visits/2013-grenada/"):
        labels = [s.get_text() for s in article(html, PREFIXES[lang] + url).select(".doc-facts li > strong")]
        assert labels and all(label.endswith(COLONS[lang]) for label in labels), labels
        if lang != "fr":
            assert not any(label.endswith(" :") or label.endswith(f"{NBSP}:") for label in labels)
        if lang == "zh":
            assert not any(":" in label for label in labels)
    entry = article(html, PREFIXES[lang] + "messages/").select_one("h2 + ul li").get_text()
    after_date = entry.split(article(html, PREFIXES[lang] + "messages/").select_one("h2 + ul li time").get_text())[1]
    assert after_date.startswith(strings(lang)["colon"])


LISTS = {  # the seed message's two resolutions, as the language writes a list of two
    # (each number kept with its year by a no-break space: tests/test_rtl.py)
    "ar": f"S/RES/1540{NBSP}(2004) وS/RES/1977{NBSP}(2011)",
    "zh": f"S/RES/1540{NBSP}(2004)和S/RES/1977{NBSP}(2011)",
    "en": f"S/RES/1540{NBSP}(2004) and S/RES/1977{NBSP}(2011)",
    "fr": f"S/RES/1540{NBSP}(2004) et S/RES/1977{NBSP}(2011)",
    "ru": f"S/RES/1540{NBSP}(2004) и S/RES/1977{NBSP}(2011)",
    "es": f"S/RES/1540{NBSP}(2004) y S/RES/1977{NBSP}(2011)",
}
PERCENT = {"ar": "23%", "zh": "23%", "en": "23%", "fr": f"23{NBSP}%", "ru": f"23{NBSP}%", "es": f"23{NBSP}%"}


@pytest.mark.parametrize("lang", CODES)
def test_lists_and_percentages_follow_the_locale(html, lang, site):
    item, label = fact(html, PREFIXES[lang] + SEED, "resolutions", lang)
    assert item.get_text().split(label, 1)[1].strip() == LISTS[lang]
    cells = [
        row.select("td")[1].get_text() for row in article(html, PREFIXES[lang] + "translations/").select("tbody tr")
    ]
    assert cells and all(re.fullmatch(r"\d{1,3}(\u00a0)?%", cell) for cell in cells), cells
    done = re.sub(r"\d+", "23", cells[0])
    assert done == PERCENT[lang]


# A copy of the site with visits known only by a year or a month.
PARTIAL = {
    "visits/2012-chile.md": msg("title: Visit to Chile\nstate: {name: Chile, code: CL}\nstart: 2012"),
    "visits/2010-chad.md": msg("title: Visit to Chad\nstate: {name: Chad, code: TD}\nstart: 2010-05"),
    "visits/2013-peru.md": msg("title: Visit to Peru\nstate: {name: Peru, code: PE}\nstart: 2013-07\nend: 2013-09"),
}
PARTIAL_TEXTS = {
    "2012-chile": {"ar": "2012", "zh": "2012年", "en": "2012", "fr": "2012", "ru": "2012", "es": "2012"},
    "2010-chad": {
        "ar": "مايو 2010",
        "zh": "2010年5月",
        "en": "May 2010",
        "fr": "mai 2010",
        "ru": f"май 2010{NNBSP}г.",
        "es": "mayo de 2010",
    },
    "2013-peru": {
        "ar": "يوليو – سبتمبر 2013",
        "zh": "2013年7月至9月",
        "en": f"July{THIN}–{THIN}September 2013",
        "fr": f"juillet{THIN}–{THIN}septembre 2013",
        "ru": f"июль{NBSP}— сентябрь 2013{NNBSP}г.",
        "es": "julio–septiembre de 2013",
    },
}


@pytest.fixture(scope="module")
def partial_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("partial-dates")
    config = copy_project(root)
    for rel, text in PARTIAL.items():
        (root / "docs" / rel).write_text(text, encoding="utf-8")
    result = run_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.mark.parametrize("lang", CODES)
def test_a_year_or_month_only_date_shows_as_such(partial_site, lang):
    for visit, texts in PARTIAL_TEXTS.items():
        page = partial_site / PREFIXES[lang] / "visits" / visit / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        label = strings(lang)["dates"]
        item = next(li for li in soup.select(".doc-facts li") if li.strong.get_text().startswith(label))
        shown = item.get_text().split(item.strong.get_text(), 1)[1].strip()
        assert shown == texts[lang], visit
        assert strings(lang)["end_not_recorded"] not in shown
    peru = BeautifulSoup(
        (partial_site / PREFIXES[lang] / "visits/2013-peru/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert [t["datetime"] for t in peru.select(".doc-facts time")] == ["2013-07", "2013-09"]


# -- 7. English inside a translated page is visibly marked -------------------------------


@pytest.mark.parametrize("lang", TRANSLATION_CODES)
def test_english_fallbacks_in_listings_and_facts_say_so_in_the_readers_language(fallback_html, lang):
    # (On the copy of the site without the Grenada visit's translations.)
    marker = strings(lang)["in_english"]
    facts = fallback_html(f"{PREFIXES[lang]}visits/2013-grenada/").select_one("article .doc-facts")
    spans = facts.select("span[lang=en]")
    assert spans
    for span in spans:
        after = span.next_sibling
        assert after is not None and str(after).strip().startswith(marker), span
    # English titles of linked documents too (the State's page lists the visit).
    cited = fallback_html(f"{PREFIXES[lang]}states/gd/").select('article a[lang=en][href$="visits/2013-grenada/"]')
    assert cited and all(str(a.next_sibling).strip().startswith(marker) for a in cited)


@pytest.mark.browser
@pytest.mark.parametrize("lang", CODES)
def test_the_translation_notice_is_body_size(page, served_site, lang):
    page.goto(served_site + PREFIXES[lang] + (SEED if lang != "en" else "visits/2013-grenada/"))
    if lang == "en":  # English has no notice: compare a French untranslated page's
        page.goto(served_site + "fr/visits/2013-grenada/")
    notice = page.locator(".translation-notice p").first
    body = page.locator("article > p, article > div[lang] > p").first
    size = notice.evaluate("e => getComputedStyle(e).fontSize")
    assert size == body.evaluate("e => getComputedStyle(e).fontSize")


@pytest.mark.browser
def test_english_in_an_arabic_page_is_not_right_justified(page, served_fallback_site):
    served_site = served_fallback_site  # (the copy without the Grenada visit's translations)
    page.set_viewport_size({"width": 200, "height": 900})
    page.goto(served_site + "ar/visits/2013-grenada/")
    span = page.locator(".doc-facts span[lang=en]").first
    lefts = span.evaluate(
        """e => { const r = document.createRange(); r.selectNodeContents(e);
        return Array.from(r.getClientRects()).map(x => Math.round(x.left)); }"""
    )
    assert len(set(lefts)) == 1 and len(lefts) >= 3, lefts  # several lines, all starting at one left edge
    for url in ("ar/visits/", "ar/visits/2013-grenada/"):
        page.goto(served_site + url)
        for handle in page.locator("article span[lang=en]").element_handles():
            assert handle.evaluate("e => getComputedStyle(e).textAlign") == "left"


# -- 8. Open data and feeds are complete --------------------------------------------------


@pytest.mark.parametrize("lang", CODES)
def test_open_data_carries_summary_state_symbol_dates_and_flat_references(site, lang):
    data = json.loads((site / PREFIXES[lang] / "api/documents.json").read_text(encoding="utf-8"))
    by = {(d["collection"], d["slug"]): d for d in data["documents"]}
    korea = by[("visits", "2013-republic-of-korea")]
    assert korea["state"] == {"code": "KR", "name": states.name("KR", lang), "name_language": lang}
    assert (korea["start"], korea["end"]) == ("2013-11-18", None)
    assert korea["messages"] == ["2013-11-18-republic-of-korea"]
    china = by[("visits", "2014-china")]
    assert (china["start"], china["end"]) == ("2014-10-23", "2014-10-24")
    assert by[("visits", "albania")]["start"] is None and by[("visits", "albania")]["date"] is None
    seed = by[("messages", "2013-11-18-republic-of-korea")]
    assert (seed["visits"], seed["resolutions"], seed["messages"]) == (
        ["2013-republic-of-korea"],
        ["1540-2004", "1977-2011"],
        [],
    )
    assert seed["summary_language"] == lang and seed["summary"]
    res = by[("resolutions", "2325-2016")]
    assert res["symbol"] == "S/RES/2325 (2016)" and res["resolutions"] == ["1540-2004"] and res["state"] is None
    assert res["summary"] and res["summary_language"] == lang  # (translated: the English fallback is below)
    assert all("related" not in d for d in data["documents"])
    documents = [d for d in data["documents"] if d["collection"] in ("visits", "resolutions", "messages")]
    assert len(documents) == 21 and all(d["summary"] for d in documents)  # every document has one
    assert {d["summary_language"] for d in documents} <= {lang, "en"}


def test_the_served_schema_describes_the_new_fields(site):
    schema = json.loads((site / "api/documents.schema.json").read_text(encoding="utf-8"))
    item = schema["properties"]["documents"]["items"]
    for field in (
        "summary",
        "summary_language",
        "state",
        "symbol",
        "start",
        "end",
        "messages",
        "visits",
        "resolutions",
    ):
        assert field in item["required"] and field in item["properties"]
    assert "related" not in item["properties"]


@pytest.mark.parametrize("lang", CODES)
def test_feeds_include_resolutions_and_leave_out_undated_visits_on_purpose(site, lang):
    feed = feedparser.parse((site / PREFIXES[lang] / "feed.xml").read_bytes())
    assert not feed.bozo
    links = {entry.link.rsplit("/", 2)[-2] for entry in feed.entries}
    resolutions = [p.stem for p in (ROOT / "docs/resolutions").glob("*.md") if "." not in p.stem and p.stem != "index"]
    assert set(resolutions) <= links
    dated = [v for v in VISITS if front(v).get("start")]
    undated = [v for v in VISITS if not front(v).get("start")]
    assert set(dated) <= links and undated and not set(undated) & links
    res = next(e for e in feed.entries if e.link.endswith("/resolutions/1540-2004/"))
    assert res.published.startswith("2004-04-28") and res.tags[0].term == "resolutions"
    assert res.tags[0].label == strings(lang)["resolutions"]


MENTION = re.compile(r"(?<!\d)\d{3,5}[ \u00a0]?\(\d{4}\)")  # (number and year joined by a no-break space)


@pytest.mark.parametrize("lang", CODES)
def test_the_resolutions_table_links_every_symbol_it_mentions(html, lang):
    rows = article(html, PREFIXES[lang] + "resolutions/").select("tbody tr")
    mentioned = 0
    for row in rows:
        summary = row.select("td")[2]
        linked = [a.get_text() for a in summary.select("a")]
        for match in MENTION.finditer(summary.get_text()):
            assert any(match[0] in text for text in linked), (lang, summary.get_text())
            mentioned += 1
    assert mentioned >= 1  # 2325 (2016) names resolution 1540 (2004)
    row_2325 = next(r for r in rows if "2325" in r.select_one("td").get_text())
    assert row_2325.select("td")[2].select_one('a[href="1540-2004/"]') is not None


@pytest.mark.parametrize("lang", CODES)
def test_every_range_keeps_the_long_dates_words(lang):
    # Whatever CLDR collapses, what stays reads as the language's long date:
    # the end in full (the start in full in Chinese, which writes the year first).
    import datetime as dt

    from site_tools.dates import date_range, long_date
    from site_tools.fields import PartialDate

    start = dt.date(2013, 1, 30)
    for days in (1, 3, 20, 45, 340, 400):
        end = start + dt.timedelta(days=days)
        first, last = PartialDate(start.year, start.month, start.day), PartialDate(end.year, end.month, end.day)
        span = date_range(first, last, lang)
        assert span is not None and len(span.parts) == 2
        assert [part.iso for part in span.parts] == [first.iso, last.iso]
        assert span.text == span.separator.join(part.text for part in span.parts)
        assert span.separator.strip() in ({"至"} if lang == "zh" else {"–", "—"})
        kept = span.parts[0].text if lang == "zh" else span.parts[1].text
        assert kept == long_date(first if lang == "zh" else last, lang)
        if end.year != start.year:
            assert [part.text for part in span.parts] == [long_date(first, lang), long_date(last, lang)]


def test_the_generator_takes_unterm_names_then_m49_ones(tmp_path):
    # scripts/un_terms.py's transform of the taxonomy's rows (hdx-python-country
    # itself is needed only to regenerate, so a row is written out here).
    import importlib.util

    spec = importlib.util.spec_from_file_location("un_terms", ROOT / "scripts/un_terms.py")
    assert spec and spec.loader
    un_terms = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(un_terms)
    languages = ("Arabic", "Chinese", "English", "French", "Russian", "Spanish")
    row = {
        "ISO 3166-1 Alpha 2-Codes": "MO",
        "m49 numerical code": "446",
        "Independent": "N",
        "Region Code": "142",
        "Region Name": "Asia",
        "Sub-region Code": "30",
        "Sub-region Name": "Eastern Asia",
        "Intermediate Region Code": None,
        "Intermediate Region Name": None,
        **{f"{language} Short": None for language in languages},
        **{f"M49 {language}": f"M49 name in {language}" for language in languages},
        "English Short": "Macao",
    }
    entry = un_terms.states({"MAC": row})["MO"]
    assert (entry["alpha3"], entry["m49"], entry["independent"]) == ("MAC", "446", False)
    assert entry["sub_region"] == {"code": "030", "en": "Eastern Asia"} and entry["intermediate_region"] is None
    assert entry["names"]["en"] == "Macao" and entry["names"]["zh"] == "M49 name in Chinese"
    assert entry["m49_names"]["en"] == "M49 name in English"
    # The committed file is the generator's output: the same keys, entry for entry.
    shipped = json.loads(states.DATA_PATH.read_text(encoding="utf-8"))["states"]["MO"]
    assert set(shipped) == set(entry)
