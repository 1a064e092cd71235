"""scripts/check.py and scripts/new.py on small fixture trees: every bad input
gets its exact message with file and line, and a failing exit, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from site_tools.assets import publishable_files, refused_file
from site_tools.frontmatter import parse
from site_tools.model import load_site

VALID = {
    "index.md": "---\ntitle: Home\n---\n\nWelcome.\n\n<!-- listing: latest-messages -->\n",
    "messages/index.md": "---\ntitle: Messages\n---\n\n<!-- listing: messages -->\n",
    "visits/index.md": "---\ntitle: Visits\n---\n\n<!-- listing: visits -->\n",
    "resolutions/index.md": "---\ntitle: Resolutions\n---\n\n<!-- listing: resolutions -->\n",
    "statements/index.md": "---\ntitle: Statements\n---\n\n<!-- listing: statements -->\n",
    "translations.md": "---\ntitle: Translations\n---\n\n<!-- listing: translation-status -->\n",
    "states/index.md": "---\ntitle: States\n---\n\n<!-- listing: visits-map -->\n\n<!-- listing: states -->\n",
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
HIDDEN = "which is invisible and can disguise the text; delete it (fields are plain text)"
PUBLISHED = "Markdown, images (.png, .jpg, .jpeg, .gif, .webp, .avif) or .pdf"
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
        f"{MESSAGE}:4: unknown field 'author' for messages; expected one of: title, date, summary, visit, resolutions, sources",
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
        "docs/news/2013-item.md:1: unknown collection 'news'; expected a folder among messages, visits, resolutions, statements",
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
    # -- fields are plain text (issue 12) ---------------------------------
    "bidirectional override in a title": (
        {KEY: msg('title: "A \\u202emessage"\ndate: 2013-11-18')},
        f"{MESSAGE}:2: field 'title' holds U+202E RIGHT-TO-LEFT OVERRIDE, {HIDDEN}",
    ),
    "bidirectional override written as the character itself": (
        {KEY: msg("title: A \u202emessage\u202c\ndate: 2013-11-18")},
        f"{MESSAGE}:2: field 'title' holds U+202E RIGHT-TO-LEFT OVERRIDE and U+202C POP DIRECTIONAL FORMATTING, which are invisible and can disguise the text; delete them (fields are plain text)",
    ),
    "left-to-right mark in a summary": (
        {KEY: msg(BASE_FRONT + "\nsummary: A\u200e summary")},
        f"{MESSAGE}:4: field 'summary' holds U+200E LEFT-TO-RIGHT MARK, {HIDDEN}",
    ),
    "Arabic letter mark in a translation's title": (
        {"messages/2013-11-18-korea.fr.md": msg("title: Un\u061c message\ntranslation: unofficial")},
        f"docs/messages/2013-11-18-korea.fr.md:2: field 'title' holds U+061C ARABIC LETTER MARK, {HIDDEN}",
    ),
    "isolate in a translation's title": (
        {"messages/2013-11-18-korea.fr.md": msg('translation: unofficial\ntitle: "Un \\u2067message"')},
        f"docs/messages/2013-11-18-korea.fr.md:3: field 'title' holds U+2067 RIGHT-TO-LEFT ISOLATE, {HIDDEN}",
    ),
    "zero-width space in a nested field": (
        {"visits/madagascar.md": msg("title: Visit\nstate: {name: Mada\u200bgascar, code: MG}")},
        f"docs/visits/madagascar.md:3: field 'state.name' holds U+200B ZERO WIDTH SPACE, {HIDDEN}",
    ),
    "zero-width joiner in a block mapping": (
        {"visits/madagascar.md": msg("title: Visit\nstate:\n  name: Madagascar\u200d\n  code: MG")},
        f"docs/visits/madagascar.md:4: field 'state.name' holds U+200D ZERO WIDTH JOINER, {HIDDEN}",
    ),
    "byte-order mark character inside a value": (
        {"visits/madagascar.md": msg("title: Visit\ufeff to Madagascar\nstate: {name: Madagascar, code: MG}")},
        f"docs/visits/madagascar.md:2: field 'title' holds U+FEFF ZERO WIDTH NO-BREAK SPACE, {HIDDEN}",
    ),
    "word joiner in a list item": (
        {KEY: msg(BASE_FRONT + '\nresolutions:\n  - 1540-2004\n  - "1673-2006\\u2060"')},
        f"{MESSAGE}:6: field 'resolutions' (item 2) holds U+2060 WORD JOINER, {HIDDEN}",
    ),
    "control character in a title": (
        {KEY: msg('title: "A\\amessage"\ndate: 2013-11-18')},
        f"{MESSAGE}:2: field 'title' holds U+0007 CONTROL CHARACTER, {HIDDEN}",
    ),
    "escaped tab in a title": (
        {KEY: msg('title: "A\\tmessage"\ndate: 2013-11-18')},
        f"{MESSAGE}:2: field 'title' holds U+0009 CHARACTER TABULATION, {HIDDEN}",
    ),
    "C1 control in a title": (
        {KEY: msg('title: "A\\x9bmessage"\ndate: 2013-11-18')},
        f"{MESSAGE}:2: field 'title' holds U+009B CONTROL CHARACTER, {HIDDEN}",
    ),
    "line separator in a title": (
        {KEY: msg('title: "A\\Lmessage"\ndate: 2013-11-18')},
        f"{MESSAGE}:2: field 'title' holds U+2028 LINE SEPARATOR, {HIDDEN}",
    ),
    "title on two lines": (
        {KEY: msg('title: "A\\nmessage"\ndate: 2013-11-18')},
        f"{MESSAGE}:2: field 'title' spans several lines; expected one line of text",
    ),
    "zero-width space in a field's name": (
        {KEY: msg("ti\u200btle: A message\ndate: 2013-11-18")},
        f"{MESSAGE}:2: field name 'ti\\u200btle' holds U+200B ZERO WIDTH SPACE, {HIDDEN}",
    ),
    "slug with a final newline": (
        {KEY: msg(BASE_FRONT + '\nvisit: "2013-korea\\n"')},
        f"{MESSAGE}:4: field 'visit' found '2013-korea\\n'; expected a slug of lowercase letters, digits and hyphens",
    ),
    "duplicate key in a nested mapping": (
        {"visits/madagascar.md": msg("title: Visit\nstate: {name: Greece, code: GR, code: FR}")},
        "docs/visits/madagascar.md:3: field 'state.code' is given twice (first on line 3); keep one",
    ),
    "duplicate key in a nested block mapping": (
        {"visits/madagascar.md": msg("title: Visit\nstate:\n  name: Greece\n  code: GR\n  code: FR")},
        "docs/visits/madagascar.md:6: field 'state.code' is given twice (first on line 5); keep one",
    ),
    # -- only known files are published (issue 12) -------------------------
    "Markdown named in capitals": (
        {"messages/evil.MD": "<script>alert(1)</script>"},
        "docs/messages/evil.MD:1: '.MD' in capitals is not read as content; expected a name ending in '.md'",
    ),
    "a folder named like a language's site": (
        {"fr/logo.png": b"\x89PNG\r\n\x1a\n0000"},
        "docs/fr/logo.png:1: folder 'fr/' is where the French site is published; expected translations beside their original (name.fr.md), assets in docs/assets/",
    ),
    "a right-to-left override in the text": (
        {KEY: msg(BASE_FRONT, "Text.\n\nAbc \u202edef\n")},
        f"{MESSAGE}:8: the text holds U+202E RIGHT-TO-LEFT OVERRIDE, an invisible character that can disguise or reorder what readers see; delete it",
    ),
    "an invisible separator in the text": (
        {KEY: msg(BASE_FRONT, "Text\u2063.\n")},
        f"{MESSAGE}:6: the text holds U+2063 INVISIBLE SEPARATOR, an invisible character that can disguise or reorder what readers see; delete it",
    ),
    "an invisible separator in a title": (
        {KEY: msg("title: A message\u2063\ndate: 2013-11-18")},
        f"{MESSAGE}:2: field 'title' holds U+2063 INVISIBLE SEPARATOR, {HIDDEN}",
    ),
    "a line too long to convert in time": (
        {KEY: msg(BASE_FRONT, "Text.\n\n" + "x ](" * 2000 + "\n")},
        f"{MESSAGE}:8: line of 8,000 characters; expected at most 4,000: break it into paragraphs",
    ),
    "lists nested too deep": (
        {KEY: msg(BASE_FRONT, "".join("    " * i + "- item\n" for i in range(20)))},
        f"{MESSAGE}:19: nested 13 levels deep (lists, quotes, indented code); expected at most 12",
    ),
    "a date far ahead": (
        {
            KEY: None,
            "messages/9999-12-31-korea.md": msg("title: A message\ndate: 9999-12-31"),
        },
        "docs/messages/9999-12-31-korea.md:3: field 'date' '9999-12-31' is more than a year ahead; expected the real date",
    ),
    "a visit start far ahead": (
        {"visits/madagascar.md": msg("title: Visit\nstate: {name: Madagascar, code: MG}\nstart: 2999")},
        "docs/visits/madagascar.md:4: field 'start' '2999' is more than a year ahead; expected the real date",
    ),
    "a paragraph of brackets": (
        {KEY: msg(BASE_FRONT, "Text.\n\n" + ("[" * 300 + "\n") * 2)},
        f"{MESSAGE}:8: paragraph with 600 '['; expected at most 400 (a link takes one)",
    ),
    "a paragraph too long": (
        {KEY: msg(BASE_FRONT, ("word " * 700 + "\n") * 3)},
        f"{MESSAGE}:6: paragraph of 10,503 characters; expected at most 8,000: break it up",
    ),
    "a noncharacter in a title": (
        {KEY: msg('title: "A message \\uFFFE"\ndate: 2013-11-18')},
        f"{MESSAGE}:2: field 'title' holds U+FFFE NONCHARACTER, {HIDDEN}",
    ),
    "a PDF whose action is written with escapes": (
        {"resolutions/1540-2004.pdf": b"%PDF-1.7\n<< /Type /Catalog /Open#41ction 4 0 R >>\n"},
        "docs/resolutions/1540-2004.pdf:1: PDF with scripts, actions or embedded files; expected a plain document (print it to PDF again)",
    ),
    "quotes nested too deep": (
        {KEY: msg(BASE_FRONT, ">" * 30 + " deep\n")},
        f"{MESSAGE}:6: nested 30 levels deep (lists, quotes, indented code); expected at most 12",
    ),
    "a control character in the text": (
        {KEY: msg(BASE_FRONT, "Text \x1b[31m.\n")},
        f"{MESSAGE}:6: the text holds U+001B ESCAPE, an invisible character that can disguise or reorder what readers see; delete it",
    ),
    "SVG image": (
        {"assets/images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'},
        f"docs/assets/images/logo.svg:1: file type '.svg' is not published (SVG can carry scripts: convert it to .png); expected {PUBLISHED}",
    ),
    "HTML file": (
        {"messages/page.html": "<script>alert(1)</script>"},
        f"docs/messages/page.html:1: file type '.html' is not published (pages are written in Markdown); expected {PUBLISHED}",
    ),
    "HTM file": (
        {"page.htm": "<p>x</p>"},
        f"docs/page.htm:1: file type '.htm' is not published (pages are written in Markdown); expected {PUBLISHED}",
    ),
    "script file": (
        {"assets/javascripts/x.js": "alert(1)"},
        f"docs/assets/javascripts/x.js:1: file type '.js' is not published (scripts are not published from docs/); expected {PUBLISHED}",
    ),
    "JSON file": (
        {"api/data.json": "{}"},
        f"docs/api/data.json:1: file type '.json' is not published; expected {PUBLISHED}",
    ),
    "XML file": (
        {"feed.xml": "<feed/>"},
        f"docs/feed.xml:1: file type '.xml' is not published; expected {PUBLISHED}",
    ),
    "file without a type": (
        {"CNAME": "example.org"},
        f"docs/CNAME:1: file without a type is not published; expected {PUBLISHED}",
    ),
    "hidden file": (
        {"messages/.DS_Store": b"\x00\x00\x00\x01Bud1"},
        "docs/messages/.DS_Store:1: hidden file or folder (its name starts with a dot); docs/ may hold only content and assets: delete it",
    ),
    "hidden folder": (
        {".drafts/2013-11-18-draft.md": msg(BASE_FRONT)},
        "docs/.drafts:1: hidden file or folder (its name starts with a dot); docs/ may hold only content and assets: delete it",
    ),
    "a stylesheet": (
        {"assets/stylesheets/extra.css": "body{}"},
        "docs/assets/stylesheets/extra.css:1: file type '.css' is not published (the site's stylesheet is overrides/assets/stylesheets/site.css, reviewed as code); expected "
        + PUBLISHED,
    ),
    "a PDF that runs a script when opened": (
        {"resolutions/1540-2004.pdf": b"%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n"},
        "docs/resolutions/1540-2004.pdf:1: PDF with scripts, actions or embedded files; expected a plain document (print it to PDF again)",
    ),
    "HTML named as an image": (
        {"assets/images/photo.png": "<html><script>alert(1)</script></html>"},
        "docs/assets/images/photo.png:1: the content of this file is not a PNG file; expected a real .png file, as its name says",
    ),
    "HTML named as a PDF": (
        {"resolutions/1540-2004.pdf": "<html></html>"},
        "docs/resolutions/1540-2004.pdf:1: the content of this file is not a PDF file; expected a real .pdf file, as its name says",
    ),
    # -- front matter read by one parser (issue 12) ------------------------
    "front matter opened only": (
        {KEY: "---\n"},
        f"{MESSAGE}:1: front matter is not closed; expected a line '---' after the last field",
    ),
    "unclosed front matter with CRLF": (
        {KEY: "---\r\ntitle: A message\r\ndate: 2013-11-18\r\n\r\nText.\r\n"},
        f"{MESSAGE}:1: front matter is not closed; expected a line '---' after the last field",
    ),
    "blank file": (
        {KEY: "\n\n  \n"},
        f"{MESSAGE}:1: file is empty; expected front matter between '---' lines, then text",
    ),
    "CRLF file keeps its line numbers": (
        {KEY: "---\r\ntitle: A message\r\ndate: 2013-02-30\r\n---\r\n\r\nText.\r\n"},
        f"{MESSAGE}:3: field 'date' '2013-02-30' is not a real calendar date; expected YYYY-MM-DD",
    ),
    "old Mac line endings keep their line numbers": (
        {KEY: "---\rtitle: A message\rdate: 2013-02-30\r---\r\rText.\r"},
        f"{MESSAGE}:3: field 'date' '2013-02-30' is not a real calendar date; expected YYYY-MM-DD",
    ),
}


def test_valid_tree_passes(tmp_path):
    make_tree(tmp_path, {})
    result = run("check.py", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "content files are valid" in result.stderr


# (Raw HTML in bodies is judged by the sanitizer on the build's real output:
# tests/test_safety.py.)
@pytest.mark.parametrize("case", CASES)
def test_bad_input_gets_its_exact_message(tmp_path, case):
    changes, expected = CASES[case]
    make_tree(tmp_path, changes)
    result = run("check.py", "--docs", "docs", cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert expected in result.stdout.splitlines(), result.stdout


def test_all_problems_are_reported_at_once(tmp_path):
    make_tree(tmp_path, {**CASES["dangling reference"][0], **CASES["unknown collection"][0]})
    result = run("check.py", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 1
    assert len(result.stdout.splitlines()) == 2
    assert "2 problem(s) found" in result.stderr


def test_paths_limit_what_is_reported(tmp_path):
    make_tree(tmp_path, {"news/x.md": msg("title: x"), "visits/madagascar.md": msg("title: Visit")})
    result = run("check.py", "--docs", "docs", "docs/news", cwd=tmp_path)
    assert result.returncode == 1
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == ["docs/news/x.md"]


def test_the_real_content_passes_the_check_and_its_conversion():
    result = run("check.py", cwd=ROOT)
    assert result.returncode == 0, result.stdout
    assert result.stdout == ""
    assert "content files are valid" in result.stderr


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


# -- issue 12: one message per problem; files and front matter as the build reads them


def test_a_reference_to_an_unreadable_file_is_not_a_second_problem(tmp_path):
    """A byte-order mark makes the resolution unreadable; the message citing it
    must not add "which does not exist" on top of the one real problem."""
    make_tree(tmp_path, {"resolutions/1540-2004.md": b"\xef\xbb\xbf" + VALID["resolutions/1540-2004.md"].encode()})
    result = run("check.py", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/resolutions/1540-2004.md:1: file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM"
    ]


def test_symbolic_links_are_refused_and_never_followed(tmp_path):
    docs = make_tree(tmp_path, {})
    outside = tmp_path / "outside"
    (outside / "visits").mkdir(parents=True)
    (outside / "secret.md").write_text(msg("title: Secret\ndate: 2013-11-18"), encoding="utf-8")
    (outside / "visits" / "2014-hidden.md").write_text("not even front matter", encoding="utf-8")
    (docs / "messages" / "2013-11-18-linked.md").symlink_to(outside / "secret.md")
    (docs / "visits" / "more").symlink_to(outside / "visits", target_is_directory=True)
    (docs / "assets").mkdir()
    (docs / "assets" / "gone.png").symlink_to(tmp_path / "nowhere.png")
    (docs / "resolutions" / "all").symlink_to(docs / "messages", target_is_directory=True)
    result = run("check.py", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 1
    link = "symbolic link; docs/ may hold only real files: replace it with the file itself"
    assert sorted(result.stdout.splitlines()) == [
        f"docs/assets/gone.png:1: {link}",
        f"docs/messages/2013-11-18-linked.md:1: {link}",
        f"docs/resolutions/all:1: {link}",
        f"docs/visits/more:1: {link}",
    ]


def test_files_that_may_be_published_pass(tmp_path):
    images = {
        "assets/images/a.png": b"\x89PNG\r\n\x1a\n" + bytes(8),
        "assets/images/b.jpg": b"\xff\xd8\xff\xe0" + bytes(8),
        "assets/images/c.jpeg": b"\xff\xd8\xff\xe1" + bytes(8),
        "assets/images/d.gif": b"GIF89a" + bytes(8),
        "assets/images/e.webp": b"RIFF\x00\x00\x00\x00WEBPVP8 ",
        "assets/images/f.avif": b"\x00\x00\x00\x1cftypavif" + bytes(4),
        "messages/2013-11-18-korea.PNG": b"\x89PNG\r\n\x1a\n" + bytes(8),
        "resolutions/1540-2004.pdf": b"%PDF-1.7\n",
    }
    docs = make_tree(tmp_path, images)
    site = load_site(docs)
    assert site.problems == []
    files, problems = publishable_files(docs)
    assert problems == []
    assert set(images) <= set(files)
    assert all(refused_file(rel, docs / rel) is None for rel in files)


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: A message\ndate: 2013-11-18\n---\n\nText.\n",
        "---\r\ntitle: A message\r\ndate: 2013-11-18\r\n---\r\n\r\nText.\r\n",
        "---\rtitle: A message\rdate: 2013-11-18\r---\r\rText.\r",
        "---  \ntitle: A message\ndate: 2013-11-18\n---   \n\nText.\n",
        "---\ntitle: A message\ndate: 2013-11-18\n---\t\n\nText.\n",
    ],
)
def test_front_matter_variants_give_one_body(tmp_path, text):
    """CRLF, CR and delimiters with trailing blanks: the same file to the model,
    and the same body for the build to render."""
    docs = make_tree(tmp_path, {KEY: text.encode()})
    site = load_site(docs)
    assert site.problems == []
    source = site.documents[KEY].english
    assert (source.body, source.body_line) == ("\nText.\n", 5)
    assert source.meta["title"] == "A message"


@pytest.mark.parametrize(
    ("text", "body", "body_line"),
    [
        ("---\ntitle: A\n---", "", 4),  # ends right after the closing delimiter
        ("---\ntitle: A\n---\n", "", 4),
        ("---\ntitle: A\n---\nText.", "Text.", 4),
        ("---\r\ntitle: A\r\n---\r\n\r\n# Heading\r\n\r\nText.\r\n", "\n# Heading\n\nText.\n", 4),
        ("---\ntitle: A\n---\n---\nafter: a rule\n", "---\nafter: a rule\n", 4),  # only the first '---' closes
        ("---\n---\nText.\n", "Text.\n", 3),
    ],
)
def test_body_is_exactly_what_follows_the_closing_delimiter(text, body, body_line):
    parsed, problems = parse(text, "docs/x.md")
    assert problems == []
    assert (parsed.body, parsed.body_line) == (body, body_line)
    # Line i of the body is line body_line + i of the file (counting from 0).
    lines = text.replace("\r\n", "\n").split("\n")
    for number, line in enumerate(parsed.body.split("\n")):
        assert line == (lines[body_line - 1 + number] if body_line - 1 + number < len(lines) else "")


def test_a_file_ending_right_after_its_front_matter_is_valid(tmp_path):
    docs = make_tree(tmp_path, {"visits/madagascar.md": "---\ntitle: Visit\nstate: {name: Madagascar, code: MG}\n---"})
    site = load_site(docs)
    assert site.problems == []
    assert site.documents["visits/madagascar.md"].english.body == ""


def test_partial_dates_of_any_precision_build_side_by_side(tmp_path):
    """A visit known by its year beside ones known by month and day; a visit
    ending in a year that holds its start month: valid, listed, built."""
    make_tree(
        tmp_path,
        {
            "visits/2013-malawi.md": msg("title: Visit A\nstate: {name: Malawi, code: MW}\nstart: 2013"),
            "visits/2013-niger.md": msg("title: Visit B\nstate: {name: Niger, code: NE}\nstart: 2013-07\nend: 2013"),
            "visits/2013-chad.md": msg("title: Visit C\nstate: {name: Chad, code: TD}\nstart: 2013-07-02"),
        },
    )
    result = run("check.py", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    site = load_site(tmp_path / "docs")
    assert [doc.slug for doc in site.collection("visits")][:4] == [
        "2013-korea",
        "2013-chad",
        "2013-niger",
        "2013-malawi",
    ]


def test_a_visit_ending_before_it_starts_is_refused_at_any_precision(tmp_path):
    make_tree(
        tmp_path,
        {"visits/2013-niger.md": msg("title: Visit\nstate: {name: Niger, code: NE}\nstart: 2013-07\nend: 2013-06-30")},
    )
    result = run("check.py", "--docs", "docs", cwd=tmp_path)
    assert result.returncode == 1
    assert "docs/visits/2013-niger.md:5: the visit ends (2013-06-30) before it starts (2013-07)" in result.stdout


def test_new_visit_names_a_file_from_a_state_in_any_script(tmp_path):
    docs = make_tree(tmp_path, {})
    result = run(
        "new.py", "--docs", str(docs), "visit", "--state", "中国", "--code", "CN", "--start", "2014", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert (docs / "visits/2014-zhongguo.md").is_file()
    assert not (docs / "visits/2014-.md").exists()


def test_new_never_writes_through_a_link_nor_over_a_file(tmp_path):
    docs = make_tree(tmp_path, {})
    outside = tmp_path / "outside.md"
    (docs / "visits/2014-chad.md").symlink_to(outside)  # dangling: the file it names does not exist
    result = run(
        "new.py", "--docs", str(docs), "visit", "--state", "Chad", "--code", "TD", "--start", "2014", cwd=tmp_path
    )
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not outside.exists()
    existing = docs / "visits/madagascar.md"
    before = existing.read_bytes()
    result = run("new.py", "--docs", str(docs), "visit", "--state", "Madagascar", "--code", "MG", cwd=tmp_path)
    assert result.returncode == 2 and "exists already" in result.stderr
    assert existing.read_bytes() == before
