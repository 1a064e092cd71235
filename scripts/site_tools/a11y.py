"""Accessibility repairs to the theme's markup that no template block reaches."""

from __future__ import annotations

import re

_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_LABEL_RE = re.compile(r'class="md-search__input"[^>]*?aria-label="([^"]+)"')


def name_search_dialog(html: str) -> str:
    """Give the search dialog the accessible name its search field already has."""
    match = _SEARCH_LABEL_RE.search(html)
    if match is None or _SEARCH_DIALOG not in html:
        return html
    named = _SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{match.group(1)}"')
    return html.replace(_SEARCH_DIALOG, named, 1)
