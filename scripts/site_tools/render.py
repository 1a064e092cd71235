"""Generated content: listings, a document's facts and its backlinks.

Listings are expanded from markers such as ``<!-- listing: messages -->`` in a
page's Markdown, so each language's page keeps its own introduction while the
list itself always comes from front matter. The output is Markdown whose links
point at source files, so the site engine resolves each to the right language
(or to the English fallback) and checks it.

Long lists (every message, every pending translation) are the exception: as
Markdown they would cost most of a page's build, growing with the archive, so
they are written as HTML with final links, set aside as fragments, and put in
the finished page (``Renderer.fill``), after search has indexed it: the
documents they list are indexed themselves. Their headings stay Markdown, for
the table of contents and search. A document's facts (date, state, symbol...)
are HTML too, put under the page's heading once it is converted but before
search indexes it: run through Markdown (its HTML parsing included), they
made converting a message page a quarter slower. The built site's link check covers
the links of both.
"""

from __future__ import annotations

import html
import itertools
import posixpath
import re
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from . import dates
from .languages import CODES, DEFAULT_LANGUAGE, LANGUAGES, get
from .model import Document, Site
from .problems import Problem
from .strings import strings
from .symbols import keep_together, official_url, symbol_links
from .translations import STATUSES, report, summary
from .urls import relative

MARKER_RE = re.compile(r"<!--\s*listing:\s*(?P<name>[\w-]+)\s*-->")
LISTINGS = {
    "messages": "listing_messages.md.j2",
    "latest-messages": "latest_messages.md.j2",
    "visits": "listing_visits.md.j2",
    "resolutions": "listing_resolutions.md.j2",
    "translation-status": "translation_status.md.j2",
}
LATEST_COUNT = 5
# Markdown's backslash escapes (Python-Markdown's ESCAPED_CHARS, and "|" for
# tables); "<" and "&" have none, so they are written as character references.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]>()#+!|-])")


def _text(value: str) -> str:
    """Text for an HTML element, escaped as Markdown's output escapes it, a
    number never parted from its year ("1540 (2004)": ``keep_together``)."""
    return html.escape(keep_together(value), quote=False)


_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
    auto_reload=True,  # an edited template shows on a live preview's next rebuild
)
_env.filters["text"] = _text


_fragment_ids = itertools.count()
# Placeholders carry a secret drawn once per process: content, written before
# the build, cannot name one (and any other comment is refused by the sanitizer).
_FRAGMENT_SECRET = secrets.token_hex(12)


class Renderer:
    """Renders generated Markdown for one page in one language. ``page_url``
    (site-relative, with the language prefix) is where the page is published."""

    def __init__(self, site: Site, lang: str, page_path: str, page_url: str = ""):
        self.site = site
        self.lang = lang
        self.page_dir = posixpath.dirname(page_path)
        self.page_url = page_url
        self.t = strings(lang)
        self.fragments: dict[str, str] = {}
        self.expanded: set[str] = set()  # the listings this page shows

    # -- HTML fragments -------------------------------------------------------
    def fragment(self, html: str) -> str:
        """Set ``html`` aside; return the placeholder that ``fill`` replaces.
        (Content cannot contain one: the content check refuses HTML comments.)"""
        token = f"<!-- generated-fragment-{_FRAGMENT_SECRET}-{next(_fragment_ids)} -->"
        self.fragments[token] = html
        return f"\n{token}\n"

    def fill(self, html: str) -> str:
        """The converted page with each fragment in place of its placeholder
        (``LanguageBuild.page_content`` has checked that each stands alone)."""
        for token, fragment in self.fragments.items():
            html = html.replace(token, fragment, 1)
        return html

    def url(self, doc: Document) -> str:
        """The published address of ``doc`` in this language, relative to this page."""
        return relative(doc.url(self.lang), self.page_url) + "/"

    def html_link(self, doc: Document, english: bool = False) -> str:
        """``<a>`` to ``doc``, with its title; marked as English where it is (or ``english``)."""
        title = doc.meta["title"] if english else doc.title(self.lang)
        marked = english or not doc.is_translated(self.lang)
        attrs = english_html_attrs(self.lang) if marked and self.lang != DEFAULT_LANGUAGE else ""
        return f'<a href="{escape(self.url(doc))}"{attrs}>{_text(title)}</a>'

    # -- helpers exposed to templates --------------------------------------
    def link(self, doc: Document) -> str:
        """``[title](relative/source.md)``, marked as English when not translated."""
        return f"[{md_escape(doc.title(self.lang))}]({self.href(doc)}){self.lang_attrs(doc)}"

    def href(self, doc: Document) -> str:
        return self.rel(doc.key)

    def rel(self, key: str) -> str:
        """A docs-relative source path as seen from the page being rendered."""
        return relative(key, self.page_dir)

    def text(self, doc: Document, name: str) -> str:
        """A translatable field, as Markdown that renders to exactly its text;
        English text inside another language is marked as such."""
        value, own = self._field(doc, name)
        if not value or own:
            return md_escape(value)
        return f"<span{english_html_attrs(self.lang)}>{md_escape(value)}</span>"

    def html_text(self, doc: Document, name: str) -> str:
        """``text`` as HTML: symbols and resolutions linked, as in Markdown content."""
        value, own = self._field(doc, name)
        if not value or own:
            return self.linked(value)
        return f"<span{english_html_attrs(self.lang)}>{self.linked(value)}</span>"

    def _field(self, doc: Document, name: str) -> tuple[str, bool]:
        """A translatable field's text ("" if none), and whether it is in this
        page's language (else it is the English one)."""
        source = doc.sources.get(self.lang)
        own = self.lang == DEFAULT_LANGUAGE or bool(source and name in source.meta)
        return doc.text(name, self.lang) or "", own

    def linked(self, text: str) -> str:
        """Plain text as HTML, with UN symbols linked to the official texts and
        mentions of the site's resolutions to their pages (as in content)."""
        parts, position = [], 0
        for match, href in symbol_links(text, self.lang, self._has_resolution):
            parts.append(_text(text[position : match.start()]))
            if match["symbol"]:
                parts.append(
                    f'<a class="un-symbol" href="{escape(href)}" hreflang="{self.lang}" dir="ltr">{_text(match[0])}</a>'
                )
            else:
                parts.append(f'<a href="{escape(self.url(self.site.documents[href[1:]]))}">{_text(match[0])}</a>')
            position = match.end()
        parts.append(_text(text[position:]))
        return "".join(parts)

    def _has_resolution(self, slug: str) -> bool:
        return self.site.get("resolutions", slug) is not None

    def resolution_links(self, doc: Document) -> str:
        """Links to the resolutions ``doc`` names, by symbol."""
        links = []
        for slug in doc.meta["resolutions"]:
            res = self.site.get("resolutions", slug)
            if res is None:
                raise ValueError(f"{doc.key} names resolution {slug!r}, which does not exist (load_site reports it)")
            # Each isolated (dir): the list keeps its reading order in right-to-left text.
            links.append(f'<a href="{escape(self.url(res))}" dir="ltr">{_text(res.meta["symbol"])}</a>')
        return _text(self.t["list_separator"]).join(links)

    def lang_attrs(self, doc: Document) -> str:
        """attr_list marking text that falls back to English inside another language."""
        if self.lang == DEFAULT_LANGUAGE or doc.is_translated(self.lang):
            return ""
        return english_attrs(self.lang)

    def date(self, value: Any) -> str:
        return f'<time datetime="{dates.iso(value)}">{escape(dates.long_date(value, self.lang))}</time>'

    def visit_dates(self, doc: Document) -> str:
        start, end = doc.meta.get("start"), doc.meta.get("end")
        text = dates.date_range(start, end, self.lang)
        when = start or end
        if text is None or when is None:  # both at once: a range is given when either date is
            return ""
        return f'<time datetime="{dates.iso(when)}">{escape(text)}</time>'

    def by_year(self, docs: Iterable[Document]) -> list[tuple[str, list[Document]]]:
        groups: dict[str, list[Document]] = {}
        for doc in docs:
            year = str(doc.date.year) if doc.date else self.t["undated"]
            groups.setdefault(year, []).append(doc)
        return list(groups.items())

    # -- entry points -------------------------------------------------------
    def render(self, template: str, **context: Any) -> str:
        return _env.get_template(template).render(
            r=self, t=self.t, site=self.site, lang=self.lang, languages=LANGUAGES, official_url=official_url, **context
        )

    def expand_markers(self, markdown: str, shown_path: str, first_line: int = 1) -> tuple[str, list[Problem]]:
        """``markdown`` (whose first line is line ``first_line`` of the file)
        with each listing marker replaced by its listing, and a problem for
        each unknown one (which is left out)."""
        problems: list[Problem] = []

        def replace(match: re.Match[str]) -> str:
            name = match["name"]
            if name not in LISTINGS:
                line = first_line + markdown.count("\n", 0, match.start())
                known = ", ".join(LISTINGS)
                problems.append(Problem(shown_path, line, f"unknown listing {name!r}; expected one of: {known}"))
                return ""
            self.expanded.add(name)
            extra = {"translations": translation_overview(self.site)} if name == "translation-status" else {}
            return self.render(LISTINGS[name], latest_count=LATEST_COUNT, **extra)

        return MARKER_RE.sub(replace, markdown), problems

    def facts(self, doc: Document) -> str:
        """The document's facts (date, state, symbol...) as HTML: the page puts
        them under its heading once converted (see ``insert_facts``)."""
        return self.render(f"facts_{doc.collection}.html.j2", doc=doc, english_attrs=english_html_attrs(self.lang))

    def backlinks(self, doc: Document) -> str:
        citing = self.site.citing(doc)
        related = [self.site.get("resolutions", s) for s in doc.meta.get("related", [])]
        if not citing and not related:
            return ""
        return self.render("backlinks.md.j2", doc=doc, citing=citing, related=related)


def md_escape(value: str) -> str:
    """Plain text as Markdown that renders to exactly that text."""
    return _MD_SPECIAL.sub(r"\\\1", value.replace("&", "&amp;").replace("<", "&lt;"))


def hreflang_alternates(doc: Document, site_url: str) -> list[dict[str, str]]:
    """Absolute links to the real translations of ``doc`` (never fallback copies),
    plus ``x-default``, the English original."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    links = [{"hreflang": lang, "href": base + doc.url(lang)} for lang in CODES if doc.is_translated(lang)]
    links.append({"hreflang": "x-default", "href": base + doc.url(DEFAULT_LANGUAGE)})
    return links


def heading(doc: Document, lang: str) -> str:
    """The page's one ``h1``, marked as English where the page falls back to it."""
    title = md_escape(doc.title(lang))
    if doc.is_translated(lang) or lang == DEFAULT_LANGUAGE:
        return f"# {title}\n\n"
    return f"# {title} {english_attrs(lang)}\n\n"


def insert_facts(html: str, facts: str) -> str:
    """The converted page with the document's facts right under its heading."""
    end = html.find("</h1>")
    if end < 0:  # cannot happen: every document's page starts with its heading
        return facts + html
    end += len("</h1>")
    return f"{html[:end]}\n{facts.rstrip()}{html[end:]}"


def english_html_attrs(lang: str) -> str:
    """Attributes marking English text inside a page in ``lang``."""
    return ' lang="en" dir="ltr"' if get(lang).direction == "rtl" else ' lang="en"'


def english_attrs(lang: str) -> str:
    """The same, as an attr_list for generated Markdown."""
    return "{" + english_html_attrs(lang) + " }"


def as_english(markdown: str, lang: str) -> str:
    """Wrap English text served inside another language, so screen readers switch voice."""
    direction = ' dir="ltr"' if get(lang).direction == "rtl" else ""
    return f'<div lang="en"{direction} markdown>\n\n{markdown.strip()}\n\n</div>\n'


def translation_overview(site: Site) -> list[dict[str, Any]]:
    """Per language: counts, share translated, and the documents not current
    (the same on every language's dashboard)."""
    if "translation_overview" not in site.memo:
        site.memo["translation_overview"] = _translation_overview(site)
    return site.memo["translation_overview"]


def _translation_overview(site: Site) -> list[dict[str, Any]]:
    entries = report(site, docs_prefix="")
    counts = summary(entries)
    overview = []
    for code, count in counts.items():
        total = sum(count.values())
        overview.append(
            {
                "language": get(code),
                "counts": count,
                "total": total,
                "percent": round(100 * count["current"] / total) if total else 100,
                "pending": {
                    s: [site.documents[e.path] for e in entries if e.lang == code and e.status == s]
                    for s in STATUSES[1:]
                },
            }
        )
    return overview
