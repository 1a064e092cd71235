"""Open data on States: ``<prefix>/api/states.json``, one per language.

Every State with a page (``state_pages``): its codes, its UN name in the
listing's language, its M49 region and sub-region, its page, and its
visits and messages with their dates and addresses. The shape is
``states.schema.json``, served beside it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import state_pages, states, visits_map
from .dates import iso
from .documents import Document, Site

STATES_SCHEMA_PATH = Path(__file__).parent / "states.schema.json"


def _area(area: states.Region | None, lang: str) -> dict[str, str] | None:
    if area is None:
        return None
    return {
        "code": area.code,
        "name": states.region_name(area, lang),
        "name_language": states.region_name_language(area, lang),
    }


def _document(doc: Document, lang: str, base: str) -> dict[str, Any]:
    return {"slug": doc.slug, "title": doc.text("title", lang), "url": base + doc.url(lang)}


def states_list(site: Site, lang: str, site_url: str) -> list[dict[str, Any]]:
    """Every State with a page, by alpha-2 code: its entry of ``states.json``."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    entries = []
    for page in site.collection(state_pages.SECTION):
        code = page.meta["state"]["code"]
        state = states.get_state(code)
        concerned = state_pages.about(site, code)
        entries.append(
            {
                "code": code,
                "alpha3": state.alpha3,
                "m49": state.m49,
                "name": states.name(code, lang),
                "name_language": states.name_language(code, lang),
                "region": _area(state.region, lang),
                "sub_region": _area(state.sub_region, lang),
                "url": base + page.url(lang),
                "visits": [
                    {
                        **_document(doc, lang, base),
                        "start": iso(doc.meta["start"]) if doc.meta.get("start") else None,
                        "end": iso(doc.meta["end"]) if doc.meta.get("end") else None,
                    }
                    for doc in concerned.visits
                ],
                "messages": [
                    {**_document(doc, lang, base), "date": iso(doc.meta["date"])} for doc in concerned.messages
                ],
                "statements": [
                    {**_document(doc, lang, base), "date": iso(doc.meta["date"])} for doc in concerned.statements
                ],
            }
        )
    return sorted(entries, key=lambda entry: entry["code"])


def states_json(site: Site, lang: str, site_url: str) -> str:
    """``states.json`` in ``lang`` (see ``states.schema.json``)."""
    data = {
        "language": lang,
        "sources": {"names": states.source(), "map": visits_map.source()},
        "states": states_list(site, lang, site_url),
    }
    return json.dumps(data, ensure_ascii=False, indent=1)
