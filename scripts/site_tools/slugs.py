"""Heading ids readable in every script, never one of the theme's own.

Ids are pymdown-extensions' Unicode slugs (``pymdownx.slugs``, lower case,
NFC), so a Russian heading "Программа" gets ``#программа`` and a Chinese one
keeps its characters, instead of Python-Markdown's ASCII-only ``_1``. Any
whitespace (our no-break space between a resolution's number and year
included: see ``symbols.keep_together``) counts as a space.

Material's templates and scripts use ids starting with ``__`` (``__config``,
``__drawer``, ``__search``...): a heading whose text slugified to one of them
would break the page (the theme reads its settings from ``#__config``), so
leading underscores are dropped. The table of contents extension takes this
function as its ``slugify`` option (mkdocs.yml).
"""

from __future__ import annotations

import re

from pymdownx.slugs import slugify

_unicode_slug = slugify(case="lower", normalize="NFC")
_WHITESPACE = re.compile(r"\s+")


def heading_id(value: str, separator: str) -> str:
    """The id of a heading whose text is ``value``: its Unicode slug
    (``pymdownx.slugs``: lower case, NFC; letters and digits of every
    script, ``separator`` for spaces) without leading underscores
    ("__config" -> "config"). "" stays "" (the extension then numbers it)."""
    return _unicode_slug(_WHITESPACE.sub(" ", value).strip(), separator).lstrip("_")
