"""MkDocs hooks: thin glue between MkDocs and ``scripts/site_tools``.

All logic lives in the plain-Python package so that it is tested on its own
and survives a change of site engine. The hooks stay offline, never write into
``docs/``, and raise on bad content so that no build publishes it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# MkDocs loads hook files by path, not as modules of a package, so relative
# imports cannot work; make scripts/ importable instead.
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from site_tools.csp import add_policy  # noqa: E402
from site_tools.languages import CODES, DEFAULT_LANGUAGE, get  # noqa: E402
from site_tools.model import COLLECTIONS, Site, load_site  # noqa: E402
from site_tools.problems import ContentError  # noqa: E402
from site_tools.render import MarkerError, Renderer, hreflang_alternates  # noqa: E402

_site: Site | None = None


def on_pre_build(config) -> None:
    """Load and validate all content before any page is read."""
    global _site
    docs_dir = Path(config.docs_dir)
    site = load_site(docs_dir, display_root=Path(config.config_file_path).parent)
    if site.problems:
        raise PluginError(str(ContentError(site.problems)))
    _site = site


def on_page_markdown(markdown: str, page, config, files) -> str:
    assert _site is not None, "on_pre_build did not run"
    file = page.file
    lang = getattr(file, "locale_alternate_of", DEFAULT_LANGUAGE)
    key = getattr(file, "norm_src_uri", file.src_uri)
    doc = _site.documents.get(key)
    if doc is None:
        raise PluginError(f"docs/{file.src_uri}: page is not part of the content model")
    source = doc.sources[getattr(file, "locale", DEFAULT_LANGUAGE)]
    # Shared metadata is written once, in the English file.
    page.meta = {**doc.meta, **source.meta}
    if "summary" in page.meta:
        page.meta["description"] = page.meta["summary"]
    page.meta["document"] = {"collection": doc.collection, "slug": doc.slug, "lang": source.lang}
    renderer = Renderer(_site, lang, file.src_uri)
    try:
        markdown = renderer.expand_markers(markdown, f"docs/{file.src_uri}")
    except MarkerError as error:
        raise PluginError(str(error)) from None
    if doc.collection in COLLECTIONS:
        markdown = renderer.facts(doc) + markdown + "\n" + renderer.backlinks(doc)
    return markdown


def on_page_context(context, page, config, nav):
    """Show the language switcher in UN order (the i18n plugin keeps build order)."""
    key = getattr(page.file, "norm_src_uri", page.file.src_uri)
    context["hreflang_alternates"] = hreflang_alternates(_site.documents[key], config.site_url or "/")
    # The i18n plugin sets this as an attribute of config.extra, which templates read first.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate")
    if alternates:
        alternates.sort(key=lambda alternate: CODES.index(alternate["lang"]))
    return context


def on_post_page(output: str, page, config) -> str:
    """Put ``dir`` on ``<html>`` too: Material sets it on ``<body>`` only, and the
    ``<html>`` tag is outside every template block."""
    lang = getattr(page.file, "locale_alternate_of", DEFAULT_LANGUAGE)
    opening = f'<html lang="{lang}"'
    return add_policy(output.replace(opening, f'{opening} dir="{get(lang).direction}"', 1))


def on_post_template(output: str, template_name: str, config) -> str:
    """Theme pages without a Markdown source (404.html) get the policy too."""
    return add_policy(output) if template_name.endswith(".html") else output
