"""Every tool, given bad input, answers with a message and exit 1 or 2, never
a traceback."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import BUILD_ENV, ROOT
from test_check import make_tree

CALLS = [
    ("check.py", "--docs", "no-such-folder"),
    ("check.py", "--docs", "docs", "--config", "no-such.yml"),
    ("check.py", "--docs", "docs", "docs/no-such-file.md"),
    ("build.py", "--languages", "xx"),
    ("build.py", "--languages", ""),
    ("build.py", "--jobs", "0"),
    ("build.py", "--config", "no-such.yml"),
    ("build.py", "--config", "mkdocs.yml", "--site-dir", "."),
    ("build.py", "--config", "mkdocs.yml", "--site-dir", "docs/site"),
    ("build.py", "--config", "mkdocs.yml", "--site-dir", "overrides"),
    ("build.py", "--config", "mkdocs.yml", "--site-dir", "mkdocs.yml"),
    ("check.py", "--docs", "docs", "mkdocs.yml"),
    ("new.py", "--docs", "mkdocs.yml", "message", "--date", "2026-11-20", "--title", "Hello"),
    ("new.py", "--docs", "", "message", "--date", "2026-11-20", "--title", "Hello"),
    ("new.py", "--docs", "docs", "visit", "--state", "Chad", "--code", "TD", "--start", "2026-00-15"),
    ("new.py", "--docs", "docs", "visit", "--state", "Chad", "--code", "TD", "--start", "2026-07-00"),
    ("translations.py", "--root", "no-such-folder", "status"),
    ("linkcheck.py", "docs", "--site-url", "URL"),
    ("new.py", "--docs", "docs", "message", "--date", "2026-02-30", "--title", "T"),
    ("new.py", "--docs", "docs", "message", "--date", "9999-12-31", "--title", "T"),
    ("new.py", "--docs", "docs", "message", "--date", "2026-11-28", "--title", ""),
    ("new.py", "--docs", "docs", "visit", "--state", "", "--code", "XX"),
    ("new.py", "--docs", "docs", "visit", "--state", "Chad", "--code", "TD", "--start", "2026-13"),
    ("new.py", "--docs", "docs", "visit", "--state", "Chad", "--code", "TD", "--start", "2014-07", "--end", "2014-06"),
    ("new.py", "--docs", "docs", "resolution", "--symbol", "S/RES/x", "--adopted", "2004-04-28", "--summary", "S"),
    ("new.py", "--docs", "docs", "memo"),
    ("translations.py", "--root", ".", "status", "--format", "xml"),
    ("translations.py", "--root", ".", "start", "xx", "docs/visits/madagascar.md"),
    ("translations.py", "--root", ".", "start", "fr", "docs/visits/no-such.md"),
    ("translations.py", "--root", ".", "done", "fr", "docs/visits/madagascar.md"),
    ("translations.py", "--root", ".", "done", "fr", "/etc/passwd"),
]


@pytest.mark.parametrize("call", CALLS, ids=[" ".join(call) for call in CALLS])
def test_bad_input_gets_a_message_not_a_traceback(tmp_path, call):
    make_tree(tmp_path, {})
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "overrides").symlink_to(ROOT / "overrides", target_is_directory=True)
    script, *arguments = call
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *arguments],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=BUILD_ENV,
        timeout=300,
    )
    assert result.returncode in (1, 2), result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip(), "a bad input is answered with a message"


# -- The whole bad-content battery, through every tool -----------------------
# Each tree of test_check's battery, each editor's mistake of test_preview's,
# and every combination of partial dates, given to the check (its model part:
# the conversion of every one is tested in test_check, test_safety and
# test_preview), `translations.py` status/start/done and `new.py`. Called in
# this process (each tool's ``main``), so the battery stays quick: an
# exception escaping a tool fails the test as a traceback would.

PARTS = ("", "2013", "2013-07", "2013-07-09", "2014-02-30", "July 2013")


def _date_combinations() -> dict[str, str]:
    files = {}
    for i, start in enumerate(PARTS):
        for j, end in enumerate(PARTS):
            front = "title: A visit\nstate: {name: Chile, code: CL}\n"
            front += f"start: {start}\n" if start else ""
            front += f"end: {end}\n" if end else ""
            files[f"visits/2013-dates-{i}-{j}.md"] = f"---\n{front}---\n\nText.\n"
    return files


def _battery() -> dict[str, dict[str, str | bytes | None]]:
    from test_check import CASES as CHECK_CASES
    from test_preview import MISTAKES

    cases = {name: changes for name, (changes, _) in CHECK_CASES.items()}
    cases.update({f"mistake {path}": {path: content} for path, content in MISTAKES.items()})
    cases["every partial-date combination"] = dict(_date_combinations())
    return cases


BATTERY = _battery()


def _tool(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"tool_{name}", ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tools() -> dict[str, ModuleType]:
    return {name: _tool(name) for name in ("check", "translations", "new")}


def _call(module: ModuleType, argv: list[str]) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = module.main(argv)
        except SystemExit as stop:  # argparse's usage errors
            code = stop.code if isinstance(stop.code, int) else 1
    return code, out.getvalue() + err.getvalue()


@pytest.mark.parametrize("case", BATTERY)
def test_every_tool_answers_bad_content_without_a_traceback(tmp_path, tools, case, monkeypatch):
    changes = BATTERY[case]
    make_tree(tmp_path, changes)
    monkeypatch.chdir(tmp_path)
    docs = tmp_path / "docs"
    sources = sorted(str(Path("docs") / rel) for rel in changes if rel.endswith(".md") and rel.count(".") == 1)
    translated = sorted(str(Path("docs") / rel) for rel in changes if rel.endswith(".md") and rel.count(".") == 2)
    calls: list[tuple[str, list[str]]] = [
        ("check", ["--docs", str(docs), "--model-only"]),
        ("translations", ["--root", str(tmp_path), "status"]),
        ("translations", ["--root", str(tmp_path), "status", "--format", "json"]),
        ("new", ["--docs", str(docs), "message", "--date", "2026-11-21", "--title", "A new message"]),
        ("new", ["--docs", str(docs), "visit", "--state", "Chile", "--code", "CL", "--start", "2013-07"]),
    ]
    for path in sources:
        english = path if (tmp_path / path).is_file() else None
        if english:
            calls.append(("translations", ["--root", str(tmp_path), "start", "ru", english]))
            calls.append(("translations", ["--root", str(tmp_path), "done", "ru", english]))
    for path in translated:
        lang = path.rsplit(".", 2)[1]
        english = path.replace(f".{lang}.md", ".md")
        calls.append(("translations", ["--root", str(tmp_path), "done", lang, english]))
    for tool, argv in calls:
        code, output = _call(tools[tool], argv)
        assert code in (0, 1, 2), (tool, argv, code, output)
        assert "Traceback" not in output, (tool, argv, output)
        if code:
            assert output.strip(), (tool, argv, "a refusal is explained")


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def test_the_build_never_replaces_a_folder_it_did_not_make(tmp_path):
    make_tree(tmp_path, {})
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "overrides").symlink_to(ROOT / "overrides", target_is_directory=True)
    work = tmp_path / "my-work"
    work.mkdir()
    (work / "notes.txt").write_text("mine", encoding="utf-8")
    before = _snapshot(work)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/build.py"), "--site-dir", "my-work", "--languages", "en"],
        capture_output=True, text=True, cwd=tmp_path, env=BUILD_ENV, timeout=300,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "is not a site this build made" in result.stderr
    assert _snapshot(work) == before


def test_translations_never_write_through_a_link_or_a_folder(tmp_path):
    make_tree(tmp_path, {})
    outside = tmp_path / "outside.md"
    target = tmp_path / "docs/visits/madagascar.fr.md"
    target.symlink_to(outside)  # dangling
    for command in ("start", "done"):
        result = subprocess.run(
            [sys.executable, str(ROOT / "scripts/translations.py"), "--root", str(tmp_path), command, "fr", "docs/visits/madagascar.md"],
            capture_output=True, text=True, cwd=tmp_path,
        )  # fmt: skip
        assert result.returncode == 2, (command, result.stderr)
        assert "Traceback" not in result.stderr
        assert not outside.exists()
    target.unlink()
    target.mkdir()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/translations.py"), "--root", str(tmp_path), "done", "fr", "docs/visits/madagascar.md"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2 and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "front",
    [
        "title: Visite\ntranslation: unofficial\nsource_hash: >\n  abcdef0123456789\n",
        "title: Visite\ntranslation: unofficial\nstart: 2013\n",
    ],
    ids=["hash on two lines", "a field the check refuses"],
)
def test_done_refuses_a_translation_it_cannot_mark_without_changing_it(tmp_path, front):
    make_tree(tmp_path, {"visits/madagascar.fr.md": f"---\n{front}---\n\nTexte.\n"})
    target = tmp_path / "docs/visits/madagascar.fr.md"
    before = target.read_bytes()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/translations.py"), "--root", str(tmp_path), "done", "fr", "docs/visits/madagascar.md"],
        capture_output=True, text=True, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    assert "docs/visits/madagascar.fr.md:" in result.stderr and "unchanged" in result.stderr
    assert target.read_bytes() == before
