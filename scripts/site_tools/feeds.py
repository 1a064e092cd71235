"""Atom feed of messages, statements and visits, and the open-data listing, per language."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from .dates import iso
from .fields import Citation, PartialDate
from .languages import CODES, DEFAULT_LANGUAGE, get
from .model import COLLECTIONS, Document, Site
from .strings import strings
from .symbols import official_url

FEED_COLLECTIONS = ("messages", "statements", "visits")
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
    """Messages, statements and dated visits, newest first (a visit with no known date has no place in time)."""
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
        f"  <title>{escape(site_name)}: {escape(t['feed_title'])}</title>",
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
        if summary:
            lines.append(f"    <summary>{escape(summary)}</summary>")
        lines.append("  </entry>")
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def documents(site: Site, lang: str, site_url: str) -> dict[str, Any]:
    """Every document, for reuse by others; the shape is ``documents.schema.json``."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    items = []
    for name in COLLECTIONS:
        for doc in site.collection(name):
            related = {}
            for field in COLLECTIONS[name].fields:
                if field.refers_to and field.name in doc.meta:
                    value = doc.meta[field.name]
                    related[field.name] = value if isinstance(value, list) else [value]
            items.append(
                {
                    "collection": name,
                    "slug": doc.slug,
                    "title": doc.text("title", lang),
                    "title_language": lang if doc.is_translated(lang) else DEFAULT_LANGUAGE,
                    "date": iso(doc.date) if doc.date else None,
                    "url": base + doc.url(lang),
                    "languages": [code for code in CODES if doc.is_translated(code)],
                    "related": related,
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
