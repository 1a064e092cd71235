"""Our linear-time file handling gives exactly what the i18n plugin's own does."""

from __future__ import annotations

import textwrap

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs_static_i18n.reconfigure import ExtendedPlugin

from conftest import ROOT
from site_tools.i18n_files import reconfigure_files, split_locale


def described(files) -> list[tuple]:
    """Everything the rest of the build reads from the files."""
    rows = []
    for file in files:
        alternates = getattr(file, "alternates", {})
        rows.append(
            (
                file.src_uri,
                file.dest_uri,
                file.abs_dest_path,
                file.url,
                file.name,
                getattr(file, "locale", None),
                getattr(file, "localization", None),
                getattr(file, "norm_src_uri", None),
                getattr(file, "locale_alternate_of", None),
                file.inclusion,
                sorted((lang, alt.locale, alt.url) for lang, alt in alternates.items()),
            )
        )
    return rows


def assert_same_as_plugin(config, languages):
    plugin = config.plugins["i18n"]
    files = get_files(config)
    files.add_files_from_theme(config.theme.get_env(), config)
    for lang in languages:
        plugin.current_language = lang
        theirs = ExtendedPlugin.reconfigure_files(plugin, files, config)
        ours = reconfigure_files(plugin, files, config)
        assert type(ours) is type(theirs)
        assert described(ours) == described(theirs), lang
        # Links written to the untranslated name still find the translation.
        for name in ("index.md", "messages/index.md", "a.md"):
            theirs_file, ours_file = theirs.get_file_from_path(name), ours.get_file_from_path(name)
            assert (ours_file and ours_file.src_uri) == (theirs_file and theirs_file.src_uri)


def test_same_files_as_the_plugin_on_the_real_site():
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert_same_as_plugin(config, ["en", "ar", "zh", "fr", "ru", "es"])


UNUSUAL = [
    "index.md",
    "index.fr.md",
    "a.md",
    "a.fr.md",
    "a.es.md",
    "untranslated.md",
    "orphan.fr.md",
    "sub/index.md",
    "sub/index.ar.md",
    "sub/page.ar.md",
    "sub/page.md",
    "version.v2.md",
    "unconfigured.de.md",
    "regional.pt_BR.md",
    "img.png",
    "img.fr.png",
    "only.fr.png",
    "assets/site.css",
    "notes.txt",
    "other/README.md",
    "other/README.fr.md",
    "deep/er/page.es.md",
    "deep/er/page.md",
]


@pytest.mark.parametrize("fallback", [True, False])
def test_same_files_as_the_plugin_on_unusual_names(tmp_path, fallback):
    for name in UNUSUAL:
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# Page\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        textwrap.dedent(
            f"""\
            site_name: Test
            theme:
              name: material
            plugins:
              - i18n:
                  docs_structure: suffix
                  fallback_to_default: {str(fallback).lower()}
                  languages:
                    - locale: en
                      default: true
                      name: English
                    - locale: fr
                      name: Français
                    - locale: es
                      name: Español
                    - locale: ar
                      name: العربية
            """
        ),
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    assert_same_as_plugin(config, ["en", "fr", "es", "ar"])


def outcome(function, *args):
    try:
        return described(function(*args))
    except Exception as error:  # the plugin raises a bare Exception
        return f"raised: {error}"


def test_a_default_page_written_twice_is_handled_as_the_plugin_does(tmp_path):
    (tmp_path / "docs").mkdir()
    for name in ["a.md", "a.en.md", "index.md"]:
        (tmp_path / "docs" / name).write_text("# A\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: en, default: true, name: English}\n        - {locale: fr, name: Français}\n",
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["i18n"]
    files = get_files(config)
    for order in (list(files), list(reversed(list(files)))):
        for lang in ("en", "fr"):
            plugin.current_language = lang
            theirs = outcome(ExtendedPlugin.reconfigure_files, plugin, order, config)
            assert outcome(reconfigure_files, plugin, order, config) == theirs
    plugin.current_language = "en"
    reverse = list(reversed(list(files)))
    assert "Conflicting files" in outcome(reconfigure_files, plugin, reverse, config)


@pytest.mark.parametrize(
    ("src_uri", "expected"),
    [
        ("messages/x.fr.md", ("fr", "messages/x.md")),
        ("messages/x.md", (None, "messages/x.md")),
        ("index.zh.md", ("zh", "index.md")),
        ("a.b.c.md", (None, "a.b.c.md")),
        ("img.ar.png", ("ar", "img.png")),
        ("README.md", (None, "README.md")),
        (".fr.md", (None, ".fr.md")),
    ],
)
def test_split_locale(src_uri, expected):
    assert split_locale(src_uri, ["en", "fr", "zh", "ar"]) == expected
