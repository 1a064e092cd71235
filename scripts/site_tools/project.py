"""Where the project's parts are, and how to copy the site's sources elsewhere
(for tests and benchmarks that change content without touching the real one)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SITE_SOURCES = ("docs", "overrides", "scripts")  # with mkdocs.yml, all a build reads


def copy_project(destination: Path, root: Path = ROOT) -> Path:
    """Copy what the build reads into ``destination``; return the copy's mkdocs.yml."""
    for name in SITE_SOURCES:
        shutil.copytree(
            root / name, destination / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True
        )
    return Path(shutil.copy(root / "mkdocs.yml", destination / "mkdocs.yml"))
