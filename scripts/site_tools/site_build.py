"""The whole site's build: each language a MkDocs build of its own, in parallel.

This is how large multilingual documentation sites build: one ordinary
``mkdocs build`` per language (here with the i18n plugin's documented
``build_only_locale`` option, chosen by ``SITE_LOCALE``), in a pool of
processes, one per core. Each language is built into its own folder with its
own address (``<site_url>fr/``); once every one has succeeded, the folders are
put in place: the default language at the root, each other under its prefix.
A failure or a warning (strict) in any language fails the whole build, and
the previous site is left as it was.

``scripts/build.py`` (``make build``) and ``scripts/check.py`` (``make check``)
both run it: the check converts the content exactly as the build does.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import tempfile
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .languages import CODES, DEFAULT_LANGUAGE, get
from .model import load_site
from .preview import VARIABLE as PREVIEW_VARIABLE
from .problems import with_location

# Heaviest first, so the pool ends evenly: Chinese pages are cut into words
# for search (jieba), half as much work again as another language's.
BUILD_ORDER = ("zh", *(code for code in CODES if code != "zh"))
LOCALE_VARIABLE = "SITE_LOCALE"  # read by mkdocs.yml: theme.language and the i18n plugin's build_only_locale


@dataclass
class LanguageResult:
    """One language's build: its problems (warnings and errors as MkDocs
    logged them, in order) and, if it failed, why."""

    lang: str
    problems: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


class _Located(logging.Formatter):
    """MkDocs's messages, located (``with_location``), after ``prefix``
    (which may name the record's level as ``{level}``)."""

    def __init__(self, docs_dir: Path, lang: str, prefix: str = "") -> None:
        super().__init__()
        self.docs_dir, self.lang, self.prefix = docs_dir, lang, prefix

    def format(self, record: logging.LogRecord) -> str:
        prefix = self.prefix.format(level=record.levelname)
        return prefix + with_location(record.getMessage(), self.docs_dir, self.lang)


class _Collect(logging.Handler):
    """Keeps the text of every warning and error MkDocs logs."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(self.format(record))


def build_language(
    config_file: Path, lang: str, site_dir: Path, site_url: str | None, docs_dir: Path | None, level: int
) -> LanguageResult:
    """Build ``lang`` alone into ``site_dir``, as ``mkdocs build --strict``
    would with ``SITE_LOCALE=lang``, showing MkDocs's messages from ``level``
    on. Never raises: a failure is in the result."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    started = time.perf_counter()
    previous_locale = os.environ.get(LOCALE_VARIABLE)
    os.environ[LOCALE_VARIABLE] = lang
    logger, jieba_logger = logging.getLogger("mkdocs"), logging.getLogger("jieba")
    saved = (logger.level, logger.propagate, jieba_logger.level)
    collect = _Collect()
    shown = logging.StreamHandler()
    shown.setLevel(level)
    logger.addHandler(collect)
    logger.addHandler(shown)
    logger.setLevel(min(level, logging.WARNING))
    logger.propagate = False
    jieba_logger.setLevel(logging.WARNING)  # its dictionary's loading, shown as progress
    result = LanguageResult(lang)
    try:
        overrides: dict[str, Any] = {"site_dir": str(site_dir), "strict": True}
        if site_url is not None:
            overrides["site_url"] = site_url + get(lang).prefix
        if docs_dir is not None:
            overrides["docs_dir"] = str(docs_dir)
        config = load_config(str(config_file), **overrides)
        collect.setFormatter(_Located(Path(config.docs_dir), lang))
        shown.setFormatter(_Located(Path(config.docs_dir), lang, f"[{lang}] {{level:<7}} -  "))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as error:
        result.error = str(error)
    except Exception as error:  # a bug of ours or of a plugin: its message, never a traceback
        result.error = f"{type(error).__name__}: {error}"
    finally:
        logger.removeHandler(collect)
        logger.removeHandler(shown)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]
        jieba_logger.setLevel(saved[2])
        if previous_locale is None:
            os.environ.pop(LOCALE_VARIABLE, None)
        else:
            os.environ[LOCALE_VARIABLE] = previous_locale
    result.problems = collect.messages
    result.seconds = time.perf_counter() - started
    return result


def configured(config_file: Path) -> tuple[str, Path]:
    """The whole site's address (the configuration's ``site_url``, from
    SITE_URL, with a final slash) and its docs folder. Raises what MkDocs
    raises for a configuration it cannot load."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    url = config.site_url or "http://127.0.0.1:8000/"
    return (url if url.endswith("/") else url + "/"), Path(config.docs_dir)


def build_site(
    config_file: Path,
    site_dir: Path,
    languages: tuple[str, ...] = CODES,
    jobs: int | None = None,
    verbose: bool = False,
    publish: bool = True,
    docs_dir: Path | None = None,
    quiet: bool = False,
) -> list[LanguageResult]:
    """Build ``languages`` in a pool of ``jobs`` processes (default: one per
    core), from ``docs_dir`` (default: the configuration's), showing MkDocs's
    progress (``verbose``), its warnings (default) or nothing (``quiet``).
    With ``publish``, once all have succeeded, replace ``site_dir`` with
    the new site; otherwise (a check) leave it untouched. Returns each
    language's result, in ``languages`` order. Raises ValueError for a
    ``site_dir`` that would hold or be the project's sources."""
    # What is built here is published or checked: never a preview (which shows drafts).
    os.environ.pop(PREVIEW_VARIABLE, None)
    config_file = config_file.resolve()
    site_dir = site_dir.resolve()
    project = config_file.parent
    if site_dir == project or project.is_relative_to(site_dir) or site_dir.is_relative_to(project / "docs"):
        raise ValueError(f"{site_dir} holds the project's sources; choose an output folder such as 'site'")
    if not is_replaceable(site_dir):
        raise ValueError(
            f"{site_dir} exists and is not a site this build made (no index.html, 404.html and sitemap.xml "
            "at its top); choose a new folder or an earlier build's, such as 'site'"
        )
    site_url, configured_docs = configured(config_file)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-building-", dir=site_dir.parent))
    order = [lang for lang in BUILD_ORDER if lang in languages]
    # Read the content once, here: the worker processes start with it read
    # (``load_site(reuse=True)`` reads again only files changed since).
    load_site(docs_dir.resolve() if docs_dir else configured_docs, reuse=True)
    level = logging.INFO if verbose else logging.CRITICAL + 1 if quiet else logging.WARNING
    task = (site_url, docs_dir.resolve() if docs_dir else None, level)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(order)))
    try:
        if workers == 1:
            results = [build_language(config_file, lang, staging / lang, *task) for lang in order]
        else:
            context = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
            with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
                futures = [pool.submit(build_language, config_file, lang, staging / lang, *task) for lang in order]
                results = [_result(future, lang) for future, lang in zip(futures, order, strict=True)]
        if publish and all(result.ok for result in results):
            try:
                _put_in_place(staging, site_dir, order)
            except OSError as error:
                results.append(LanguageResult("all", error=f"the built site could not be put in {site_dir}: {error}"))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    by_lang = {result.lang: result for result in results}
    return [by_lang[lang] for lang in (*languages, "all") if lang in by_lang]


SITE_MARKS = ("index.html", "404.html", "sitemap.xml")  # what every build of the site has at its top


def is_replaceable(site_dir: Path) -> bool:
    """Whether the build may replace ``site_dir``: it does not exist, is an
    empty folder, or is a site built before (``SITE_MARKS`` at its top, and
    not a link). Anything else may be someone's work."""
    if site_dir.is_symlink():
        return False
    if not site_dir.exists():
        return True
    if not site_dir.is_dir():
        return False
    return not any(site_dir.iterdir()) or all((site_dir / name).is_file() for name in SITE_MARKS)


def _result(future: Future[LanguageResult], lang: str) -> LanguageResult:
    """A worker's result; a worker that died (killed, out of memory) is a failed language."""
    try:
        return future.result()
    except BrokenProcessPool as error:
        return LanguageResult(lang, error=f"its build process stopped without finishing ({error})")


def _put_in_place(staging: Path, site_dir: Path, languages: list[str]) -> None:
    """The default language's build at the root, each other under its prefix;
    then the new site replaces the old one (which is kept until then, and
    put back if the new one cannot take its place). Raises OSError."""
    root = DEFAULT_LANGUAGE if DEFAULT_LANGUAGE in languages else None
    new = staging / "site"
    if root:
        (staging / root).rename(new)
    else:
        new.mkdir()
    for lang in languages:
        if lang != root:
            target = new / get(lang).prefix.rstrip("/")
            if target.exists():  # docs/assets cannot hold a language's folder: see assets.refused_file
                raise OSError(f"{target.relative_to(new)}/ is in the default language's build too")
            (staging / lang).rename(target)
    old = staging / "previous"
    if site_dir.exists():
        site_dir.rename(old)
    try:
        new.rename(site_dir)
    except OSError:
        if old.exists():
            old.rename(site_dir)
        raise
