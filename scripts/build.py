#!/usr/bin/env python3
"""Build the whole site: every language in parallel, strict (``make build``).

Usage: .venv/bin/python scripts/build.py [--site-dir DIR] [--config FILE] [--jobs N] [--languages fr,es] [--verbose]

Each language is an ordinary MkDocs build of its own (``SITE_LOCALE=<code>``),
run in a pool of processes (default: one per core); the site is put in
``--site-dir`` only when every language has built without a warning.
Exit status: 0 built, 1 a language failed, 2 bad invocation.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from site_tools.languages import CODES
from site_tools.site_build import build_site

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site", help="output folder (default: site/)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the MkDocs configuration")
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: one per core)")
    parser.add_argument("--languages", default=",".join(CODES), help="comma-separated codes (default: all six)")
    parser.add_argument("--verbose", action="store_true", help="show MkDocs's progress messages")
    args = parser.parse_args(argv)
    languages = tuple(dict.fromkeys(code.strip() for code in args.languages.split(",") if code.strip()))  # (each once)
    unknown = [code for code in languages if code not in CODES]
    if unknown or not languages:
        parser.error(f"unknown language {', '.join(unknown) or '(none)'}; expected some of {', '.join(CODES)}")
    if not args.config.is_file():
        parser.error(f"{args.config} is not a file")
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be at least 1")
    started = time.perf_counter()
    try:
        results = build_site(args.config, args.site_dir, languages, jobs=args.jobs, verbose=args.verbose)
    except ValueError as error:
        parser.error(str(error))
    except Exception as error:  # the configuration cannot be loaded: its message, never a traceback
        print(f"error: {args.config}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    failed = [result for result in results if not result.ok]
    for result in failed:
        print(f"[{result.lang}] build failed: {result.error}", file=sys.stderr)
    elapsed = time.perf_counter() - started
    if failed:
        print(f"The site was not built: {len(failed)} language(s) failed ({elapsed:.1f} s).", file=sys.stderr)
        return 1
    each = ", ".join(f"{result.lang} {result.seconds:.1f} s" for result in results)
    print(f"Built {len(results)} language(s) into {args.site_dir} in {elapsed:.1f} s ({each}).", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
