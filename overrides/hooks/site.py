"""MkDocs hooks: thin glue between MkDocs and ``scripts/site_tools``.

All logic lives in the plain-Python package so that it is tested on its own
and survives a change of site engine. The hooks stay offline, never write into
``docs/``, and raise on bad content so that no build publishes it.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from material.plugins.search import plugin as search_plugin
from material.plugins.search.plugin import SearchIndex
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils.meta import YAML_RE as FRONT_MATTER_RE

# MkDocs loads hook files by path, not as modules of a package, so relative
# imports cannot work; make scripts/ importable instead.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from site_tools import background  # noqa: E402
from site_tools.a11y import name_search_dialog  # noqa: E402
from site_tools.csp import add_policy  # noqa: E402
from site_tools.feeds import SCHEMA_PATH, atom, documents_json  # noqa: E402
from site_tools.languages import CODES, DEFAULT_LANGUAGE, LANGUAGES, get  # noqa: E402
from site_tools.model import COLLECTIONS, Document, Site, Source, load_site  # noqa: E402
from site_tools.problems import ContentError  # noqa: E402
from site_tools.render import (  # noqa: E402
    MarkerError,
    Renderer,
    as_english,
    heading,
    hreflang_alternates,
    insert_facts,
)
from site_tools.search import localize_index, point_search_at_language  # noqa: E402
from site_tools.sitemap import sitemap  # noqa: E402
from site_tools.strings import strings  # noqa: E402
from site_tools.symbols import SymbolExtension  # noqa: E402
from site_tools.translations import notice  # noqa: E402
from site_tools.urls import relative  # noqa: E402

_PLAIN = os.environ.get("SITE_PLAIN_BUILD") == "1"  # no shortcuts: see hooks/build_speed.py
_site: Site | None = None
_dirty = False  # `serve --dirty` rebuilds changed pages only
_serving = False  # `mkdocs serve` rebuilds after every edit
_previous_search: dict[str, object] = {}  # the last index per language, for dirty rebuilds
# The i18n plugin builds the other languages from inside the default language's
# post-build step, so build state is kept per language and the language being
# built on a stack (config.theme.language is left at the last one built).
_building: list[str] = []
_search: dict[str, object] = {}  # each language's search index (the theme's own indexer)
_segmenter: background.Helper | None = None  # cuts Chinese search words in a parallel build
CHINESE = "zh"
_INDEX_CONFIG = ("lang", "separator", "pipeline", "fields")  # the settings the theme writes with its index
_fallbacks: dict[str, set[str]] = {}  # URLs of the pages served in English, per language
_not_found: dict[str, str] = {}  # each language's 404 page, kept until all are built
_site_names: dict[str, str] = {}  # each language's site name (the i18n plugin leaves the last one set)
_renderers: dict[str, Renderer] = {}  # a page's generated fragments, from its Markdown to its HTML
_facts: dict[str, str] = {}  # a document's facts (HTML), from its Markdown to its HTML
_symbols = SymbolExtension()  # UN symbols become links to the official texts


@event_priority(-110)  # after the i18n plugin has set this build's language
def on_config(config):
    """Link UN document symbols in the language being built; give templates
    each language's writing direction."""
    _symbols.lang = config.theme["language"]
    config.extra["directions"] = {language.code: language.direction for language in LANGUAGES}
    # The palette toggle's label is set once in mkdocs.yml; say it in this language.
    t = strings(_symbols.lang)
    for palette in config.theme.get("palette") or []:
        toggle = palette.get("toggle")
        if toggle:
            toggle["name"] = t["to_dark"] if palette.get("scheme") == "default" else t["to_light"]
    # Our post-build step writes each language's sitemap; the theme's template
    # (the i18n plugin's, listing every page in every language) would only be
    # rendered, at a cost growing with languages x pages, to be overwritten.
    config.theme.static_templates.discard("sitemap.xml")
    if _symbols not in config.markdown_extensions:
        config.markdown_extensions.append(_symbols)
    return config


def on_startup(command: str, dirty: bool) -> None:
    global _dirty, _serving
    _dirty = dirty
    _serving = command == "serve"


def _language(page) -> str:
    """The language being built (a fallback page's file is English, its page is not)."""
    return getattr(page.file, "locale_alternate_of", DEFAULT_LANGUAGE)


def _document(page) -> Document:
    assert _site is not None, "on_pre_build did not run"
    key = getattr(page.file, "norm_src_uri", page.file.src_uri)
    doc = _site.documents.get(key)
    if doc is None:
        raise PluginError(f"docs/{page.file.src_uri}: page is not part of the content model")
    return doc


def _source(page, doc: Document) -> Source:
    """The file the page is made from: its language's, or the English one it falls back to."""
    return doc.sources[getattr(page.file, "locale", DEFAULT_LANGUAGE)]


def on_pre_build(config) -> None:
    """Load and validate all content before any page is read (once per build:
    the other languages, built inside it, share it); start this language's own
    search index."""
    global _site, _segmenter
    i18n = config.plugins.get("i18n")
    if _site is None or not (i18n is not None and i18n.building):
        # In a parallel build, Chinese search words are cut by a helper that
        # loads its dictionary now, beside the content loading (see background.py).
        _segmenter = None
        chinese = i18n is not None and CHINESE in i18n.build_languages
        if background.enabled and chinese and config.plugins.get("material/search"):
            _segmenter = background.Helper(_load_segmenter, _write_chinese_index)
        site = load_site(Path(config.docs_dir), display_root=Path(config.config_file_path).parent, reuse=_serving)
        if site.problems:
            raise PluginError(str(ContentError(site.problems)))
        _site = site
        _symbols.resolutions = {doc.slug for doc in site.collection("resolutions")}
    lang = config.theme["language"]  # set by the i18n plugin's on_config
    _building.append(lang)
    _site_names[lang] = config.site_name
    _search[lang] = _language_search_index(config)
    _fallbacks[lang] = set()


def _language_search_index(config):
    """A search index with the theme's own settings for the language being built
    (tokenizer language, separator, pipeline); Chinese is segmented by jieba."""
    plugin = config.plugins.get("material/search")
    if plugin is None:
        return None
    # The theme's plugin would index every page a second time, for an index that
    # is replaced anyway: give it one that ignores what it is given.
    plugin.search_index = _NoIndex()
    settings = dict(plugin.config)
    # The theme's translations of its search settings, as its plugin reads
    # them (which sets up and compiles its templates anew for each one).
    theme = config.theme.get_env().get_template("partials/language.html", None, {"config": config}).module
    settings["lang"] = [theme.t("search.config.lang")]
    settings["separator"] = theme.t("search.config.separator")
    pipeline = theme.t("search.config.pipeline")
    settings["pipeline"] = [step for step in re.split(r"\s*,\s*", pipeline) if step]
    if config.theme["language"] == CHINESE and _segmenter is None:
        return SearchIndex(**settings)
    # Other languages need no segmentation; in a parallel build, Chinese is
    # segmented by its helper once its pages are built (on_post_build).
    return _UnsegmentedIndex(**settings)


class _UnsegmentedIndex(SearchIndex):
    """The theme segments Chinese words in every language's index, scanning all
    of its text for them; only the Chinese index needs it."""

    def _segment_chinese(self, data: str) -> str:
        return data


def _load_segmenter() -> None:
    if search_plugin.jieba:
        search_plugin.jieba.initialize()


def _write_chinese_index(path: Path, index: dict, prefix: str, fallbacks: set[str], in_english: str) -> None:
    """Cut Chinese words in each entry's title and text, as the theme's indexer
    does as it goes when jieba is installed (the same function, applied
    afterwards), and write the index."""
    if search_plugin.jieba:
        segment = SearchIndex(lang=[CHINESE], separator="", pipeline=[], fields={})._segment_chinese
        for entry in index["docs"]:
            entry["title"] = segment(entry["title"])
            entry["text"] = segment(entry["text"])
    _write_index(path, index, prefix, fallbacks, in_english)


def _write_index(path: Path, index: dict, prefix: str, fallbacks: set[str], in_english: str) -> None:
    localized = localize_index(index, prefix, fallbacks, in_english)
    _write(path, json.dumps(localized, ensure_ascii=False, separators=(",", ":")))


class _NoIndex:
    """Stands in for the theme's search index, which ours replaces."""

    entries: list = []

    def add_entry_from_context(self, page) -> None:
        pass

    def generate_search_index(self, previous) -> str:
        return '{"config": {}, "docs": []}'


def on_page_read_source(page, config) -> str | None:
    """The page's source from the content already read and checked, instead of
    MkDocs reading and parsing the file again: its body exactly as MkDocs would
    cut it (with MkDocs's own pattern), behind empty front matter, since
    on_page_markdown sets the page's metadata from the content model."""
    if _PLAIN or _site is None:
        return None
    source = _source(page, _document(page))
    if not source.text or "\r" in source.text:
        return None  # MkDocs reads the file itself (and turns line endings)
    match = FRONT_MATTER_RE.match(source.text)
    if match is None:
        return None
    return "---\n{}\n---\n" + source.text[match.end() :]


def on_page_markdown(markdown: str, page, config, files) -> str:
    doc, lang = _document(page), _language(page)
    source = _source(page, doc)
    # Shared metadata is written once, in the English file.
    page.meta = {**doc.meta, **source.meta}
    if "summary" in page.meta:
        page.meta["description"] = page.meta["summary"]
    english_href = relative(doc.url(DEFAULT_LANGUAGE), page.url) + "/"
    page.meta["translation_notice"] = notice(doc, lang, english_href)
    renderer = Renderer(_site, lang, page.file.src_uri, page.url)
    try:
        body = renderer.expand_markers(markdown, f"docs/{page.file.src_uri}")
    except MarkerError as error:
        raise PluginError(str(error)) from None
    if source.lang != lang:
        body = as_english(body, lang)
    backlinks = ""
    if doc.collection in COLLECTIONS:
        _facts[page.file.src_uri] = renderer.facts(doc)
        backlinks = renderer.backlinks(doc)
    if renderer.fragments:
        _renderers[page.file.src_uri] = renderer
    return heading(doc, lang) + body + "\n" + backlinks


def on_page_content(html: str, page, config, files) -> str:
    """The document's facts, as HTML, under its heading (before search indexes the page)."""
    facts = _facts.pop(page.file.src_uri, None)
    return html if facts is None else insert_facts(html, facts)


@event_priority(10)  # before the search plugin strips its data-search-* attributes
def on_page_context(context, page, config, nav):
    doc, lang = _document(page), _language(page)
    if _search.get(lang) is not None:
        _search[lang].add_entry_from_context(page)
    site_url = config.site_url or "/"
    context["hreflang_alternates"] = hreflang_alternates(doc, site_url)
    context["og_locale"] = get(lang).og_locale
    context["feed"] = {
        "href": relative(get(lang).prefix + "feed.xml", page.url),
        "title": strings(lang)["feed_title"],
    }
    if not doc.is_translated(lang):
        # A fallback copy is not a page of its own for search engines.
        page.canonical_url = site_url + doc.url(DEFAULT_LANGUAGE)
        _fallbacks[lang].add(page.url)
    # Show the switcher in UN order (the i18n plugin keeps build order). The
    # plugin sets this as an attribute of config.extra, which templates read first.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    if alternates:
        alternates.sort(key=lambda alternate: CODES.index(alternate["lang"]))
    return context


def _finish_html(output: str, lang: str, page_url: str) -> str:
    """``dir`` on ``<html>`` too (Material sets it on ``<body>`` only, and the
    ``<html>`` tag is outside every template block), the language's own search
    index, and the Content-Security-Policy (last: it hashes the inline scripts)."""
    opening = f'<html lang="{lang}"'
    output = output.replace(opening, f'{opening} dir="{get(lang).direction}"', 1)
    output = point_search_at_language(output, page_url, get(lang).prefix)
    return add_policy(output)


def on_env(env, config, files):
    env.filters["name_search_dialog"] = name_search_dialog  # for partials/search.html
    return env


def on_post_page(output: str, page, config) -> str:
    # Long generated lists go in last: they are links to pages that are indexed
    # themselves, so search neither parses them nor shows them as hits.
    renderer = _renderers.pop(page.file.src_uri, None)
    if renderer is not None:
        try:
            output = renderer.fill(output, f"docs/{page.file.src_uri}")
        except MarkerError as error:
            raise PluginError(str(error)) from None
    return _finish_html(output, _language(page), page.url)


def on_template_context(context, template_name, config):
    """404.html speaks the language being built and points to every home page."""
    if template_name == "404.html":
        context["t"] = strings(_building[-1])
        context["homes"] = [(language, language.prefix) for language in LANGUAGES]
        # The switcher still holds the last page's links: point it at each home.
        base = urlsplit(config.site_url or "/").path.rstrip("/")
        config.extra.alternate = [
            {"name": language.name, "link": f"{base}/{language.prefix}", "lang": language.code}
            for language in LANGUAGES
        ]
    return context


def on_post_template(output: str, template_name: str, config) -> str:
    """Theme pages without a Markdown source (404.html) are finished the same way."""
    if not template_name.endswith(".html"):
        return output
    lang = _building[-1]
    output = _finish_html(output, lang, "")
    if template_name == "404.html":
        _not_found[lang] = output
    return output


def on_build_error(error) -> None:
    _building.clear()
    background.stop()  # a failed build leaves no helper running on


@event_priority(-200)  # after the i18n plugin, whose last act rewrites shared files
def on_post_build(config) -> None:
    """Write this language's files where they belong.

    Every language build writes the same site-root files (search index, 404,
    sitemap), and the i18n plugin leaves whichever came last, or merges them.
    The default language is built first and finishes last (the others are
    built inside its post-build step, or by parallel workers it waits for), so
    its files are written last, at the root; the others go under their prefix.
    """
    site_dir = Path(config.site_dir)
    lang = _building.pop()
    prefix = get(lang).prefix
    site_url = config.site_url or "/"
    if _search.get(lang) is not None:
        # A dirty rebuild indexes only the changed pages: the theme's indexer
        # merges them into the previous build's index.
        search = _search[lang]
        previous = _previous_search.get(lang) if _dirty else None
        if previous is None:  # what the theme's indexer would write, without writing it out and reading it back
            index = {"config": {key: search.config[key] for key in _INDEX_CONFIG}, "docs": search.entries}
        else:
            index = json.loads(search.generate_search_index(previous))
        if _dirty:
            _previous_search[lang] = search
        path = site_dir / prefix / "search/search_index.json"
        details = (prefix, _fallbacks[lang], strings(lang)["in_english"])
        if lang == CHINESE and _segmenter is not None:
            _segmenter.send(path, index, *details)
        else:
            _write_index(path, index, *details)
    _write(site_dir / prefix / "feed.xml", atom(_site, lang, site_url, _site_names[lang]))
    _write(site_dir / prefix / "api/documents.json", documents_json(_site, lang, site_url))
    _write(site_dir / prefix / "api/documents.schema.json", SCHEMA_PATH.read_text(encoding="utf-8"))
    if lang in _not_found:
        _write(site_dir / prefix / "404.html", _not_found[lang])
    if lang != DEFAULT_LANGUAGE:
        _write(site_dir / prefix / "sitemap.xml", sitemap(_site, site_url, only=lang))
        return
    xml = sitemap(_site, site_url)
    _write(site_dir / "sitemap.xml", xml)
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(xml.encode("utf-8"), compresslevel=6, mtime=0))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
