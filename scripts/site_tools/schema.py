"""The content model's definition: collections and their front-matter fields.

Defined once here; the MkDocs hooks, ``scripts/check.py``, ``scripts/new.py``,
``scripts/translations.py`` and the tests all use it (through ``model``).

Layout of ``docs/``: the English original of a document is ``<folder>/<slug>.md``;
its translations are ``<folder>/<slug>.<lang>.md`` and carry only translated
text (metadata shared by all languages is written once, in the English file).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import fields as f


@dataclass(frozen=True)
class Field:
    name: str
    validate: Callable[[Any], Any]
    required: bool = False
    translatable: bool = False  # may (and should) be written in translation files
    refers_to: str | None = None  # collection the slug(s) must exist in


# Fields every translation may carry besides the translatable ones.
TRANSLATION_FIELDS = (
    Field("translation", f.choice("unofficial", "official")),
    Field("source_hash", f.source_hash),
)
TITLE = Field("title", f.text, required=True, translatable=True)
# Where a document's facts come from (``fields.Citation``): shown as links on
# the page, carried in documents.json, requested by the weekly link check.
SOURCES = Field("sources", f.sources)


@dataclass(frozen=True)
class Collection:
    name: str  # also the folder under docs/ and the URL segment
    fields: tuple[Field, ...]
    slug_pattern: str  # how a file is named, for error messages

    def field(self, name: str) -> Field | None:
        return next((fd for fd in self.fields if fd.name == name), None)


COLLECTIONS: dict[str, Collection] = {
    c.name: c
    for c in (
        Collection(
            "messages",
            (
                TITLE,
                Field("date", f.date, required=True),
                Field("summary", f.text, translatable=True),
                Field("visit", f.slug, refers_to="visits"),
                Field("resolutions", f.slug_list, refers_to="resolutions"),
                SOURCES,
            ),
            "YYYY-MM-DD-short-title.md, starting with the message's date",
        ),
        Collection(
            "visits",
            (
                TITLE,
                Field("state", f.state, required=True),
                Field("start", f.partial_date),
                Field("end", f.partial_date),
                Field("led_by", f.text, translatable=True),
                Field("summary", f.text, translatable=True),
                Field("message", f.slug, refers_to="messages"),
                Field("resolutions", f.slug_list, refers_to="resolutions"),
                SOURCES,
            ),
            "YYYY-state-name.md (the year the visit started), or state-name.md when it is unknown",
        ),
        Collection(
            "resolutions",
            (
                TITLE,
                Field("symbol", f.symbol, required=True),
                Field("adopted", f.date, required=True),
                Field("meeting", f.positive_int),
                Field("vote", f.choice("unanimous")),
                Field("summary", f.text, required=True, translatable=True),
                Field("related", f.slug_list, refers_to="resolutions"),
                SOURCES,
            ),
            "NUMBER-YEAR.md from the symbol, e.g. 1540-2004.md for S/RES/1540 (2004)",
        ),
        # The Chair's statements: published as summaries in the project's own
        # words (no text to publish in full), so a collection of their own,
        # never mistaken for a message whose full text is published; the
        # date may be partial (a briefing known by its month) and the source
        # is required.
        Collection(
            "statements",
            (
                TITLE,
                Field("date", f.partial_date, required=True),
                Field("occasion", f.text, required=True, translatable=True),
                Field("chair", f.text, required=True, translatable=True),
                Field("summary", f.text, required=True, translatable=True),
                Field("state", f.state),
                Field("resolutions", f.slug_list, refers_to="resolutions"),
                Field("sources", f.sources, required=True),
            ),
            "YYYY-MM-DD-short-title.md (or YYYY-MM-short-title.md when the day is unknown), starting with the statement's date",
        ),
    )
}

# Plain pages: the home page and each collection's listing page.
PAGE = Collection(
    "pages",
    (
        TITLE,
        Field("summary", f.text, translatable=True),
        Field("hide", f.string_list),
    ),
    "index.md",
)

ASSET_FOLDERS = ("assets",)
TOP_PAGES = ("index", "translations", "committee")  # the home page, the translation dashboard, the Committee
FILENAME_RE = re.compile(r"^(?P<stem>[^.]+)(?:\.(?P<lang>[^.]+))?\.md$")
