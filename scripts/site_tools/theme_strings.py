"""The theme's interface strings, looked up once per language and key.

Material translates its own strings ("Search", "Back to top"...) through
``partials/language.html``, which every page imports: its ``t`` built the
language's whole table to look up each string, for every string of every
page. ``overrides/partials/language.html`` calls ``theme_strings`` instead
(a template global, set by the hook): the same answer, from the theme's own
tables, worked out once.
"""

from __future__ import annotations

from collections.abc import Callable

import jinja2

_found: dict[tuple[str, str], str] = {}


@jinja2.pass_environment
def theme_strings(env: jinja2.Environment, language: str) -> Callable[[str], str]:
    """The theme's ``t`` for ``language``: a key's translation from the theme's
    table for the language, else from its English one, else the key itself."""
    tables = [env.get_template(f"partials/languages/{code}.html").module for code in (language, "en")]

    def t(key: str) -> str:
        entry = (language, key)
        if entry not in _found:
            _found[entry] = next((text for text in (str(table.t(key)) for table in tables) if text), key)
        return _found[entry]

    return t
