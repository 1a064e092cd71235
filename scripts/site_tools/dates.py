"""Dates in each language's own long format, computed with Babel (CLDR)."""

from __future__ import annotations

import datetime as dt
import functools

from babel.dates import format_date, format_skeleton

from .fields import PartialDate
from .languages import get


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


def date_range(start: PartialDate | None, end: PartialDate | None, lang: str) -> str | None:
    """A visit's dates, e.g. "11 November 2013 – 15 November 2013"; None when nothing is known."""
    if start is None and end is None:
        return None
    if start is None or end is None or start == end:
        return long_date(start or end, lang)
    # CLDR's interval formats abbreviate month names in several languages;
    # two full dates are longer but read right everywhere.
    return f"{long_date(start, lang)} – {long_date(end, lang)}"


def iso(value: dt.date | PartialDate) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value.iso
