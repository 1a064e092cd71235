"""Markdown extension: UN document symbols become links to the official texts.

``S/RES/1540 (2004)``, ``S/2011/579`` or ``S/AC.44/2013/OC.85`` written in
content link to the UN Official Document System in the page's language; a
resolution mentioned by number and year (``resolution 1977 (2011)``, and the
forms of the other languages) links to the site's own page when there is one.
Text inside links, code and headings is left alone.

Symbols are written left to right in every language: each symbol link is
marked ``dir="ltr"``, which isolates it, so a list of them inside Arabic text
keeps its reading order (the first is drawn rightmost). And a number never
parts from its year: in all text but code, "1540 (2004)" is written with a
no-break space (``keep_together``), in links and headings too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Iterator
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

# A symbol: series letter, then slash-separated parts such as RES, 2011, AC.44,
# OC.85; a resolution symbol ends with its year in brackets. Not after a Latin
# letter or digit (but after Chinese, which writes no space: "在S/PRST/2014/7中").
SYMBOL_RE = r"(?<![A-Za-z0-9])[SA]/(?:RES/\d{1,5} ?\(\d{4}\)|(?:[A-Z0-9]+(?:\.[A-Z0-9]+)*/)+[A-Z0-9]+(?:\.[A-Z0-9]+)*)"
# A resolution by number and year, as "1540 (2004)" or, in Chinese, "1540(2004)".
MENTION_RE = r"(?<![\d/])(?P<number>\d{3,5}) ?\((?P<year>\d{4})\)"
PATTERN = re.compile(f"(?P<symbol>{SYMBOL_RE})|(?P<mention>{MENTION_RE})")
# What every match contains (a series letter and slash, or a year in brackets):
# most text has neither, and is passed over with one quick scan.
_MAYBE = re.compile(r"[SA]/|\(\d{4}\)")
SKIP = {"a", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"}
# A number and its year in brackets, "1540 (2004)", in a symbol or a mention.
NUMBER_YEAR_RE = re.compile(r"(?<!\d)(\d+) \((\d{4})\)")
NO_BREAK_SPACE = "\u00a0"
CODE = {"code", "pre", "script", "style"}


def keep_together(text: str) -> str:
    """``text`` with a no-break space (U+00A0) between each number and its
    year in brackets ("1540 (2004)", "S/RES/1540 (2004)"), so a line never
    breaks between them."""
    if "(" not in text:
        return text
    return NUMBER_YEAR_RE.sub(rf"\1{NO_BREAK_SPACE}(\2)", text)


def official_url(symbol: str, lang: str) -> str:
    """The Official Document System address of a symbol, in a language."""
    return f"https://undocs.org/{lang}/{symbol.replace(' ', '')}"


class SymbolLinks(Treeprocessor):
    def __init__(self, md: Markdown, extension: SymbolExtension):
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        # Most pages name no symbol: one scan of all their text spares the walk.
        if _MAYBE.search("".join(root.itertext())):
            self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIP:
            return
        if element.text:
            nodes = self._link(element.text)
            if nodes:
                element.text = nodes[0]
                for index, child in enumerate(nodes[1:]):
                    element.insert(index, child)
        for child in list(element):
            self._walk(child)
            if child.tail:
                nodes = self._link(child.tail)
                if nodes:
                    child.tail = nodes[0]
                    position = list(element).index(child) + 1
                    for offset, node in enumerate(nodes[1:]):
                        element.insert(position + offset, node)

    def _link(self, text: str) -> list | None:
        """Split text into [leading text, <a> with tail, ...], or None if no match."""
        if not _MAYBE.search(text):
            return None
        first: str | None = None
        links: list[etree.Element] = []
        position = 0
        for match, href in symbol_links(text, self.extension.lang, self.extension.resolutions.__contains__):
            before = text[position : match.start()]
            if links:
                links[-1].tail = before
            else:
                first = before
            link = etree.Element("a", {"href": href})
            if match["symbol"]:
                link.set("class", "un-symbol")
                link.set("hreflang", self.extension.lang)
                link.set("dir", "ltr")  # isolated: a list of symbols keeps its order in right-to-left text
            link.text = match.group(0)
            links.append(link)
            position = match.end()
        if not links:
            return None
        links[-1].tail = text[position:]
        return [first, *links]


class KeepTogether(Treeprocessor):
    """``keep_together`` on every text of the page but code, once Markdown
    has restored its backslash escapes ("1540 \\(2004\\)" is "1540 (2004)")."""

    def run(self, root: etree.Element) -> None:
        if _MAYBE.search("".join(root.itertext())):
            _keep_together(root)


def _keep_together(element: etree.Element) -> None:
    """``keep_together`` on every text under ``element``, code excepted."""
    if element.tag in CODE:
        return
    if element.text:
        element.text = keep_together(element.text)
    for child in element:
        _keep_together(child)
        if child.tail:
            child.tail = keep_together(child.tail)


def symbol_links(text: str, lang: str, has_resolution: Callable[[str], bool]) -> Iterator[tuple[re.Match[str], str]]:
    """Each symbol in ``text``, with its official address in ``lang``, and each
    mention of a resolution the site has (by slug, "1540-2004"), with the
    docs-relative source path of its page."""
    if not _MAYBE.search(text):
        return
    for match in PATTERN.finditer(text):
        if match["symbol"]:
            yield match, official_url(match["symbol"], lang)
            continue
        slug = f"{match['number']}-{match['year']}"
        if has_resolution(slug):
            yield match, f"/resolutions/{slug}.md"  # resolved by the site engine, per language


class SymbolExtension(Extension):
    """The Markdown extension ``site_tools.symbols``, configured per language
    build (mkdocs.yml's ``markdown_extensions``; the hook sets its settings in
    ``mdx_configs``): ``lang``, the page's language code, and
    ``resolutions``, the slugs of the resolutions the site has."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "lang": ["en", "the language of the pages: official texts are linked in it"],
            "resolutions": [[], "slugs ('1540-2004') of the resolutions the site has a page for"],
        }
        super().__init__(**kwargs)

    @property
    def lang(self) -> str:
        return str(self.getConfig("lang"))

    @property
    def resolutions(self) -> frozenset[str]:
        return frozenset(self.getConfig("resolutions"))

    def extendMarkdown(self, md: Markdown) -> None:
        # After inline parsing (20), before MkDocs resolves links (0).
        md.treeprocessors.register(SymbolLinks(md, self), "un_symbols", 10)
        # After Markdown restores backslash-escaped characters (its "unescape", 0).
        md.treeprocessors.register(KeepTogether(md), "keep_together", -10)


def makeExtension(**kwargs: Any) -> SymbolExtension:  # noqa: N802 (the name Markdown looks for)
    """The extension, as Markdown loads it by name."""
    return SymbolExtension(**kwargs)
