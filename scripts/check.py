#!/usr/bin/env python3
"""Check every content file against the content model, without building.

Usage: python scripts/check.py [PATHS...]

With no PATHS, every Markdown file under docs/ is checked. With PATHS (files or
folders), the whole site is still read, so references between documents are
checked, but only problems in those paths are reported.

Every problem is printed as ``path:line: what is wrong; what is expected``.
Exit status: 0 when clean, 1 when there are problems, 2 for a bad invocation.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from site_tools.model import load_site  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog="Exit status: 0 clean, 1 problems found, 2 bad invocation."
    )
    parser.add_argument("paths", nargs="*", type=Path, help="files or folders to report on (default: all of docs/)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="the docs folder (default: %(default)s)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    docs = args.docs.resolve()
    if not docs.is_dir():
        parser.error(f"{args.docs} is not a folder")
    site = load_site(docs, Path.cwd() if docs.is_relative_to(Path.cwd()) else docs.parent)
    wanted = [p.resolve() for p in args.paths]
    for path in wanted:
        if not path.exists():
            parser.error(f"{path} does not exist")
    problems = [p for p in site.problems if not wanted or _within(Path(p.path).resolve(), wanted)]
    for problem in problems:
        print(problem)
    elapsed = time.perf_counter() - started
    files = sum(len(doc.sources) for doc in site.documents.values())
    if problems:
        print(f"{len(problems)} problem(s) found in {files} files ({elapsed:.2f} s).", file=sys.stderr)
        return 1
    print(f"All {files} content files are valid ({elapsed:.2f} s).", file=sys.stderr)
    return 0


def _within(path: Path, roots: list[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


if __name__ == "__main__":
    sys.exit(main())
