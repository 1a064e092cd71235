"""Dates and ranges of dates in each language's own long format, computed with Babel (CLDR)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from babel import Locale
from babel.dates import format_date, format_skeleton

from .fields import PartialDate
from .languages import get
from .strings import strings


def _locale(lang: str) -> str:
    return get(lang).babel_locale


@functools.lru_cache(maxsize=65536)  # a date is shown on several pages, and in feeds
def long_date(value: dt.date | PartialDate, lang: str) -> str:
    """ "18 November 2013", "18 novembre 2013", "2013年11月18日"...; partial dates shorter."""
    if isinstance(value, PartialDate):
        if value.day:
            if value.month is None:
                raise ValueError(f"partial date {value!r} has a day but no month")
            return long_date(dt.date(value.year, value.month, value.day), lang)
        skeleton = "yMMMM" if value.month else "y"
        return format_skeleton(skeleton, dt.date(value.year, value.month or 1, 1), locale=_locale(lang))
    return format_date(value, "long", locale=_locale(lang))


@dataclass(frozen=True)
class DatePart:
    """One end of a range as shown: its text and its ISO value (``iso`` None
    for an end that is not recorded, shown as the language's words for it)."""

    text: str
    iso: str | None


@dataclass(frozen=True)
class DateRange:
    """A range as a language writes it: ``parts`` (one, or two ends) with
    ``separator`` between them ("23" "–" "24 October 2014"; "2014年10月23日" "至" "24日").
    ``text`` is the whole."""

    parts: tuple[DatePart, ...]
    separator: str = ""

    @property
    def text(self) -> str:
        return self.separator.join(part.text for part in self.parts)


# CLDR date patterns: a run of one ASCII letter is a field; text in quotes
# ('' for a quote) and every other character are literal.
_PATTERN_TOKEN = re.compile(r"(?P<field>([A-Za-z])\2*)|'(?P<quoted>(?:[^']|'')*)'|(?P<literal>[^A-Za-z']+)")


def _tokens(pattern: str) -> list[tuple[str, str]]:
    """A CLDR pattern as (kind, text) pairs: ("field", "MMM") or ("literal", " – ")."""
    tokens = []
    for match in _PATTERN_TOKEN.finditer(pattern):
        if match["field"]:
            tokens.append(("field", match["field"]))
        else:
            value = match["literal"] if match["literal"] is not None else match["quoted"].replace("''", "'")
            if tokens and tokens[-1][0] == "literal":
                tokens[-1] = ("literal", tokens[-1][1] + value)
            else:
                tokens.append(("literal", value))
    return tokens


def _pattern(tokens: list[tuple[str, str]], widen: bool = False) -> str:
    """Tokens back into a pattern, every literal quoted; with ``widen``,
    abbreviated months written in full (as ICU's interval formatting widens
    fields to the skeleton asked for: "MMM" becomes "MMMM")."""
    out = []
    for kind, value in tokens:
        if kind == "field":
            out.append(value + value[0] if widen and value in ("MMM", "LLL") else value)
        elif value:
            out.append("'" + value.replace("'", "''") + "'")
    return "".join(out)


def _split_first(first: str, second: str, widen: bool) -> tuple[str, str]:
    """CLDR writes an interval as two patterns, the first ending with the
    separator ("d–", "y年MMMd日 – "). Return the first pattern without it, and
    the separator. A suffix of the last field ("日", " г.") stays with the date:
    it is what follows the same field in the second pattern."""
    tokens = _tokens(first)
    trailing = tokens.pop()[1] if tokens and tokens[-1][0] == "literal" else ""
    last_field = next((value for kind, value in reversed(tokens) if kind == "field"), "")
    later = _tokens(second)
    follows = ""
    for index, (kind, value) in enumerate(later):
        if kind == "field" and value[0] == last_field[:1] and index + 1 < len(later):
            follows = later[index + 1][1] if later[index + 1][0] == "literal" else ""
            break
    if follows.strip() and trailing.startswith(follows):
        tokens.append(("literal", follows))
        trailing = trailing[len(follows) :]
    return _pattern(tokens, widen), trailing


@functools.cache  # per language: every range of the site asks
def _fallback(lang: str) -> str:
    """The language's separator for two dates CLDR has no interval pattern for ("{0} – {1}")."""
    pattern = Locale.parse(_locale(lang)).interval_formats.get(None) or "{0} – {1}"
    return pattern.split("{0}", 1)[1].split("{1}", 1)[0]


# One separator for every range of these languages, where CLDR's interval
# patterns mix them. Arabic: CLDR writes "–", " – " or a dash between thin
# spaces from one range to the next; Arabic pages take the locale's own
# fallback separator everywhere. Chinese: CLDR writes "至" in month-day
# ranges ("10月23日至24日") but a dash between thin spaces once the year is
# in them ("2014年10月23日 – 24日"); Chinese pages take "至" everywhere, as
# the site's Chinese text writes ranges ("1月13日至17日").
ONE_SEPARATOR = frozenset({"ar", "zh"})
_SEPARATOR_SKELETON = {"zh": "MMMd"}  # the interval pattern whose separator is the language's


@functools.cache
def _one_separator(lang: str) -> str:
    """The separator of every range in ``lang`` (one of ``ONE_SEPARATOR``):
    the one of its ``_SEPARATOR_SKELETON`` interval pattern in CLDR, else its
    fallback ("{0} – {1}")."""
    skeleton = _SEPARATOR_SKELETON.get(lang)
    if skeleton:
        patterns = Locale.parse(_locale(lang)).interval_formats.get(skeleton, {}).get("d")
        if patterns:
            return _split_first(patterns[0], patterns[1], widen=False)[1]
    return _fallback(lang)


def _precision(value: PartialDate) -> str:
    return "d" if value.day else "M" if value.month else "y"


def _as_partial(value: dt.date | PartialDate) -> PartialDate:
    return value if isinstance(value, PartialDate) else PartialDate(value.year, value.month, value.day)


def date_range(start: dt.date | PartialDate | None, end: dt.date | PartialDate | None, lang: str) -> DateRange | None:
    """A visit's dates as ``lang`` writes a range, with CLDR's interval
    patterns through Babel: "23 – 24 October 2014", "2014年10月23日至24日",
    "23–24 أكتوبر 2014" (months written in full, as in a long date); a year or
    month only as such ("July – September 2013", "2013"); the same day once.
    A day whose other end is not recorded is followed (or preceded) by
    words saying so in ``lang`` (strings ``end_not_recorded`` and
    ``start_not_recorded``), so that a visit known by its first day does not
    read as a one-day visit; a year or month alone is shown as such. None
    when neither is known."""
    if start is None and end is None:
        return None
    t = strings(lang)
    if start is None or end is None:
        known = start or end
        assert known is not None
        if _precision(_as_partial(known)) != "d":  # "2013", "July 2013": a span already, not a day
            return DateRange((DatePart(long_date(known, lang), iso(known)),))
        part = DatePart(long_date(known, lang), iso(known))
        unknown = DatePart(t["start_not_recorded" if start is None else "end_not_recorded"], None)
        return DateRange((part, unknown) if end is None else (unknown, part), _fallback(lang))
    first, last = _as_partial(start), _as_partial(end)
    if first == last:
        return DateRange((DatePart(long_date(first, lang), first.iso),))
    precision = _precision(first)
    locale = Locale.parse(_locale(lang))
    # CLDR's interval skeleton with months in full where the language has
    # one, else the abbreviated one, widened where the long date writes
    # months in full ("MMMM"; Chinese writes "10月" either way).
    skeletons = {"d": ("yMMMMd", "yMMMd"), "M": ("yMMMM", "yMMM"), "y": ("y",)}[precision]
    skeleton = next((name for name in skeletons if name in locale.interval_formats), skeletons[-1])
    widen = skeleton != skeletons[0] and ("field", "MMMM") in _tokens(locale.date_formats["long"].pattern)
    if precision == _precision(last):
        differs = "y" if first.year != last.year else "M" if first.month != last.month else "d"
        patterns = locale.interval_formats.get(skeleton, {}).get(differs)
        if patterns:
            head, separator = _split_first(patterns[0], patterns[1], widen)
            if lang in ONE_SEPARATOR:
                separator = _one_separator(lang)
            tail = _pattern(_tokens(patterns[1]), widen)
            return DateRange(
                (
                    DatePart(format_date(first.first_day(), head, locale=locale), first.iso),
                    DatePart(format_date(last.first_day(), tail, locale=locale), last.iso),
                ),
                separator,
            )
    return DateRange(
        (DatePart(long_date(first, lang), first.iso), DatePart(long_date(last, lang), last.iso)), _fallback(lang)
    )


def iso(value: dt.date | PartialDate) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value.iso
