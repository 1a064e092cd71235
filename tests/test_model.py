"""The content model on the real content, and the interface strings."""

from __future__ import annotations

import datetime as dt

from conftest import ROOT
from site_tools.fields import PartialDate
from site_tools.languages import CODES
from site_tools.model import load_site
from site_tools.strings import STRINGS_DIR, missing_keys


def test_real_content_is_valid():
    site = load_site(ROOT / "docs", ROOT)
    assert site.problems == []
    assert len(site.collection("messages")) == 1
    assert len(site.collection("visits")) == 11
    assert len(site.collection("resolutions")) == 9
    assert len(site.collection("statements")) == 8


def test_shared_metadata_is_written_once_in_the_english_file():
    site = load_site(ROOT / "docs", ROOT)
    for doc in site.documents.values():
        for lang, source in doc.sources.items():
            if lang != "en":
                translated = {"title", "summary", "led_by", "occasion", "chair"}
                assert set(source.meta) <= translated | {"translation", "source_hash"}, source.path


def test_dates_are_typed():
    site = load_site(ROOT / "docs", ROOT)
    assert site.get("messages", "2013-11-18-republic-of-korea").meta["date"] == dt.date(2013, 11, 18)
    assert site.get("visits", "2013-grenada").meta["start"] == PartialDate(2013, 7, 29)
    assert "start" not in site.get("visits", "madagascar").meta


def test_every_language_has_every_interface_string():
    assert missing_keys() == {}
    assert {path.stem for path in STRINGS_DIR.glob("*.yml")} == set(CODES)  # a file per language, none left over
