"""The helper processes of a parallel build (site_tools/background.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_tools import background

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="helpers are forked")


def _recorder(out: Path):
    """A prepare step and a task that leave their traces in ``out``."""

    def prepare() -> None:
        (out / "prepared").write_text("yes", encoding="utf-8")

    def task(name: str, values: dict) -> None:
        assert (out / "prepared").exists(), "the task ran before the helper was ready"
        (out / name).write_text(repr(values), encoding="utf-8")

    return prepare, task


def test_the_helper_gets_ready_then_does_its_task_with_what_it_is_sent(tmp_path):
    helper = background.Helper(*_recorder(tmp_path))
    helper.send("index.json", {"docs": ["x" * 200_000, "y"]})  # larger than a pipe's buffer
    assert background.wait() == 0
    assert (tmp_path / "index.json").read_text(encoding="utf-8") == repr({"docs": ["x" * 200_000, "y"]})


def test_a_process_forked_after_the_helper_can_send_it_its_task(tmp_path):
    helper = background.Helper(*_recorder(tmp_path))
    pid = os.fork()
    if pid == 0:  # a worker of the build
        status = 0
        try:
            helper.send("from-worker", {"n": 1})
            background.wait()  # a worker lets go of the helper, and does not wait for it
        except BaseException:
            status = 1
        os._exit(status)
    assert os.waitpid(pid, 0)[1] == 0
    assert background.wait() == 0
    assert (tmp_path / "from-worker").read_text(encoding="utf-8") == repr({"n": 1})


def test_a_helper_sent_nothing_stops_once_every_process_lets_go(tmp_path):
    background.Helper(*_recorder(tmp_path))
    assert background.wait() == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prepared"]


def test_a_failing_task_fails_the_wait(tmp_path, capfd):
    def task() -> None:
        raise RuntimeError("segmentation broke")

    helper = background.Helper(lambda: None, task)
    helper.send()
    assert background.wait() == 1
    assert "segmentation broke" in capfd.readouterr().err


def test_a_failing_preparation_fails_the_wait(tmp_path, capfd):
    def prepare() -> None:
        raise OSError("no dictionary")

    background.Helper(prepare, lambda: None)
    assert background.wait() == 1
    assert "no dictionary" in capfd.readouterr().err


def test_a_failed_build_stops_its_helpers_at_once(tmp_path):
    import time

    def prepare() -> None:
        time.sleep(30)

    helper = background.Helper(prepare, lambda: None)
    started = time.monotonic()
    background.stop()
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(helper.pid, 0)  # gone, and already waited for
    assert background.wait() == 0
