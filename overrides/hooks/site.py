"""MkDocs hooks: thin glue between MkDocs and ``site_tools``.

Each handler calls one method of the ``LanguageBuild`` being run
(``site_tools.language_build``). The hooks stay offline, never write into
``docs/``, and raise (or warn, which fails a strict build) on bad content.

Event priorities, where not the default:
- ``on_config`` at -110: after the i18n plugin's (-100), which sets the
  language being built;
- ``on_post_build`` at -200: after the theme's search plugin and the i18n
  plugin's post-build step (-100), which write (and, under ``mkdocs serve``,
  merge) the search index this step then finishes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from site_tools import live_code
from site_tools.language_build import LanguageBuild

# The code and content model the builds of a run share (a live preview
# imports edited code again: see ``live_code``).
_running = live_code.Running()
# The builds being run: under `mkdocs serve` the i18n plugin runs each other
# language's build inside the default one's post-build step.
_builds: list[LanguageBuild] = []


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _builds.append(live_code.start_language_build(config, _running, outermost=not _builds))
    return config


@event_priority(-110)  # after the i18n plugin's (-100), which makes each language's files anew
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return _builds[-1].select_files(files)


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    return _builds[-1].environment(env)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str:
    return _builds[-1].read_source(page)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _builds[-1].page_markdown(markdown, page)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return _builds[-1].page_content(html, page)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    return _builds[-1].page_context(context, page)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _builds[-1].post_page(output, page)


def on_template_context(context: dict[str, Any], template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    context["site_sitemap"] = _builds[-1].sitemap
    return _builds[-1].template_context(context, template_name)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    return _builds[-1].post_template(output, template_name)


def on_build_error(error: Exception) -> None:
    for build in _builds:
        build.stop_capture()
    _builds.clear()


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    _builds.pop().post_build(Path(config.site_dir))
