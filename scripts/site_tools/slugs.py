"""Heading ids that never clash with the theme's own.

Material's templates and scripts use ids starting with ``__`` (``__config``,
``__drawer``, ``__search``...): a heading whose text slugified to one of them
would break the page (the theme reads its settings from ``#__config``). The
table of contents extension takes a ``slugify`` option (mkdocs.yml); this one
is its default, with leading underscores dropped.
"""

from __future__ import annotations

from markdown.extensions.toc import slugify


def heading_id(value: str, separator: str) -> str:
    """``markdown.extensions.toc.slugify(value, separator)`` without leading
    underscores ("__config" -> "config"); "" stays "" (the extension then
    numbers it)."""
    return slugify(value, separator).lstrip("_")
