"""The build uses documented extension points only: a real build, run in this
process, leaves every module and class of MkDocs, Material, the i18n plugin,
Python-Markdown, pymdown-extensions, Jinja and the standard library as it
found them; and the project's code names none of their private attributes."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUILD_ENV, ROOT, SITE_URL


def _probe(tmp_path: Path, *extra: str) -> dict:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests/untouched_probe.py"), str(ROOT / "mkdocs.yml"), str(tmp_path), *extra],
        capture_output=True,
        text=True,
        env={**BUILD_ENV, "SITE_URL": SITE_URL},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_build_leaves_every_other_package_as_it_found_it(tmp_path):
    """In a fresh interpreter: a snapshot of every module and class of MkDocs,
    Material, the i18n plugin, Markdown, pymdown-extensions, Jinja and the
    standard library modules a build uses, taken before our code is imported;
    then a one-language build and a build of every language in turn, in that
    process; then nothing replaced, added or removed (tests/untouched_probe.py)."""
    found = _probe(tmp_path)
    assert found["built"]
    assert (found["changed"], found["added"], found["removed"]) == ([], [], [])


def test_the_probe_sees_a_patch(tmp_path):
    found = _probe(tmp_path, "--demonstrate")
    assert "mkdocs.utils.get_relative_url" in found["changed"]
    assert "markdown.inlinepatterns.InlineProcessor.added_by_test" in found["added"]
    assert "jinja2.defaults.DEFAULT_FILTERS" in found["changed"]


def _project_python() -> list[Path]:
    files = [*(ROOT / "scripts").rglob("*.py"), *(ROOT / "overrides").rglob("*.py"), *(ROOT / "tests").glob("*.py")]
    return sorted(path for path in files if path.name != "untouched_probe.py")  # it patches, to prove it sees it


def _root(node: ast.expr) -> str | None:
    """The name an attribute chain starts from (``a`` for ``a.b.c``)."""
    while isinstance(node, ast.Attribute | ast.Subscript | ast.Call):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


@pytest.mark.parametrize("path", _project_python(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_private_name_or_attribute_of_another_package_is_touched(path):
    """``x._name`` only on our own objects (``self``, ``cls``); no assignment
    (or ``setattr``, ``delattr``) to an attribute of anything imported."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = {
        (alias.asname or alias.name).split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            assert _root(node) in ("self", "cls"), f"{path.name}:{node.lineno}: private name {node.attr}"
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign | ast.Delete):
            targets = node.targets if isinstance(node, ast.Delete) else [node.target]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("setattr", "delattr"):
            targets = [ast.Attribute(value=node.args[0], attr="?")]
        for target in targets:
            if isinstance(target, ast.Attribute):
                assert _root(target) not in imported, (
                    f"{path.name}:{node.lineno}: assigns to an attribute of {_root(target)}"
                )


def test_the_hooks_are_thin():
    """Each event handler is a line or two calling site_tools."""
    tree = ast.parse((ROOT / "overrides/hooks/site.py").read_text(encoding="utf-8"))
    handlers = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")]
    assert len(handlers) >= 10
    for handler in handlers:
        assert len(handler.body) <= 2, handler.name
