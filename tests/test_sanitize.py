"""The content HTML allowlist (site_tools.sanitize), in both directions: all
that the real site's content produces passes, and hostile HTML is refused with
a description that names it, and is gone from ``sanitize``'s output."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from site_tools.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    CLASSES_BY_TAG,
    first_unsafe_line,
    refusals,
    sanitize,
)

ARTICLE_RE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)


@pytest.fixture(scope="module")
def built(site: Path) -> Path:
    """The real site, as the official build makes it (conftest)."""
    return site


class Inventory(HTMLParser):
    """Every tag, attribute and class used in a fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.attributes: Counter[tuple[str, str]] = Counter()
        self.classes: Counter[tuple[str, str]] = Counter()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            self.attributes[(tag, name)] += 1
            if name == "class":
                self.classes.update((tag, word) for word in (value or "").split())


# What the build adds around an editor's content, from its own escaping
# templates (the page's heading, the document's facts, the translation notice,
# the printed address, the 404 page's list, the root 404's six languages, a
# document's breadcrumb): not content, not judged. (The map and timeline of
# visits are the build's own drawing, put in the page after the sanitizer, as
# the facts are: test_states.py tests them.)
BUILD_PARTS = (
    "h1, div.doc-facts, aside.translation-notice, p.page-address, ul.language-homes, div.not-found-languages,"
    " nav.site-breadcrumb, figure.visits-map-figure, ol.visit-timeline"
)


def articles(site_dir: Path) -> dict[str, str]:
    """The content (inside the theme's <article>, without what the build
    adds) of every built page, by path."""
    found = {}
    for path in sorted(site_dir.rglob("*.html")):
        match = ARTICLE_RE.search(path.read_text(encoding="utf-8"))
        if match:
            soup = BeautifulSoup(match[1], "html.parser")
            for part in soup.select(BUILD_PARTS):
                part.decompose()
            found[path.relative_to(site_dir).as_posix()] = str(soup)
    return found


def test_real_content_passes(built):
    pages = articles(built)
    assert len(pages) > 100  # every page of six languages, so the extraction works
    refused = {page: refusals(content) for page, content in pages.items()}
    assert {page: found for page, found in refused.items() if found} == {}
    inventory = Inventory()
    for content in pages.values():
        inventory.feed(content)
    # What the content is known to use is there, so the check above saw it.
    assert {"time", "table", "td", "h2", "ul", "li"} <= set(inventory.tags)
    assert {("a", "un-symbol"), ("a", "headerlink")} <= set(inventory.classes)
    assert {("time", "datetime"), ("span", "lang"), ("a", "hreflang")} <= set(inventory.attributes)
    # And everything used is on the allowlist, by name.
    assert set(inventory.tags) <= ALLOWED_TAGS
    for tag, name in inventory.attributes:
        assert name in ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, frozenset()), (tag, name)
    for tag, word in inventory.classes:
        assert word in CLASSES_BY_TAG.get(tag, frozenset()), (tag, word)


def test_real_content_is_unchanged_by_the_sanitizer(built):
    """Defence in depth costs the real content nothing but serialization."""
    for page, content in articles(built).items():
        cleaned = sanitize(content)
        assert sanitize(cleaned) == cleaned, page
        assert Counter(re.findall(r"<(\w+)", cleaned)) == Counter(re.findall(r"<(\w+)", content)), page


def in_context(tag: str, attributes: str) -> str:
    """``<tag attributes>`` where a browser keeps it (table parts inside a table)."""
    if tag in ("br", "img"):
        return f"<p>x<{tag} {attributes}>y</p>"
    if tag == "hr":
        return f"<p>x</p><hr {attributes}><p>y</p>"
    element = f"<{tag} {attributes}>x</{tag}>"
    wrap = {
        "td": "<table><tbody><tr>{}</tr></tbody></table>",
        "th": "<table><thead><tr>{}</tr></thead></table>",
        "tr": "<table><tbody>{}</tbody></table>",
        "thead": "<table>{}</table>",
        "tbody": "<table>{}</table>",
        "li": "<ul>{}</ul>",
        "dt": "<dl>{}</dl>",
        "dd": "<dl>{}</dl>",
        "table": "{}",
    }
    if tag == "table":
        element = f"<table {attributes}><tbody><tr><td>x</td></tr></tbody></table>"
    return wrap.get(tag, "{}").format(element)


HANDLERS = ["onclick", "onmouseover", "onerror", "onfocus", "onload", "onanimationstart", "ONCLICK", "onpointerenter"]


@pytest.mark.parametrize("tag", sorted(ALLOWED_TAGS))
def test_event_handlers_are_refused_on_every_allowed_element(tag):
    for handler in HANDLERS:
        html = in_context(tag, f'{handler}="alert(1)"')
        assert f"attribute {handler.lower()} on <{tag}> (an event handler)" in refusals(html), handler
        assert "alert" not in sanitize(html)
    assert refusals(in_context(tag, 'lang="en"')) == []  # the same element without one passes


ELEMENTS = {
    "<script>alert(1)</script>": "script",
    '<script src="https://example.org/x.js"></script>': "script",
    "<SCRIPT>alert(1)</SCRIPT>": "script",
    "<style>body{display:none}</style>": "style",
    "<p>x</p><style>@import url(https://example.org/x.css)</style>": "style",
    '<iframe src="https://example.org"></iframe>': "iframe",
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>': "iframe",
    '<svg onload="alert(1)"><circle r="1"/></svg>': "svg",
    "<svg><script>alert(1)</script></svg>": "svg",
    '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>': "svg",
    "<math><mi>x</mi></math>": "math",
    '<math href="javascript:alert(1)">x</math>': "math",
    '<object data="https://example.org/x.swf"></object>': "object",
    '<embed src="https://example.org/x.swf">': "embed",
    '<base href="https://example.org/">': "base",
    '<meta http-equiv="refresh" content="0; url=https://example.org">': "meta",
    '<link rel="stylesheet" href="https://example.org/x.css">': "link",
    '<link rel="import" href="https://example.org/x.html">': "link",
    '<form action="https://example.org"><input name="q"></form>': "form",
    '<input autofocus onfocus="alert(1)">': "input",
    "<textarea><script>alert(1)</script></textarea>": "textarea",
    "<noscript><p>x</p></noscript>": "noscript",
    "<template><script>alert(1)</script></template>": "template",
    '<button formaction="javascript:alert(1)">x</button>': "button",
    "<marquee>x</marquee>": "marquee",
    '<video poster="javascript:alert(1)"></video>': "video",
    '<details open ontoggle="alert(1)"><summary>x</summary></details>': "details",
}


@pytest.mark.parametrize("html", ELEMENTS)
def test_elements_off_the_allowlist_are_refused(html):
    name = ELEMENTS[html]
    assert f"element <{name}>" in refusals(html)
    cleaned = sanitize(html)
    assert f"<{name}" not in cleaned.lower()
    assert "alert(1)</" not in cleaned and "<script" not in cleaned


URLS = {
    '<a href="javascript:alert(1)">x</a>': "javascript",
    '<a href="JAVASCRIPT:alert(1)">x</a>': "javascript",
    '<a href="JaVaScRiPt:alert(1)">x</a>': "javascript",
    '<a href="&#106;avascript:alert(1)">x</a>': "javascript",
    '<a href="&#x6A;avascript:alert(1)">x</a>': "javascript",
    '<a href="&#X6a;&#x61;vascript:alert(1)">x</a>': "javascript",
    '<a href="&#0000106;avascript:alert(1)">x</a>': "javascript",
    '<a href="jav&#x09;ascript:alert(1)">x</a>': "javascript",
    '<a href="jav&#x0A;ascript:alert(1)">x</a>': "javascript",
    '<a href="jav\tascript:alert(1)">x</a>': "javascript",
    '<a href="java\nscript:alert(1)">x</a>': "javascript",
    '<a href=" javascript:alert(1)">x</a>': "javascript",
    '<a href="\x01\x02javascript:alert(1)">x</a>': "javascript",
    '<a href="&#x20;javascript:alert(1)">x</a>': "javascript",
    '<a href="javascript&colon;alert(1)">x</a>': "javascript",
    "<a href=javascript:alert(1)>x</a>": "javascript",
    "<a href='javascript:alert(1)'>x</a>": "javascript",
    '<a href="vbscript:msgbox(1)">x</a>': "vbscript",
    '<a href="VBScript:msgbox(1)">x</a>': "vbscript",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>': "data",
    '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="x">': "data",
    '<img src="&#100;ata:image/png;base64,AAAA" alt="x">': "data",
    '<a href="file:///etc/passwd">x</a>': "file",
    '<a href="FILE://server/share">x</a>': "file",
    '<img src="file:///c:/x.png" alt="x">': "file",
}


@pytest.mark.parametrize("html", URLS)
def test_unsafe_url_schemes_are_refused_as_browsers_read_them(html):
    scheme = URLS[html]
    tag, attribute = ("img", "src") if html.startswith("<img") else ("a", "href")
    assert refusals(html) == [
        f"URL scheme '{scheme}:' in {attribute} of <{tag}> (allowed: https, http, mailto, relative)"
    ]
    assert f"{attribute}=" not in sanitize(html)


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://www.un.org/en/sc/1540/">x</a>',
        '<a href="http://example.org">x</a>',
        '<a href="mailto:1540committee@un.org">x</a>',
        '<a href="../messages/2013-11-18-republic-of-korea/">x</a>',
        '<a href="#latest-messages">x</a>',
        '<a href="/fr/">x</a>',
        '<a href="https://undocs.org/S/RES/1540(2004)" hreflang="fr" class="un-symbol">x</a>',
        '<img src="../assets/images/map.png" alt="A map">',
    ],
)
def test_safe_urls_pass(html):
    assert refusals(html) == []
    assert sanitize(html) == html


IDS = ["__search", "__config", "__drawer", "__palette_0", "__palette_1", "__toc", "__nav_1", "__tabbed_1_1"]


@pytest.mark.parametrize("value", IDS)
def test_the_themes_ids_are_refused(value):
    for html in (f'<h2 id="{value}">x</h2>', f'<p id="{value}">x</p>', f'<span id="{value}">x</span>'):
        assert refusals(html) == [
            f"id '{value}' on <{html[1 : html.index(' ')]}> (it clashes with the theme's ids, which start with '__')"
        ]
        assert "id=" not in sanitize(html)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p class="md-search">x</p>',
            "class 'md-search' on <p> (allowed classes: admonition-title)",
        ),
        ('<div class="md-header">x</div>', "class 'md-header' on <div>"),
        ('<div class="admonition md-header">x</div>', "class 'md-header' on <div>"),
        ('<span class="md-icon">x</span>', "class 'md-icon' on <span> (allowed classes: Pygments' token classes)"),
        ('<a href="/" class="md-button">x</a>', "class 'md-button' on <a> (allowed classes: headerlink, un-symbol)"),
        ('<h2 class="headerlink">x</h2>', "class 'headerlink' on <h2> (allowed classes: none)"),
        ('<ul class="md-nav__list"><li>x</li></ul>', "class 'md-nav__list' on <ul> (allowed classes: none)"),
    ],
)
def test_unknown_classes_are_refused(html, expected):
    found = refusals(html)
    assert len(found) == 1 and found[0].startswith(expected), found
    assert "class=" not in sanitize(html)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p style="color: red">x</p>', "attribute style on <p> (styles belong in the site's stylesheet)"),
        (
            '<span style="position:fixed;top:0">x</span>',
            "attribute style on <span> (styles belong in the site's stylesheet)",
        ),
        (
            '<table><tbody><tr><td style="text-align: right; background: url(https://example.org)">1</td></tr></tbody></table>',
            "style 'text-align: right; background: url(https://example.org)' on <td> (only 'text-align' on table cells)",
        ),
        ("<p>a<!-- draft -->b</p>", "HTML comment"),
        ("<!-- a comment on its own -->", "HTML comment"),
        ("<p>x</p><!-- a comment left open", "HTML comment, at '<!-- a comment left open'"),
        ("<!--><img src=x onerror=alert(1)>-->", "HTML comment"),
        ('<abbr title="a>b" onclick=x>WMD</abbr>', "attribute onclick on <abbr> (an event handler)"),
        ('<a href="/x"><a href="/y">y</a></a>', "<a> inside <a> (browsers take the links apart)"),
        ('<img src=x onerror="alert(1)">', "attribute onerror on <img> (an event handler)"),
        ('<img src="x" alt="x" onload=alert(1)>', "attribute onload on <img> (an event handler)"),
        ('<p lang="en" dir="sideways">x</p>', "dir 'sideways' on <p> (expected one of: auto, ltr, rtl)"),
        (
            '<p lang="en&quot; onclick=&quot;x">x</p>',
            "lang 'en\" onclick=\"x' on <p> (not a language tag such as 'en' or 'zh-Hans')",
        ),
        ('<a href="/" rel="opener">x</a>', "attribute rel on <a>"),
        ('<a href="/" target="_blank">x</a>', "attribute target on <a>"),
        ('<p data-md-component="search">x</p>', "attribute data-md-component on <p>"),
        (
            '<aside data-translation="hacked">x</aside>',
            "element <aside>",
        ),
        ("<p>x", "<p> left open (a browser closes it where it sees fit)"),
        ('<a href="http://[bad">x</a>', "unreadable href on <a> (a malformed URL?)"),
        ("<p>x</p><img src=x", "unfinished tag (no '>'), at '<img src=x'"),
        ('<p>x</p><a href="/" title="x>y</a>', "unfinished tag (no '>')"),
        ("<p>x</p><span", "unfinished tag (no '>'), at '<span'"),
        ("<!DOCTYPE html><p>x</p>", "declaration <!DOCTYPE html>"),
        ("<p>x</p><![CDATA[<img src=x onerror=alert(1)>]]>", "declaration <![CDATA["),
        ("<?php echo 1 ?>", "processing instruction <?php echo 1 ?>"),
    ],
)
def test_other_hostile_markup_is_refused_by_name(html, expected):
    found = refusals(html)
    assert any(description.startswith(expected) for description in found), found


@pytest.mark.parametrize(
    "html",
    [
        *ELEMENTS,
        *URLS,
        '<abbr title="a>b" onclick=x>WMD</abbr>',
        '<a href="/x"><a href="/y">y</a></a>',
        "<!--><img src=x onerror=alert(1)>-->",
        '<p id="__search" class="md-search" style="x">y</p>',
        "<p>x",
    ],
)
def test_what_sanitize_leaves_is_clean(html):
    cleaned = sanitize(html)
    assert refusals(cleaned) == [], cleaned
    assert "onclick" not in cleaned and "onerror" not in cleaned and "javascript" not in cleaned.lower()


def test_every_allowed_attribute_passes_with_a_good_value():
    examples = {
        "lang": "fr",
        "dir": "rtl",
        "id": "latest-messages",
        "href": "https://www.un.org/",
        "hreflang": "zh-Hans",
        "title": "Weapons of mass destruction",
        "data-translation": "unofficial",
        "data-translation-status": "outdated",
        "src": "../assets/x.png",
        "alt": "x",
        "width": "100",
        "height": "50",
        "start": "3",
        "style": "text-align: center;",
        "datetime": "2013-11-18",
    }
    for tag in sorted(ALLOWED_TAGS):
        names = (ALLOWED_ATTRIBUTES["*"] - {"class"}) | ALLOWED_ATTRIBUTES.get(tag, frozenset())
        attributes = " ".join(f'{name}="{examples[name]}"' for name in sorted(names))
        html = in_context(tag, attributes)
        assert refusals(html) == [], (tag, refusals(html))


def convert(text: str) -> str:
    """Markdown as the site converts it (the extensions of mkdocs.yml)."""
    return markdown.markdown(
        text, extensions=["attr_list", "md_in_html", "tables", "admonition", "toc", "pymdownx.superfences"]
    )


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("Text.\n\nMore text.\n", None),
        ("Text.\n\n<script>alert(1)</script>\n", 3),
        ("`x\n\n<script>alert(1)</script>\n\n`", 3),
        ("Text.\n\n```\n<script>alert(1)</script>\n```\n\nText.\n", None),
        ("```\n<script>x</script>\n```\n\nFine.\n\n[a](javascript:alert(1))\n", 7),
        ("Para.\n\n[click][x]\n\nMore.\n\n[x]: vbscript:msgbox\n", 7),
        ("# Title { #__search }\n\nText.\n", 1),
        ("Text.\n\nA paragraph\n{: .md-header }\n", 4),
        ("One.\n\nTwo <!-- draft --> three.\n\nFour <b onclick=x>b</b>.\n", 3),
        ("| a | b |\n| --- | ---: |\n| 1 | 2 |\n", None),
        ("!!! note\n    Body.\n\n!!! md-search\n    Body.\n", 4),
    ],
)
def test_first_unsafe_line(body, line):
    assert first_unsafe_line(body, convert) == line
