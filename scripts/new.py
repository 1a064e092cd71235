#!/usr/bin/env python3
"""Create a new message, statement by the Chair, visit or resolution with complete front matter.

Examples:
  .venv/bin/python scripts/new.py message --date 2026-11-28 --title "Message from the Chairman"
  .venv/bin/python scripts/new.py visit --state Ghana --code GH --start 2026-03-10
  .venv/bin/python scripts/new.py resolution --symbol "S/RES/2999 (2026)" --adopted 2026-11-27 --summary "What it did"
  .venv/bin/python scripts/new.py statement --date 2026-11-27 --title "Briefing to the Security Council" --chair "The Chair of the Committee" --url https://press.un.org/en

The file is written under docs/, its path and preview URL are printed, and
nothing is overwritten. Exit status: 0 created, 2 refused (bad or missing
option, or the document exists already).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from anyascii import anyascii

from site_tools import fields

ROOT = Path(__file__).resolve().parents[1]

PREVIEW = "http://127.0.0.1:8000/"

T = TypeVar("T")
# The start of a source for the editor to complete (a mapping of ``fields.Citation``).
SOURCE_TODO = '{publisher: "TODO: who published it", title: "TODO: e.g. Press release SC/12193"'


def slugify(text: str, max_words: int = 8) -> str:
    """A URL slug from text in any script, transliterated by anyascii
    ("中国" -> "zhongguo", "Кыргызстан" -> "kyrgyzstan"); "" when nothing of
    it can be written in Latin letters or digits."""
    words = re.findall(r"[a-z0-9]+", anyascii(text).lower())
    return "-".join(words[:max_words])


def _checked(parser: argparse.ArgumentParser, option: str, validate: Callable[[Any], T], value: object) -> T:
    try:
        return validate(value)
    except fields.FieldError as error:
        parser.error(f"{option} {error}")


def _yaml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def message(args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[str, list[str], str]:
    date = _checked(parser, "--date", fields.date, args.date)
    title = _checked(parser, "--title", fields.text, args.title)
    slug = args.slug or slugify(re.sub(r"^message (from the chairman )?(on|of|to)\s+", "", title, flags=re.I))
    _checked(parser, "--slug", fields.slug, slug)
    lines = [
        f"title: {_yaml(title)}",
        f"date: {date.isoformat()}",
        'summary: "TODO: one sentence on what the message is about."',
    ]
    if args.visit:
        lines.append(f"visit: {_checked(parser, '--visit', fields.slug, args.visit)}")
    if args.resolutions:
        lines.append(
            f"resolutions: [{', '.join(_checked(parser, '--resolution', fields.slug, r) for r in args.resolutions)}]"
        )
    body = "TODO: the text of the message, in Markdown, exactly as the Chairman delivered it.\n"
    return f"{date.isoformat()}-{slug}", lines, body


def visit(args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[str, list[str], str]:
    state = _checked(parser, "--state/--code", fields.state, {"name": args.state, "code": args.code})
    name = state["name"]
    lines = [f"title: {_yaml('Visit to ' + name)}", f"state: {{name: {_yaml(name)}, code: {state['code']}}}"]
    stem = args.slug or slugify(state["name"])
    if not stem:
        parser.error(f"cannot make a file name from --state {name!r}; give one with --slug (e.g. --slug china)")
    _checked(parser, "--slug", fields.slug, stem)
    if args.start:
        start = _checked(parser, "--start", fields.partial_date, args.start)
        lines.append(f"start: {start.iso}")
        stem = f"{start.year}-{stem}"
    if args.end:
        end = _checked(parser, "--end", fields.partial_date, args.end)
        if args.start and fields.ends_before(start, end):
            parser.error(f"--end {end} is before --start {start}")
        lines.append(f"end: {end.iso}")
    if args.led_by:
        lines.append(f"led_by: {_yaml(_checked(parser, '--led-by', fields.text, args.led_by))}")
    if args.message:
        lines.append(f"message: {_checked(parser, '--message', fields.slug, args.message)}")
    lines.append('summary: "TODO: one sentence on the visit, from a public source."')
    lines.append(f"sources: [{SOURCE_TODO}}}]")
    body = "TODO: describe the visit in a few sentences, from public sources: who led it, its aims, whom it met, what it visited.\n"
    return stem, lines, body


def resolution(args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[str, list[str], str]:
    symbol = _checked(parser, "--symbol", fields.symbol, args.symbol)
    adopted = _checked(parser, "--adopted", fields.date, args.adopted)
    number, year = fields.symbol_parts(symbol)
    if adopted.year != int(year):
        parser.error(f"--adopted {adopted} is not in {year}, the year of {symbol}")
    summary = _checked(parser, "--summary", fields.text, args.summary)
    lines = [
        f"title: Resolution {number} ({year})",
        f"symbol: {symbol}",
        f"adopted: {adopted.isoformat()}",
        f"summary: {_yaml(summary)}",
    ]
    if args.meeting:
        lines.append(f"meeting: {args.meeting}")
    lines.append(f"sources: [{SOURCE_TODO}}}]")
    body = f"TODO: when the Security Council adopted resolution {number} ({year}) and what it did for the Committee.\n"
    return f"{number}-{year}", lines, body


def _source(args: argparse.Namespace, parser: argparse.ArgumentParser) -> str:
    """The ``sources`` line: a source to complete, with its address when given."""
    address = f", url: {_yaml(_checked(parser, '--url', fields.url, args.url))}" if args.url else ""
    return f"sources: [{SOURCE_TODO}{address}}}]"


def statement(args: argparse.Namespace, parser: argparse.ArgumentParser) -> tuple[str, list[str], str]:
    date = _checked(parser, "--date", fields.partial_date, args.date)
    if date.month is None:
        parser.error(f"--date {date} gives only a year; expected YYYY-MM-DD, or YYYY-MM when the day is unknown")
    title = _checked(parser, "--title", fields.text, args.title)
    chair = _checked(parser, "--chair", fields.text, args.chair)
    slug = args.slug or slugify(title)
    _checked(parser, "--slug", fields.slug, slug)
    lines = [
        f"title: {_yaml(title)}",
        f"date: {date.iso}",
        'occasion: "TODO: where and to whom it was delivered."',
        f"chair: {_yaml(chair)}",
        'summary: "TODO: one sentence on what the statement was about."',
        _source(args, parser),
    ]
    body = "TODO: a summary of the statement in a few sentences, in your own words, from the source.\n"
    return f"{date.iso}-{slug}", lines, body


KINDS = {
    "message": ("messages", message),
    "statement": ("statements", statement),
    "visit": ("visits", visit),
    "resolution": ("resolutions", resolution),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog=__doc__.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: docs/)")
    sub = parser.add_subparsers(dest="kind", required=True, metavar="{message,statement,visit,resolution}")

    m = sub.add_parser("message", help="a Chairman's message")
    m.add_argument("--date", required=True, help="the message's date, YYYY-MM-DD")
    m.add_argument("--title", required=True, help="the message's full title")
    m.add_argument("--slug", help="short name in the URL (default: from the title)")
    m.add_argument("--visit", help="file name (without .md) of the related visit, if any")
    m.add_argument(
        "--resolution", dest="resolutions", action="append", help="a related resolution, e.g. 1540-2004 (repeatable)"
    )

    s = sub.add_parser("statement", help="a statement by the Chair, published as a summary")
    s.add_argument("--date", required=True, help="the statement's date, YYYY-MM-DD (YYYY-MM when the day is unknown)")
    s.add_argument("--title", required=True, help="a short title, e.g. 'Briefing to the Security Council'")
    s.add_argument(
        "--chair", required=True, help="the Chair who delivered it, e.g. 'José Javier de la Gasca (Ecuador)'"
    )
    s.add_argument("--slug", help="short name in the URL (default: from the title)")
    s.add_argument("--url", help="the address of the source (a UN press release, for example)")

    v = sub.add_parser("visit", help="a country visit")
    v.add_argument("--state", required=True, help="the State's name, e.g. 'Republic of Korea'")
    v.add_argument("--code", required=True, help="its ISO 3166-1 alpha-2 code, e.g. KR")
    v.add_argument("--start", help="first day: YYYY-MM-DD, or YYYY-MM / YYYY when that is all that is known")
    v.add_argument("--end", help="last day, in the same form")
    v.add_argument("--led-by", help="who led the visit")
    v.add_argument("--message", help="file name (without .md) of the related Chairman's message")
    v.add_argument("--slug", help="short name in the URL (default: the State's name, in Latin letters)")

    r = sub.add_parser("resolution", help="a Security Council resolution")
    r.add_argument("--symbol", required=True, help="its symbol, e.g. 'S/RES/1540 (2004)'")
    r.add_argument("--adopted", required=True, help="adoption date, YYYY-MM-DD")
    r.add_argument("--summary", required=True, help="one line on what it did for the Committee")
    r.add_argument("--meeting", type=int, help="the Council meeting number, if known")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    collection, make = KINDS[args.kind]
    stem, lines, body = make(args, parser)
    if not (args.docs / collection).is_dir():
        parser.error(f"--docs {str(args.docs)!r} has no {collection}/ folder; expected the site's docs/ folder")
    folder = args.docs / collection
    path = folder / f"{stem}.md"
    if os.path.lexists(path):
        another = "" if args.kind == "resolution" else "choose another --slug or "
        parser.error(f"{path} exists already; {another}edit that file")
    if any(part.is_symlink() for part in (args.docs, folder)):
        parser.error(f"{folder} is a symbolic link; docs/ may hold only real files and folders")
    folder.mkdir(parents=True, exist_ok=True)
    # Created, never overwritten, never through a link (even one made since the check above).
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except OSError as error:
        parser.error(f"{path} cannot be created ({error.strerror}); nothing was written")
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write("---\n" + "\n".join(lines) + "\n---\n\n" + body)
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"Created {shown}")
    print(f"Preview: {PREVIEW}{collection}/{stem}/ (run 'make preview')")
    print("Then replace every 'TODO:' with the real text, and run 'make check'.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
