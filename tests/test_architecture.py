"""The build uses documented extension points only: a real build, run in this
process, leaves every module and class of MkDocs, Material, the i18n plugin,
Python-Markdown, pymdown-extensions, Jinja and the standard library as it
found them; and the project's code names none of their private attributes."""

from __future__ import annotations

import ast
import importlib
import inspect
import os
import sys
import types
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGES = ("mkdocs", "material", "mkdocs_static_i18n", "markdown", "pymdownx", "jinja2", "markupsafe")
STDLIB = ("os", "gc", "json", "html", "html.parser", "logging", "posixpath", "shutil", "gzip", "re", "multiprocessing")
# Imported first, so that the snapshot holds what a build touches.
IMPORTS = (
    "mkdocs.commands.build",
    "mkdocs.structure.pages",
    "mkdocs.structure.files",
    "mkdocs.utils",
    "mkdocs.config",
    "material.plugins.search.plugin",
    "mkdocs_static_i18n.plugin",
    "mkdocs_static_i18n.reconfigure",
    "markdown.treeprocessors",
    "markdown.inlinepatterns",
    "pymdownx.superfences",
    "jinja2",
)


def _snapshot() -> dict[tuple[str, ...], int]:
    """The identity of every attribute of every loaded module of those
    packages, and of every class they define (not submodules, which importing
    adds to their package)."""
    state: dict[tuple[str, ...], int] = {}
    for name, module in list(sys.modules.items()):
        if not isinstance(module, types.ModuleType):
            continue
        if not (name in STDLIB or name.split(".")[0] in PACKAGES):
            continue
        for attribute, value in list(vars(module).items()):
            if isinstance(value, types.ModuleType):
                continue
            state[(name, attribute)] = id(value)
            if inspect.isclass(value) and value.__module__ == name:
                for member, inner in list(vars(value).items()):
                    state[(name, attribute, member)] = id(inner)
    return state


def test_a_build_leaves_every_other_package_as_it_found_it(tmp_path, monkeypatch):
    for name in IMPORTS:
        importlib.import_module(name)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("SITE_LOCALE", "fr")  # the per-language build scripts/build.py runs
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    before = _snapshot()
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    assert (tmp_path / "site/messages/2013-11-18-republic-of-korea/index.html").exists()
    after = _snapshot()
    changed = sorted(".".join(key) for key in before if key in after and after[key] != before[key])
    assert changed == []


def _project_python() -> list[Path]:
    return sorted([*(ROOT / "scripts").rglob("*.py"), *(ROOT / "overrides").rglob("*.py")])


@pytest.mark.parametrize("path", _project_python(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_private_name_of_another_package_is_used(path):
    """``x._name`` is only ever our own object's; no assignment to another
    module's attribute (``module.name = ...``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        alias.asname or alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    ours = {"self", "cls"}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            base = node.value
            assert isinstance(base, ast.Name) and base.id in ours, (
                f"{path.name}:{node.lineno}: private name {node.attr}"
            )
        if isinstance(node, ast.Assign | ast.AugAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
                    assert target.value.id not in imported, f"{path.name}:{node.lineno}: assigns to {target.value.id}"


def test_the_hooks_are_thin():
    """Each event handler is a few lines calling site_tools."""
    tree = ast.parse((ROOT / "overrides/hooks/site.py").read_text(encoding="utf-8"))
    handlers = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")]
    assert len(handlers) >= 10
    for handler in handlers:
        assert len(handler.body) <= 3, handler.name
    assert os.path.exists(ROOT / "overrides/hooks/site.py")
