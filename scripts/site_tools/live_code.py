"""A live preview runs the package's code as it is now, without a restart.

``mkdocs serve`` loads the configuration again before every rebuild, but
loads our hook (``overrides/hooks/site.py``) once, and Python keeps each
module it has imported. So the hook asks ``current(name)`` for the module it
works with at the start of each rebuild: when a file of this package has
changed since the package was imported, every one of its modules is removed
from ``sys.modules`` (the documented way to have the next import read a module
again) and the module is imported anew. Other packages are not touched. Only
a live preview (``SITE_PREVIEW=1``) does this; a build imports the code once.
"""

from __future__ import annotations

import importlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

PACKAGE = __name__.rpartition(".")[0]  # "site_tools"
_FOLDER = Path(__file__).parent


def code_stamp(folder: Path = _FOLDER) -> tuple[tuple[str, int, int], ...]:
    """(file name, modification time in ns, size in bytes) of every Python
    file of the package, sorted: different whenever a file is edited, added
    or removed."""
    stamp = []
    for path in sorted(folder.rglob("*.py")):
        try:
            stat = path.stat()
        except OSError:  # removed while listed
            continue
        stamp.append((path.relative_to(folder).as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(stamp)


_IMPORTED = code_stamp()  # the package's code as it was when this process imported it


def current(name: str) -> ModuleType:
    """The package's module ``name`` ("site_tools.language_build"), as its
    file is now: in a live preview, every module of the package is imported
    again when any of its files changed since the last import."""
    global _IMPORTED
    if os.environ.get("SITE_PREVIEW") == "1":
        now = code_stamp()
        if now != _IMPORTED:
            for loaded in [n for n in sys.modules if n == PACKAGE or n.startswith(PACKAGE + ".")]:
                del sys.modules[loaded]
            _IMPORTED = now
    return importlib.import_module(name)


@dataclass
class Running:
    """The language-build module a hook works with, and the content cache made
    with it (shared by the builds of one run; made anew with new code)."""

    module: ModuleType | None = None
    cache: Any = None


def start_language_build(config: Any, running: Running, outermost: bool) -> Any:
    """``LanguageBuild.start`` from the package's code as it is now: an
    outermost build (a new run) takes edited code (``current``); the builds
    nested in it (the other languages under ``mkdocs serve``) use the same."""
    if outermost or running.module is None:
        module = current(f"{PACKAGE}.language_build")
        if module is not running.module:
            running.module, running.cache = module, module.SiteCache()
    assert running.module is not None
    return running.module.LanguageBuild.start(config, running.cache, reload=outermost)
