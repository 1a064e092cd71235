"""The live preview shows drafts and their problems instead of dying; the
build and the check still refuse them, and report the same problems; edits
to content, strings, templates and code show on the next rebuild.

The tree below holds one of each kind of editor's mistake the preview once
died on or hid (issue 14), and every hostile body of ``test_safety.py``.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import BUILD_ENV, ROOT, run_build
from site_tools.project import copy_project
from test_check import make_tree
from test_safety import CASES as HOSTILE_CASES
from test_safety import _case, _date

DRAFT = "messages/2026-11-21-a-draft.md"  # written by scripts/new.py: placeholders to fill in
BROKEN = "messages/2013-01-02-bad-date.md"
MISTAKES: dict[str, str | bytes | None] = {
    BROKEN: "---\ntitle: Bad date\ndate: 2013-02-30\n---\n\nText.\n",
    "messages/2013-01-03-empty.md": "",
    "messages/2013-01-04-unclosed.md": "---\ntitle: Unclosed\ndate: 2013-01-04\n\nText.\n",
    "messages/2099-01-01-far-ahead.md": "---\ntitle: Far ahead\ndate: 2099-01-01\n---\n\nText.\n",
    "visits/2014-duplicate-keys.md": (
        "---\ntitle: Visit\nstate: {name: Greece, code: GR, code: FR}\nstart: 2014-05-01\n---\n\nText.\n"
    ),
    "visits/2013-year-only.md": "---\ntitle: A visit\nstate: {name: Chile, code: CL}\nstart: 2013\n---\n\nText.\n",
    "visits/2026-month-then-year.md": (
        "---\ntitle: A visit\nstate: {name: Peru, code: PE}\nstart: 2026-07\nend: 2026\n---\n\nText.\n"
    ),
    "visits/2015-refers-to-nothing.md": (
        "---\ntitle: A visit\nstate: {name: Mali, code: ML}\nstart: 2015-03-02\nmessage: 2015-01-01-gone\n---\n\nText.\n"
    ),
    "visits/2016-refers-to-a-broken-message.md": (
        "---\ntitle: A visit\nstate: {name: Chad, code: TD}\nstart: 2016-03-02\nmessage: 2013-01-02-bad-date\n---\n\nText.\n"
    ),
    "messages/2013-11-18-korea.fr.md": (
        "---\ntitle: Un message\ntranslation: unofficial\n---\n\nTexte et [lien](#nulle-part).\n\n"
        "<!-- listing: nothing-of-the-kind -->\n\n<script>alert(1)</script>\n"
    ),
    "messages/picture.svg": "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
}
LOCATED_RE = re.compile(r"(docs/[^\s:]+:\d+): (.*)")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project whose docs/ holds every mistake at once."""
    root = tmp_path_factory.mktemp("preview")
    copy_project(root)
    shutil.rmtree(root / "docs")
    hostile = {f"messages/{_date(n)}-case-{n}.md": _case(n) for n in range(len(HOSTILE_CASES))}
    make_tree(root, {**MISTAKES, **hostile})
    created = subprocess.run(
        [sys.executable, str(ROOT / "scripts/new.py"), "--docs", "docs", "message", "--date", "2026-11-21", "--title", "A draft"],
        capture_output=True, text=True, cwd=root,
    )  # fmt: skip
    assert created.returncode == 0, created.stderr
    assert (root / "docs" / DRAFT).is_file()
    return root


@pytest.fixture(scope="module")
def preview(project) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The preview's build of every language (what `make serve` runs, written to a folder)."""
    env = {**BUILD_ENV, "SITE_PREVIEW": "1"}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "mkdocs"), "build", "--no-strict", "--site-dir", str(project / "preview")],
        capture_output=True, text=True, cwd=project, env=env,
    )  # fmt: skip
    return result, project / "preview"


@pytest.fixture(scope="module")
def checked(project) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts/check.py"), "--docs", "docs"],
        capture_output=True, text=True, cwd=project, env=BUILD_ENV,
    )  # fmt: skip


def _located(text: str) -> set[str]:
    """The ``docs/<path>:<line>`` every problem in ``text`` is led by."""
    return {match[1] for match in LOCATED_RE.finditer(text)}


def _banner(page: Path) -> dict[str, list[str]]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    section = soup.select_one("section.preview-problems")
    assert section is not None, f"no banner on {page}"
    lists = {h3.get_text(): [li.get_text() for li in h3.find_next_sibling("ul").select("li")] for h3 in section("h3")}
    return {"title": [section.h2.get_text()], **lists}


def test_the_preview_builds_and_names_every_problem_in_the_terminal(preview, checked):
    result, site = preview
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    assert checked.returncode == 1
    assert _located(checked.stdout) <= _located(result.stderr)


def test_the_draft_is_shown_with_its_own_problems_first(preview):
    _, site = preview
    banner = _banner(site / "messages/2026-11-21-a-draft/index.html")
    here = banner["In this page's files"]
    assert here and all(line.startswith(f"docs/{DRAFT}:") for line in here), here
    assert any("placeholder 'TODO:'" in line for line in here)
    assert any(line.startswith(f"docs/{BROKEN}:3: field 'date'") for line in banner["In other files"])


def test_the_banner_speaks_the_pages_language(preview):
    _, site = preview
    french = _banner(site / "fr/messages/2013-11-18-korea/index.html")
    assert french["title"][0].startswith("Aperçu : problèmes à corriger")
    here = french["Dans les fichiers de cette page"]
    # The translation's own problems, each on its own line: the refused
    # script, the unknown listing and the missing anchor.
    for line, what in ((10, "element <script>"), (8, "nothing-of-the-kind"), (6, "#nulle-part")):
        assert any(
            text.startswith(f"docs/messages/2013-11-18-korea.fr.md:{line}:") and what in text for text in here
        ), (
            line,
            here,
        )
    assert "<script>alert(1)</script>" not in (site / "fr/messages/2013-11-18-korea/index.html").read_text()
    arabic = _banner(site / "ar/messages/2013-11-18-korea/index.html")
    assert arabic["title"][0].startswith("معاينة")


def test_a_file_that_cannot_be_shown_is_named_on_the_404_page(preview, checked):
    _, site = preview
    assert not (site / "messages/2013-01-02-bad-date").exists()
    assert not (site / "messages/picture.svg").exists()
    banner = _banner(site / "404.html")
    listed = _located("\n".join(banner["In other files"]))
    assert _located(checked.stdout) <= listed, _located(checked.stdout) - listed
    # Not a problem of its own (the check is silent on it), but not shown: it
    # refers to a message the preview cannot show.
    assert "docs/visits/2016-refers-to-a-broken-message.md:1" in listed


def test_the_build_and_the_check_refuse_the_same_problems(project, checked):
    env = {**BUILD_ENV, "SITE_PREVIEW": "1"}  # a preview setting left in the environment changes nothing
    result = run_build(project / "mkdocs.yml", project / "site", env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + checked.stderr
    assert not (project / "site").exists()
    assert _located(checked.stdout) == _located(result.stderr)


def test_the_build_and_the_check_agree_once_the_model_is_clean(tmp_path):
    """Past the model's problems: the conversion's, in every language."""
    copy_project(tmp_path)
    shutil.rmtree(tmp_path / "docs")
    make_tree(tmp_path, {key: MISTAKES[key] for key in ("messages/2013-11-18-korea.fr.md",)})
    checked = subprocess.run(
        [sys.executable, str(ROOT / "scripts/check.py"), "--docs", "docs"],
        capture_output=True, text=True, cwd=tmp_path, env=BUILD_ENV,
    )  # fmt: skip
    built = run_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert checked.returncode == built.returncode == 1
    expected = {f"docs/messages/2013-11-18-korea.fr.md:{line}" for line in (6, 8, 10)}
    assert _located(checked.stdout) == _located(built.stderr) == expected, (checked.stdout, built.stderr)


def test_a_published_page_never_carries_a_banner(site):
    pages = list(site.rglob("*.html"))
    assert pages
    assert not [page for page in pages if "preview-problems" in page.read_text(encoding="utf-8")]


# -- live reload -------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _fetch(url):
            return True
        time.sleep(0.5)
    return False


def test_edits_show_on_the_next_rebuild_without_a_restart(tmp_path):
    """Content, interface strings, our templates, the theme overrides and the
    package's Python code: each edit shows in the running preview."""
    copy_project(tmp_path)
    port = _free_port()
    # (The copy's own code, not the project's: PYTHONPATH comes before the installed package.)
    env = {**BUILD_ENV, "SITE_PREVIEW": "1", "SITE_LOCALE": "en", "PYTHONPATH": str(tmp_path / "scripts")}
    env.pop("SITE_URL")  # served at the root, as `make preview` serves it
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "mkdocs"), "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}/"
    seed = base + "messages/2013-11-18-republic-of-korea/"
    tools = tmp_path / "scripts/site_tools"
    try:
        assert _wait_for(seed, "</html>", 120), "the preview did not start"
        edits = [
            (tmp_path / "docs/messages/2013-11-18-republic-of-korea.md", "Thank you.", "Thank you. EDITED-CONTENT"),
            (tools / "strings/en.yml", "\ndate: Date\n", "\ndate: Date EDITED-STRING\n"),
            (tools / "templates/facts_messages.html.j2", "</ul>", "<li>EDITED-TEMPLATE</li></ul>"),
            (tmp_path / "overrides/main.html", "{% block content %}{% autoescape true %}", "{% block content %}{% autoescape true %}EDITED-OVERRIDE"),
            (tools / "render.py", 'LATEST_COUNT = 5', 'LATEST_COUNT = 5\nEDITED_CODE = "EDITED-" + "CODE"'),
        ]  # fmt: skip
        for path, old, new in edits:
            text = path.read_text(encoding="utf-8")
            assert old in text, (path, old)
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
            marker = re.search(r"EDITED-\w+", new)
            if path.name == "render.py":
                # Code: a new line of Python the home page then shows.
                page = tools / "language_build.py"
                source = page.read_text(encoding="utf-8")
                hook = 'context["og_locale"] = get(self.lang).og_locale'
                assert hook in source
                page.write_text(
                    source.replace(hook, hook + '\n        context["og_locale"] += "-" + __import__("site_tools.render").render.EDITED_CODE'),
                    encoding="utf-8",
                )  # fmt: skip
                assert _wait_for(seed, "EDITED-CODE"), "an edit of the Python code did not show"
                continue
            assert marker is not None
            url = seed
            assert _wait_for(url, marker[0]), f"{path.name}: the edit did not show"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    errors = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "Traceback" not in errors, errors[-3000:]


def test_the_makefile_previews_drafts():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("serve", "preview"):
        recipe = re.search(rf"^{target}:.*\n\t(.*)$", makefile, re.M)
        assert recipe is not None
        assert "SITE_PREVIEW=1" in recipe[1] and "--no-strict" in recipe[1], recipe[1]
