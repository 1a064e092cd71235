"""Work handed to a background process during a parallel build.

A parallel build (``mkdocs build``, see overrides/hooks/build_speed.py) shares
the languages between processes; Chinese costs half as much again as the
others (its search text is cut into words), so its process would finish last.
Such work can be handed to a child process that runs beside the builds; each
process waits for its children before it finishes, and a failed child fails
the build.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable

enabled = False  # set by the parallel build once it has forked its workers
_children: list[int] = []


def run(task: Callable[[], None]) -> None:
    """Run ``task`` in a child process when enabled, else here and now."""
    if not enabled or not hasattr(os, "fork"):
        task()
        return
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        status = 0
        try:
            task()
        except BaseException:  # reported here; the waiting process fails the build
            traceback.print_exc()
            status = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)
    _children.append(pid)


def wait() -> int:
    """Wait for this process's children; return how many failed."""
    failed = 0
    while _children:
        pid = _children.pop()
        if os.waitpid(pid, 0)[1] != 0:
            failed += 1
    return failed


def forget() -> None:
    """In a freshly forked worker: the parent's children are not its own."""
    _children.clear()
