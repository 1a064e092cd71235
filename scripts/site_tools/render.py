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

from babel.lists import format_list
from babel.numbers import format_percent
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from . import collation, dates, state_pages, states, visits_map
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
    "state": "state_page.md.j2",  # a State's generated page (state_pages)
    "states": "listing_states.md.j2",
    "visits-map": "visits_map.md.j2",
    "visits-timeline": "visits_timeline.md.j2",
    # Issue 17: the Chair's statements, the Committee page.
    "statements": "listing_statements.md.j2",
    "latest-statements": "latest_statements.md.j2",
    "mandate": "listing_mandate.md.j2",
    "open-data": "open_data.md.j2",
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

    def __init__(self, site: Site, lang: str, page_path: str, page_url: str = "", doc_key: str = ""):
        self.site = site
        self.lang = lang
        self.doc_key = doc_key  # the document the page shows (a State page's listing is about it)
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
        """``<a>`` to ``doc``, with its title; marked as English where it is
        (or ``english``, where a list is of English titles and says so: those
        carry ``lang`` but not the visible "(in English)")."""
        title = doc.meta["title"] if english else doc.title(self.lang)
        marked = english or not doc.is_translated(self.lang)
        attrs = english_html_attrs(self.lang) if marked and self.lang != DEFAULT_LANGUAGE else ""
        link = f'<a href="{escape(self.url(doc))}"{attrs}>{_text(title)}</a>'
        return self.in_english(link) if attrs and not english else link

    def in_english(self, html: str) -> str:
        """``html`` (English text already marked ``lang="en"``) followed by
        "(in English)" in this page's language, so that sighted readers are
        told too; a full-width bracket ("（英文）") takes no space before it.
        (No class: generated Markdown is judged by the content's allowlist;
        the stylesheet finds English by its ``lang`` and ``dir``.)"""
        marker = self.t["in_english"]
        space = "" if marker.startswith("\uff08") else " "
        return f"{html}{space}{_text(marker)}"

    @property
    def colon(self) -> str:
        """What follows a label in this language (": ", French "\u00a0: ",
        Chinese "："), as HTML."""
        return _text(self.t["colon"])

    def label(self, key: str) -> str:
        """A fact's label in bold with its colon, as the language writes it
        ("<strong>Date :</strong> " in French, "<strong>日期：</strong>" in Chinese)."""
        colon = self.t["colon"]
        spacing = colon[len(colon.rstrip()) :]
        return f"<strong>{_text(self.t[key] + colon.rstrip())}</strong>{_text(spacing)}"

    def percent(self, value: float) -> str:
        """A share (0.23 for 23%) as the language writes a percentage (Babel:
        "23 %" in French, "23%" in English)."""
        return _text(format_percent(value, locale=get(self.lang).babel_locale))

    def html_list(self, items: list[str]) -> str:
        """HTML items (links) joined as the language writes a list (Babel's
        ``format_list``: "a, b and c", "a、b和c", "a وb وc")."""
        if not items:
            return ""
        slots = [f"\ue000{index}\ue001" for index in range(len(items))]
        joined = _text(format_list(slots, locale=get(self.lang).babel_locale))
        for slot, item in zip(slots, items, strict=True):
            joined = joined.replace(_text(slot), item, 1)
        return joined

    def state_name(self, doc: Document) -> str:
        """The UN short name of a visit's State in this language, as HTML
        (``states.name``); marked as English where the UN data has no name in it."""
        code = doc.meta["state"]["code"]
        name = _text(states.name(code, self.lang))
        if states.name_language(code, self.lang) == self.lang:
            return name
        return self.in_english(f"<span{english_html_attrs(self.lang)}>{name}</span>")

    # -- helpers exposed to templates --------------------------------------
    def link(self, doc: Document) -> str:
        """``[title](relative/source.md)``, marked as English when not translated."""
        link = f"[{md_escape(doc.title(self.lang))}]({self.href(doc)}){self.lang_attrs(doc)}"
        return self.in_english(link) if self.lang_attrs(doc) else link

    def state_link(self, doc: Document) -> str:
        """``[State](relative/source.md)``: a visit named by its State's UN name
        in this language (for listings of visits)."""
        code = doc.meta["state"]["code"]
        text = f"[{md_escape(states.name(code, self.lang))}]({self.href(doc)})"
        if states.name_language(code, self.lang) == self.lang:
            return text
        return self.in_english(text + english_attrs(self.lang))

    def href(self, doc: Document) -> str:
        return self.rel(doc.key)

    def rel(self, key: str) -> str:
        """A docs-relative source path as seen from the page being rendered."""
        return relative(key, self.page_dir)

    def text(self, doc: Document, name: str) -> str:
        """A translatable field, as Markdown that renders to exactly its text,
        with symbols and resolutions linked (as ``html_text``: escaped for
        Markdown, the symbols extension cannot find them); English text inside
        another language is marked as such, visibly too."""
        value, own = self._field(doc, name)
        if not value or own:
            return self.linked(value, markdown=True)
        linked = self.linked(value, markdown=True)
        return self.in_english(f"<span{english_html_attrs(self.lang)}>{linked}</span>")

    def html_text(self, doc: Document, name: str) -> str:
        """``text`` as HTML: symbols and resolutions linked, as in Markdown content."""
        value, own = self._field(doc, name)
        if not value or own:
            return self.linked(value)
        return self.in_english(f"<span{english_html_attrs(self.lang)}>{self.linked(value)}</span>")

    def _field(self, doc: Document, name: str) -> tuple[str, bool]:
        """A translatable field's text ("" if none), and whether it is in this
        page's language (else it is the English one)."""
        source = doc.sources.get(self.lang)
        own = self.lang == DEFAULT_LANGUAGE or bool(source and name in source.meta)
        return doc.text(name, self.lang) or "", own

    def linked(self, text: str, markdown: bool = False) -> str:
        """Plain text as HTML, with UN symbols linked to the official texts and
        mentions of the site's resolutions to their pages (as in content);
        with ``markdown``, its text escaped for Markdown (for generated Markdown)."""
        plain = md_escape if markdown else _text
        parts, position = [], 0
        for match, href in symbol_links(text, self.lang, self._has_resolution):
            parts.append(plain(text[position : match.start()]))
            if match["symbol"]:
                parts.append(
                    f'<a class="un-symbol" href="{escape(href)}" hreflang="{self.lang}" dir="ltr">{plain(match[0])}</a>'
                )
            else:
                parts.append(f'<a href="{escape(self.url(self.site.documents[href[1:]]))}">{plain(match[0])}</a>')
            position = match.end()
        parts.append(plain(text[position:]))
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
        return self.html_list(links)

    def lang_attrs(self, doc: Document) -> str:
        """attr_list marking text that falls back to English inside another language."""
        if self.lang == DEFAULT_LANGUAGE or doc.is_translated(self.lang):
            return ""
        return english_attrs(self.lang)

    def date(self, value: Any) -> str:
        return f'<time datetime="{dates.iso(value)}">{escape(dates.long_date(value, self.lang))}</time>'

    def visit_dates(self, doc: Document) -> str:
        """A visit's dates as HTML: each known end a ``<time datetime>`` of its
        own ("<time datetime="2014-10-23">23</time>–<time datetime="2014-10-24">24
        October 2014</time>"), an unrecorded end said in words; "" when no date is known."""
        span = dates.date_range(doc.meta.get("start"), doc.meta.get("end"), self.lang)
        if span is None:
            return ""
        parts = [
            f'<time datetime="{part.iso}">{_text(part.text)}</time>' if part.iso else _text(part.text)
            for part in span.parts
        ]
        return _text(span.separator).join(parts)

    def by_year(self, docs: Iterable[Document]) -> list[tuple[str, list[Document]]]:
        groups: dict[str, list[Document]] = {}
        for doc in docs:
            year = str(doc.date.year) if doc.date else self.t["undated"]
            groups.setdefault(year, []).append(doc)
        return list(groups.items())

    # -- States (issue 16: state_pages, visits_map) ---------------------------
    def page_document(self) -> Document:
        """The document this page shows."""
        return self.site.documents[self.doc_key]

    def un_name(self, code: str) -> str:
        """The State's UN short name in this language, as plain text (``states.name``)."""
        return states.name(code, self.lang)

    def state_visits(self, code: str) -> list[Document]:
        """The State's visits, newest first (undated last)."""
        return state_pages.about(self.site, code).visits

    def state_messages(self, code: str) -> list[Document]:
        """The messages about the State: those tied to one of its visits, or naming it."""
        return state_pages.about(self.site, code).messages

    def state_areas(self, code: str) -> list[str]:
        """The State's M49 region and sub-region names in this language (HTML,
        marked as English where the name is the UN's English one)."""
        names = []
        for area in (states.region(code), states.sub_region(code)):
            if area is None:
                continue
            text = _text(states.region_name(area, self.lang))
            if states.region_name_language(area, self.lang) != self.lang:
                text = self.in_english(f"<span{english_html_attrs(self.lang)}>{text}</span>")
            names.append(text)
        return names

    def state_statements(self, code: str) -> list[Document]:
        """The Chair's statements about the State, newest first."""
        return state_pages.about(self.site, code).statements

    def state_sources(self, code: str) -> list[Any]:
        """The public records the State's visits and statements cite (their
        ``sources``), each once, in the order of those documents."""
        found: list[Any] = []
        for doc in [*self.state_visits(code), *self.state_statements(code)]:
            for citation in doc.meta.get("sources") or []:
                if citation not in found:
                    found.append(citation)
        return found

    def state_page(self, code: str) -> Document:
        return self.site.documents[state_pages.key(code)]

    def state_regions(self) -> list[dict[str, Any]]:
        """Every State with a page, grouped by M49 region (regions in M49
        order), each group sorted by the State's name in this language as
        its readers sort: [{"name", "code", "states": [(code, visits)]}]."""
        codes = [doc.meta["state"]["code"] for doc in self.site.collection(state_pages.SECTION)]
        groups = []
        for area, members in states.by_region(sorted(codes)).items():
            ordered = collation.sorted_by_name(members, self.un_name, self.lang)
            name = states.region_name(area, self.lang) if area else self.t["no_region"]
            groups.append(
                {
                    "name": name,
                    "code": area.code if area else "",
                    "states": [(c, len(self.state_visits(c))) for c in ordered],
                }
            )
        return groups

    def visits_map(self) -> str:
        """The map of visits as inline SVG (set aside as a fragment: no search index holds it)."""
        visited = []
        for doc in self.site.collection(state_pages.SECTION):
            code = doc.meta["state"]["code"]
            count = len(self.state_visits(code))
            if count:
                visited.append(
                    visits_map.MapState(states.get_state(code).m49, self.un_name(code), self.url(doc), count)
                )
        return visits_map.svg(visited, self.t["map_title"])

    def visits_by_year(self) -> list[tuple[str, list[Document]]]:
        """Visits grouped by the year they started, oldest first (within a year too); undated ones last."""
        groups = self.by_year(self.site.collection("visits"))
        dated = [(year, visits[::-1]) for year, visits in groups if year != self.t["undated"]]
        return dated[::-1] + [group for group in groups if group[0] == self.t["undated"]]

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

    def sources(self, doc: Document) -> str:
        """The document's sources (``fields.Citation``) as a Markdown section
        of links: each to its address, a UN document to its official text in
        this language, a page of this site to that page; "" when it has none."""
        citations = doc.meta.get("sources") or []
        if not citations:
            return ""
        return self.render("sources.md.j2", doc=doc, citations=citations)

    def citation(self, citation: Any) -> str:
        """One source as Markdown: publisher, linked title, date."""
        english = "" if self.lang == DEFAULT_LANGUAGE else english_attrs(self.lang)
        if citation.document:
            target = self.site.documents[f"{citation.document}.md"]
            name = f"[{md_escape(citation.title or target.title(self.lang))}]({self.rel(target.key)}){self.lang_attrs(target) if not citation.title else english}"
        else:
            label = md_escape(citation.title or citation.symbol)
            address = citation.url or (official_url(citation.symbol, self.lang) if citation.symbol else None)
            if address:
                name = f"[{label}](<{address}>){english}"
            else:
                name = f"<span{english_html_attrs(self.lang)}>{label}</span>" if english else label
        publisher = md_escape(citation.publisher)
        if english:
            publisher = f"<span{english_html_attrs(self.lang)}>{publisher}</span>"
        when = f"{md_escape(self.t['list_separator'])}{self.date(citation.date)}" if citation.date else ""
        text = f"{publisher}{md_escape(self.t['source_separator'])}{name}{when}"
        # The publisher (and a source's own title) are as the source writes them, in English: said so.
        return self.in_english(text) if english else text

    def chronological(self, name: str) -> list[Document]:
        """A collection's documents oldest first (the Committee page's mandate)."""
        return list(reversed(self.site.collection(name)))

    def data_links(self) -> str:
        """The feed and open-data addresses of this language, as an HTML list
        (final links, set aside as a fragment: they are not documentation files)."""
        prefix = get(self.lang).prefix
        items = [
            (prefix + "feed.xml", self.t["data_feed"]),
            (prefix + "api/documents.json", self.t["data_documents"]),
            (prefix + "api/documents.schema.json", self.t["data_schema"]),
            (prefix + "api/states.json", self.t["data_states"]),
        ]
        links = "".join(
            f'<li><a href="{escape(relative(url, self.page_url))}">{_text(label)}</a> '
            f"(<code>{_text(url.removeprefix(prefix))}</code>)</li>"
            for url, label in items
        )
        return self.fragment(f"<ul>{links}</ul>")

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
