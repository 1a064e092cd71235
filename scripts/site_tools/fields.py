"""Field types of the content model: each validates a raw YAML value.

A validator returns the typed value, or raises ``FieldError`` with what was
expected; the model turns that into a ``path:line:`` problem.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SYMBOL_RE = re.compile(r"^S/RES/(\d{1,5}) \((\d{4})\)$")
HASH_RE = re.compile(r"^[0-9a-f]{12,64}$")


class FieldError(ValueError):
    """The value is invalid; the message says what is expected."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date whose month or day may be unknown (a visit known only by its year)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
        if not match:
            raise FieldError(f"found {value!r}; expected YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        try:
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


def text(value: Any) -> str:
    if not isinstance(value, str):
        raise FieldError(f"found {_kind(value)}; expected text")
    if not value.strip():
        raise FieldError("is empty; expected text")
    if "\n" in value.strip():
        raise FieldError("spans several lines; expected one line of text")
    return value.strip()


def date(value: Any) -> dt.date:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise FieldError(f"found {value!r}; expected a date written YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError(f"{value!r} is not a real calendar date; expected YYYY-MM-DD") from None


def partial_date(value: Any) -> PartialDate:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise FieldError(f"found {_kind(value)}; expected YYYY, YYYY-MM or YYYY-MM-DD")
    return PartialDate.parse(value)


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


def source_hash(value: Any) -> str:
    if not isinstance(value, str) or not HASH_RE.match(value):
        raise FieldError(f"found {value!r}; expected the hexadecimal hash printed by scripts/translations.py")
    return value


@cache
def _territories() -> frozenset[str]:
    from babel import Locale

    return frozenset(code for code in Locale("en").territories if re.fullmatch(r"[A-Z]{2}", code))


def state(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or set(value) != {"name", "code"}:
        raise FieldError("expected a State as 'state: {name: Republic of Korea, code: KR}'")
    name = text(value["name"])
    code = value["code"]
    if not isinstance(code, str) or code not in _territories():
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
