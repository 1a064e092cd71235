"""Helper processes that do part of a parallel build's work beside it.

A parallel build (``mkdocs build``, see overrides/hooks/build_speed.py) shares
the languages between processes, but first loads and checks the content in one
of them, while the other cores wait. A helper is forked then: it gets ready on
an idle core (the Chinese search index's helper loads jieba's dictionary, over
half a second of work) and waits for its task's input, which whichever process
builds that language sends it. Only the process that started a helper waits
for it; a failed helper fails the build.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable

enabled = False  # set by the parallel build before the content is loaded
_helpers: list[Helper] = []
_LENGTH = 8  # bytes giving the size of the task's input


class Helper:
    """A process forked now that runs ``prepare()`` at once, then
    ``task(*args)`` with the arguments one process of the build ``send``\\ s
    (or nothing, if none does before every process has let go of it)."""

    def __init__(self, prepare: Callable[[], None], task: Callable[..., None]) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        read, self._write = os.pipe()
        self._owner = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:
            os.close(self._write)
            _run(prepare, task, read)
        os.close(read)  # only the helper reads: a sender to a dead helper gets an error, not a hang
        _helpers.append(self)

    def send(self, *args: object) -> None:
        """Hand the task its arguments (from any process of the build)."""
        data = pickle.dumps(args, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(os.dup(self._write), "wb") as pipe:
            pipe.write(len(data).to_bytes(_LENGTH, "big") + data)


def _run(prepare: Callable[[], None], task: Callable[..., None], read: int) -> None:
    status = 0
    try:
        prepare()
        with os.fdopen(read, "rb") as pipe:
            header = pipe.read(_LENGTH)
            if header:  # else every process let go without sending: nothing to do
                size = int.from_bytes(header, "big")
                data = pipe.read(size)
                if len(data) != size:
                    raise RuntimeError(f"the task's input was cut short ({len(data)} of {size} bytes)")
                task(*pickle.loads(data))
    except BaseException:  # reported here; the process that started it fails the build
        traceback.print_exc()
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def stop() -> None:
    """The build failed: stop the helpers this process started (the others
    are let go of), without waiting for their work."""
    while _helpers:
        helper = _helpers.pop()
        os.close(helper._write)
        if helper._owner == os.getpid():
            os.kill(helper.pid, signal.SIGKILL)
            os.waitpid(helper.pid, 0)


def wait() -> int:
    """Let go of every helper; wait for those this process started and return
    how many of them failed."""
    failed = 0
    while _helpers:
        helper = _helpers.pop()
        os.close(helper._write)
        if helper._owner == os.getpid() and os.waitpid(helper.pid, 0)[1] != 0:
            failed += 1
    return failed
