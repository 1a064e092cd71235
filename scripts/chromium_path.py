#!/usr/bin/env python3
"""Print the path of the Chromium that Playwright installed (for CI on GitHub's runners).

Usage: .venv/bin/python scripts/chromium_path.py
Exit status: 0 with the path printed, 1 when Playwright has no Chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright


def main() -> int:
    with sync_playwright() as playwright:
        path = Path(playwright.chromium.executable_path)
    if not path.exists():
        print(f"no Chromium at {path}; run 'python -m playwright install chromium'", file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
