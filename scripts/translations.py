#!/usr/bin/env python3
"""Translators' tool: what is missing or outdated, and marking work done.

Commands:
  status [--format text|json|markdown] [--lang CODE]
      Per language, how many documents are current, outdated and missing, and
      which. json: a list of {"path", "lang", "status"}; markdown: a table for
      a GitHub job summary.
  start LANG PATH
      Create the LANG translation of the English file PATH (a path from the
      repository root, e.g. docs/messages/2013-11-18-republic-of-korea.md),
      with the English text to translate and the source hash filled in.
  done LANG PATH
      Mark the reviewed LANG translation of PATH as current again: record the
      hash of the English text as it is now.

Exit status: 0 success (status always succeeds: it reports; content problems
are only warned about, and an unreadable translation counts as missing),
2 bad invocation (unknown language, no such English file, translation exists
or is missing).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from site_tools.checks import placeholders
from site_tools.frontmatter import decode, parse
from site_tools.languages import BY_CODE, TRANSLATION_CODES
from site_tools.model import Document, Site, load_site
from site_tools.translations import STATUSES, as_json, report, source_hash, summary, translatable_fields

ROOT = Path(__file__).resolve().parents[1]

START_NOTE = "TODO: translate the text below into {name}, then delete this line."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--root", type=Path, default=ROOT, help="the repository root (default: this repository)")
    sub = parser.add_subparsers(dest="command", required=True)
    status = sub.add_parser("status", help="what is current, outdated or missing")
    status.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    status.add_argument("--lang", choices=TRANSLATION_CODES, help="only this language")
    for name, text in (("start", "create a translation from the English file"), ("done", "mark a translation current")):
        command = sub.add_parser(name, help=text)
        command.add_argument("lang", help=f"the language code: {', '.join(TRANSLATION_CODES)}")
        command.add_argument("path", help="the English file, from the repository root")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not (root / "docs").is_dir():
        parser.error(f"{args.root} has no docs/ folder; expected the repository root (--root)")
    site = load_site(root / "docs", root)
    if site.problems:
        # Reported, not fatal: a file that cannot be read counts as missing.
        print(f"warning: {len(site.problems)} content problem(s); see 'make check'", file=sys.stderr)
    if args.command == "status":
        return print_status(site, args.format, args.lang)
    if args.lang not in TRANSLATION_CODES:
        parser.error(f"unknown language {args.lang!r}; expected one of {', '.join(TRANSLATION_CODES)}")
    doc = _document(parser, site, args.path)
    target = root / "docs" / doc.key.replace(".md", f".{args.lang}.md")
    if target.is_symlink() or (target.exists() and not target.is_file()):
        parser.error(
            f"{target.relative_to(root)} is a link or a folder, not a file; expected a plain file (nothing was changed)"
        )
    if args.command == "start":
        return start(parser, doc, args.lang, target, root)
    return done(parser, doc, args.lang, target, root, site)


def _document(parser: argparse.ArgumentParser, site: Site, path: str) -> Document:
    key = Path(path).as_posix().removeprefix("./").removeprefix("docs/")
    doc = site.documents.get(key)
    if doc is None:
        parser.error(f"{path} is not an English document; expected a path such as docs/messages/<name>.md")
    return doc


def print_status(site: Site, form: str, lang: str | None) -> int:
    entries = [e for e in report(site) if lang is None or e.lang == lang]
    if form == "json":
        print(as_json(entries))
        return 0
    counts = summary(entries)
    languages = [lang] if lang else list(TRANSLATION_CODES)
    if form == "markdown":
        print("| Language | Current | Outdated | Missing | Translated |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for code in languages:
            c = counts[code]
            total = sum(c.values())
            print(
                f"| {BY_CODE[code].english_name} ({code}) | {c['current']} | {c['outdated']} | {c['missing']} | {100 * c['current'] // max(total, 1)}% |"
            )
        for status in ("outdated", "missing"):
            rows = [e for e in entries if e.status == status]
            if rows:
                print(f"\n<details><summary>{status.capitalize()} ({len(rows)})</summary>\n")
                for entry in rows:
                    print(f"- `{entry.lang}` {entry.path}")
                print("\n</details>")
        return 0
    for code in languages:
        c = counts[code]
        print(f"{BY_CODE[code].english_name} ({code}): " + ", ".join(f"{c[s]} {s}" for s in STATUSES))
        for entry in entries:
            if entry.lang == code and entry.status != "current":
                print(f"  {entry.status:8} {entry.path}")
    return 0


_ONE_LINE_HASH = re.compile(r"""^source_hash:[ \t]*(?:"[0-9a-f]*"|'[0-9a-f]*'|[0-9a-f]*)[ \t]*(?:#.*)?$""")


def start(parser: argparse.ArgumentParser, doc: Document, lang: str, target: Path, root: Path) -> int:
    if target.exists():
        parser.error(f"{target.relative_to(root)} exists already; edit it, then run 'done'")
    english = doc.english
    lines = ["---"]
    for name in translatable_fields(doc):
        if name in english.meta:
            lines.append(f"{name}: {json.dumps(english.meta[name], ensure_ascii=False)}")
    lines += ["translation: unofficial", f'source_hash: "{source_hash(doc)}"', "---", ""]
    note = START_NOTE.format(name=BY_CODE[lang].english_name)
    target.write_text("\n".join(lines) + f"\n{note}\n\n{english.body.strip()}\n", encoding="utf-8")
    print(f"Created {target.relative_to(root)}: translate it, then run 'make check'.")
    return 0


def done(parser: argparse.ArgumentParser, doc: Document, lang: str, target: Path, root: Path, site: Site) -> int:
    """Record in the translation's front matter the hash of the English text
    it now translates. Only a well-formed translation is changed, and only its
    ``source_hash`` line; anything else is refused with ``path:line`` and the
    file left as it was (exit 1)."""
    if not target.exists():
        parser.error(f"{target.relative_to(root)} does not exist; create it with 'start {lang} docs/{doc.key}'")
    shown = str(target.relative_to(root))
    raw = target.read_bytes()
    text, problems = decode(raw, shown)
    parsed = None
    if text is not None:
        parsed, problems = parse(text, shown)
    if parsed is not None:
        # An unfinished translation is not current, nor is one the check
        # refuses (a wrong hash excepted: that is what this command writes).
        problems = placeholders(parsed, shown)
        problems += [p for p in site.problems if p.path == shown and "'source_hash'" not in p.message]
        if problems:
            parsed = None
    if parsed is None:
        for problem in problems:
            print(f"{problem}; the file is unchanged", file=sys.stderr)
        return 1
    lines = parsed.text.split("\n")
    closing = parsed.body_line - 2  # the index of the closing '---' line
    line = f'source_hash: "{source_hash(doc)}"'  # (quoted: a hash of digits alone would read as a number)
    front = lines[1:closing]
    at = next((i for i, entry in enumerate(front) if re.match(r"source_hash:", entry)), None)
    if at is not None and (
        not _ONE_LINE_HASH.match(front[at]) or (at + 1 < len(front) and front[at + 1][:1] in (" ", "\t"))
    ):
        number = at + 2
        print(
            f"{shown}:{number}: 'source_hash' is not written on one line; write it as source_hash: \"<hash>\" (the file is unchanged)",
            file=sys.stderr,
        )
        return 1
    if at is None:
        front.append(line)
    else:
        front[at] = line
    newline = "\r\n" if b"\r\n" in raw else "\n"
    target.write_text(newline.join([lines[0], *front, *lines[closing:]]), encoding="utf-8", newline="")
    print(f"Marked {shown} current (source hash {source_hash(doc)}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
