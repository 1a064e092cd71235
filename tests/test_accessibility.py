"""Accessibility and valid HTML in all six languages, proven in a real browser.

axe-core (WCAG 2.0/2.1 A and AA rules) runs on every page type, in every
language, in the light and the dark palette; the same visits check the
browser's health (console, requests, CSP, other origins). The Nu HTML Checker
validates every built page. A summary of what was checked is printed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup

from conftest import PREFIXES, ROOT, SEED, record_summary, submit_search
from site_tools.languages import CODES

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_TYPES = {
    "home": "",
    "messages listing": "messages/",
    "visits listing": "visits/",
    "resolutions listing": "resolutions/",
    "message": SEED,
    "visit": "visits/2013-grenada/",
    "resolution": "resolutions/1540-2004/",
    "statements listing": "statements/",
    "statement": "statements/2016-10-24-training-course-in-chile/",
    "committee": "committee/",
    "dashboard": "translations/",
    "States index, map and timeline": "states/",
    "State": "states/kr/",
    "404": "404.html",
}
# Proven false positives only, each with its reason. (None so far.)
AXE_IGNORED: dict[str, str] = {}

# Nu HTML Checker errors that come from Material's own markup and cannot be
# changed without copying its base template:
VNU_MATERIAL_MARKUP = {
    # The drawer and search toggles are checkboxes with autocomplete="off", which
    # stops Firefox restoring their state on back navigation.
    r"Attribute “autocomplete” is only allowed when the input type is": "Material's checkbox toggles",
    # Labels for those visually hidden toggles (drawer, search, table of contents).
    r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control": "Material's toggle labels",
}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", CODES)
def test_axe_finds_no_violation_on_any_page_type(browser, served_site, axe, lang, scheme):
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.blockedURI));"
    )
    page = context.new_page()
    problems, requests = [], []
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "") and problems.append(f"failed: {r.url}"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status}: {r.url}"))
    expected_scheme = "default" if scheme == "light" else "slate"
    for name, url in PAGE_TYPES.items():
        page.goto(served_site + PREFIXES[lang] + url)
        assert page.locator("body").get_attribute("data-md-color-scheme") == expected_scheme
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
        for violation in results.response["violations"]:
            if violation["id"] not in AXE_IGNORED:
                targets = [node["target"] for node in violation["nodes"]][:3]
                problems.append(f"{name}: {violation['id']} ({violation['impact']}) at {targets}")
        problems.extend(f"{name}: CSP blocked {uri}" for uri in page.evaluate("window.__csp"))
    foreign = sorted({url for url in requests if not url.startswith(served_site)})
    context.close()
    record_summary("axe", f"{len(PAGE_TYPES)} page types × {lang} × {scheme} palette × rules {', '.join(AXE_TAGS)}")
    assert problems == []
    assert foreign == []


@pytest.mark.browser
def test_skip_link_moves_focus_to_the_content(page, served_site):
    page.goto(served_site + "fr/" + PAGE_TYPES["message"])
    page.keyboard.press("Tab")
    skip = page.locator(".md-skip")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    # (Heading ids are Unicode slugs: the address bar percent-encodes them.)
    assert unquote(page.url).endswith("#" + skip.get_attribute("href").lstrip("#"))
    assert page.locator("article h1").is_visible()


@pytest.mark.browser
def test_language_switcher_works_by_keyboard_alone(page, served_site):
    page.goto(served_site + PAGE_TYPES["visit"])
    button = page.locator(".md-select > button")
    for _ in range(40):
        page.keyboard.press("Tab")
        if button.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the language switcher cannot be reached with Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"  # visible focus
    page.keyboard.press("Tab")  # into the list of languages: ar, zh, en, fr...
    assert page.locator('.md-select__link[hreflang="ar"]').is_visible()
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('hreflang')") == "fr"
    page.keyboard.press("Enter")
    page.wait_for_url(served_site + "fr/" + PAGE_TYPES["visit"])


@pytest.mark.browser
def test_search_works_by_keyboard_alone(page, served_site):
    from playwright.sync_api import expect

    page.goto(served_site + "es/")
    page.keyboard.press("/")  # the theme's shortcut to the search field
    field = page.locator(".md-search__input")
    expect(field).to_be_focused()
    expect(page.locator(".md-search-result__meta")).not_to_contain_text("Inicializando", timeout=20000)
    page.keyboard.type("eslabón")
    submit_search(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(".*/es/" + re.escape(SEED) + ".*"))


def built_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.parts)


def test_every_page_has_one_h1_no_skipped_heading_level_and_right_lang_and_dir(site):
    for path in built_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        lang = soup.html["lang"]
        assert soup.html["dir"] == ("rtl" if lang == "ar" else "ltr"), path
        article = soup.select_one("article")
        levels = [int(h.name[1]) for h in article.find_all(re.compile(r"^h[1-6]$"))]
        assert levels.count(1) == 1 and levels[0] == 1, path
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), f"{path}: {levels}"
        for link in soup.select(".md-select__link"):
            assert link["lang"] == link["hreflang"]
            assert link["dir"] == ("rtl" if link["lang"] == "ar" else "ltr")
    record_summary("structure", f"{len(built_pages(site))} pages: one h1, heading order, lang and dir")


def test_landmarks_are_named(html):
    for url in ["", "ar/visits/2013-grenada/"]:
        soup = html(url)
        assert soup.select_one("header") and soup.select_one("main") and soup.select_one("footer")
        assert all(nav.get("aria-label") for nav in soup.select("nav"))
        assert soup.select_one('.md-search[role="dialog"]')["aria-label"]


def vnu_jar() -> Path | None:
    jar = ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"
    return jar if jar.exists() else None


def test_nu_html_checker_finds_no_error(site):
    import os

    java, jar = shutil.which("java"), vnu_jar()
    if not (java and jar):
        message = "the Nu HTML Checker needs Java and node_modules/vnu-jar (run 'make test')"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    result = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{m.get('url', '').rsplit(str(site), 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" and not any(re.search(pattern, m["message"]) for pattern in VNU_MATERIAL_MARKUP)
    ]
    record_summary("html", f"{len(built_pages(site))} pages validated by the Nu HTML Checker")
    assert errors == []
