"""What is checked is what is published: hostile content, by route and kind,
refused by `make check` and by the build alike, each with the file and the
Markdown line that produced it; and front-matter text escaped in every place
it lands. (Model-level refusals, such as files and field characters, are in
test_check.py; the sanitizer's allowlist in both directions in
test_sanitize.py; the policy that blocks what got in, in test_csp.py and
test_safety_browser.py.)"""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_ENV, ROOT, run_build
from site_tools.project import copy_project
from test_check import make_tree

FRONT = "---\ntitle: Case {n}\ndate: {date}\n---\n\n"
FIRST_BODY_LINE = 6  # of a case file: its body starts after four lines of front matter and a blank one

# (kind, body, line of the body that produced it, what the message names)
CASES = [
    # Code spans and fences that a regex guess of the parser gets wrong.
    ("code span opened, never closed", "`x\n\n<script>alert(1)</script>\n\n`\n", 3, "element <script>"),
    ("fence never closed around HTML", "Text.\n\n~~~\n</p><script>alert(1)</script>\n", 4, "element <script>"),
    ("backslash-escaped backtick", "\\`<img src=x onerror=alert(1)>`\n", 1, "onerror on <img>"),
    ("double backticks", "``a` <iframe src=x></iframe>\n", 1, "element <iframe>"),
    # Reference definitions in every container.
    ("reference in a block quote", "> [r]: javascript:alert(1)\n>\n> [go][r]\n", 3, "'javascript:'"),
    ("reference in a list item", "- [go][r]\n\n    [r]: javascript:alert(1)\n", 3, "'javascript:'"),
    ("reference in nested containers", "> - [go][r]\n>\n>   [r]: vbscript:x\n", 3, "'vbscript:'"),
    ("reference with entity-encoded scheme", "[go][r]\n\n[r]: &#106;avascript:alert(1)\n", 3, "'javascript:'"),
    ("inline link with an encoded tab in the scheme", "[go](java&#9;script:alert(1))\n", 1, "'javascript:'"),
    ("inline link with an encoded leading space", "[go](&#x20;javascript:alert(1))\n", 1, "'javascript:'"),
    ("upper-case scheme", "[go](JaVaScRiPt:alert(1))\n", 1, "'javascript:'"),
    ("data URL image", "![x](data:image/png;base64,iVBORw0KGgo=)\n", 1, "'data:'"),
    ("autolink with scheme", "<javascript:alert(1)>\n", 1, "javascript"),
    # attr_list on every element type.
    ("attr_list href on a link", '[a](https://example.org){: href="javascript:alert(1)" }\n', 1, "'javascript:'"),
    ("attr_list event handler on a link", "[a](https://example.org){: onclick=alert(1) }\n", 1, "onclick on <a>"),
    ("attr_list style on a paragraph", 'Covered.\n{: style="position:fixed;inset:0" }\n', 2, "style"),
    ("attr_list handler on a heading", "## Head {: onmouseover=alert(1) }\n", 1, "onmouseover on <h2>"),
    ("attr_list theme id on a heading", "## Head {: #__search }\n", 1, "__search"),
    ("attr_list theme class on a paragraph", "Fake.\n{: .md-search }\n", 2, "md-search"),
    ("attr_list on an image", "![x](https://example.org/a.png){: onerror=alert(1) }\n", 1, "onerror on <img>"),
    ("attr_list on a list item", "- item\n{: onclick=alert(1) }\n", 2, "onclick"),
    # Raw and nested HTML, entities and whitespace.
    (
        "abbr whose quoted attribute holds >",
        '<abbr title="a>b" onclick="alert(1)">WMD</abbr>\n',
        1,
        "onclick on <abbr>",
    ),
    ("md_in_html div with a handler", '<div markdown onclick="alert(1)">\n\nText.\n\n</div>\n', 1, "onclick on <div>"),
    ("svg inline", "<svg><script>alert(1)</script></svg>\n", 1, "element <svg>"),
    ("style element", "<style>body{display:none}</style>\n", 1, "element <style>"),
    ("form", '<form action="https://evil.example"><input name=x></form>\n', 1, "element <form>"),
    ("HTML comment", "Text.\n\n<!-- note to self -->\n", 3, "HTML comment"),
    ("script after plain paragraphs", "One.\n\nTwo.\n\n<script>alert(1)</script>\n", 5, "element <script>"),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example">\n', 1, "element <meta>"),
    # Generated lists go in after the check: their marker must stand alone.
    (
        "listing marker inside an attribute",
        '<div>\n<abbr title="<!-- listing: messages --> <img src=x onerror=alert(1)>">x</abbr>\n</div>\n',
        2,
        "a listing marker inside HTML",
    ),
    ("unknown listing marker", "Text.\n\n<!-- listing: vists -->\n", 3, "unknown listing 'vists'"),
    # The theme's tooltips show titles as HTML.
    ("link title holding markup", '[a](https://example.org "<b>bold</b>")\n', 1, "title '<b>bold</b>' on <a>"),
    ("abbr title holding markup", '<abbr title="&lt;meta http-equiv=refresh&gt;">x</abbr>\n', 1, "on <abbr>"),
    # No request to another origin; nothing that forges what the build adds.
    ("image from another site", "![t](https://evil.example/track.png)\n", 1, "image from another site"),
    ("forged translation notice", '<aside class="admonition warning">Not translated.</aside>\n', 1, "element <aside>"),
    ("forged printed address", "Address.\n{: .print-only .page-address }\n", 2, "class 'print-only'"),
    ("a second page heading", "Text.\n\n# Another title\n", 3, "element <h1>"),
    ("heading id of the theme's", "## Part {: #__config }\n", 1, "id '__config'"),
    # Ids go into the theme's table of contents and its scripts' selectors.
    (
        "heading id breaking out of its attribute",
        '## Outreach {: id=\'outreach"><meta http-equiv="refresh" content="0;url=https://example.org/"/a=">">\' }\n',
        1,
        "an id is one word",
    ),
    ("paragraph id with a quote", "Text.\n{: id='a\"b' }\n", 2, "an id is one word"),
    # Images from another site, as browsers read the address.
    (
        "image address with an encoded tab",
        '<img src="/&#9;/evil.example/t.png" alt="">\n',
        1,
        "image from another site",
    ),
    ("image address with a backslash", '<img src="/\\evil.example/b.png" alt="">\n', 1, "image from another site"),
    ("protocol-relative image", "![t](//evil.example/t.png)\n", 1, "image from another site"),
]


@pytest.fixture(scope="module")
def hostile_tree(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    make_tree(root, {f"messages/{_date(n)}-case-{n}.md": _case(n) for n in range(len(CASES))})
    return root


def _date(n: int) -> str:
    return (datetime.date(2026, 1, 1) + datetime.timedelta(days=n)).isoformat()


def _case(n: int) -> str:
    return FRONT.format(n=n, date=_date(n)) + CASES[n][1]


def run_check(root: Path) -> subprocess.CompletedProcess[str]:
    """``make check`` on the docs/ of ``root``."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts/check.py"), "--docs", "docs"],
        capture_output=True,
        text=True,
        cwd=root,
        env=BUILD_ENV,
    )


@pytest.fixture(scope="module")
def checked(hostile_tree):
    return run_check(hostile_tree)


def _expected(n: int) -> tuple[str, str]:
    kind, _, line, what = CASES[n]
    return f"docs/messages/{_date(n)}-case-{n}.md:{FIRST_BODY_LINE + line - 1}:", what


@pytest.mark.parametrize("n", range(len(CASES)), ids=[case[0] for case in CASES])
def test_the_check_refuses_it_naming_file_and_line(checked, n):
    assert checked.returncode == 1
    assert "Traceback" not in checked.stderr + checked.stdout
    where, what = _expected(n)
    lines = [line for line in checked.stdout.splitlines() if line.startswith(where)]
    assert lines, f"{where} not reported; got:\n{checked.stdout}"
    assert any(what in line for line in lines), lines


def test_the_build_refuses_what_the_check_refuses(hostile_tree, checked):
    project = hostile_tree / "project"
    config = copy_project(project)
    shutil.rmtree(project / "docs")
    shutil.copytree(hostile_tree / "docs", project / "docs")
    result = run_build(config, hostile_tree / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert not (hostile_tree / "site").exists()
    for problem in checked.stdout.splitlines():
        assert problem in result.stderr


HOSTILE_TITLE = "</title><script>alert(1)</script> 1<sup>st</sup> & \"quoted\" 'single' \\back `tick` [x](y) *em*"
HOSTILE_SUMMARY = "]]></summary><entry> <!-- x --> </script><script>alert(2)</script>"
# Markdown in a field shown, untranslated, inside another language's Markdown listing.
MARKDOWN_SUMMARY = "Adopted *unanimously*, see [text](https://evil.example/phish) | 14 | 1 `code` {: .headerlink }"


@pytest.fixture(scope="module")
def hostile_fields_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("fields")
    config = copy_project(root)
    (root / "docs/messages/2026-01-05-hostile-fields.md").write_text(
        f"---\ntitle: {json.dumps(HOSTILE_TITLE)}\ndate: 2026-01-05\nsummary: {json.dumps(HOSTILE_SUMMARY)}\n---\n\n"
        "Text.\n",
        encoding="utf-8",
    )
    (root / "docs/resolutions/9998-2020.md").write_text(
        f"---\ntitle: Resolution 9998 (2020)\nsymbol: S/RES/9998 (2020)\nadopted: 2020-01-01\n"
        f"summary: {json.dumps(MARKDOWN_SUMMARY)}\n---\n\nText.\n",
        encoding="utf-8",
    )
    (root / "docs/messages/2026-01-06-config.md").write_text(
        "---\ntitle: __config\ndate: 2026-01-06\n---\n\n## __drawer\n\nText.\n", encoding="utf-8"
    )
    result = run_build(config, root / "site")
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return root / "site"


URL = "messages/2026-01-05-hostile-fields/"


def test_no_field_becomes_markup_anywhere_in_the_site(hostile_fields_site):
    # (JSON holds the text as text: api/documents.json is read as data. The
    # search index, whose titles the theme shows as HTML, is checked below.)
    for path in hostile_fields_site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml"):
            text = path.read_text(encoding="utf-8")
            assert "<script>alert" not in text, path
            assert "<sup>st" not in text, path
            assert "</summary><entry>" not in text, path


@pytest.mark.parametrize("prefix", ["", "fr/", "ar/"])
def test_the_title_reads_the_same_in_every_html_context(hostile_fields_site, prefix):
    soup = BeautifulSoup((hostile_fields_site / prefix / URL / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.title.get_text().startswith(HOSTILE_TITLE + " - ")
    heading = soup.select_one("h1")
    for permalink in heading.select(".headerlink"):
        permalink.decompose()
    assert heading.get_text().strip() == HOSTILE_TITLE
    assert soup.select_one('[data-md-component="header-topic"]').get_text().strip() == HOSTILE_TITLE
    assert soup.select_one('meta[property="og:title"]')["content"] == HOSTILE_TITLE
    assert soup.select_one('meta[name="description"]')["content"] == HOSTILE_SUMMARY
    listing = BeautifulSoup(
        (hostile_fields_site / prefix / "messages/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert HOSTILE_TITLE in [a.get_text().strip() for a in listing.select("article a")]


@pytest.mark.parametrize("prefix", ["", "zh/"])
def test_the_title_reads_the_same_in_json_and_xml(hostile_fields_site, prefix):
    root = hostile_fields_site / prefix
    documents = json.loads((root / "api/documents.json").read_text(encoding="utf-8"))
    titles = [d.get("title") for d in documents["documents"]] if isinstance(documents, dict) else []
    assert HOSTILE_TITLE in titles
    feed = feedparser.parse((root / "feed.xml").read_text(encoding="utf-8"))
    assert not feed.bozo
    assert HOSTILE_TITLE in [entry.title for entry in feed.entries]
    index = json.loads((root / "search/search_index.json").read_text(encoding="utf-8"))
    entry = next(e for e in index["docs"] if e["location"] == URL)
    # The theme's search shows titles as HTML: the text, escaped once.
    assert BeautifulSoup(entry["title"], "html.parser").get_text().startswith(HOSTILE_TITLE)
    assert "\\<" not in entry["title"]


@pytest.mark.parametrize("prefix", ["", "fr/", "ar/"])
def test_a_field_in_a_listing_is_text_not_markdown(hostile_fields_site, prefix):
    for url in ("resolutions/", "resolutions/1540-2004/"):
        soup = BeautifulSoup(
            (hostile_fields_site / prefix / url / "index.html").read_text(encoding="utf-8"), "html.parser"
        )
        article = soup.select_one("article")
        assert not article.select('a[href*="evil.example"]'), url
        assert not article.select("em, code"), url
    listing = (hostile_fields_site / prefix / "resolutions/index.html").read_text(encoding="utf-8")
    assert MARKDOWN_SUMMARY in BeautifulSoup(listing, "html.parser").get_text()


def test_a_title_never_takes_one_of_the_theme_ids(hostile_fields_site):
    soup = BeautifulSoup(
        (hostile_fields_site / "messages/2026-01-06-config/index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert soup.select_one("h1")["id"] == "config"
    assert soup.select_one("h2")["id"] == "drawer"
    assert len(soup.select("#__config")) == 1 and soup.select_one("#__config").name == "script"


def test_a_page_too_deep_to_convert_is_named(tmp_path):
    body = "\n\n".join(["<div markdown>"] * 500) + "\n\nx\n\n" + "\n\n".join(["</div>"] * 500)
    make_tree(tmp_path, {"messages/2026-01-05-deep.md": FRONT.format(n=0, date="2026-01-05") + body + "\n"})
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (
        "docs/messages/2026-01-05-deep.md:1: the page could not be converted (maximum recursion depth exceeded)"
        in result.stdout
    )


def test_a_file_cannot_replace_one_of_the_themes(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + bytes(16)
    make_tree(tmp_path, {"assets/images/favicon.png": png})
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert (
        "docs/assets/images/favicon.png:1: a file of the theme's has this name, and this one would replace it"
        in result.stdout
    )


def test_each_refusal_names_its_own_line(tmp_path):
    body = "Text.\n\n<script>alert(1)</script>\n\nMore.\n\n![t](https://evil.example/t.png)\n\n<!-- a note -->\n"
    make_tree(tmp_path, {"messages/2026-01-05-lines.md": FRONT.format(n=0, date="2026-01-05") + body})
    result = run_check(tmp_path)
    assert result.returncode == 1
    where = "docs/messages/2026-01-05-lines.md"
    assert f"{where}:8: not allowed in published content: element <script>" in result.stdout
    assert f"{where}:12: not allowed in published content: image from another site" in result.stdout
    assert f"{where}:14: not allowed in published content: HTML comment" in result.stdout
