"""scripts/check.py and scripts/new.py on small fixture trees: every bad input
gets its exact message with file and line, and a failing exit, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

VALID = {
    "index.md": "---\ntitle: Home\n---\n\nWelcome.\n\n<!-- listing: latest-messages -->\n",
    "messages/index.md": "---\ntitle: Messages\n---\n\n<!-- listing: messages -->\n",
    "visits/index.md": "---\ntitle: Visits\n---\n\n<!-- listing: visits -->\n",
    "resolutions/index.md": "---\ntitle: Resolutions\n---\n\n<!-- listing: resolutions -->\n",
    "messages/2013-11-18-korea.md": (
        "---\ntitle: A message\ndate: 2013-11-18\nvisit: 2013-korea\nresolutions: [1540-2004]\n---\n\nText.\n"
    ),
    "messages/2013-11-18-korea.fr.md": "---\ntitle: Un message\ntranslation: unofficial\n---\n\nTexte.\n",
    "visits/2013-korea.md": "---\ntitle: Visit\nstate: {name: Republic of Korea, code: KR}\nstart: 2013-11-18\n---\n\nText.\n",
    "visits/madagascar.md": "---\ntitle: Visit to Madagascar\nstate: {name: Madagascar, code: MG}\n---\n\nText.\n",
    "resolutions/1540-2004.md": (
        "---\ntitle: Resolution 1540 (2004)\nsymbol: S/RES/1540 (2004)\nadopted: 2004-04-28\n"
        "summary: Obliged States.\n---\n\nText.\n"
    ),
}
KEY = "messages/2013-11-18-korea.md"  # where a case changes the message
MESSAGE = f"docs/{KEY}"  # how problems name it


def make_tree(root: Path, changes: dict[str, str | bytes | None]) -> Path:
    docs = root / "docs"
    for rel, content in {**VALID, **changes}.items():
        if content is None:
            continue
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return docs


def run(script: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *args], capture_output=True, text=True, cwd=cwd
    )


def msg(front: str, body: str = "Text.\n") -> str:
    return f"---\n{front}\n---\n\n{body}"


BASE_FRONT = "title: A message\ndate: 2013-11-18"
CASES = {
    "broken YAML": (
        {KEY: msg("title: [unclosed\ndate: 2013-11-18")},
        f"{MESSAGE}:3: front matter is not valid YAML (did not find expected ',' or ']'); expected 'key: value' lines",
    ),
    "tab": (
        {KEY: msg("title: A message\n\tdate: 2013-11-18")},
        f"{MESSAGE}:3: tab character in front matter; indent YAML with spaces",
    ),
    "unclosed front matter": (
        {KEY: "---\ntitle: A message\ndate: 2013-11-18\n\nText.\n"},
        f"{MESSAGE}:1: front matter is not closed; expected a line '---' after the last field",
    ),
    "no front matter": (
        {KEY: "# A message\n\nText.\n"},
        f"{MESSAGE}:1: file does not start with front matter; expected a first line '---', found '# A message'",
    ),
    "front matter not a mapping": (
        {KEY: msg("- title\n- date")},
        f"{MESSAGE}:2: front matter is a list, not fields; expected 'key: value' lines",
    ),
    "missing title": (
        {KEY: msg("date: 2013-11-18")},
        f"{MESSAGE}:1: missing required field 'title'; add it to the front matter",
    ),
    "empty title": ({KEY: msg('title: ""\ndate: 2013-11-18')}, f"{MESSAGE}:2: field 'title' is empty; expected text"),
    "title of wrong type": (
        {KEY: msg("title: 42\ndate: 2013-11-18")},
        f"{MESSAGE}:2: field 'title' found the number 42; expected text",
    ),
    "duplicate field": (
        {KEY: msg("title: A\ntitle: B\ndate: 2013-11-18")},
        f"{MESSAGE}:3: field 'title' is given twice (first on line 2); keep one",
    ),
    "impossible date": (
        {KEY: msg("title: A message\ndate: 2013-02-30")},
        f"{MESSAGE}:3: field 'date' '2013-02-30' is not a real calendar date; expected YYYY-MM-DD",
    ),
    "date in another form": (
        {KEY: msg("title: A message\ndate: 18 November 2013")},
        f"{MESSAGE}:3: field 'date' found '18 November 2013'; expected a date written YYYY-MM-DD",
    ),
    "unknown field": (
        {KEY: msg(BASE_FRONT + "\nauthor: Someone")},
        f"{MESSAGE}:4: unknown field 'author' for messages; expected one of: title, date, summary, visit, resolutions",
    ),
    "list field given as text": (
        {KEY: msg(BASE_FRONT + "\nresolutions: 1540-2004")},
        f"{MESSAGE}:4: field 'resolutions' found the text '1540-2004'; expected a list, for example [1540-2004]",
    ),
    "file name not matching the date": (
        {KEY: None, "messages/2013-11-19-korea.md": msg(BASE_FRONT)},
        "docs/messages/2013-11-19-korea.md:3: file name '2013-11-19-korea' does not match the date 2013-11-18; expected 2013-11-18-short-title.md",
    ),
    "file name with capitals": (
        {"visits/Albania.md": msg("title: Visit\nstate: {name: Albania, code: AL}")},
        "docs/visits/Albania.md:1: file name 'Albania' is not lowercase words joined by hyphens; expected YYYY-state-name.md (the year the visit started), or state-name.md when it is unknown",
    ),
    "unknown collection": (
        {"news/2013-item.md": msg("title: News")},
        "docs/news/2013-item.md:1: unknown collection 'news'; expected a folder among messages, visits, resolutions",
    ),
    "unknown language": (
        {"messages/2013-11-18-korea.de.md": msg("title: Eine Botschaft")},
        "docs/messages/2013-11-18-korea.de.md:1: unknown language '.de.md'; expected one of .ar.md, .zh.md, .fr.md, .ru.md, .es.md",
    ),
    "English with a suffix": (
        {"messages/2013-11-18-korea.en.md": msg("title: A message")},
        "docs/messages/2013-11-18-korea.en.md:1: English is the file without a suffix '.en.md'; expected one of .ar.md, .zh.md, .fr.md, .ru.md, .es.md",
    ),
    "translation without original": (
        {"messages/2014-01-01-new.fr.md": msg("title: Nouveau")},
        "docs/messages/2014-01-01-new.fr.md:1: translation without an English original; expected docs/messages/2014-01-01-new.md to exist",
    ),
    "shared field in a translation": (
        {"messages/2013-11-18-korea.fr.md": msg("title: Un message\ndate: 2013-11-18")},
        "docs/messages/2013-11-18-korea.fr.md:3: 'date' is the same in every language and is written only in the English file; remove it here",
    ),
    "non-UTF-8 bytes": (
        {KEY: "---\ntitle: Un d\xe9cret\ndate: 2013-11-18\n---\n".encode("latin-1")},
        f"{MESSAGE}:2: bytes that are not UTF-8 (byte 0xe9); save the file as UTF-8",
    ),
    "byte-order mark": (
        {KEY: b"\xef\xbb\xbf" + msg(BASE_FRONT).encode()},
        f"{MESSAGE}:1: file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM",
    ),
    "empty file": ({KEY: ""}, f"{MESSAGE}:1: file is empty; expected front matter between '---' lines, then text"),
    "script": (
        {KEY: msg(BASE_FRONT, "Text.\n\n<script>alert(1)</script>\n")},
        f"{MESSAGE}:8: raw HTML <script> is not allowed; write Markdown instead (allowed tags: abbr, br, sub, sup)",
    ),
    "iframe": (
        {KEY: msg(BASE_FRONT, '<iframe src="https://example.org"></iframe>\n')},
        f"{MESSAGE}:6: raw HTML <iframe> is not allowed; write Markdown instead (allowed tags: abbr, br, sub, sup)",
    ),
    "style": (
        {KEY: msg(BASE_FRONT, "<style>body{display:none}</style>\n")},
        f"{MESSAGE}:6: raw HTML <style> is not allowed; write Markdown instead (allowed tags: abbr, br, sub, sup)",
    ),
    "event handler": (
        {KEY: msg(BASE_FRONT, 'The <abbr title="x" onmouseover="alert(1)">WMD</abbr>.\n')},
        f"{MESSAGE}:6: event-handler attribute 'onmouseover' in <abbr>; remove it (scripts are not allowed in content)",
    ),
    "javascript link": (
        {KEY: msg(BASE_FRONT, "[click](javascript:alert(1))\n")},
        f"{MESSAGE}:6: unsafe 'javascript:' link; expected an https:// link or a link to another page (.md)",
    ),
    "obfuscated javascript link": (
        {KEY: msg(BASE_FRONT, "[click](jav&#x61;script:alert(1))\n")},
        f"{MESSAGE}:6: unsafe 'javascript:' link; expected an https:// link or a link to another page (.md)",
    ),
    "vbscript reference link": (
        {KEY: msg(BASE_FRONT, "[click][x]\n\n[x]: vbscript:msgbox\n")},
        f"{MESSAGE}:8: unsafe 'vbscript:' link; expected an https:// link or a link to another page (.md)",
    ),
    "data image": (
        {KEY: msg(BASE_FRONT, "![x](data:image/svg+xml;base64,PHN2Zz4=)\n")},
        f"{MESSAGE}:6: unsafe 'data:' link; expected an https:// link or a link to another page (.md)",
    ),
    "broken link": (
        {KEY: msg(BASE_FRONT, "See [the visit](../visits/2013-korean.md).\n")},
        f"{MESSAGE}:6: link to '../visits/2013-korean.md', which does not exist; expected a path to a file under docs/, relative to this file",
    ),
    "dangling reference": (
        {KEY: msg(BASE_FRONT + "\nvisit: 2013-japan")},
        f"{MESSAGE}:4: field 'visit' refers to '2013-japan', which does not exist; expected a file docs/visits/2013-japan.md",
    ),
    "duplicate resolution": (
        {"resolutions/1540-2004b.md": VALID["resolutions/1540-2004.md"]},
        "docs/resolutions/1540-2004b.md:1: duplicate of docs/resolutions/1540-2004.md (same resolution); keep one file",
    ),
    "bad symbol": (
        {
            "resolutions/1540-2004.md": VALID["resolutions/1540-2004.md"].replace(
                "S/RES/1540 (2004)\n", "S/RES/1540(2004)\n"
            )
        },
        "docs/resolutions/1540-2004.md:3: field 'symbol' found 'S/RES/1540(2004)'; expected a resolution symbol such as 'S/RES/1540 (2004)'",
    ),
    "unknown country code": (
        {"visits/madagascar.md": msg("title: Visit\nstate: {name: Madagascar, code: XX}")},
        "docs/visits/madagascar.md:3: field 'state' code 'XX' is not an ISO 3166-1 alpha-2 code; expected two capital letters such as KR",
    ),
    "visit ending before it starts": (
        {
            "visits/2013-korea.md": msg(
                "title: Visit\nstate: {name: Republic of Korea, code: KR}\nstart: 2013-11-18\nend: 2013-11-10"
            )
        },
        "docs/visits/2013-korea.md:5: the visit ends (2013-11-10) before it starts (2013-11-18); expected end on or after start",
    ),
    "scaffold placeholder left": (
        {KEY: msg(BASE_FRONT, "TODO: the text of the message.\n")},
        f"{MESSAGE}:6: placeholder 'TODO:' left in the text; write the real text",
    ),
    "HTML comment": (
        {KEY: msg(BASE_FRONT, "<!-- draft: do not publish -->\n")},
        f"{MESSAGE}:6: HTML comment in content; remove it (only '<!-- listing: NAME -->' markers are allowed)",
    ),
}


def test_valid_tree_passes(tmp_path):
    make_tree(tmp_path, {})
    result = run("check.py", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "content files are valid" in result.stderr


@pytest.mark.parametrize("case", CASES)
def test_bad_input_gets_its_exact_message(tmp_path, case):
    changes, expected = CASES[case]
    make_tree(tmp_path, changes)
    result = run("check.py", "--docs", "docs", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert expected in result.stdout.splitlines(), result.stdout


def test_all_problems_are_reported_at_once(tmp_path):
    make_tree(tmp_path, {**CASES["script"][0], **CASES["unknown collection"][0]})
    result = run("check.py", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 2
    assert "2 problem(s) found" in result.stderr


def test_paths_limit_what_is_reported(tmp_path):
    make_tree(tmp_path, {"news/x.md": msg("title: x"), "visits/madagascar.md": msg("title: Visit")})
    result = run("check.py", "--docs", "docs", "docs/news", cwd=tmp_path)
    assert result.returncode == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["docs/news/x.md"]


def test_check_is_fast_on_the_real_content():
    result = run("check.py", cwd=ROOT)
    assert result.returncode == 0
    seconds = float(result.stderr.rsplit("(", 1)[1].split(" s")[0])
    assert seconds < 1.0


# -- scripts/new.py ---------------------------------------------------------


def test_new_message_is_created_valid_except_for_its_placeholders(tmp_path):
    docs = make_tree(tmp_path, {})
    result = run(
        "new.py",
        "--docs",
        str(docs),
        "message",
        "--date",
        "2026-11-28",
        "--title",
        "Message on the anniversary",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    path = docs / "messages" / "2026-11-28-the-anniversary.md"
    assert path.exists()
    assert "Preview: http://127.0.0.1:8000/messages/2026-11-28-the-anniversary/" in result.stdout
    check = run("check.py", "--docs", "docs", cwd=tmp_path)
    assert check.returncode == 1
    assert all("placeholder" in line for line in check.stdout.splitlines())


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["message", "--date", "2026-02-30", "--title", "x"],
            "--date '2026-02-30' is not a real calendar date; expected YYYY-MM-DD",
        ),
        (["message", "--title", "x"], "the following arguments are required: --date"),
        (
            ["message", "--date", "2013-11-18", "--title", "x", "--slug", "korea"],
            "exists already; choose another --slug or edit that file",
        ),
        (["visit", "--state", "Narnia", "--code", "NN"], "code 'NN' is not an ISO 3166-1 alpha-2 code"),
        (
            ["resolution", "--symbol", "1540", "--adopted", "2004-04-28", "--summary", "x"],
            "expected a resolution symbol such as 'S/RES/1540 (2004)'",
        ),
        (
            ["resolution", "--symbol", "S/RES/1540 (2004)", "--adopted", "2005-04-28", "--summary", "x"],
            "is not in 2004",
        ),
    ],
)
def test_new_refuses_bad_options(tmp_path, args, expected):
    docs = make_tree(tmp_path, {})
    result = run("new.py", "--docs", str(docs), *args, cwd=tmp_path)
    assert result.returncode == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_new_help_explains_every_option(tmp_path):
    for kind, options in {
        "message": ["--date", "--title", "--slug"],
        "visit": ["--state", "--code", "--start"],
        "resolution": ["--symbol", "--adopted", "--summary"],
    }.items():
        result = run("new.py", kind, "--help", cwd=tmp_path)
        assert result.returncode == 0
        assert all(option in result.stdout for option in options)
