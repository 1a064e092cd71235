"""Atom feed of messages, statements, visits and resolutions, and the open-data listing, per language.

A visit whose dates are not recorded has no place in a feed (an Atom entry
must say when it was published, and inventing a date would mislead): it is
left out on purpose, and the open-data listing carries it, with its dates
null.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from . import state_pages, states
from .dates import iso
from .fields import Citation, PartialDate
from .languages import CODES, DEFAULT_LANGUAGE, get
from .model import COLLECTIONS, Document, Site
from .strings import strings
from .symbols import official_url

FEED_COLLECTIONS = ("messages", "statements", "visits", "resolutions")
SCHEMA_PATH = Path(__file__).parent / "documents.schema.json"


def _timestamp(value: dt.date | PartialDate) -> str:
    if isinstance(value, PartialDate):
        value = dt.date(value.year, value.month or 1, value.day or 1)
    return f"{value.isoformat()}T00:00:00Z"


def _published(doc: Document) -> str:
    """The timestamp of a feed entry (``feed_entries`` keeps only dated documents)."""
    date = doc.date
    if date is None:
        raise ValueError(f"{doc.key} has no date; a feed entry must be dated")
    return _timestamp(date)


def feed_entries(site: Site) -> list[Document]:
    """Messages, statements, resolutions and dated visits, newest first (a visit
    with no known date has no place in time: see the module's docstring)."""
    docs = [doc for name in FEED_COLLECTIONS for doc in site.collection(name) if doc.date]
    return sorted(docs, key=lambda doc: (_published(doc), doc.key), reverse=True)


def atom(site: Site, lang: str, site_url: str, site_name: str) -> str:
    t = strings(lang)
    base = site_url if site_url.endswith("/") else site_url + "/"
    home = base + get(lang).prefix
    entries = feed_entries(site)
    updated = _published(entries[0]) if entries else "2004-04-28T00:00:00Z"
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <title>{escape(site_name + t['colon'] + t['feed_title'])}</title>",
        f"  <id>{escape(home)}feed.xml</id>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(home + "feed.xml")}/>',
        f'  <link rel="alternate" type="text/html" hreflang="{lang}" href={quoteattr(home)}/>',
        f"  <updated>{updated}</updated>",
        f"  <author><name>{escape(site_name)}</name></author>",
    ]
    for doc in entries:
        url = base + doc.url(lang)
        written_in = lang if doc.is_translated(lang) else DEFAULT_LANGUAGE
        summary = doc.text("summary", lang)
        published = _published(doc)
        lines += [
            f'  <entry xml:lang="{written_in}">',
            f"    <title>{escape(doc.title(lang))}</title>",
            f"    <id>{escape(base + doc.url(DEFAULT_LANGUAGE))}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(url)}/>',
            f"    <published>{published}</published>",
            f"    <updated>{published}</updated>",
            f'    <category term="{doc.collection}" label={quoteattr(t[doc.collection])}/>',
        ]
        code = state_pages.state_code(doc)
        page = site.documents.get(state_pages.key(code)) if code else None
        if page is not None:  # the State's own page (issue 16), titled with its UN name
            lines.append(
                f'    <link rel="related" type="text/html" href={quoteattr(base + page.url(lang))} '
                f"title={quoteattr(page.title(lang))}/>"
            )
        if summary:
            lines.append(f"    <summary>{escape(summary)}</summary>")
        lines.append("  </entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _iso(value: dt.date | PartialDate | None) -> str | None:
    return iso(value) if value else None


def references(doc: Document) -> dict[str, list[str]]:
    """The slugs of the documents ``doc`` refers to, as flat lists by the
    collection they are in: {"messages": [...], "visits": [...], "resolutions": [...]}
    (a resolution's ``related`` and a document's ``resolutions`` both in "resolutions")."""
    found: dict[str, list[str]] = {name: [] for name in COLLECTIONS}
    for field in COLLECTIONS[doc.collection].fields:
        if field.refers_to and field.name in doc.meta:
            value = doc.meta[field.name]
            for slug in value if isinstance(value, list) else [value]:
                if slug not in found[field.refers_to]:
                    found[field.refers_to].append(slug)
    return found


def _state(doc: Document, lang: str) -> dict[str, str] | None:
    state = doc.meta.get("state")
    if not state:
        return None
    code = state["code"]
    return {"code": code, "name": states.name(code, lang), "name_language": states.name_language(code, lang)}


def documents(site: Site, lang: str, site_url: str) -> dict[str, Any]:
    """Every document, for reuse by others; the shape is ``documents.schema.json``:
    per document its title and summary in ``lang`` (or English, said in
    ``*_language``), dates (ISO, partial where only a year or month is known),
    a visit's State (ISO code and UN name in ``lang``), a resolution's symbol,
    its address and the documents it refers to, as flat lists of slugs."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    items = []
    for name in COLLECTIONS:
        for doc in site.collection(name):
            source = doc.sources.get(lang)
            summary = doc.text("summary", lang)
            summary_own = lang == DEFAULT_LANGUAGE or bool(source and "summary" in source.meta)
            items.append(
                {
                    "collection": name,
                    "slug": doc.slug,
                    "title": doc.text("title", lang),
                    "title_language": lang if doc.is_translated(lang) else DEFAULT_LANGUAGE,
                    "summary": summary or None,
                    "summary_language": (lang if summary_own else DEFAULT_LANGUAGE) if summary else None,
                    "date": _iso(doc.date),
                    "start": _iso(doc.meta.get("start")),
                    "end": _iso(doc.meta.get("end")),
                    "state": _state(doc, lang),
                    "symbol": doc.meta.get("symbol"),
                    "url": base + doc.url(lang),
                    "languages": [code for code in CODES if doc.is_translated(code)],
                    **references(doc),
                    "sources": [citation_data(c, lang, base) for c in doc.meta.get("sources") or []],
                }
            )
    return {"language": lang, "documents": items}


def citation_data(citation: Citation, lang: str, base: str) -> dict[str, Any]:
    """A source as open data: its fields as written, ``url`` its address (a UN
    document's official text in ``lang``, a page of this site in ``lang``), or null."""
    address = citation.url
    if address is None and citation.symbol:
        address = official_url(citation.symbol, lang)
    if address is None and citation.document:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        address = f"{base}{prefix}{citation.document}/"
    return {
        "publisher": citation.publisher,
        "title": citation.title,
        "symbol": citation.symbol,
        "document": citation.document,
        "date": citation.date.iso if citation.date else None,
        "url": address,
    }


def documents_json(site: Site, lang: str, site_url: str) -> str:
    return json.dumps(documents(site, lang, site_url), ensure_ascii=False, indent=1)
