"""States (issue 16): a page per State in every language, the index by M49
region in each language's order, the map and the timeline of visits, and
states.json; on the built site, and in Chromium at desktop and phone widths."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET

import pypinyin
import pytest

from conftest import PREFIXES, ROOT, SITE_URL
from site_tools.languages import CODES
from site_tools.model import load_site

SVG = "{http://www.w3.org/2000/svg}"
NAMES = json.loads((ROOT / "scripts/site_tools/data/un_states.json").read_text(encoding="utf-8"))["states"]
PATH_RE = re.compile(r"^(M-?\d+ ?-?\d+(l-?\d+ ?-?\d+)*z)+$")


def _visited() -> dict[str, int]:
    """Alpha-2 code -> number of visits, from the content itself (docs/visits/)."""
    counts: dict[str, int] = {}
    for text in (ROOT / "docs/visits").glob("*.md"):
        match = re.search(r"^state: \{.*code: ([A-Z]{2})\}", text.read_text(encoding="utf-8"), re.M)
        if match:
            counts[match[1]] = counts.get(match[1], 0) + 1
    return counts


VISITED = _visited()


def _concerned() -> set[str]:
    """Every State an English document names in its ``state`` field (visits, statements...)."""
    codes = set()
    for text in (ROOT / "docs").glob("*/*.md"):
        if text.name.count(".") == 1:
            match = re.search(r"^state: \{.*code: ([A-Z]{2})\}", text.read_text(encoding="utf-8"), re.M)
            if match:
                codes.add(match[1])
    return codes


CONCERNED = _concerned()


def test_the_content_has_visited_states():
    assert len(VISITED) >= 5  # (the tests below would prove little with fewer)


@pytest.mark.parametrize("lang", CODES)
def test_a_page_for_every_state_concerned_and_no_other(site, html, lang):
    folder = site / PREFIXES[lang] / "states"
    built = {path.name for path in folder.iterdir() if path.is_dir()}
    assert built == {code.lower() for code in CONCERNED} and set(VISITED) <= CONCERNED
    for code in CONCERNED:
        page = html(f"{PREFIXES[lang]}states/{code.lower()}/")
        assert page.h1.get_text(strip=True).removesuffix("¶") == NAMES[code]["names"][lang], code
        assert page.find("html")["lang"] == lang
        # its visits link to their pages
        visits = [a["href"] for a in page.select("article a[href*='visits/']")]
        assert len(visits) == VISITED.get(code, 0), (code, visits)


def test_a_state_page_lists_the_messages_about_it(html):
    page = html("fr/states/kr/")
    assert page.select_one("article a[href$='messages/2013-11-18-republic-of-korea/']") is not None
    assert "Asie" in page.select_one("article p").get_text()


@pytest.mark.parametrize("lang", CODES)
def test_the_index_groups_states_by_region_in_the_languages_order(html, lang):
    page = html(f"{PREFIXES[lang]}states/")
    groups = {}
    for heading in page.select("article h3"):
        table = heading.find_next_sibling("table")
        if table is None:
            continue
        rows = [(row.a.get_text(), int(row.select("td")[1].get_text())) for row in table.select("tbody tr")]
        groups[heading.get_text(strip=True).removesuffix("¶")] = rows
    listed = [name for rows in groups.values() for name, _ in rows]
    expected = {NAMES[code]["names"][lang] for code in CONCERNED}
    assert set(listed) == expected and len(listed) == len(expected)
    for rows in groups.values():
        names = [name for name, _ in rows]
        if lang == "zh":
            assert names == sorted(names, key=lambda name: pypinyin.lazy_pinyin(name)), names
        elif lang in ("ru", "fr", "es", "en"):
            assert names == sorted(names, key=lambda name: name.casefold().replace("é", "e")), names
    counts = {name: count for rows in groups.values() for name, count in rows}
    assert counts == {NAMES[code]["names"][lang]: VISITED.get(code, 0) for code in CONCERNED}


@pytest.mark.parametrize("lang", CODES)
def test_the_map_links_each_visited_state_by_its_name(site, lang):
    page = (site / PREFIXES[lang] / "states/index.html").read_text(encoding="utf-8")
    source = re.search(r"<svg class=\"visits-map\".*?</svg>", page, re.S)
    assert source is not None
    svg = ET.fromstring(source[0])  # well-formed XML
    assert svg.tag == f"{SVG}svg"
    assert not [el for el in svg.iter() if el.tag.endswith("script") or any(a.startswith("on") for a in el.attrib)]
    links = {}
    for link in svg.iter(f"{SVG}a"):
        title = link.find(f"{SVG}title")
        assert title is not None and title.text
        links[link.get("href")] = (title.text, link.get("class"))
    expected = {
        f"{code.lower()}/": (NAMES[code]["names"][lang], f"visits-{min(count, 3)}") for code, count in VISITED.items()
    }
    assert links == expected
    paths = [el.get("d") for el in svg.iter(f"{SVG}path")]
    assert len(paths) > 150 and all(PATH_RE.match(d) for d in paths)


def test_only_the_states_page_carries_the_map_and_it_stays_small(site):
    with_map = (site / "states/index.html").read_bytes()
    svg = re.search(rb"<svg class=\"visits-map\".*?</svg>", with_map, re.S)
    assert svg is not None
    assert len(gzip.compress(svg[0])) <= 60_000
    others = [p for p in site.rglob("*.html") if "visits-map" in p.read_text(encoding="utf-8")]
    assert sorted(p.relative_to(site).as_posix() for p in others) == sorted(
        f"{PREFIXES[lang]}states/index.html" for lang in CODES
    )


@pytest.mark.parametrize("lang", CODES)
def test_the_timeline_goes_year_by_year_linking_each_visit(html, lang):
    page = html(f"{PREFIXES[lang]}states/")
    years = [h.get_text() for h in page.select(".visit-timeline > li > h3")]
    dated = [y for y in years if y.isdigit()]
    assert dated == sorted(dated) and dated
    links = page.select(".visit-timeline a[href*='visits/']")
    assert len(links) == sum(VISITED.values())


@pytest.mark.parametrize("lang", CODES)
def test_states_json_is_complete_and_documented(site, html, lang):
    import jsonschema

    api = site / PREFIXES[lang] / "api"
    data = json.loads((api / "states.json").read_text(encoding="utf-8"))
    schema = json.loads((api / "states.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    assert data["language"] == lang
    assert {entry["code"]: len(entry["visits"]) for entry in data["states"]} == {
        c: VISITED.get(c, 0) for c in CONCERNED
    }
    korea = next(entry for entry in data["states"] if entry["code"] == "KR")
    assert korea["name"] == NAMES["KR"]["names"][lang]
    assert korea["url"] == f"{SITE_URL}{PREFIXES[lang]}states/kr/"
    assert korea["region"]["code"] == "142"
    page = html(f"{PREFIXES[lang]}states/")
    assert page.select_one("article a[href='../api/states.json']") is not None


@pytest.mark.parametrize("lang", CODES)
def test_states_are_in_the_navigation_sitemap_and_search(site, html, lang):
    prefix = PREFIXES[lang]
    tabs = [a.get("href") for a in html(f"{prefix}states/kr/").select(".md-tabs a")]
    assert any(href.rstrip("/").endswith("states") or href == "../" for href in tabs), tabs
    active = html(f"{prefix}states/").select_one(".md-tabs__item--active a")
    assert active is not None
    sitemap = (
        (site / prefix / "sitemap.xml").read_text(encoding="utf-8")
        if lang != "en"
        else (site / "sitemap.xml").read_text(encoding="utf-8")
    )
    assert f"{SITE_URL}{prefix}states/kr/" in sitemap
    index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    assert titles.get("states/kr/") == NAMES["KR"]["names"][lang]


def test_the_translation_dashboard_counts_state_pages_as_current(tmp_path):
    site = load_site(ROOT / "docs")
    generated = [doc for doc in site.documents.values() if doc.generated]
    assert {doc.slug for doc in generated} == {code.lower() for code in CONCERNED}
    from site_tools.translations import status_of

    assert all(status_of(doc, lang) == "current" for doc in generated for lang in CODES if lang != "en")


def test_a_file_in_the_states_folder_is_refused(tmp_path):
    import subprocess
    import sys

    from test_check import make_tree

    make_tree(tmp_path, {"states/kr.md": "---\ntitle: Korea\n---\n\nText.\n"})
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check.py"), "--docs", "docs", "--model-only"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1
    assert "docs/states/kr.md:1: docs/states/ holds only its index page" in result.stdout


# -- in Chromium ----------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
def test_the_map_and_timeline_render_within_the_page(page, served_site, lang, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served_site + PREFIXES[lang] + "states/")
    box = page.locator("svg.visits-map").bounding_box()
    assert box is not None and box["width"] > 0.5 * min(width, 700) and box["height"] > 100
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    # Every visited State is drawn: each link has a box of its own on screen.
    shapes = page.locator("svg.visits-map a")
    assert shapes.count() == len(VISITED)
    for i in range(shapes.count()):
        shape = shapes.nth(i).bounding_box()
        assert shape is not None and shape["width"] > 0 and shape["height"] > 0
    # The map is not mirrored in Arabic: Asia is east (right) of the Americas.
    china = page.locator("svg.visits-map a[href='cn/']").bounding_box()
    united_states = page.locator("svg.visits-map a[href='us/']").bounding_box()
    assert china["x"] > united_states["x"]
    # The timeline's labels: within the page's width, none overlapping another.
    labels = [
        page.locator(".visit-timeline a").nth(i).bounding_box()
        for i in range(page.locator(".visit-timeline a").count())
    ]
    assert labels and all(b and b["width"] > 0 and b["x"] >= 0 and b["x"] + b["width"] <= width + 1 for b in labels)
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            overlap = (
                a["x"] < b["x"] + b["width"]
                and b["x"] < a["x"] + a["width"]
                and a["y"] < b["y"] + b["height"]
                and b["y"] < a["y"] + a["height"]
            )
            assert not overlap, (a, b)
    shot = page.screenshot(full_page=True)
    assert len(shot) > 10_000  # (a blank page compresses to far less)


def test_the_timeline_is_keyboard_navigable(page, served_site):
    page.goto(served_site + "states/")
    first = page.locator(".visit-timeline a").first
    first.focus()
    assert page.evaluate("document.activeElement.closest('.visit-timeline') !== null")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.visit-timeline') !== null")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/visits/.+/"))


@pytest.mark.parametrize("lang", CODES)
def test_a_visit_links_to_its_states_page(html, lang):
    facts = html(f"{PREFIXES[lang]}visits/2014-china/").select_one(".doc-facts")
    link = facts.select_one("a[href$='states/cn/']")
    assert link is not None and link.get_text(strip=True).startswith(NAMES["CN"]["names"][lang])


@pytest.mark.parametrize("lang", CODES)
def test_a_state_page_links_the_public_records_its_visits_cite(html, lang):
    page = html(f"{PREFIXES[lang]}states/cn/")
    records = [a["href"] for a in page.select("article li a[href^='http']")]
    assert any("dc3530" in href for href in records), records


@pytest.mark.parametrize("lang", [c for c in CODES if c != "en"])
def test_english_on_a_state_page_says_so(html, lang):
    """A region the UN names in English only, and the sources as written,
    carry "(in English)" in the page's language."""
    from site_tools.strings import strings

    marker = strings(lang)["in_english"]
    page = html(f"{PREFIXES[lang]}states/gd/")
    region = page.select_one("article p")
    english = region.select("span[lang=en]")
    for span in english:
        assert str(span.next_sibling).strip().startswith(marker), region
    sources = [li for li in page.select("article li") if li.select("a[href^='http']")]
    assert sources and all(marker in li.get_text() for li in sources)


def test_the_timeline_runs_oldest_first_within_a_year_too(html):
    for year in html("states/").select(".visit-timeline > li"):
        starts = [t["datetime"] for t in year.select("ol time") if t.find_previous_sibling("time") is None]
        firsts = [li.select_one("time")["datetime"] for li in year.select("ol > li") if li.select_one("time")]
        assert firsts == sorted(firsts), firsts
        assert starts or not firsts


@pytest.mark.parametrize("lang", CODES)
def test_feed_entries_link_the_states_page(site, lang):
    import feedparser

    feed = feedparser.parse((site / PREFIXES[lang] / "feed.xml").read_bytes())
    china = next(e for e in feed.entries if "visits/2014-china/" in e.link)
    related = [link for link in china.links if link.rel == "related"]
    assert [(link.href, link.title) for link in related] == [
        (f"{SITE_URL}{PREFIXES[lang]}states/cn/", NAMES["CN"]["names"][lang])
    ]
