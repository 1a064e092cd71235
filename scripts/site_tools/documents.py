"""The content as the site knows it: files (``Source``), documents with their
translations (``Document``) and the whole site (``Site``).

The layers: ``documents`` (these types), ``checks`` (site-wide checks over
them), ``model`` (reading ``docs/`` into them); none imports a later one.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from . import fields as f
from .languages import DEFAULT_LANGUAGE
from .problems import Problem
from .schema import COLLECTIONS


@dataclass
class Source:
    """One file: the English original or one translation."""

    path: str  # relative to docs/, e.g. "messages/2013-11-18-republic-of-korea.fr.md"
    lang: str
    meta: dict[str, Any]
    key_lines: dict[str, int]
    body: str
    body_line: int
    text_hash: str | None = None  # of the translatable text, computed when first needed
    text: str = field(default="", repr=False)  # the whole file, as read

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)


@dataclass
class Document:
    key: str  # docs-relative path of the English original, e.g. "messages/x.md"
    collection: str  # a COLLECTIONS name, or "pages"
    slug: str
    sources: dict[str, Source] = field(default_factory=dict)
    # Made by the build from other documents (a State's page), in every
    # language at once: no file, nothing to translate.
    generated: bool = False

    @property
    def english(self) -> Source:
        return self.sources[DEFAULT_LANGUAGE]

    @property
    def meta(self) -> dict[str, Any]:
        return self.english.meta

    def text(self, name: str, lang: str) -> str | None:
        """A translatable field in ``lang``, falling back to English."""
        source = self.sources.get(lang)
        if source and name in source.meta:
            return source.meta[name]
        return self.meta.get(name)

    def title(self, lang: str) -> str:
        """The title in ``lang``, falling back to English (a required field: every loaded document has one)."""
        title = self.text("title", lang)
        if title is None:
            raise ValueError(f"{self.key} has no title; load_site reports it as a missing required field")
        return title

    def is_translated(self, lang: str) -> bool:
        return lang in self.sources

    def url(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """Site-relative URL with a trailing slash, e.g. "fr/messages/x/"."""
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        return prefix + self._path

    @functools.cached_property
    def _path(self) -> str:
        """The URL under any language prefix, e.g. "messages/x/"."""
        parent = PurePosixPath(self.key).parent.as_posix()
        path = "" if parent == "." else f"{parent}/"
        if self.slug != "index":
            path += f"{self.slug}/"
        return path

    @property
    def date(self) -> dt.date | f.PartialDate | None:
        return self.meta.get("date") or self.meta.get("adopted") or self.meta.get("start")


@dataclass
class Site:
    documents: dict[str, Document]
    problems: list[Problem]
    _citing: dict[str, list[Document]] | None = field(default=None, repr=False)
    # Values derived from the content, computed once: it does not change once
    # loaded, and every language's pages ask for the same lists.
    memo: dict[str, Any] = field(default_factory=dict, repr=False)

    def collection(self, name: str) -> tuple[Document, ...]:
        """The documents of a collection, newest first."""
        key = f"collection:{name}"
        if key not in self.memo:
            self.memo[key] = tuple(_newest_first([d for d in self.documents.values() if d.collection == name]))
        return self.memo[key]

    def get(self, collection: str, slug: str) -> Document | None:
        return self.documents.get(f"{collection}/{slug}.md")

    def citing(self, target: Document) -> list[Document]:
        """Documents whose references name ``target`` (for backlinks)."""
        if self._citing is None:
            # Built once: asking each page in turn would make a build quadratic.
            index: dict[str, list[Document]] = {}
            for doc in self.documents.values():
                spec = COLLECTIONS.get(doc.collection)
                if spec is None:
                    continue
                cited: set[str] = set()
                for fd in spec.fields:
                    if fd.refers_to and fd.name in doc.meta:
                        value = doc.meta[fd.name]
                        cited.update(
                            f"{fd.refers_to}/{slug}.md" for slug in (value if isinstance(value, list) else [value])
                        )
                for key in cited - {doc.key}:
                    index.setdefault(key, []).append(doc)
            self._citing = {key: _newest_first(docs) for key, docs in index.items()}
        return self._citing.get(target.key, [])


def _newest_first(docs: list[Document]) -> list[Document]:
    """Dated documents newest first, then undated ones by name."""

    def as_partial(doc: Document) -> f.PartialDate:
        date = doc.date
        if isinstance(date, dt.date):
            return f.PartialDate(date.year, date.month, date.day)
        if date is None:
            raise ValueError(f"{doc.key} has no date to sort by; only dated documents are sorted by date")
        return date

    dated = sorted((d for d in docs if d.date), key=lambda d: (as_partial(d), d.slug), reverse=True)
    return dated + sorted((d for d in docs if not d.date), key=lambda d: d.slug)
