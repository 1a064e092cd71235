"""Every tool, given bad input, answers with a message and exit 1 or 2, never
a traceback."""

from __future__ import annotations

import subprocess
import sys

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
