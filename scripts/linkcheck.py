#!/usr/bin/env python3
"""Check every link in a built site, offline.

Usage: .venv/bin/python scripts/linkcheck.py [SITE_DIR] [--site-url URL] [--external]

Every internal link and #anchor in every language must resolve to a built file
and element; external links must be well-formed. With --external, external
links are also requested (a scheduled, non-blocking check: it needs the network).
Exit status: 0 all good, 1 broken links, 2 bad invocation.
"""

from __future__ import annotations

import argparse
import re
import sys
import urllib.request
from pathlib import Path

from site_tools.links import check_site

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], epilog="Exit status: 0 all good, 1 broken links, 2 bad invocation."
    )
    parser.add_argument("site_dir", nargs="?", type=Path, default=ROOT / "site", help="the built site (default: site/)")
    parser.add_argument(
        "--site-url", default="", help="the site_url it was built with, to check absolute links to itself"
    )
    parser.add_argument("--external", action="store_true", help="also request every external link (needs the network)")
    args = parser.parse_args(argv)
    if args.site_url and not re.match(r"^https?://[^/\s]+(/\S*)?$", args.site_url):
        parser.error(f"--site-url {args.site_url!r} is not an address; expected one such as http://127.0.0.1:8000/")
    if not (args.site_dir / "index.html").exists():
        parser.error(f"{args.site_dir} holds no built site; run 'make build' first")
    broken, checked, external = check_site(args.site_dir, args.site_url)
    for link in broken:
        print(link)
    failures = _request_all(external) if args.external else []
    for url, reason in failures:
        print(f"external: {url!r}: {reason}")
    print(f"{checked} links checked, {len(broken)} broken, {len(external)} external URLs", file=sys.stderr)
    return 1 if broken or failures else 0


def _request_all(urls: list[str]) -> list[tuple[str, str]]:
    failures = []
    for url in urls:
        if url.startswith("mailto:"):
            continue
        request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "1540-site-linkcheck"})
        try:
            with urllib.request.urlopen(request, timeout=20):
                pass
        except Exception as error:  # any failure is reported, none stops the run
            failures.append((url, str(error)))
    return failures


if __name__ == "__main__":
    sys.exit(main())
