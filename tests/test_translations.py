"""Translators' tools and what readers are told, on the real site and on modified copies."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEED, SEED_SOURCE, SITE_URL, run_build
from site_tools.languages import TRANSLATION_CODES
from site_tools.model import load_site
from site_tools.project import copy_project
from site_tools.translations import report, summary

NEW = "docs/messages/2026-11-28-anniversary.md"


def tool(*args: str, root=ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts/translations.py"), "--root", str(root), *args],
        capture_output=True,
        text=True,
    )


def statuses(root) -> dict[tuple[str, str], str]:
    result = tool("status", "--format", "json", root=root)
    assert result.returncode == 0, result.stderr
    return {(e["path"], e["lang"]): e["status"] for e in json.loads(result.stdout)}


def page(site, lang: str, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / lang / url / "index.html").read_text(encoding="utf-8"), "html.parser")


# -- the real site --------------------------------------------------------------


def test_seed_message_home_and_listings_are_current_in_every_language():
    found = statuses(ROOT)
    for path in [
        SEED_SOURCE,
        "docs/index.md",
        "docs/messages/index.md",
        "docs/visits/index.md",
        "docs/resolutions/index.md",
    ]:
        assert {found[(path, lang)] for lang in TRANSLATION_CODES} == {"current"}, path


def test_json_status_lists_every_document_in_every_language():
    entries = json.loads(tool("status", "--format", "json").stdout)
    site = load_site(ROOT / "docs", ROOT)
    assert len(entries) == len(site.documents) * 5
    assert set(entries[0]) == {"path", "lang", "status"}


def test_markdown_status_is_a_table_for_a_job_summary():
    out = tool("status", "--format", "markdown").stdout
    assert out.startswith("| Language | Current | Outdated | Missing | Translated |\n| --- |")
    assert "| French (fr) |" in out


@pytest.mark.parametrize("lang", TRANSLATION_CODES)
def test_project_translation_is_labelled_unofficial_with_a_link_to_the_original(site, lang):
    notice = page(site, lang, SEED).select_one("aside.translation-notice")
    assert notice["data-translation"] == "unofficial"
    assert notice.a["href"] == "../../../" + SEED
    assert notice.a["hreflang"] == "en"


@pytest.mark.parametrize("lang", TRANSLATION_CODES)
def test_fallback_page_says_so_and_marks_its_english_text(fallback_site, lang):
    soup = page(fallback_site, lang, "visits/2013-grenada")
    notice = soup.select_one("[data-translation-status]")
    assert notice["data-translation-status"] == "missing"
    assert notice.get_text(strip=True)
    h1 = soup.select("article h1")
    assert len(h1) == 1 and h1[0]["lang"] == "en"
    body = soup.select_one('article div[lang="en"]')
    assert "Khalil Ur Rahman Hashmi of Pakistan took part." in body.get_text()
    if lang == "ar":
        assert h1[0]["dir"] == body["dir"] == "ltr"
    # The facts stay in the reader's language.
    assert soup.select_one(".doc-facts").find_parent(attrs={"lang": "en"}) is None


def test_fallback_copy_names_the_english_original_as_canonical(site, fallback_site):
    canonical = page(fallback_site, "fr", "visits/2013-grenada").select_one('link[rel="canonical"]')["href"]
    assert canonical == f"{SITE_URL}visits/2013-grenada/"
    translated = page(site, "fr", "visits/2013-grenada").select_one('link[rel="canonical"]')["href"]
    assert translated == f"{SITE_URL}fr/visits/2013-grenada/"


def test_sitemap_lists_real_translations_only_with_alternates(site, fallback_site):
    xml = (fallback_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}fr/{SEED}</loc>" in xml
    assert f"<loc>{SITE_URL}fr/visits/2013-grenada/</loc>" not in xml
    assert f'hreflang="x-default" href="{SITE_URL}visits/2013-grenada/"' in xml
    assert f"<loc>{SITE_URL}fr/visits/2013-grenada/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_each_language_has_its_own_404_and_the_root_one_is_english(site):
    root = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert root.html["lang"] == "en"
    homes = ["/1540/ar/", "/1540/zh/", "/1540/", "/1540/fr/", "/1540/ru/", "/1540/es/"]
    assert [a["hreflang"] for a in root.select(".language-homes a")] == ["ar", "zh", "en", "fr", "ru", "es"]
    for lang in TRANSLATION_CODES:
        soup = BeautifulSoup((site / lang / "404.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == lang
        # Its language switcher leads to each language's home, in UN order.
        assert [a["href"] for a in soup.select(".md-select__link")] == homes


def test_dashboard_counts_match_the_tool(site):
    counts = summary(report(load_site(ROOT / "docs", ROOT)))
    rows = page(site, "", "translations").select("article table tbody tr")
    assert len(rows) == 5
    for row, lang in zip(rows, TRANSLATION_CODES, strict=True):
        cells = [td.get_text(strip=True) for td in row.select("td")]
        assert cells[2:] == [str(counts[lang][s]) for s in ("current", "outdated", "missing")]


# -- a modified copy: new English-only message, edited seed -------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("project")
    copy_project(root)
    (root / NEW).write_text("---\ntitle: A new message\ndate: 2026-11-28\n---\n\nNew text.\n", encoding="utf-8")
    seed = root / SEED_SOURCE
    seed.write_text(seed.read_text(encoding="utf-8").replace("Thank you.", "Thank you very much."), encoding="utf-8")
    return root


def test_editing_the_seed_makes_its_translations_outdated_until_done(project):
    before = statuses(project)
    assert {before[(SEED_SOURCE, lang)] for lang in TRANSLATION_CODES} == {"outdated"}
    assert {before[(NEW, lang)] for lang in TRANSLATION_CODES} == {"missing"}
    site = project / "site-outdated"
    assert run_build(project / "mkdocs.yml", site).returncode == 0
    for lang in TRANSLATION_CODES:
        notice = page(site, lang, SEED).select_one("[data-translation-status]")
        assert notice["data-translation-status"] == "outdated"
        assert notice.a["href"] == "../../../" + SEED
        new = page(site, lang, "messages/2026-11-28-anniversary")
        assert new.select_one("[data-translation-status]")["data-translation-status"] == "missing"
    dashboard = page(site, "", "translations").select("article table tbody tr")
    assert [row.select("td")[3].get_text() for row in dashboard] == ["1"] * 5

    for lang in TRANSLATION_CODES:
        result = tool("done", lang, SEED_SOURCE, root=project)
        assert result.returncode == 0, result.stderr
    after = statuses(project)
    assert {after[(SEED_SOURCE, lang)] for lang in TRANSLATION_CODES} == {"current"}
    site = project / "site-done"
    assert run_build(project / "mkdocs.yml", site).returncode == 0
    assert page(site, "fr", SEED).select_one("[data-translation-status]") is None


def test_start_creates_a_translation_to_finish(project):
    result = tool("start", "fr", NEW, root=project)
    assert result.returncode == 0, result.stderr
    created = project / "docs/messages/2026-11-28-anniversary.fr.md"
    text = created.read_text(encoding="utf-8")
    assert "source_hash: " in text and "translation: unofficial" in text
    assert "TODO: translate the text below into French" in text
    assert statuses(project)[(NEW, "fr")] == "current"
    check = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check.py"), "--docs", str(project / "docs")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1 and "placeholder 'TODO:'" in check.stdout
    created.unlink()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["start", "de", SEED_SOURCE], "unknown language 'de'"),
        (["start", "fr", SEED_SOURCE], "exists already"),
        (["start", "fr", "docs/messages/nothing.md"], "is not an English document"),
        (
            ["done", "fr", "docs/visits/2013-grenada.md"],
            "does not exist; create it with 'start fr docs/visits/2013-grenada.md'",
        ),
    ],
)
def test_bad_invocations_exit_2_with_a_clear_message(tmp_path, args, expected):
    copy_project(tmp_path)
    (tmp_path / "docs/visits/2013-grenada.fr.md").unlink()  # (every shipped document is translated)
    result = tool(*args, root=tmp_path)
    assert result.returncode == 2
    assert expected in result.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "file is empty"),
        (b"---\ntitle: x\n", "front matter is not closed"),
        (b"Texte.\n\n---\n\nsuite\n", "file does not start with front matter"),
        (b"---\ntitle: [x\n---\n\nTexte.\n", "front matter is not valid YAML"),
        (b"\xff\xfe---\n", ""),
        (b"---\ntitle: Visite\ntranslation: unofficial\n---\n\nTODO: translate.\n", "placeholder 'TODO:'"),
    ],
    ids=["empty", "unclosed", "no front matter, a rule in the body", "broken YAML", "not UTF-8", "unfinished"],
)
def test_done_refuses_a_malformed_translation_and_leaves_it_as_it_was(tmp_path, content, expected):
    copy_project(tmp_path)
    target = tmp_path / "docs/visits/2013-grenada.fr.md"
    target.write_bytes(content)
    result = tool("done", "fr", "docs/visits/2013-grenada.md", root=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "docs/visits/2013-grenada.fr.md:" in result.stderr and "the file is unchanged" in result.stderr
    assert expected in result.stderr
    assert target.read_bytes() == content


def test_done_changes_only_the_source_hash_line_keeping_line_endings(tmp_path):
    copy_project(tmp_path)
    target = tmp_path / "docs/visits/2013-grenada.fr.md"
    target.write_bytes(b"---\r\ntitle: Visite\r\ntranslation: unofficial\r\nsource_hash: 0\r\n---\r\n\r\nTexte.\r\n")
    result = tool("done", "fr", "docs/visits/2013-grenada.md", root=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = target.read_bytes().split(b"\r\n")
    assert lines[:3] == [b"---", b"title: Visite", b"translation: unofficial"]
    assert lines[3].startswith(b"source_hash: ") and lines[3] != b"source_hash: 0"
    assert lines[4:] == [b"---", b"", b"Texte.", b""]
