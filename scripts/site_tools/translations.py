"""Translation status: which documents are current, outdated or missing per language.

A translation records, in its ``source_hash`` field, the hash of the English
text it translates (translatable fields and body). The English text changing
makes the translation outdated until a translator reviews it and records the
new hash. No git history is needed, so this works in a shallow clone.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from typing import Literal

from .languages import DEFAULT_LANGUAGE, TRANSLATION_CODES
from .model import COLLECTIONS, PAGE, Document, Site
from .strings import strings

Status = Literal["current", "outdated", "missing"]
STATUSES: tuple[Status, ...] = ("current", "outdated", "missing")


@dataclass(frozen=True)
class Entry:
    path: str  # the English source, as a path from the repository root
    lang: str
    status: Status


def translatable_fields(doc: Document) -> list[str]:
    spec = COLLECTIONS.get(doc.collection, PAGE)
    return [field.name for field in spec.fields if field.translatable]


def source_hash(doc: Document) -> str:
    """The hash of what a translator translates: the English text, not its metadata."""
    english = doc.english
    if english.text_hash is None:
        english.text_hash = _hash_text(doc)
    return english.text_hash


def _hash_text(doc: Document) -> str:
    english = doc.english
    text = {name: english.meta.get(name) for name in translatable_fields(doc)}
    body = "\n".join(line.rstrip() for line in english.body.strip().splitlines())
    payload = json.dumps({"fields": text, "body": body}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def status_of(doc: Document, lang: str) -> Status:
    if doc.generated:  # made in every language by the build itself
        return "current"
    source = doc.sources.get(lang)
    if source is None:
        return "missing"
    return "current" if source.meta.get("source_hash") == source_hash(doc) else "outdated"


def report(site: Site, docs_prefix: str = "docs/") -> list[Entry]:
    entries = []
    for key in sorted(site.documents):
        doc = site.documents[key]
        for lang in TRANSLATION_CODES:
            entries.append(Entry(docs_prefix + doc.key, lang, status_of(doc, lang)))
    return entries


def summary(entries: list[Entry]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {lang: dict.fromkeys(STATUSES, 0) for lang in TRANSLATION_CODES}
    for entry in entries:
        counts[entry.lang][entry.status] += 1
    return counts


def as_json(entries: list[Entry]) -> str:
    return json.dumps([asdict(entry) for entry in entries], ensure_ascii=False, indent=2)


def notice(doc: Document, lang: str, english_href: str) -> dict[str, str] | None:
    """What a reader of ``doc`` in ``lang`` must be told about its translation, if anything.

    ``status`` is "missing" (the English page is served in its place) or
    "outdated"; a current translation of a document is labelled "unofficial"
    or "official" instead (site pages such as listings carry no label).
    """
    if lang == DEFAULT_LANGUAGE:
        return None
    t = strings(lang)
    state = status_of(doc, lang)
    if state == "missing":
        return {"status": "missing", "text": t["not_translated"], "href": "", "link": ""}
    if state == "outdated":
        return {"status": "outdated", "text": t["outdated"], "href": english_href, "link": t["english_original"]}
    label = doc.sources[lang].meta.get("translation")
    if doc.collection in COLLECTIONS and label:
        return {"status": label, "text": t[label], "href": english_href, "link": t["english_original"]}
    return None
