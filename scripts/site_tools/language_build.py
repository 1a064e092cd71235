"""One language's MkDocs build: its state, and what each MkDocs event does with it.

``overrides/hooks/site.py`` holds only event handlers of a few lines, each
calling one method of the ``LanguageBuild`` being run. A build makes one
language's pages:

- under ``scripts/build.py`` (``make build``), each language is a build of its
  own, in its own process, with the i18n plugin's documented
  ``build_only_locale`` option (set from ``SITE_LOCALE``): that language is the
  build's only one, its pages are at the build's root and its files
  (search index, 404, sitemap, feed) are its own;
- under ``mkdocs serve`` (no ``SITE_LOCALE``), the i18n plugin builds every
  language one after another, each inside the previous one's post-build step,
  with the language's pages under its prefix. The hook keeps a stack of
  builds for that nesting.

Everything a page shows comes from the content model (``documents.Site``),
read and checked at the start of each build, before any page is built (files
unchanged since the process last read them are not read again).
"""

from __future__ import annotations

import json
import logging
import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import markdown
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from . import a11y, assets, csp, navigation, preview, sanitize
from .feeds import SCHEMA_PATH, atom, documents_json
from .languages import DEFAULT_LANGUAGE, LANGUAGES, TRANSLATION_CODES, Language, get
from .model import COLLECTIONS, FILENAME_RE, Document, Site, Source, load_site
from .problems import ContentError, Problem, with_location
from .render import MARKER_RE, Renderer, as_english, heading, hreflang_alternates, insert_facts
from .search import flag_fallbacks, localize, search_workers
from .sitemap import sitemap
from .states_data import STATES_SCHEMA_PATH, states_json
from .strings import strings
from .translations import notice
from .urls import relative

log = logging.getLogger("mkdocs.hooks.site")
SYMBOLS = "site_tools.symbols"  # our Markdown extension, by the name mkdocs.yml lists it

# The theme's partials that write inline scripts: the only scripts the
# Content-Security-Policy allows by hash (see ``csp``).
THEME_SCRIPT_PARTIALS = ("partials/javascripts/base.html", "partials/javascripts/palette.html",
                         "partials/javascripts/content.html")  # fmt: skip


@dataclass
class SiteCache:
    """The content model, kept for the life of the process: every language
    build of a ``mkdocs serve`` session shares it; an edit reloads it."""

    site: Site | None = None
    report: preview.Report | None = None  # a live preview's problems (see ``preview``)
    capture: preview.Capture | None = None  # and the warnings it collects


@dataclass
class LanguageBuild:
    """The state of one language's build. ``prefix`` is where this build
    writes the language's pages: "" when the language is the build's only one
    (``build_only_locale``), else its URL prefix (``fr/``); ``site_url`` is
    the whole site's root address, whatever the build's own ``site_url``."""

    lang: str
    prefix: str
    site_url: str
    site: Site
    config: MkDocsConfig
    only: bool  # the build's only language (build_only_locale)
    fallbacks: set[str] = field(default_factory=set)  # URLs of pages served in English
    renderers: dict[str, Renderer] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, tuple[Source, str]] = field(default_factory=dict)  # page -> (source, shown path)
    env: Any = None  # the theme's Jinja environment, once MkDocs has made it
    scripts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # base_url -> script hashes
    template_base_url: str = ""  # of the theme template being rendered (404.html)
    report: preview.Report | None = None  # set in a live preview: what the pages' banners show
    capture: preview.Capture | None = None  # the warnings this (outermost) preview build collects
    preview_pages: dict[str, tuple[str, ...]] = field(default_factory=dict)  # written page -> its files

    # -- start --------------------------------------------------------------
    @classmethod
    def start(cls, config: MkDocsConfig, cache: SiteCache, reload: bool) -> LanguageBuild:
        """Set up the build of the language MkDocs is building now (after the
        i18n plugin's ``on_config``), loading and checking the content when
        ``reload`` (the outermost build of a run). Raises PluginError listing
        every content problem."""
        lang = config.theme["language"]
        i18n = config.plugins.get("i18n")
        only = i18n.config.build_only_locale if i18n is not None else None
        prefix = "" if only or lang == DEFAULT_LANGUAGE else get(lang).prefix
        site_url = config.site_url or "/"
        if only and get(lang).prefix and site_url.endswith(get(lang).prefix):
            site_url = site_url[: -len(get(lang).prefix)]  # scripts/build.py gives each language its own address
        capture = None
        if reload or cache.site is None:
            cache.capture = None
            # (Files unchanged since this process last read them are not read
            # again: scripts/build.py reads them all once before its workers start.)
            site = load_site(Path(config.docs_dir), display_root=Path(config.config_file_path).parent, reuse=True)
            cache.report = None
            if preview.enabled():
                # A draft is shown with its problems, not refused (see ``preview``).
                cache.report = preview.Report()
                shown, notes = preview.draft_site(site)
                for message in [*map(str, sorted(site.problems)), *notes]:
                    cache.report.add(message)
                    log.warning(preview.TERMINAL_PREFIX + message)
                site = shown
                docs_dir = Path(config.docs_dir)
                capture = preview.Capture(cache.report, lambda message, lang: with_location(message, docs_dir, lang))
                logging.getLogger("mkdocs").addHandler(capture)
                cache.capture = capture
            elif site.problems:
                raise PluginError(str(ContentError(site.problems)))
            cache.site = site
        # Our configuration: the palette toggle's label in this language, the
        # switcher's entries (its links are each page's, see ``page_context``),
        # and UN symbols linked in this language.
        t = strings(lang)
        for palette in config.theme.get("palette") or []:
            toggle = palette.get("toggle")
            if toggle:
                toggle["name"] = t["to_dark"] if palette.get("scheme") == "default" else t["to_light"]
        # (The theme shows the language switcher where this is set; its links
        # are each page's own, from ``page_context``.)
        config.extra["alternate"] = [{"name": x.name, "link": x.prefix or "./", "lang": x.code} for x in LANGUAGES]
        # The heading permalink's tooltip (toc's documented option), in this language.
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = t["permalink"]
        resolutions = sorted(d.slug for d in cache.site.collection("resolutions"))
        config.mdx_configs[SYMBOLS] = {"lang": lang, "resolutions": resolutions}
        if SYMBOLS not in config.markdown_extensions:
            raise PluginError(
                f"mkdocs.yml: markdown_extensions must list {SYMBOLS} (UN symbols linked to official texts)"
            )
        site_url = site_url if site_url.endswith("/") else site_url + "/"
        if cache.capture is not None:
            cache.capture.lang = lang  # MkDocs's messages name a translation's file by the language being built
        return cls(lang, prefix, site_url, cache.site, config, bool(only), report=cache.report, capture=capture)

    # -- files --------------------------------------------------------------
    def select_files(self, files: Files) -> Files:
        """Refuse the build if docs/ holds a file that is not publishable
        (``assets.refused_file``: the check and the build apply one rule);
        in a one-language build, leave the other languages' pages out (this
        language's pages come from its own files or the English ones)."""
        problems = []
        docs_dir = Path(self.config.docs_dir)
        others = set(TRANSLATION_CODES) - {self.lang} if self.only else set()
        for file in list(files):
            if not (file.abs_src_path and Path(file.abs_src_path).is_relative_to(docs_dir)):
                continue
            if _language_of(file.src_uri) in others:
                files.remove(file)  # (checked by the build of its own language)
                continue
            reason = assets.refused_file(file.src_uri, Path(file.abs_src_path))
            if not reason and not file.src_uri.endswith(".md") and self._theme_has(file.src_uri):
                reason = "a file of the theme's has this name, and this one would replace it; expected another name"
            if reason:
                problems.append(Problem(f"docs/{file.src_uri}", 1, reason))
                if self.report is not None:
                    files.remove(file)
            elif self.report is not None and file.src_uri.endswith(".md") and self._document_of(file.src_uri) is None:
                files.remove(file)  # a page the preview cannot show (its problems are reported)
        if problems and self.report is None:
            raise PluginError(str(ContentError(problems)))
        # The pages the build makes from the content (a State's page): under
        # this language's prefix when every language is built at once.
        for doc in self.site.documents.values():
            if doc.generated:
                files.append(File.generated(self.config, self.prefix + doc.key, content=""))
        for problem in problems:
            if self.report is not None and self.report.add(str(problem)):
                log.warning(preview.TERMINAL_PREFIX + str(problem))
        return files

    def _theme_has(self, src_uri: str) -> bool:
        """Whether the theme (or our overrides) has a file at ``src_uri``."""
        return any((Path(folder) / src_uri).is_file() for folder in self.config.theme.dirs)

    # -- pages --------------------------------------------------------------
    def page_url(self, page: Page) -> str:
        """The page's address relative to the whole site's root ("fr/messages/x/")."""
        return get(self.lang).prefix + page.url if self.only else page.url

    def _document_of(self, src_uri: str) -> Document | None:
        if self.prefix and src_uri.startswith(self.prefix):  # a generated page of a language built with the others
            return self.site.documents.get(src_uri.removeprefix(self.prefix))
        key, lang = src_uri, _language_of(src_uri)
        if lang:
            key = key.removesuffix(f".{lang}.md") + ".md"
        return self.site.documents.get(key)

    def document(self, page: Page) -> Document:
        """The document a page shows: its file's name without a language suffix."""
        doc = self._document_of(page.file.src_uri)
        if doc is None:
            raise PluginError(f"docs/{page.file.src_uri}: page is not part of the content model")
        return doc

    def source(self, doc: Document) -> Source:
        """The file this language's page is made from: its own, or the English one."""
        return doc.sources.get(self.lang) or doc.english

    def read_source(self, page: Page) -> str:
        """The page's Markdown as our front-matter parser cut it, behind empty
        front matter: MkDocs never parses front matter itself, so what is
        checked is what is rendered (its metadata comes from the model)."""
        return "---\n{}\n---\n" + self.source(self.document(page)).body

    def page_markdown(self, markdown_text: str, page: Page) -> str:
        doc = self.document(page)
        source = self.source(doc)
        url = self.page_url(page)
        page.meta = {**doc.meta, **source.meta}
        # Fields are plain text: escaped once, here, for templates that print
        # them as they are (Markup is not escaped again by those that escape).
        for name in ("title", "summary"):
            if isinstance(page.meta.get(name), str):
                page.meta[name] = Markup(escape(page.meta[name]))
        if "summary" in page.meta:
            page.meta["description"] = page.meta["summary"]
        english_href = relative(doc.url(DEFAULT_LANGUAGE), url) + "/"
        page.meta["translation_notice"] = notice(doc, self.lang, english_href)
        shown = f"docs/{source.path}"
        self.bodies[page.file.src_uri] = (source, shown)
        renderer = Renderer(self.site, self.lang, page.file.src_uri, url, doc_key=doc.key)
        # (MkDocs drops the blank lines that start the body: count them back.)
        skipped = _leading_newlines(source.body) - _leading_newlines(markdown_text)
        body, problems = renderer.expand_markers(markdown_text, shown, source.body_line + skipped)
        for problem in problems:
            log.warning(str(problem))
        if "translation-status" in renderer.expanded:
            # A status report, not something readers search for (the theme's documented per-page option).
            page.meta["search"] = {"exclude": True}
        if source.lang != self.lang:
            body = as_english(body, self.lang)
        backlinks = ""
        if doc.collection in COLLECTIONS:
            self.facts[page.file.src_uri] = renderer.facts(doc)
            backlinks = renderer.sources(doc) + renderer.backlinks(doc)
        if renderer.fragments:
            self.renderers[page.file.src_uri] = renderer
        return heading(doc, self.lang) + body + "\n" + backlinks

    def page_content(self, html: str, page: Page) -> str:
        """The page's HTML after Markdown and every extension, with the
        document's facts under its heading, judged by the sanitizer. What it
        refuses is a warning naming the Markdown line (so a strict build
        fails) and is removed from the page."""
        source, shown = self.bodies[page.file.src_uri]
        # Judged: the content as converted, without what the build adds (the
        # heading made from the title field, which comes first, and the
        # placeholders of generated lists, which must stand as HTML comments
        # of their own: one inside an attribute would let the list's markup out).
        heading_html = _HEADING_RE.match(html)
        content = html[heading_html.end() :] if heading_html else html
        renderer = self.renderers.get(page.file.src_uri)
        if renderer is not None:
            comments = _comments(content)
            for token in list(renderer.fragments):
                if token.removeprefix("<!--").removesuffix("-->") not in comments or content.count(token) != 1:
                    what = "a listing marker inside HTML; put it on a line of its own, between paragraphs"
                    log.warning(str(Problem(shown, _line_of(source), what)))
                    renderer.fragments[token] = ""
                content = content.replace(token, "")
        refused = sanitize.refusals(content)
        for what in refused:
            line = sanitize.first_unsafe_line(source.body, self.convert, what)
            where = source.body_line + line - 1 if line else source.body_line
            message = f"not allowed in published content: {what}; write plain Markdown instead"
            log.warning(str(Problem(shown, where, message)))
        if refused:
            html = (heading_html.group(0) if heading_html else "") + sanitize.sanitize(content)
        facts = self.facts.pop(page.file.src_uri, None)
        return html if facts is None else insert_facts(html, facts)

    def convert(self, text: str) -> str:
        """Markdown to HTML with this build's extensions and settings, listing
        markers left out (to find the line of a refused piece of a page)."""
        converter = markdown.Markdown(
            extensions=self.config.markdown_extensions, extension_configs=self.config.mdx_configs
        )
        return converter.convert(MARKER_RE.sub("", text))

    def page_context(self, context: dict[str, Any], page: Page) -> dict[str, Any]:
        doc = self.document(page)
        url = self.page_url(page)
        context["hreflang_alternates"] = hreflang_alternates(doc, self.site_url)
        context["og_locale"] = get(self.lang).og_locale
        context["feed"] = {
            "href": relative(get(self.lang).prefix + "feed.xml", url),
            "title": strings(self.lang)["feed_title"],
        }
        context["language_links"] = _language_links(lambda x: relative(doc.url(x.code), url) + "/", self.lang)
        # Where the reader is (documents are not in nav: see ``navigation``).
        context["section_url"] = navigation.section_url(doc, self.prefix)
        context["breadcrumb_title"] = navigation.breadcrumb_title(doc, self.lang)
        context["pager"] = navigation.pager(self.site, doc, self.lang, url)
        context["footer_links"] = navigation.footer_links(self.lang, lambda path: _relative_href(path, url))
        context["t"] = strings(self.lang)
        # A fallback copy is not a page of its own for search engines: its
        # canonical address is the English original's.
        shown_lang = self.lang if doc.is_translated(self.lang) else DEFAULT_LANGUAGE
        context["canonical_url"] = self.site_url + doc.url(shown_lang)
        if shown_lang != self.lang:
            self.fallbacks.add(page.url)
        if self.report is not None:
            context["preview_banner"] = preview.PLACEHOLDER
            self.preview_pages[page.file.abs_dest_path] = tuple(f"docs/{s.path}" for s in doc.sources.values())
        return context

    def post_page(self, output: str, page: Page) -> str:
        """Long generated lists in place (after search has read the page),
        then the page's finishing touches."""
        renderer = self.renderers.pop(page.file.src_uri, None)
        if renderer is not None:
            output = renderer.fill(output)
        return self.finish_html(output, get_relative_url(".", page.url))

    def finish_html(self, output: str, base_url: str) -> str:
        """``dir`` on ``<html>`` too (Material sets it on ``<body>`` only, and
        ``<html>`` is outside every block), the search dialog's name, and the
        Content-Security-Policy allowing only the theme's own inline scripts."""
        opening = f'<html lang="{self.lang}"'
        output = output.replace(opening, f'{opening} dir="{get(self.lang).direction}"', 1)
        output = a11y.name_search_dialog(output)
        return csp.add_policy(output, self.script_hashes(base_url))

    def script_hashes(self, base_url: str) -> tuple[str, ...]:
        """The hashes of the inline scripts the theme's partials write for a
        page at ``base_url`` (they differ with its depth): rendered from the
        theme's own templates, never read from a page."""
        if base_url not in self.scripts:
            found: set[str] = set()
            context = {"config": self.config, "base_url": base_url, "features": self.config.theme.get("features") or []}
            for name in THEME_SCRIPT_PARTIALS:
                found.update(csp.inline_script_hashes(self.env.get_template(name).render(context)))
            self.scripts[base_url] = tuple(sorted(found))
        return self.scripts[base_url]

    def environment(self, env: Any) -> Any:
        """The theme's Jinja environment, kept, with the site's globals: the
        search workers' addresses (``search.search_workers``)."""
        self.env = env
        env.globals["search_worker"] = search_workers(self.config.theme.dirs)
        return env

    # -- pages without a Markdown source (404.html, sitemap.xml) ------------
    def template_context(self, context: dict[str, Any], template_name: str) -> dict[str, Any]:
        self.template_base_url = context.get("base_url", "")  # the template's links start from it
        if template_name == "404.html":
            base = urlsplit(self.site_url).path.rstrip("/")
            context["t"] = strings(self.lang)
            context["homes"] = [(x, f"{base}/{x.prefix}") for x in LANGUAGES]  # absolute: served at any address
            if self.report is not None:
                context["preview_banner"] = preview.PLACEHOLDER
                self.preview_pages[str(Path(self.config.site_dir) / self.prefix / "404.html")] = ()
            context["language_links"] = _language_links(lambda x: f"{base}/{x.prefix}", self.lang)
            context["footer_links"] = navigation.footer_links(self.lang, lambda path: f"{base}/{path}")
            # The 404 page static hosts serve for every address (the default
            # language's, at the root) says it in every language.
            if self.lang == DEFAULT_LANGUAGE:
                context["not_found_everywhere"] = [(x, strings(x.code), f"{base}/{x.prefix}") for x in LANGUAGES]
        return context

    def sitemap(self) -> str:
        """This build's sitemap: every language's pages at the site's root
        (the default language's build), this language's pages under its prefix."""
        return sitemap(self.site, self.site_url, only=None if self.lang == DEFAULT_LANGUAGE else self.lang)

    def post_template(self, output: str, template_name: str) -> str:
        if template_name.endswith(".html"):
            return self.finish_html(output, self.template_base_url)
        return output

    # -- end ----------------------------------------------------------------
    def post_build(self, site_dir: Path) -> None:
        """This language's own files: its search index with the language's
        word separator and folded words, English fallbacks marked, its feed and its open data; in a live preview, the problems
        on every page (once MkDocs has checked every page's links and anchors)."""
        self.stop_capture()
        if self.report is not None:
            preview.write_banners(self.report, self.preview_pages, strings(self.lang))
        root = site_dir / self.prefix
        index_path = root / "search/search_index.json"
        if self.only and index_path.exists():
            index = json.loads(index_path.read_text(encoding="utf-8"))
            flagged = flag_fallbacks(index, self.fallbacks, strings(self.lang)["in_english"])
            localized = localize(flagged, self.lang)
            _write(index_path, json.dumps(localized, ensure_ascii=False, separators=(",", ":")))
        _write(root / "feed.xml", atom(self.site, self.lang, self.site_url, self.config.site_name))
        _write(root / "api/documents.json", documents_json(self.site, self.lang, self.site_url))
        _write(root / "api/documents.schema.json", SCHEMA_PATH.read_text(encoding="utf-8"))
        _write(root / "api/states.json", states_json(self.site, self.lang, self.site_url))
        _write(root / "api/states.schema.json", STATES_SCHEMA_PATH.read_text(encoding="utf-8"))

    def stop_capture(self) -> None:
        """A preview's collection of warnings ends with its outermost build."""
        if self.capture is not None:
            logging.getLogger("mkdocs").removeHandler(self.capture)
            self.capture = None


_HEADING_RE = re.compile(r"\s*<h1[^>]*>.*?</h1>", re.S)  # the page's own heading: escaped text, no nested h1


class _CommentReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.comments: set[str] = set()

    def handle_comment(self, data: str) -> None:
        self.comments.add(data)


def _comments(html: str) -> set[str]:
    """The HTML comments of ``html``, as a parser reads them (not text that
    only looks like one, inside an attribute or raw text)."""
    reader = _CommentReader()
    reader.feed(html)
    reader.close()
    return reader.comments


def _language_links(link: Callable[[Language], str], current: str) -> list[dict[str, Any]]:
    """The language switcher's entries, in UN order, each with ``link(language)``
    and whether it is the ``current`` language (the page's)."""
    return [
        {"name": x.name, "lang": x.code, "dir": x.direction, "link": link(x), "current": x.code == current}
        for x in LANGUAGES
    ]


def _relative_href(path: str, page_url: str) -> str:
    """A link from the page at ``page_url`` to ``path`` (both site-relative;
    a folder ends with "/", the home page is "")."""
    link = relative(path, page_url)
    return link + "/" if not path or path.endswith("/") else link


def _language_of(src_uri: str) -> str | None:
    """The language suffix of a page's file name ("fr" for "x.fr.md"), if any."""
    match = FILENAME_RE.match(posixpath.basename(src_uri))
    return match["lang"] if match else None


def _leading_newlines(text: str) -> int:
    return len(text) - len(text.lstrip("\n"))


def _line_of(source: Source) -> int:
    """The file line of the listing marker most likely misplaced: the first
    that does not stand on a line of its own (else the first)."""
    markers = list(MARKER_RE.finditer(source.body))
    if not markers:
        return source.body_line
    lines = source.body.split("\n")
    for match in markers:
        number = source.body.count("\n", 0, match.start())
        if lines[number].strip() != match.group(0):
            return source.body_line + number
    return source.body_line + source.body.count("\n", 0, markers[0].start())


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
