"""Field types of the content model: each validates a raw YAML value.

A validator returns the typed value, or raises ``FieldError`` with what was
expected; the model turns that into a ``path:line:`` problem.

Fields are plain text: ``hidden_characters`` refuses control characters,
bidirectional controls and zero-width characters in any text of the front
matter (the model applies it to every key and value, at any depth).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import backrefs.bre as bre

from . import states

# \Z, not $: "$" also matches before a final newline, which a quoted YAML value can hold.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
SYMBOL_RE = re.compile(r"^S/RES/(\d{1,5}) \((\d{4})\)\Z")
HASH_RE = re.compile(r"^[0-9a-f]{12,64}\Z")

# Characters a reader cannot see that change what text shows or means.
# Bidirectional controls (Unicode's "Trojan Source" set, CVE-2021-42574)
# reorder the text around them; zero-width characters hide inside words
# (two titles that look alike but differ); controls have no place in a title.
# Newlines are left to the validators: every text field is one line.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
LINE_SEPARATORS = frozenset("\u2028\u2029")
_CONTROL_NAMES = {
    "\t": "CHARACTER TABULATION",
    "\r": "CARRIAGE RETURN",
    "\x00": "NULL",
    "\x1b": "ESCAPE",
    "\x7f": "DELETE",
}


class FieldError(ValueError):
    """The value is invalid; the message says what is expected."""


@functools.total_ordering
@dataclass(frozen=True)
class PartialDate:
    """A date whose month or day may be unknown (a visit known only by its year).

    Ordered by what is known, an unknown part first: 2013 < 2013-01 <
    2013-01-01 < 2013-02. ``first_day`` and ``last_day`` give the span it
    may mean."""

    year: int
    month: int | None = None
    day: int | None = None

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day()
        if self.month:
            following = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
        if not match:
            raise FieldError(f"found {value!r}; expected YYYY, YYYY-MM or YYYY-MM-DD")
        year_digits, month_digits, day_digits = match.groups()
        year = int(year_digits)
        month = int(month_digits) if month_digits else None
        day = int(day_digits) if day_digits else None
        try:
            if month == 0 or day == 0:  # (no month or day is numbered 0: not "unknown" either)
                raise ValueError(value)
            dt.date(year, month or 1, day or 1)
        except ValueError:
            raise FieldError(f"{value!r} is not a real calendar date; expected YYYY, YYYY-MM or YYYY-MM-DD") from None
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month:
            parts.append(f"{self.month:02d}")
            if self.day:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)

    def __str__(self) -> str:
        return self.iso


def ends_before(start: PartialDate, end: PartialDate) -> bool:
    """Whether a span from ``start`` to ``end`` cannot be: the last day ``end``
    may mean is before the first day ``start`` may mean (2026 does not end
    before 2026-07; 2026-06 does). The one rule for the check and scripts/new.py."""
    return end.last_day() < start.first_day()


def hidden_characters(value: str) -> str | None:
    """What is wrong with ``value`` as plain text, or None when nothing is.

    Refused: C0 controls other than the newline (U+0000–U+001F), DEL and C1
    controls (U+007F–U+009F), bidirectional controls (U+202A–U+202E,
    U+2066–U+2069, U+200E, U+200F, U+061C), zero-width characters (U+200B–
    U+200D, U+2060, U+FEFF), every other invisible format character (Unicode
    category Cf) and the line and paragraph separators (U+2028, U+2029). The message names each character found, e.g. "holds
    U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character; delete it (fields
    are plain text)", following a field's name.
    """
    found = [describe_character(char) for char in dict.fromkeys(_FIELD_REFUSED_RE.findall(value))]
    if not found:
        return None
    verb, pronoun = ("is", "it") if len(found) == 1 else ("are", "them")
    return f"holds {' and '.join(found)}, which {verb} invisible and can disguise the text; delete {pronoun} (fields are plain text)"


# Invisible format characters (Unicode's category Cf: bidirectional
# controls, zero-width and invisible operators, tags, soft hyphen...), from
# Unicode's own tables through backrefs (as the theme finds Han script).
FORMAT_CHARACTERS = bre.compile(r"\p{Cf}")
# In prose, the marks and joiners that right-to-left and other scripts need
# are text (U+200C-U+200F, U+061C); every other format character is not (an
# override reorders what a reader sees), nor are controls other than tab and
# newline.
_PROSE_ALLOWED = frozenset("\u200c\u200d\u200e\u200f\u061c")
# Unicode's noncharacters, which XML (the feeds, the sitemap) may not hold.
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
_NONCHARACTER_RE = re.compile(f"[{_NONCHARACTERS}]")
_PROSE_SUSPECT_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f" + _NONCHARACTERS + "]|" + FORMAT_CHARACTERS.pattern)
# In a field (plain text on one line), all of them but the newline, and the
# line and paragraph separators.
_FIELD_REFUSED_RE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f"
    + "".join(sorted(BIDI_CONTROLS | ZERO_WIDTH | LINE_SEPARATORS))
    + _NONCHARACTERS
    + "]|"
    + FORMAT_CHARACTERS.pattern
)


def hidden_in_prose(text: str) -> list[tuple[int, str]]:
    """Each character that may not stand in a page's text, as (offset in
    ``text``, description), first occurrence of each: controls other than tab
    and newline, and format characters other than the joiners and
    directional marks scripts need (``_PROSE_ALLOWED``)."""
    found: dict[str, int] = {}
    for match in _PROSE_SUSPECT_RE.finditer(text):
        if match.group(0) not in _PROSE_ALLOWED:
            found.setdefault(match.group(0), match.start())
    return [(offset, describe_character(char)) for char, offset in found.items()]


def describe_character(char: str) -> str:
    """A character as Unicode names it: "U+202E RIGHT-TO-LEFT OVERRIDE"
    (controls, which have no name, as "U+0007 CONTROL CHARACTER")."""
    if _NONCHARACTER_RE.fullmatch(char):
        return f"U+{ord(char):04X} NONCHARACTER"
    name = unicodedata.name(char, None) or _CONTROL_NAMES.get(char, "CONTROL CHARACTER")
    return f"U+{ord(char):04X} {name}"


def shown(value: str) -> str:
    """``value`` quoted for a message, invisible characters written as escapes ("'ti\\u200btle'")."""
    return "'" + "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in value) + "'"


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise FieldError(f"found {_kind(value)}; expected text")
    hidden = hidden_characters(value)
    if hidden:
        raise FieldError(hidden)
    if not value.strip():
        raise FieldError("is empty; expected text")
    if "\n" in value.strip():
        raise FieldError("spans several lines; expected one line of text")
    return value.strip()


# A document dated further ahead than this is a typing mistake (9999-12-31
# would top every listing and set every feed's date).
MAX_DAYS_AHEAD = 366


def _not_far_ahead(value: str, earliest: dt.date) -> None:
    """Raise FieldError if ``earliest``, the first day ``value`` can mean, is
    more than a year after today."""
    if earliest > dt.date.today() + dt.timedelta(days=MAX_DAYS_AHEAD):
        raise FieldError(f"{value!r} is more than a year ahead; expected the real date")


def date(value: Any) -> dt.date:
    """A full date written YYYY-MM-DD, at most a year ahead. Raises FieldError."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise FieldError(f"found {value!r}; expected a date written YYYY-MM-DD")
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError(f"{value!r} is not a real calendar date; expected YYYY-MM-DD") from None
    _not_far_ahead(value, parsed)
    return parsed


def partial_date(value: Any) -> PartialDate:
    """A date written YYYY, YYYY-MM or YYYY-MM-DD, at most a year ahead. Raises FieldError."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise FieldError(f"found {_kind(value)}; expected YYYY, YYYY-MM or YYYY-MM-DD")
    parsed = PartialDate.parse(value)
    _not_far_ahead(value, dt.date(parsed.year, parsed.month or 1, parsed.day or 1))
    return parsed


def slug(value: Any) -> str:
    if not isinstance(value, str) or not SLUG_RE.match(value):
        raise FieldError(f"found {value!r}; expected a slug of lowercase letters, digits and hyphens")
    return value


def slug_list(value: Any) -> list[str]:
    if isinstance(value, str):
        raise FieldError(f"found the text {value!r}; expected a list, for example [{value}]")
    if not isinstance(value, list):
        raise FieldError(f"found {_kind(value)}; expected a list of slugs")
    return [slug(item) for item in value]


def positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise FieldError(f"found {value!r}; expected a whole number such as 4956")
    return value


def symbol(value: Any) -> str:
    if not isinstance(value, str) or not SYMBOL_RE.match(value):
        raise FieldError(f"found {value!r}; expected a resolution symbol such as 'S/RES/1540 (2004)'")
    return value


def symbol_parts(value: str) -> tuple[str, str]:
    """The number and year of a resolution symbol: ("1540", "2004") for "S/RES/1540 (2004)"."""
    match = SYMBOL_RE.match(value)
    if match is None:
        raise FieldError(f"found {value!r}; expected a resolution symbol such as 'S/RES/1540 (2004)'")
    number, year = match.groups()
    return number, year


def source_hash(value: Any) -> str:
    if not isinstance(value, str) or not HASH_RE.match(value):
        raise FieldError(f"found {value!r}; expected the hexadecimal hash printed by scripts/translations.py")
    return value


def state(value: Any) -> dict[str, str]:
    """A visit's State, ``{name: Republic of Korea, code: KR}``: ``name`` is the
    editor's English label, ``code`` an ISO 3166-1 alpha-2 code that the UN
    data (``states.py``, from hdx-python-country) knows; pages show the UN's
    own name for the code in their language. Raises FieldError."""
    if not isinstance(value, dict) or set(value) != {"name", "code"}:
        raise FieldError("expected a State as 'state: {name: Republic of Korea, code: KR}'")
    name = text(value["name"])
    code = value["code"]
    if not isinstance(code, str) or not states.known(code):
        raise FieldError(f"code {code!r} is not an ISO 3166-1 alpha-2 code; expected two capital letters such as KR")
    return {"name": name, "code": code}


def choice(*allowed: str) -> Callable[[Any], str]:
    def validate(value: Any) -> str:
        if value not in allowed:
            raise FieldError(f"found {value!r}; expected one of: {', '.join(allowed)}")
        return value

    return validate


def string_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise FieldError(f"found {_kind(value)}; expected a list of words")
    for item in value:
        hidden = hidden_characters(item)
        if hidden:
            raise FieldError(hidden)
    return value


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"the boolean {value}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


# -- Sources (issue 17): where a document's facts come from ------------------

# An address readers can follow: http(s), no spaces, quotes or angle brackets
# (it is written into Markdown and HTML links).
URL_RE = re.compile(r"^https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[^\s<>\"'`\\]*)?\Z")
# A UN document symbol the Official Document System serves (S/RES/1673 (2006),
# S/PRST/2014/7, S/2020/347); press release numbers (SC/12193) are not.
DOCUMENT_SYMBOL_RE = re.compile(
    r"^[SA]/(?:RES/\d{1,5} \(\d{4}\)|(?:[A-Z0-9]+(?:\.[A-Z0-9]+)*/)+[A-Z0-9]+(?:\.[A-Z0-9]+)*)\Z"
)
SOURCE_EXAMPLE = (
    "'sources: [{publisher: United Nations, title: Press release SC/12193, date: 2015-12-22, url: https://...}]'"
)


@dataclass(frozen=True)
class Citation:
    """One public source of a document's facts.

    ``publisher`` (who published it) and one of ``title`` (as the page names
    it), ``symbol`` (a UN document symbol, linked to the official text in the
    reader's language) or ``document`` (a page of this site, "messages/<slug>",
    named by its own title); ``date`` (YYYY, YYYY-MM or YYYY-MM-DD) and ``url``
    (its address) when known. Text is shown as written, in English."""

    publisher: str
    title: str | None = None
    symbol: str | None = None
    date: PartialDate | None = None
    url: str | None = None
    document: str | None = None  # "collection/slug" of a page of this site


def url(value: Any) -> str:
    """An http(s) address without spaces, quotes or angle brackets. Raises FieldError."""
    if not isinstance(value, str) or not URL_RE.match(value):
        raise FieldError(f"found {value!r}; expected an address starting with https:// or http://")
    return value


def sources(value: Any) -> list[Citation]:
    """A list of sources (``Citation``), each a mapping; at least one. Raises FieldError
    naming the item (1-based) and what is expected."""
    if not isinstance(value, list) or not value:
        raise FieldError(f"found {_kind(value)}; expected a list of sources such as {SOURCE_EXAMPLE}")
    return [_citation(item, number) for number, item in enumerate(value, start=1)]


_CITATION_KEYS = ("publisher", "title", "symbol", "date", "url", "document")


def _citation(item: Any, number: int) -> Citation:
    where = f"(source {number})"
    if not isinstance(item, dict):
        raise FieldError(f"{where} found {_kind(item)}; expected a mapping such as {SOURCE_EXAMPLE}")
    unknown = [str(key) for key in item if key not in _CITATION_KEYS]
    if unknown:
        raise FieldError(f"{where} unknown key {unknown[0]!r}; expected some of: {', '.join(_CITATION_KEYS)}")
    if "publisher" not in item:
        raise FieldError(f"{where} has no 'publisher'; expected who published it, e.g. 'publisher: United Nations'")
    if not any(key in item for key in ("title", "symbol", "document")):
        raise FieldError(f"{where} names no document; expected 'title', 'symbol' (a UN document) or 'document'")
    try:
        symbol = item.get("symbol")
        if symbol is not None and (not isinstance(symbol, str) or not DOCUMENT_SYMBOL_RE.match(symbol)):
            raise FieldError(f"symbol {symbol!r} is not a UN document symbol; expected e.g. 'S/RES/1673 (2006)'")
        document = item.get("document")
        if document is not None:
            collection, _, name = str(document).partition("/")
            if not re.fullmatch(r"[a-z]+", collection) or not SLUG_RE.match(name):
                raise FieldError(f"document {document!r}; expected a page of this site as 'messages/<file name>'")
        return Citation(
            publisher=text(item["publisher"]),
            title=text(item["title"]) if "title" in item else None,
            symbol=symbol,
            date=partial_date(item["date"]) if "date" in item else None,
            url=url(item["url"]) if "url" in item else None,
            document=document,
        )
    except FieldError as error:
        raise FieldError(f"{where} {error}") from None
