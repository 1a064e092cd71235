"""MkDocs hooks: thin glue between MkDocs and ``scripts/site_tools``.

All logic lives in the plain-Python package so that it is tested on its own
and survives a change of site engine. The hooks stay offline, never write into
``docs/``, and raise on bad content so that no build publishes it.
"""

from __future__ import annotations

import gzip
import posixpath
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# MkDocs loads hook files by path, not as modules of a package, so relative
# imports cannot work; make scripts/ importable instead.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from site_tools.csp import add_policy  # noqa: E402
from site_tools.languages import CODES, DEFAULT_LANGUAGE, LANGUAGES, get  # noqa: E402
from site_tools.model import COLLECTIONS, Document, Site, load_site  # noqa: E402
from site_tools.problems import ContentError  # noqa: E402
from site_tools.render import MarkerError, Renderer, as_english, heading, hreflang_alternates  # noqa: E402
from site_tools.sitemap import sitemap  # noqa: E402
from site_tools.strings import strings  # noqa: E402
from site_tools.translations import notice  # noqa: E402

_site: Site | None = None
_default_404: bytes | None = None


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


def on_pre_build(config) -> None:
    """Load and validate all content before any page is read."""
    global _site
    site = load_site(Path(config.docs_dir), display_root=Path(config.config_file_path).parent)
    if site.problems:
        raise PluginError(str(ContentError(site.problems)))
    _site = site


def on_page_markdown(markdown: str, page, config, files) -> str:
    doc, lang = _document(page), _language(page)
    source = doc.sources[getattr(page.file, "locale", DEFAULT_LANGUAGE)]
    # Shared metadata is written once, in the English file.
    page.meta = {**doc.meta, **source.meta}
    if "summary" in page.meta:
        page.meta["description"] = page.meta["summary"]
    english_href = posixpath.relpath(doc.url(DEFAULT_LANGUAGE) or ".", page.url or ".") + "/"
    page.meta["translation_notice"] = notice(doc, lang, english_href)
    renderer = Renderer(_site, lang, page.file.src_uri)
    try:
        body = renderer.expand_markers(markdown, f"docs/{page.file.src_uri}")
    except MarkerError as error:
        raise PluginError(str(error)) from None
    if source.lang != lang:
        body = as_english(body, lang)
    facts = renderer.facts(doc) if doc.collection in COLLECTIONS else ""
    backlinks = renderer.backlinks(doc) if doc.collection in COLLECTIONS else ""
    return heading(doc, lang) + facts + body + "\n" + backlinks


def on_page_context(context, page, config, nav):
    doc = _document(page)
    site_url = config.site_url or "/"
    context["hreflang_alternates"] = hreflang_alternates(doc, site_url)
    if not doc.is_translated(_language(page)):
        # A fallback copy is not a page of its own for search engines.
        page.canonical_url = site_url + doc.url(DEFAULT_LANGUAGE)
    # Show the switcher in UN order (the i18n plugin keeps build order). The
    # plugin sets this as an attribute of config.extra, which templates read first.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    if alternates:
        alternates.sort(key=lambda alternate: CODES.index(alternate["lang"]))
    return context


def on_post_page(output: str, page, config) -> str:
    """Put ``dir`` on ``<html>`` too (Material sets it on ``<body>`` only, and the
    ``<html>`` tag is outside every template block), then add the CSP."""
    lang = _language(page)
    opening = f'<html lang="{lang}"'
    return add_policy(output.replace(opening, f'{opening} dir="{get(lang).direction}"', 1))


def on_template_context(context, template_name, config):
    """404.html speaks the language being built and points to every home page."""
    if template_name == "404.html":
        lang = config.theme["language"]
        context["t"] = strings(lang)
        context["homes"] = [(language, language.prefix) for language in LANGUAGES]
    return context


def on_post_template(output: str, template_name: str, config) -> str:
    """Theme pages without a Markdown source (404.html) get dir and the policy too."""
    if not template_name.endswith(".html"):
        return output
    lang = config.theme["language"]
    opening = f'<html lang="{lang}"'
    return add_policy(output.replace(opening, f'{opening} dir="{get(lang).direction}"', 1))


def on_post_build(config) -> None:
    """Write our sitemap, and keep each language's 404 page in its own folder.

    Every language build writes the same site-root files; the i18n plugin
    leaves whichever came last. The root 404.html stays English (the default);
    the others move to ``<lang>/404.html``.
    """
    global _default_404
    site_dir = Path(config.site_dir)
    lang = config.theme["language"]
    page_404 = site_dir / "404.html"
    if lang == DEFAULT_LANGUAGE:
        _default_404 = page_404.read_bytes()
    elif _default_404 is not None:
        (site_dir / lang).mkdir(exist_ok=True)
        page_404.replace(site_dir / lang / "404.html")
        page_404.write_bytes(_default_404)
    xml = sitemap(_site, config.site_url or "/").encode("utf-8")
    (site_dir / "sitemap.xml").write_bytes(xml)
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(xml, mtime=0))
