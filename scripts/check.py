#!/usr/bin/env python3
"""Check every content file: the content model, then the real conversion.

Usage: .venv/bin/python scripts/check.py [PATHS...] [--docs DIR] [--config FILE] [--model-only]

First every Markdown file under docs/ is read and checked against the content
model (front matter, names, references, files). When that is clean, the site
is built exactly as ``make build`` builds it (every language, same Markdown
extensions and settings, into a temporary folder that is then removed), and
every warning of that build is reported: above all, markup in the published
HTML that the sanitizer refuses, named by the Markdown line that produced it.
With PATHS (files or folders) the whole site is still read, but only problems
in those paths (and problems that name no file) are reported.

Every problem is printed as ``path:line: what is wrong; what is expected``.
Exit status: 0 when clean, 1 when there are problems, 2 for a bad invocation.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

from site_tools.model import load_site
from site_tools.site_build import build_site

ROOT = Path(__file__).resolve().parents[1]
_PATH_RE = re.compile(r"^(?P<path>[^\s:]+\.md)(?::\d+)?:")
_SUMMARY_RE = re.compile(r"^Aborted with \d+ warnings? in strict mode!$")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog="Exit status: 0 clean, 1 problems found, 2 bad invocation."
    )
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to report on (default: all of docs/)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: %(default)s)")
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="the configuration the build uses")
    parser.add_argument("--model-only", action="store_true", help="check the content model only, without converting")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    docs = args.docs.resolve()
    if not docs.is_dir():
        parser.error(f"{args.docs} is not a folder")
    if not args.config.is_file():
        parser.error(f"{args.config} is not a file")
    root = Path.cwd() if docs.is_relative_to(Path.cwd()) else docs.parent
    site = load_site(docs, root)
    wanted = [p.resolve() for p in args.paths]
    for path in wanted:
        if not path.exists():
            parser.error(f"{path} does not exist")
        if not _within(path, [docs]):
            parser.error(f"{path} is not in {args.docs}; expected content files or folders under it")
    problems = [str(p) for p in site.problems if not wanted or _within(Path(p.path).resolve(), wanted)]
    files = sum(len(doc.sources) for doc in site.documents.values())
    if not site.problems and not args.model_only:
        problems += [p for p in _conversion_problems(args.config, docs) if not wanted or _names(p, root, wanted)]
    for problem in problems:
        print(problem)
    elapsed = time.perf_counter() - started
    if problems:
        print(f"{len(problems)} problem(s) found in {files} files ({elapsed:.2f} s).", file=sys.stderr)
        return 1
    elsewhere = len(site.problems)
    if wanted and elsewhere:
        print(
            f"No problem in the paths given; {elsewhere} elsewhere: run 'make check' ({elapsed:.2f} s).",
            file=sys.stderr,
        )
        return 0
    print(f"All {files} content files are valid ({elapsed:.2f} s).", file=sys.stderr)
    return 0


def _conversion_problems(config: Path, docs: Path) -> list[str]:
    """Every warning and error of the real build, once each (a page shown in
    English in five languages gives the same one six times)."""
    with tempfile.TemporaryDirectory(prefix="site-check-") as folder:
        try:
            results = build_site(config, Path(folder) / "site", docs_dir=docs, publish=False, quiet=True)
        except Exception as error:  # the configuration cannot be loaded: its message, never a traceback
            return [f"{config}: {type(error).__name__}: {error}"]
    found: dict[str, None] = {}
    for result in results:
        for message in result.problems:
            if not _SUMMARY_RE.match(message):
                found.setdefault(message)
        if result.error and not _SUMMARY_RE.match(result.error) and not result.problems:
            found.setdefault(f"[{result.lang}] {result.error}")
    return list(found)


def _names(problem: str, root: Path, wanted: list[Path]) -> bool:
    match = _PATH_RE.match(problem)
    return match is None or _within((root / match["path"]).resolve(), wanted)


def _within(path: Path, roots: list[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


if __name__ == "__main__":
    sys.exit(main())
