"""What readers get besides pages: per-language search indexes, feeds, open data,
official document links, dates, sharing metadata and print."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from site_tools.languages import CODES, LANGUAGES
from site_tools.model import load_site

PREFIXES = {lang.code: lang.prefix for lang in LANGUAGES}


@pytest.mark.parametrize("lang", CODES)
def test_each_language_has_its_own_search_index_of_its_own_pages(site, lang):
    index = json.loads((site / PREFIXES[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    pages = {entry["location"] for entry in index["docs"] if "#" not in entry["location"]}
    documents = load_site(ROOT / "docs", ROOT).documents
    assert len(pages) == len(documents)  # every document once, under this language's URL
    assert not any(location.startswith(tuple(f"{code}/" for code in CODES)) for location in pages)
    fallback = [e for e in index["docs"] if e.get("lang") == "en" and "#" not in e["location"]]
    translated = sum(1 for doc in documents.values() if doc.is_translated(lang))
    assert len(fallback) == len(documents) - translated
    if lang == "zh":
        assert "\\u200b" in index["config"]["separator"]  # the regex splits on it
        seed = next(e for e in index["docs"] if e["location"] == "messages/2013-11-18-republic-of-korea/")
        assert "\u200b" in seed["text"]  # segmented by jieba


def test_no_shared_index_mixes_languages(site):
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
    assert all("Président" not in entry["title"] for entry in index["docs"])
