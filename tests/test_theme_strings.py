"""The theme's strings through our partials/language.html are the theme's own."""

from __future__ import annotations

import re
from pathlib import Path

import jinja2
import material
import pytest
from mkdocs.config.defaults import MkDocsConfig

from conftest import ROOT
from site_tools.languages import CODES
from site_tools.theme_strings import theme_strings

THEME = Path(material.__file__).parent / "templates"
# Every key of the theme's English table, and one it does not have.
KEYS = [
    *re.findall(r'^\s*"([^"]+)":', (THEME / "partials/languages/en.html").read_text(encoding="utf-8"), re.M),
    "no.such.key",
]
PROBE = '{% import "partials/language.html" as lang with context %}{% for key in keys %}{{ lang.t(key) }}\n{% endfor %}'


def _render(loader: jinja2.BaseLoader, language: str, **globals_) -> list[str]:
    env = jinja2.Environment(loader=loader)
    env.globals.update(globals_)
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "theme": {"name": "material", "language": language}})
    return env.from_string(PROBE).render(config=config, keys=KEYS).split("\n")[:-1]


@pytest.mark.parametrize("language", CODES)
def test_our_partial_gives_the_themes_strings(language):
    theirs = _render(jinja2.FileSystemLoader(THEME), language)
    ours = jinja2.ChoiceLoader([jinja2.FileSystemLoader(ROOT / "overrides"), jinja2.FileSystemLoader(THEME)])
    assert _render(ours, language, theme_strings=theme_strings) == theirs
    assert _render(ours, language) == theirs  # where the global is not set (the search plugin)
    assert len(theirs) == len(KEYS) > 50
