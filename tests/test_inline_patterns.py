"""Skipping inline patterns that cannot match changes no page (site_tools/inline_patterns.py)."""

from __future__ import annotations

import markdown
import pytest
from markdown import treeprocessors

from conftest import ROOT
from site_tools import inline_patterns

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc", "pymdownx.superfences"]
TRICKY = [
    "Plain prose, with commas; colons: and (brackets) only.",
    "Some `code`, ``double `tick` code``, and \\`escaped\\` ticks; a \\*literal\\* star.",
    "*em*, **strong**, ***both***, _under_, __dunder__, snake_case_word, 2 * 3 * 4, a * b",
    "[a link](other.md), [ref][r], [short], ![image](x.png), ![ref image][r]\n\n[r]: https://example.org",
    "<https://undocs.org/S/RES/1540(2004)>, <someone@example.org>, <span>inline html</span>, a < b > c",
    "Entities &amp; &para; &#8212; &#x2014; and a lone & sign.",
    "A line break  \nafter two spaces, and one without\nhere.",
    "# Heading with *emphasis* { #custom-id }\n\nText {: .class }",
    "- list with **bold**\n- and [link](x.md)\n\n> quote with `code`",
    '<div markdown>\n\n*inside* html\n\n</div>\n\n<div lang="en" markdown>\n\nEnglish _text_\n\n</div>',
    '!!! note "Title *em*"\n    Body with [link](x.md).\n\n```python\nx = a * b  # `code`\n```',
    "| a | b |\n| --- | --- |\n| *x* | `y` |",
]


def convert(text: str, skipping: bool, monkeypatch) -> str:
    step = treeprocessors.InlineProcessor._InlineProcessor__applyPattern
    original = getattr(step, "original", step)
    wanted = inline_patterns.skipping(original) if skipping else original
    monkeypatch.setattr(treeprocessors.InlineProcessor, "_InlineProcessor__applyPattern", wanted)
    md = markdown.Markdown(extensions=EXTENSIONS, extension_configs={"toc": {"permalink": True}})
    return md.convert(text)


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_markdown_converts_the_same(text, monkeypatch):
    assert convert(text, True, monkeypatch) == convert(text, False, monkeypatch)


def test_every_content_file_converts_the_same(monkeypatch):
    files = sorted((ROOT / "docs").rglob("*.md"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert convert(text, True, monkeypatch) == convert(text, False, monkeypatch), path


def test_the_patterns_of_this_markdown_are_known():
    """A Markdown upgrade that renames or rewrites a pattern is noticed here
    (it would then simply be tried on every text, as before)."""
    md = markdown.Markdown(extensions=EXTENSIONS)
    unknown = [
        name for name in md.inlinePatterns._priority if inline_patterns.needs(md.inlinePatterns[name.name]) is None
    ]
    assert unknown == []
