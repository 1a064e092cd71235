"""Run by tests/test_architecture.py in a fresh interpreter: snapshot every
module and class of the packages the site builds on, run real builds in this
process, and print (as JSON) everything that differs afterwards.

Usage: python tests/untouched_probe.py CONFIG SITE_DIR [--demonstrate]

With --demonstrate it patches three things itself, of three kinds, between
the snapshots: the test proves that the probe reports them.
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
import sys
import types
from pathlib import Path
from typing import Any

PACKAGES = ("mkdocs", "material", "mkdocs_static_i18n", "markdown", "pymdownx", "jinja2", "markupsafe")
STDLIB = ("os", "gc", "json", "html", "html.parser", "logging", "posixpath", "shutil", "gzip", "multiprocessing")
IMPORTS = (
    "mkdocs.commands.build",
    "mkdocs.structure.pages",
    "mkdocs.structure.files",
    "mkdocs.utils",
    "mkdocs.config",
    "mkdocs.plugins",
    "material.plugins.search.plugin",
    "mkdocs_static_i18n.plugin",
    "mkdocs_static_i18n.reconfigure",
    "markdown.core",
    "markdown.treeprocessors",
    "markdown.inlinepatterns",
    "markdown.extensions.toc",
    "markdown.extensions.attr_list",
    "markdown.extensions.md_in_html",
    "markdown.extensions.tables",
    "markdown.extensions.admonition",
    "mkdocs_static_i18n.suffix",
    "pymdownx.superfences",
    "jinja2",
)


def _fingerprint(value: Any) -> Any:
    """What would change if the value were replaced or patched: its identity,
    a function's code and defaults, a public container's keys."""
    if isinstance(value, types.FunctionType):
        return ["function", id(value), id(value.__code__), repr(value.__defaults__), repr(value.__kwdefaults__)]
    if isinstance(value, dict):
        return ["dict", id(value), sorted(map(repr, value))]
    if isinstance(value, list | set | frozenset | tuple):
        return [type(value).__name__, id(value), len(value)]
    return ["object", id(value)]


def _watched(name: str) -> bool:
    return name in STDLIB or name.split(".")[0] in PACKAGES


def snapshot() -> dict[str, Any]:
    """Every attribute of every loaded module of those packages (not the
    submodules that importing adds), and every member of their classes."""
    state: dict[str, Any] = {}
    for name, module in list(sys.modules.items()):
        if not isinstance(module, types.ModuleType) or not _watched(name):
            continue
        for attribute, value in list(vars(module).items()):
            if isinstance(value, types.ModuleType):
                continue
            # A module's private caches fill up as it works: only their identity counts.
            private = attribute.startswith("_")
            state[f"{name}.{attribute}"] = ["object", id(value)] if private else _fingerprint(value)
            if inspect.isclass(value) and value.__module__ == name:
                for member, inner in list(vars(value).items()):
                    if member in ("__abstractmethods__", "_abc_impl", "__dict__", "__weakref__"):
                        continue
                    state[f"{name}.{attribute}.{member}"] = _fingerprint(inner)
    return state


def build(config_file: str, site_dir: str, locale: str | None) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    if locale:
        os.environ["SITE_LOCALE"] = locale
    else:
        os.environ.pop("SITE_LOCALE", None)
    config = load_config(config_file, site_dir=site_dir)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()


def main() -> None:
    config_file, site_dir = sys.argv[1], sys.argv[2]
    for name in IMPORTS:
        importlib.import_module(name)
    assert "site_tools" not in sys.modules, "the snapshot must come before our code is imported"
    before = snapshot()
    if "--demonstrate" in sys.argv:
        _patch_for_the_test()
    build(config_file, str(Path(site_dir) / "fr"), "fr")  # one language: what scripts/build.py runs
    build(config_file, str(Path(site_dir) / "all"), None)  # every language in turn: what `mkdocs serve` runs
    after = snapshot()
    differences = {
        "changed": sorted(key for key in before if key in after and after[key] != before[key]),
        "removed": sorted(key for key in before if key not in after),
        "added": sorted(key for key in after if key not in before and key.rsplit(".", 1)[0] in _owners(before)),
        "built": (Path(site_dir) / "fr/messages/index.html").exists()
        and (Path(site_dir) / "all/fr/index.html").exists(),
    }
    print(json.dumps(differences))


def _patch_for_the_test() -> None:
    """A replaced function body, a method added to a class, an entry added to
    a public table: what the probe must catch."""
    import jinja2.defaults
    import markdown.inlinepatterns
    import mkdocs.utils

    mkdocs.utils.get_relative_url.__code__ = (lambda url, other: url).__code__
    setattr(markdown.inlinepatterns.InlineProcessor, "added_by_test", lambda self: None)  # noqa: B010
    jinja2.defaults.DEFAULT_FILTERS["added_by_test"] = str


def _owners(state: dict[str, Any]) -> set[str]:
    """The modules and classes the snapshot holds, to which nothing may be added."""
    return {key.rsplit(".", 1)[0] for key in state}


if __name__ == "__main__":
    main()
