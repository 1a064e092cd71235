"""Which source file each language's build uses, and where the page's other
language versions are: the i18n plugin's file handling, done in linear time.

mkdocs-static-i18n 1.3.1 (suffix structure: ``page.md`` in the default
language, ``page.fr.md`` in French) builds one language at a time. For each of
those builds it makes a new ``File`` for every source file, then another for
every page in every language, to record the page's "alternates" (the language
switcher's links): O(files x languages) per build, O(files x languages²) for
the site, and a fifth of a six-language build.

``reconfigure_files`` gives the same result: it picks each page's source with
string operations, makes a ``File`` (as the plugin's own function does, without
its path objects) only for the files this build uses, and records each
alternate as its URL and language.
``tests/test_i18n_files.py`` checks that the result is the plugin's, file by
file, on the real site and on unusual names.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from urllib.parse import quote

from mkdocs_static_i18n.config import RE_LOCALE


@dataclass(frozen=True)
class Alternate:
    """Another language's version of a page, as the language switcher needs it."""

    locale: str  # the language of the text served there (the default one for a fallback copy)
    url: str  # relative to the site root, like File.url


def split_locale(src_uri: str, languages: list[str]) -> tuple[str | None, str]:
    """The language suffix of a source path, and the path without it:
    ``("fr", "messages/x.md")`` for ``messages/x.fr.md``, ``(None, path)`` when
    there is none. The suffix is the last dot-part of the name before its
    extension, when it is a configured language or looks like one."""
    stem = posixpath.splitext(posixpath.basename(src_uri))[0]
    if stem == "README":
        return None, src_uri
    base, dot, suffix = stem.rpartition(".")
    if not dot or not base or not suffix:
        return None, src_uri
    if suffix in languages or RE_LOCALE.match(suffix):
        return suffix, src_uri.replace(f".{suffix}", "", 1)
    return None, src_uri


def _without_suffix(name: str) -> str:
    """``PurePath(name).stem``, which is also ``with_suffix("")``'s name."""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def localized_file(file, localization: str | None, build_as: str, default: str, config):
    """A new ``File`` for ``file`` (whose language suffix, from ``split_locale``,
    is ``localization``) in the build of ``build_as``: the plugin's
    ``suffix.create_i18n_file``, with string operations instead of paths."""
    from mkdocs.structure.files import File

    made = File(
        file.src_path,
        config.docs_dir,
        file.dest_path,
        config.use_directory_urls,
        dest_uri=file.dest_uri,
        inclusion=file.inclusion,
    )
    dest = posixpath.normpath(made.dest_uri)
    if localization:
        # The suffix comes off the destination file's stem ("x.fr.html"; a
        # folder "x.fr/index.html" is handled below) and off the name.
        folder, name = posixpath.split(dest)
        stem = _without_suffix(name)
        dest = posixpath.join(folder, _without_suffix(stem) + name[len(stem) :])
        made.name = _without_suffix(made.name)
    if config.use_directory_urls and localization:
        folder, name = posixpath.split(dest)
        if folder:
            parent, last = posixpath.split(folder)
            folder = posixpath.join(parent, _without_suffix(last))
            if posixpath.basename(folder) in ("index", "README"):
                folder = posixpath.dirname(folder)
            dest = posixpath.join(folder, name)
    if dest.endswith("README.html"):
        dest = posixpath.join(posixpath.dirname(dest), "index.html")
    site_folder = build_as if build_as != default else ""
    made.dest_path = posixpath.join(site_folder, dest) if site_folder else dest
    made.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, made.dest_path))
    if made.name == "README":
        made.name = "index"
    made.url = url_of(made.dest_uri, config.use_directory_urls)
    if site_folder and posixpath.normpath(made.url) == ".":
        made.url = quote(site_folder + "/")
    made.alternates = {build_as: made}
    made.locale = localization or default
    made.locale_alternate_of = build_as
    made.localization = localization
    made.norm_src_uri = made.src_uri.replace(f".{localization}", "", 1) if localization else made.src_uri
    return made


def url_of(dest_uri: str, use_directory_urls: bool) -> str:
    """A destination file's URL, as ``File.url`` computes it."""
    dirname, filename = posixpath.split(dest_uri)
    if use_directory_urls and filename == "index.html":
        dest_uri = (dirname or ".") + "/"
    return quote(dest_uri)


def reconfigure_files(plugin, files, config):
    """The plugin's ``reconfigure_files`` for the suffix structure: the files of
    the language being built (``plugin.current_language``), each with its
    ``alternates``, in the plugin's order."""
    from mkdocs_static_i18n.suffix import I18nFiles

    current, default = plugin.current_language, plugin.default_language
    languages = plugin.all_languages
    fallback = plugin.config.fallback_to_default is True
    docs_dir = os.path.join(os.path.normpath(config.docs_dir), "")
    result = I18nFiles(plugin, [])
    chosen: dict[str, tuple[object, str | None, str]] = {}  # norm_src_uri -> (file, its suffix, build it as)
    translated: dict[str, set[str]] = {}  # norm_src_uri -> the languages it has a file in
    for file in files:
        if not os.path.normpath(file.abs_src_path).startswith(docs_dir):
            if not file.is_documentation_page():
                result.append(file)  # theme files
            continue
        localization, norm = split_locale(file.src_uri, languages)
        locale = localization or default
        translated.setdefault(norm, set()).add(locale)
        if file.is_documentation_page():
            if norm not in chosen:
                if locale == current or (fallback and locale == default):
                    chosen[norm] = (file, localization, current)
            elif locale == current:
                if (
                    len(plugin.build_languages) > 1
                    and localization is not None
                    and (chosen[norm][1] or default) == locale
                ):
                    raise Exception(
                        f"Conflicting files for the default language '{default}': "
                        f"choose either '{norm}' or '{chosen[norm][0].src_uri}' but not both"
                    )
                chosen[norm] = (file, localization, current)
        elif norm not in chosen:
            if locale == current:
                chosen[norm] = (file, localization, current)
            elif fallback and locale == default:
                chosen[norm] = (file, localization, default)
        elif localization == current:
            chosen[norm] = (file, localization, current)
    prefix = "" if current == default else f"{current}/"
    for norm, (file, localization, build_as) in chosen.items():
        made = localized_file(file, localization, build_as, default, config)
        result.append(made)
        # Where this page is in the other languages: at the same path under
        # their prefix; a fallback copy of the default-language file where it
        # is not translated. (An asset has one only when it is not localized.)
        dest = made.dest_uri
        if build_as != default and dest.startswith(prefix):
            dest = dest[len(prefix) :]
        page = made.is_documentation_page()
        for lang in sorted(plugin.build_languages):
            if lang in made.alternates:
                continue
            if page and lang in translated[norm]:
                served = lang
            elif fallback and (default in translated[norm] if page else made.locale == default):
                served = default
            else:
                continue
            where = dest if lang == default else f"{lang}/{dest}"
            made.alternates[lang] = Alternate(served, url_of(where, config.use_directory_urls))
    return result
