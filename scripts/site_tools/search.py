"""Per-language search: each language's build writes its own index of its
own pages (the theme's search plugin); this build then gives it the
language's own word separator, the lunr language whose stemmer the site's
worker uses on queries, and folded (accent-free) forms of its words, and flags a page served in English there as English. The page's search
runs the theme's worker behind the site's own (``SITE_WORKER``), which stems
the reader's query words with the language's stemmer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def flag_fallbacks(index: dict[str, Any], fallback_locations: set[str], in_english: str) -> dict[str, Any]:
    """The theme's index (``{"config": ..., "docs": [{"location", "title",
    "text"}...]}``) with every entry of a page served in English marked
    ``"lang": "en"``, and the page's own entry titled "<title> <in_english>"."""
    docs = []
    for entry in index["docs"]:
        location = entry["location"]
        if location.split("#", 1)[0] in fallback_locations:
            entry = {**entry, "lang": "en"}
            if "#" not in location:  # the page entry, not each of its sections
                entry["title"] = f"{entry['title']} {in_english}"
        docs.append(entry)
    return {**index, "docs": docs}


# -- what a reader types: per-language word separators, stemmers, folded forms
#
# The theme's search client (lunr, in a web worker) splits both the index text
# and the reader's query with one regular expression, the search plugin's
# documented ``separator`` option, which this build sets per language in the
# index it writes. It appends ``*`` to every query word, so that a word being
# typed finds its completions.
#
# The index keeps every word as the page writes it (lower-cased): its
# ``pipeline`` is empty. A stemmer in it would hold "implement" for
# "implementation" and "كتوبر" for "أكتوبر", so that the half-typed
# "implementatio" and "أكتو" found nothing; the theme's stop-word filter would
# drop words the site is about (Spanish "Estados" is one of lunr's Spanish stop
# words). The language's stemmer is used on the query instead: the index's
# ``lang`` has the theme's worker load lunr-languages' stemmer for it, and the
# site's worker (``SITE_WORKER``) asks for a query of plain words both as
# typed, counting much more, and by each word's stem where the stem is a
# shorter beginning of the word ("industries" -> "industries*^10000
# industr*"): the pages with the words as typed come first, then those with
# other forms that share the stem. It leaves out a stop word between other
# words if it is short ("of", "de", "в", "في"; lunr's lists also hold "Estados"
# and "زيارة", which this site is about), and asks for quoted phrases and
# lunr's query syntax as typed.
#
# The separator does the rest, on pages and queries alike: it takes the elided
# article off a French word, the article off an Arabic one (lunr's Arabic
# stemmer cuts letters off the start of a word too, so it seldom gives a
# beginning of the word), an inflectional ending off a Russian one, and splits
# Chinese between Han characters and digits or Latin letters. The regular
# expressions are JavaScript's (the client builds them with ``new RegExp``, no
# flags).

# The theme's own separator (its English and default one), and punctuation that
# otherwise sticks to a word: "(2004)", "S/RES/1540", "«Comité»", "¿Cómo", Arabic "البلد،".
_BASE = r'[\s\-–—,;:!?¡¿…()\[\]"/«»“”،؛؟]+|\.(?!\d)'
# French elision: l', d', qu', jusqu'... at the start of a word go with the apostrophe.
_FRENCH = r"|(?<![A-Za-zÀ-ÖØ-öø-ÿ])(?:[CcDdJjLlMmNnSsTt]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)['’]|['’]"
# Russian: a noun's or adjective's inflectional ending, after a stem of three letters or more.
_CYRILLIC = "А-Яа-яЁё"
_RUSSIAN_ENDINGS = ("иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "иям", "ией",
                    "ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ей", "ую", "юю", "ом", "ем", "ам", "ям",
                    "ах", "ях", "ов", "ев", "ию", "ия", "ии", "ых", "их", "ым", "им", "ью",
                    "а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й")  # fmt: skip
# (Not before "*": a word followed by a query's wildcard has not ended there.)
_RUSSIAN = f"|(?<=[{_CYRILLIC}]{{3}})(?:{'|'.join(_RUSSIAN_ENDINGS)})(?![{_CYRILLIC}*])"
# Arabic: the article (with a conjunction or preposition joined to it) before a
# word of two letters or more, and the feminine endings ة and ات after three.
_ARABIC_LETTERS = "\u0621-\u065f"
_ARABIC = (
    f"|(?<![{_ARABIC_LETTERS}])(?:وال|فال|بال|كال|لل|ال)(?=[{_ARABIC_LETTERS}]{{2}})"
    f"|(?<=[{_ARABIC_LETTERS}]{{3}})(?:ات|ة)(?![{_ARABIC_LETTERS}*])"
)
# Chinese: the theme's own separator (the build segments Han text with jieba,
# between zero-width spaces), and a split wherever Han meets digits or Latin
# letters, as in "1540委员会" and "第1540(2004)号决议".
_HAN = "\u3400-\u9fff\uf900-\ufaff"
_CHINESE = (
    r"[\s\u200b\u3000\-、。，．？！；：（）()《》“”/]+"
    f"|(?<=[0-9A-Za-z])(?=[{_HAN}])|(?<=[{_HAN}])(?=[0-9A-Za-z])"
)
SEPARATORS: dict[str, str] = {
    "en": _BASE,
    "fr": _BASE + _FRENCH,
    "es": _BASE,
    "ru": _BASE + _RUSSIAN,
    "ar": _BASE + _ARABIC,
    "zh": _CHINESE,
}

# The lunr-languages language whose stemmer the site's worker uses on the
# query ("en" is lunr's own); Chinese has the English one for Latin words (its
# Han text is segmented by the build). Nothing in the index's pipeline: see above.
LUNR_LANGUAGES: dict[str, list[str]] = {
    "en": ["en"],
    "fr": ["fr"],
    "es": ["es"],
    "ru": ["ru"],
    "ar": ["ar"],
    "zh": ["en"],
}
PIPELINE: list[str] = []

# The index field holding each entry's words with their accents and marks
# folded ("comité" -> "comite", "أسلحة" -> "اسلحة"); the client indexes every
# field the index's configuration lists (the search plugin's ``fields``).
FOLDED_FIELD = "folded"
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss", "\u0640": ""})
_KEEP = frozenset("йЙ")  # a letter of its own in Russian, not и with a mark
_TAG_RE = re.compile(r"<[^>]*>")


def fold(text: str) -> str:
    """``text`` without accents and other combining marks (Unicode category
    Mn after canonical decomposition: é -> e, ё -> е, أ -> ا, Arabic vowel
    marks dropped), ligatures spelt out (œ -> oe) and the Arabic tatweel
    removed; й stays й."""
    folded = []
    for char in text.translate(_LIGATURES):
        if char in _KEEP:
            folded.append(char)
            continue
        folded.extend(c for c in unicodedata.normalize("NFD", char) if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", "".join(folded))


def folded_words(title: str, text: str) -> str:
    """The words of an index entry (its ``title`` and ``text``, the theme's
    escaped HTML) that folding changes, folded, each once, space-separated."""
    words = _TAG_RE.sub(" ", f"{title} {text}").replace("\u200b", " ").split()
    changed = (fold(word) for word in words)
    return " ".join(dict.fromkeys(f for f, w in zip(changed, words, strict=True) if f != w))


def localize(index: dict[str, Any], lang: str) -> dict[str, Any]:
    """The theme's index for language ``lang`` (a code of ``languages``) with
    that language's ``separator`` (see ``SEPARATORS``), lunr ``lang`` and
    ``pipeline`` (``LUNR_LANGUAGES``, ``PIPELINE``), and every entry's folded
    words in the ``FOLDED_FIELD`` field, listed in the configuration's
    ``fields`` (boost 1, as the text's)."""
    config = {
        **index["config"],
        "lang": LUNR_LANGUAGES[lang],
        "pipeline": PIPELINE,
        "separator": SEPARATORS[lang],
    }
    config["fields"] = {**config.get("fields", {}), FOLDED_FIELD: {"boost": 1.0}}
    docs = []
    for entry in index["docs"]:
        words = folded_words(entry.get("title", ""), entry.get("text", ""))
        docs.append({**entry, FOLDED_FIELD: words} if words else entry)
    return {**index, "config": config, "docs": docs}


# -- the site's search worker -------------------------------------------------
#
# The theme documents replacing its search worker (the address the page's
# configuration gives it) and the messages between page and worker. The site's
# worker loads the theme's, unchanged, and stems the query's words before it:
# see the file's own comment. overrides/main.html gives pages its address.

SITE_WORKER = "assets/javascripts/workers/site-search.js"
_THEME_WORKERS = "assets/javascripts/workers"
_THEME_WORKER_RE = re.compile(r"search\.[0-9a-f]+\.min\.js")


def search_workers(theme_dirs: Iterable[str]) -> dict[str, str]:
    """The search workers' addresses, relative to the site's root, for the
    page templates: ``{"theme": "assets/javascripts/workers/search.<hash>.min.js",
    "site": "assets/javascripts/workers/site-search.js?theme=search.<hash>.min.js"}``.
    The theme's worker is the one ``search.<hash>.min.js`` in its
    ``assets/javascripts/workers`` folder (``theme_dirs``: MkDocs's theme
    folders, the site's overrides first). Raises ``ValueError`` if the theme
    has none or several (a theme whose search this site does not know)."""
    names = sorted(
        {
            path.name
            for folder in theme_dirs
            for path in (Path(folder) / _THEME_WORKERS).glob("search.*.min.js")
            if _THEME_WORKER_RE.fullmatch(path.name)
        }
    )
    if len(names) != 1:
        raise ValueError(
            f"the theme has {len(names)} search workers ({', '.join(names) or 'none'}) in {_THEME_WORKERS}; "
            f"{SITE_WORKER} loads exactly one: check the theme's version against requirements.txt"
        )
    return {"theme": f"{_THEME_WORKERS}/{names[0]}", "site": f"{SITE_WORKER}?theme={names[0]}"}
