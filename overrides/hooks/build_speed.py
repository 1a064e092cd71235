"""MkDocs hook: how fast the languages are built.

Work done once instead of per page or per language:
- each language's build picks its files in linear time (site_tools.i18n_files)
  instead of the i18n plugin's O(files x languages) handling, and the docs and
  theme folders are walked once per site build, not once per language;
- a process compiles each theme template once, not once per language;
- a language's pages share one Markdown converter, reset between pages;
- the parts of the theme's page that are the same on many pages (header,
  navigation, tabs, search form, palette toggle, logo, script settings) are
  rendered once per language and folder and reused (``fragment`` and
  ``theme_header`` below, and the partials in overrides/partials/);
- the language switcher's links are set without deep copies.
SITE_PLAIN_BUILD=1 turns all of this off (and the parallel builds below): the
tests check that both builds make the same bytes.

SITE_LANGUAGE=fr (``make preview``) builds only the default language and that
one, for an editor's instant preview.

On ``mkdocs build``, the languages are built in parallel processes, one per
core. The i18n plugin builds the default language, then each other language
one after another, inside the default build's post-build step. This hook
instead forks worker processes right after the content is loaded and checked:
this process builds the default language, and every process takes the other
languages from a shared queue as it becomes free (``LanguageQueue``), so the
work evens out; the i18n plugin's own loop is then skipped. The output is the
same site, and a warning in any language still fails a strict build.
`mkdocs serve` keeps the plugin's sequential builds (forking a live server is
not safe). SITE_BUILD_JOBS sets the number of processes (default: the cores).
"""

from __future__ import annotations

import copy
import functools
import gc
import os
import posixpath
import sys
import traceback
from pathlib import Path

import jinja2
from markdown import treeprocessors
from material.plugins.search import plugin as search_plugin
from mkdocs import utils
from mkdocs.commands import build as build_module
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure import pages
from mkdocs.structure.files import Files
from mkdocs.utils import normalize_url

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))

from site_tools import background, html_events, inline_patterns  # noqa: E402
from site_tools.i18n_files import reconfigure_files  # noqa: E402
from site_tools.theme_strings import theme_strings  # noqa: E402

_PLAIN = os.environ.get("SITE_PLAIN_BUILD") == "1"
_command: str | None = None
_workers: list[int] = []
_clean_directory = utils.clean_directory


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command
    background.enabled = False


def on_config(config):
    """With SITE_LANGUAGE, build just that language and the default one (which
    the i18n plugin always builds). Runs before the plugin reads the list."""
    only = os.environ.get("SITE_LANGUAGE")
    i18n = config.plugins.get("i18n")
    _fragments.clear()  # a new build: another language, or an edit
    if i18n is None or not i18n.building:
        _file_lists.clear()  # a new site build (`mkdocs serve` rebuilds after edits): walk the folders again
    if not _PLAIN:
        _markdown.forget()  # this build's language may configure Markdown differently
        if i18n is not None and i18n.config.docs_structure == "suffix":
            # The same files as the plugin's own handling, in linear time.
            i18n.reconfigure_files = functools.partial(reconfigure_files, i18n)
            i18n.reconfigure_page_context = functools.partial(_switcher_links, i18n)
    if only and i18n is not None and not i18n.building:
        locales = [language.locale for language in i18n.config.languages]
        if only not in locales:
            raise PluginError(
                f"SITE_LANGUAGE={only!r} is not a language of the site; expected one of {', '.join(locales)}"
            )
        for language in i18n.config.languages:
            language.build = language.default or language.locale == only
    if i18n is not None and not i18n.building:
        # Decided before the content is loaded, so helpers can start beside it.
        background.enabled = _processes(i18n) > 1
    return config


class _TemplateCache(jinja2.BytecodeCache):
    """Compiled templates, kept in memory for the next language's build (Jinja
    checks each against its source before using it)."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


class _SharedMarkdown:
    """Stands in for the ``markdown`` module where MkDocs makes a converter for
    each page: hands out one converter per language build, reset for each page.
    MkDocs registers its per-page processors on it again each time, which
    replaces the previous page's (they are registered by name)."""

    def __init__(self, module) -> None:
        self._module = module
        self._converter = None
        self._settings = None

    def __getattr__(self, name: str):
        return getattr(self._module, name)

    def forget(self) -> None:
        self._converter = self._settings = None

    def Markdown(self, **settings):  # noqa: N802 (the name MkDocs calls)
        key = (id(settings.get("extensions")), id(settings.get("extension_configs")))
        if self._converter is None or self._settings != key:
            self._converter, self._settings = self._module.Markdown(**settings), key
        else:
            self._converter.reset()
        return self._converter


# Each language's build walks docs/ and the theme's folders for the same files:
# within one site build, walk them once. (Nothing in a build changes those File
# objects: the i18n handling makes new ones for the pages it uses.)
_file_lists: dict[tuple, list] = {}
# (`mkdocs serve` loads this hook again for each rebuild: wrap the originals, once.)
_walk_docs = getattr(build_module.get_files, "original", build_module.get_files)
_add_theme_files = getattr(Files.add_files_from_theme, "original", Files.add_files_from_theme)


def _cached_docs(config) -> Files:
    if _PLAIN:
        return _walk_docs(config)
    key = (config.docs_dir, config.site_dir, config.use_directory_urls)
    if key not in _file_lists:
        _file_lists[key] = list(_walk_docs(config))
    return Files(list(_file_lists[key]))


def _cached_theme_files(files: Files, env, config) -> None:
    if _PLAIN:
        return _add_theme_files(files, env, config)
    key = ("theme", tuple(config.theme.dirs), config.site_dir, config.use_directory_urls, len(files))
    if key not in _file_lists:
        before = len(files)
        _add_theme_files(files, env, config)
        _file_lists[key] = list(files)[before:]
    else:
        for file in _file_lists[key]:
            files.append(file)
    return None


_cached_docs.original = _walk_docs
_cached_theme_files.original = _add_theme_files
build_module.get_files = _cached_docs
Files.add_files_from_theme = _cached_theme_files


def _switcher_links(plugin, context, page, config, nav):
    """The i18n plugin's language-switcher links for ``page`` (its own method
    deep-copies the list and compares paths for every page): each language's
    link goes to the page's version in that language."""
    if not plugin.extra_alternate:
        return context
    if all(isinstance(value, str) for entry in plugin.extra_alternate for value in entry.values()):
        alternates = [dict(entry) for entry in plugin.extra_alternate]
    else:
        alternates = copy.deepcopy(plugin.extra_alternate)
    config.extra.alternate = alternates
    where = posixpath.normpath(page.url or ".")
    if where in (".", posixpath.normpath(page.file.locale_alternate_of)):
        return context
    for entry in alternates:
        other = page.file.alternates.get(entry["lang"])
        if other is not None:
            entry["link"] = other.url
    return context


_ThemeSearchParser = getattr(search_plugin.Parser, "original", search_plugin.Parser)


class _SearchParser(_ThemeSearchParser):
    """The theme's search parser, reading HTML as Markdown writes it with a
    faster tokenizer (the same events; anything else it reads itself)."""

    original = _ThemeSearchParser

    def feed(self, data: str) -> None:
        html_events.feed(self, data)


_template_cache = _TemplateCache()
# (`mkdocs serve` loads this hook again for each rebuild: wrap the real module, once.)
_markdown = _SharedMarkdown(getattr(pages.markdown, "_module", pages.markdown))
# Markdown's step that tries one inline pattern on a text (see site_tools/inline_patterns.py).
_try_pattern = treeprocessors.InlineProcessor._InlineProcessor__applyPattern
_try_pattern = getattr(_try_pattern, "original", _try_pattern)

if not _PLAIN:
    pages.markdown = _markdown
    search_plugin.Parser = _SearchParser
    treeprocessors.InlineProcessor._InlineProcessor__applyPattern = inline_patterns.skipping(_try_pattern)


_fragments: dict[tuple, str] = {}


def fragment(kind: str, key, caller) -> str:
    """``{% call fragment("nav", key) %}...{% endcall %}``: the body, rendered
    once per ``key`` (None: every time). A key must hold everything the body's
    output depends on; the plain build renders every body, and the tests
    compare the two builds byte for byte."""
    if _PLAIN or key is None:
        return caller()
    entry = (kind, key)
    if entry not in _fragments:
        _fragments[entry] = caller()
    return _fragments[entry]


def navigation_key(config, nav, page, with_page: bool = False):
    """What the theme's navigation and tabs depend on, for ``page``: the
    language, the folder the page's links are relative to, and which entries
    are active. None where the page's own content is in it (``with_page``: the
    navigation shows the table of contents of a page that is in it)."""
    if page is None or page.url is None:
        return None
    if with_page and page in nav.pages:
        return None
    active = []

    def walk(items) -> None:
        for item in items:
            active.append(bool(getattr(item, "active", False)))
            walk(getattr(item, "children", None) or [])

    walk(nav.items)
    # Relative links are the same from every page of a folder ("fr/messages/a/",
    # "fr/messages/b/"); a folder's own index ("fr/messages/") is one level up.
    folder = posixpath.dirname(page.url.rstrip("/"))
    return config.theme["language"], folder, page.url.endswith("/"), tuple(active)


_TITLE = "\x00page-title\x00"  # where each page's title goes in a shared header
_SWITCHER = "<!--\x00language-switcher\x00-->"  # where its language links go
_LINK = "https://language-switcher.invalid/"  # a stand-in link (absolute: the url filter leaves it as it is)


class _TitlePlaceholder:
    """Stands in for the page while the shared header is rendered: its title is
    a placeholder (through whichever of ``meta.title`` and ``title`` the page
    itself would use); everything else is the page's."""

    def __init__(self, page) -> None:
        self._page = page
        meta = dict(page.meta or {})
        if meta.get("title"):
            meta["title"] = _TITLE
        self.meta = meta
        self.title = _TITLE

    def __getattr__(self, name: str):
        return getattr(self._page, name)


@jinja2.pass_context
def theme_header(context) -> str:
    """The theme's header, rendered once per language, folder and kind of title
    with placeholders for the page's title and language links, which are then
    filled in for each page."""
    env = context.environment
    page = context.get("page")
    if _PLAIN or page is None or page.url is None:
        return env.get_template("theme/partials/header.html").render(context.get_all())
    key = ("header", navigation_key(context["config"], context["nav"], page), bool((page.meta or {}).get("title")))
    if key not in _fragments:
        shared = {**context.get_all(), "page": _TitlePlaceholder(page), "switcher_placeholder": _SWITCHER}
        _fragments[key] = env.get_template("theme/partials/header.html").render(shared)
    header = _fragments[key]
    title = (page.meta or {}).get("title") or page.title
    header = header.replace(_TITLE, str(title), 1)
    if _SWITCHER in header:
        header = header.replace(_SWITCHER, _switcher(context), 1)
    return header


def _switcher(context) -> str:
    """The page's language switcher: rendered once per language build with
    stand-in links, each then replaced by the page's own (as the template's
    ``url`` filter writes it)."""
    config, page = context["config"], context["page"]
    alternates = config.extra.alternate
    key = ("switcher", config.theme["language"], tuple((entry["name"], entry["lang"]) for entry in alternates))
    if key not in _fragments:
        config.extra.alternate = [{**entry, "link": f"{_LINK}{i}"} for i, entry in enumerate(alternates)]
        try:
            _fragments[key] = context.environment.get_template("partials/alternate.html").render(context.get_all())
        finally:
            config.extra.alternate = alternates
    html = _fragments[key]
    for i, entry in enumerate(alternates):
        link = normalize_url(str(entry["link"]), page=page, base=context["base_url"])
        html = html.replace(f'"{_LINK}{i}"', f'"{link}"', 1)
    return html


def on_env(env, config, files):
    # The theme's own templates, also reachable as "theme/<name>", for the
    # partials in overrides/ that wrap them.
    custom = config.theme.custom_dir
    originals = [d for d in config.theme.dirs if not (custom and os.path.samefile(d, custom))]
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({"theme": jinja2.FileSystemLoader(originals)})])
    env.globals["fragment"] = fragment
    env.globals["navigation_key"] = navigation_key
    env.globals["theme_header"] = theme_header
    env.globals["theme_strings"] = theme_strings
    if not _PLAIN:
        env.bytecode_cache = _template_cache
    return env


def _jobs() -> int:
    value = os.environ.get("SITE_BUILD_JOBS", "")
    return int(value) if value.isdigit() and int(value) > 0 else (os.cpu_count() or 1)


# Expected work of a language's build, relative to the others (1 when not
# listed): Chinese costs half as much again, for cutting its words for search
# (done by a helper process once its pages are built). Heaviest first: taking
# Chinese first lets the helper's work run beside the other builds.
_WEIGHTS: dict[str, float] = {"zh": 1.5}


def queue_order(others: list[str]) -> list[str]:
    """The order in which the processes take the languages other than the default."""
    return sorted(others, key=lambda code: -_WEIGHTS.get(code, 1.0))


class LanguageQueue:
    """The languages still to build, shared by this process and its workers
    through a pipe: each process takes the next one when it is free, so the
    work evens out whatever each language costs. (The pipe is filled and its
    writing end closed before the workers are forked; each read takes one
    whole fixed-size record.)"""

    RECORD = 32

    def __init__(self, languages: list[str]) -> None:
        self._read, write = os.pipe()
        for lang in languages:
            os.write(write, lang.encode("ascii").ljust(self.RECORD))
        os.close(write)

    def __iter__(self):
        while record := os.read(self._read, self.RECORD):
            yield record.decode("ascii").strip()

    def close(self) -> None:
        os.close(self._read)


_queue: LanguageQueue | None = None  # set in this process when it forked workers


def _processes(i18n) -> int:
    """How many processes build the site's languages (1: this one alone)."""
    if _PLAIN or _command != "build" or not hasattr(os, "fork"):
        return 1
    return min(_jobs(), len(i18n.build_languages))


@event_priority(-10)  # after site.py has loaded and checked the content
def on_pre_build(config) -> None:
    global _queue
    i18n = config.plugins.get("i18n")
    if not background.enabled or i18n is None or i18n.building:
        return
    others = [lang for lang in i18n.build_languages if lang != i18n.current_language]
    jobs = _processes(i18n)
    # Clean once, now: every process writes into the same folder.
    _clean_directory(config.site_dir)
    utils.clean_directory = lambda path: None
    # This process builds the default language now, then takes languages from
    # the queue; each worker takes languages from it from the start.
    queue = LanguageQueue(queue_order(others))
    # What is loaded so far (the content model above all) lives until the end:
    # out of the collector's sight, its pages stay shared with the workers
    # instead of being copied when a collection marks every object.
    gc.freeze()
    for _ in range(jobs - 1):
        pid = os.fork()
        if pid == 0:
            _workers.clear()  # a worker has no workers of its own, and its
            _build_languages(config, i18n, queue, exit_after=True)  # builds are all inner ones (_queue stays None)
        _workers.append(pid)
    _queue = queue  # this process takes from it once the default language is built


def _build_languages(config, i18n, languages, exit_after: bool = False) -> None:
    """Build these languages as the i18n plugin would; a worker then exits with
    their status (its messages are printed here, and the parent fails the build)."""
    from mkdocs.commands.build import build

    default, status = i18n.current_language, 0
    try:
        i18n.building = True  # tells the i18n plugin these are its inner builds
        for lang in languages:
            i18n.current_language = lang
            build(config)
    except (Abort, Exception):
        if not exit_after:
            raise
        traceback.print_exc()
        status = 1
    finally:
        if exit_after:
            if background.wait():
                status = 1
            os._exit(status)
        i18n.current_language = default


@event_priority(-50)  # before the i18n plugin, which would build them one by one
def on_post_build(config) -> None:
    global _queue
    if _queue is None:
        return  # not parallel, or an inner build of this process's
    workers, queue = _workers[:], _queue
    _workers.clear()
    _queue = None
    i18n = config.plugins.get("i18n")
    try:
        _build_languages(config, i18n, queue)
    finally:
        queue.close()
        failed = [pid for pid in workers if os.waitpid(pid, 0)[1] != 0]
        failed += [None] * background.wait()
        background.enabled = False
        utils.clean_directory = _clean_directory
    if failed:
        raise PluginError(f"{len(failed)} language build process(es) failed; see the messages above")
    i18n.building = True  # every language is built: skip the plugin's own loop


def on_shutdown() -> None:
    utils.clean_directory = _clean_directory
    if not _PLAIN:
        # Everything built is about to be freed: spare the interpreter's last
        # garbage collection the walk over it (a tenth of a second at 1,000 messages).
        gc.freeze()
