"""Where a reader is: a document's section, its breadcrumb, its neighbours,
and the site's own links in the footer.

Documents are not in MkDocs's ``nav`` (mkdocs.yml lists sections only, so a
build stays linear in the number of documents), so the theme does not know a
document's section: the hook gives the templates what they need as context
values (``LanguageBuild.page_context``), read by our partials
(``overrides/partials/section-tabs.html``, ``breadcrumb.html`` and
``site-footer.html``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from markupsafe import Markup, escape

from .documents import Document, Site
from .languages import DEFAULT_LANGUAGE, get
from .render import english_html_attrs
from .strings import strings
from .symbols import keep_together
from .urls import relative

# Collections whose documents link to the one before and after them.
PAGED = ("messages", "statements", "visits")  # collections read one after another


def section_url(doc: Document, prefix: str) -> str | None:
    """The nav address of ``doc``'s section ("messages/", or "fr/messages/"
    when the build holds every language and this one is under ``prefix``),
    as MkDocs writes a nav page's ``url``; None for a page of no section."""
    if doc.collection == "pages":
        return None
    return f"{prefix}{doc.collection}/"


def breadcrumb_title(doc: Document, lang: str) -> Markup:
    """The document's title as the breadcrumb shows it: escaped, a number
    never parted from its year, and marked as English where it falls back."""
    title = escape(keep_together(doc.title(lang)))
    if lang != DEFAULT_LANGUAGE and not doc.is_translated(lang):
        return Markup(f"<span{english_html_attrs(lang)}>{title}</span>")
    return title


def neighbours(site: Site, doc: Document) -> tuple[Document | None, Document | None]:
    """The documents before and after ``doc`` in time, within its collection:
    (previous, next) = (the next older, the next newer), undated documents
    counting as the oldest (as the listings show them, last). (None, None)
    outside ``PAGED``."""
    if doc.collection not in PAGED:
        return None, None
    docs = site.collection(doc.collection)  # newest first
    key = f"positions:{doc.collection}"
    if key not in site.memo:
        site.memo[key] = {d.key: i for i, d in enumerate(docs)}
    position = site.memo[key][doc.key]
    older = docs[position + 1] if position + 1 < len(docs) else None
    newer = docs[position - 1] if position > 0 else None
    return older, newer


def pager(site: Site, doc: Document, lang: str, page_url: str) -> dict[str, Any] | None:
    """The previous and next links of a message or visit page at ``page_url``
    (site-relative, with the language prefix): each with ``href``, ``title``
    and the ``lang`` attributes of an English fallback title; None elsewhere."""
    previous, following = neighbours(site, doc)
    if previous is None and following is None:
        return None

    def link(other: Document | None) -> dict[str, Any] | None:
        if other is None:
            return None
        english = lang != DEFAULT_LANGUAGE and not other.is_translated(lang)
        return {
            "href": relative(other.url(lang), page_url) + "/",
            "title": keep_together(other.title(lang)),
            "lang": "en" if english else None,
            "dir": "ltr" if english and get(lang).direction == "rtl" else None,
        }

    return {"label": strings(lang)["pager"], "previous": link(previous), "next": link(following)}


def footer_links(lang: str, href: Callable[[str], str]) -> dict[str, str]:
    """The site's own links in the footer of a page in ``lang``: ``href(path)``
    turns a site-relative path (with the language prefix) into the page's
    address for it. About is the page about the Committee (``docs/committee.md``)."""
    prefix = get(lang).prefix
    return {
        "about": href(prefix + "committee/"),
        "feed": href(prefix + "feed.xml"),
        "data": href(prefix + "api/documents.json"),
    }
