"""Sorting names as readers of each language expect.

Babel has no collation, and ICU's Python binding has no wheel for this
platform, so two maintained pure-Python libraries stand in for ICU's root
and Chinese collations:

- ``pyuca``: the Unicode Collation Algorithm with the Default Unicode
  Collation Element Table (the root collation ICU tailors per language):
  Arabic, Cyrillic and Latin letters in their alphabets' order, accents
  secondary (``é`` with ``e``), case tertiary;
- ``pypinyin``: Chinese names by their Hanyu Pinyin reading, the order of
  ICU's default Chinese collation (``zh``), ties by the UCA.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pypinyin
import pyuca  # type: ignore[import-untyped]  # (no type hints published)


@functools.cache
def _collator() -> pyuca.Collator:
    return pyuca.Collator()


def sort_key(lang: str) -> Callable[[str], Any]:
    """A key function ordering strings for readers of ``lang`` (a site
    language code: "zh" by pinyin, every other by the UCA)."""
    collator = _collator()
    if lang == "zh":
        return lambda text: (tuple(pypinyin.lazy_pinyin(text)), collator.sort_key(text))
    return collator.sort_key


def sorted_by_name(items: list[Any], name: Callable[[Any], str], lang: str) -> list[Any]:
    """``items`` ordered by ``name(item)`` as readers of ``lang`` expect."""
    key = sort_key(lang)
    return sorted(items, key=lambda item: key(name(item)))
