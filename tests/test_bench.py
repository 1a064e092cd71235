"""The benchmark runs (at a small size): figures are reported, never asserted."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, record_summary


def test_benchmark_reports_every_figure(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/bench.py"),
            "--messages",
            "5",
            "--compare",
            "--preview",
            "--keep",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    for label in [
        "messages: 5 (each in 6 languages)",
        "wall time:",
        "peak memory:",
        "pages built:",
        "time per page-language:",
        "output size:",
        "search index zh:",
        "first load of a message page (HTML + CSS + JS + fonts, gzip):",
        "stock Material, English only:",
        "ratio (six languages / stock English):",
        "preview (make preview): ready in",
    ]:
        assert label in out, label
    record_summary(
        "benchmark",
        " | ".join(line for line in out.splitlines() if line.startswith(("wall", "ratio", "preview", "first"))),
    )
