#!/usr/bin/env python3
"""Benchmark the real site's build on a synthetic corpus.

Usage: .venv/bin/python scripts/bench.py --messages N [--compare] [--linearity] [--preview] [--keep DIR]

Generates N messages of about 450 words (the length of the real one), each in
all six languages, on top of the real site (its
mkdocs.yml, overrides, hooks and content) in a temporary folder, builds it
with the official build, and prints: wall time, peak memory, pages built, time
per page-language, output size, each language's search index size, and the
first-load weight (gzip) of a message page with everything it pulls.
--compare also builds the same messages with stock Material, English only, in
the same run, and prints the ratio; and with stock Material and static-i18n
(our mkdocs.yml without our hooks), six languages. --preview starts the editor's preview
(`make preview`) on the corpus, edits one message and prints how long it took
to show the edit. --linearity also builds with none and a third of the messages
and prints the cost per added message over each step. Figures are reported,
never asserted.
Exit status: 0 when every build succeeded, 1 when one failed, 2 bad invocation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from site_tools.languages import LANGUAGES, TRANSLATION_CODES
from site_tools.project import copy_project

ROOT = Path(__file__).resolve().parents[1]

# Filler text per language, so each language's pages and search index have a
# realistic size and script. Not real content: it never leaves the temp folder.
FILLER = {
    "en": "The Committee reviewed national measures to keep weapons of mass destruction from non-State actors.",
    "fr": "Le Comité a examiné les mesures nationales visant à empêcher les acteurs non étatiques d'obtenir des armes.",
    "es": "El Comité examinó las medidas nacionales para impedir que agentes no estatales obtengan armas.",
    "ru": "Комитет рассмотрел национальные меры по недопущению приобретения оружия негосударственными субъектами.",
    "zh": "委员会审查了防止非国家行为者获取大规模毁灭性武器的国家措施。",
    "ar": "استعرضت اللجنة التدابير الوطنية لمنع الجهات من غير الدول من الحصول على أسلحة الدمار الشامل.",
}
# As long as the real message in docs/ (about 450 words in English): ten
# paragraphs of three sentences.
PARAGRAPHS = 10
SENTENCES = 3


def generate(docs: Path, count: int) -> None:
    start = dt.date(2015, 1, 1)
    for number in range(count):
        date = start + dt.timedelta(days=3 * number)
        stem = f"{date.isoformat()}-benchmark-{number:05d}"
        for lang in ("en", *TRANSLATION_CODES):
            text = "\n\n".join(
                " ".join(f"{FILLER[lang]} ({number}.{p}.{s})" for s in range(SENTENCES)) for p in range(PARAGRAPHS)
            )
            if lang == "en":
                front = (
                    f"title: Benchmark message {number}\ndate: {date.isoformat()}\nsummary: Synthetic message {number}."
                )
                name = f"{stem}.md"
            else:
                front = f"title: {FILLER[lang][:30]} {number}\ntranslation: unofficial"
                name = f"{stem}.{lang}.md"
            (docs / "messages" / name).write_text(f"---\n{front}\n---\n\n{text}\n", encoding="utf-8")


# Runs a command and reports the peak memory of the largest process it used
# (the build's workers included: their usage rolls up to the command).
_MEASURED = """
import resource, subprocess, sys
status = subprocess.run(sys.argv[1:]).returncode
print(f"peak-rss-kib {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}", file=sys.stderr)
sys.exit(status)
"""


def build(config: Path, site: Path, official: bool = False) -> tuple[float, int, str]:
    """Build with ``mkdocs build`` (or, ``official``, with scripts/build.py, as
    ``make build`` does); return wall seconds, peak memory of the build's
    largest process (KiB) and its log."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_LOCALE", None)
    if hasattr(os, "sync"):
        os.sync()  # files written before (the corpus, an earlier build) are not this build's cost
    if official:
        command = [sys.executable, str(ROOT / "scripts/build.py"), "--config", str(config), "--site-dir", str(site)]
    else:
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-f", str(config), "-d", str(site)]
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _MEASURED, *command], capture_output=True, text=True, env=env, cwd=config.parent
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        print(result.stderr[-3000:], file=sys.stderr)
        raise SystemExit(1)
    peak = int(re.findall(r"peak-rss-kib (\d+)", result.stderr)[-1])
    return elapsed, peak, result.stderr


def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def first_load(page: Path) -> int:
    """gzip bytes of a page with the CSS, JS and fonts it pulls (and those the CSS pulls)."""
    html = page.read_bytes()
    total, seen = gz(html), set()
    pending = [(page.parent, ref.decode()) for ref in re.findall(rb'(?:href|src)="([^"#?]+\.(?:css|js|woff2?))"', html)]
    while pending:
        base, ref = pending.pop()
        target = (base / ref).resolve()
        if target in seen or not target.exists():
            continue
        seen.add(target)
        data = target.read_bytes()
        total += gz(data)
        if target.suffix == ".css":
            refs = re.findall(rb'url\(["\']?([^"\')#?]+\.(?:woff2?|ttf|css))', data)
            pending += [(target.parent, r.decode()) for r in refs]
    return total


def stock_project(work: Path, messages: Path) -> Path:
    """The same English messages with stock Material: no i18n, no hooks, no overrides."""
    project = work / "stock"
    (project / "docs/messages").mkdir(parents=True)
    for path in messages.glob("*.md"):
        if path.name.count(".") == 1:  # English originals only
            shutil.copy(path, project / "docs/messages" / path.name)
    (project / "docs/index.md").write_text("# Stock\n", encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        "site_name: Stock\nnav:\n  - index.md\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n",
        encoding="utf-8",
    )
    return project


def preview_latency(project: Path, lang: str = "en") -> tuple[float, float]:
    """Start the preview, edit one message, and time until the edit is served.
    Returns (seconds to start, seconds from the edit to the updated page)."""
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {
        **os.environ,
        "NO_MKDOCS_2_WARNING": "1",
        "SITE_LOCALE": lang,
        "SITE_PREVIEW": "1",
    }  # as `make preview` runs it
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    originals = [path for path in (project / "docs/messages").glob("20*-*.md") if path.name.count(".") == 1]
    message = sorted(originals)[-1]
    if lang != "en":
        message = message.with_name(f"{message.stem}.{lang}.md")
    url = f"http://127.0.0.1:{port}/messages/{message.name.split('.')[0]}/"  # the language's build is the whole preview

    def wait_for(text: str, limit: float) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < limit:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if text in response.read().decode("utf-8"):
                        return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.05)
        raise TimeoutError(f"{url} did not show {text!r} within {limit:.0f} s")

    try:
        startup = wait_for("<html", 600)
        marker = f"Edited-{time.time_ns()}"
        message.write_text(message.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
        return startup, wait_for(marker, 120)
    finally:
        server.terminate()
        server.wait(timeout=30)


def stock_i18n_project(work: Path, project: Path) -> Path:
    """The same six-language content with stock Material and static-i18n: our
    mkdocs.yml without our hooks, overrides and extensions, built by the i18n
    plugin alone (one language after another)."""
    stock = work / "stock-i18n"
    shutil.copytree(project / "docs", stock / "docs")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(?:  - .*\n)+", "\n", config)
    config = config.replace("  custom_dir: overrides\n", "").replace(
        "reconfigure_search: false", "reconfigure_search: true"
    )
    config = re.sub(r"\nvalidation:\n(?:  .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(?:  - .*\n)+", "\n", config)
    config = re.sub(r"\n +build_only_locale: .*", "", config).replace("!ENV [SITE_LOCALE, en]", "en")
    config = re.sub(r"\n +- site_tools\.symbols.*", "", config)
    config = re.sub(r"\n +slugify: .*", "", config)
    (stock / "mkdocs.yml").write_text(config, encoding="utf-8")
    return stock


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Exit status: 0 builds succeeded, 1 a build failed, 2 bad invocation.",
    )
    parser.add_argument(
        "--messages", type=int, required=True, help="how many synthetic messages (each in six languages)"
    )
    parser.add_argument("--compare", action="store_true", help="also build them with stock Material, English only")
    parser.add_argument(
        "--preview", action="store_true", help="also time an edit in the editor's preview (make preview)"
    )
    parser.add_argument("--keep", type=Path, help="build here and keep it, instead of a temporary folder")
    parser.add_argument(
        "--linearity", action="store_true", help="also build with a third of the messages, and none: cost per message"
    )
    args = parser.parse_args(argv)
    if args.messages < 0:
        parser.error("--messages must be 0 or more")
    with tempfile.TemporaryDirectory(prefix="bench-") as temp:
        work = args.keep or Path(temp)
        project = work / "site-project"
        if project.exists():
            shutil.rmtree(project)
        copy_project(project)
        site = project / "site"
        if args.linearity:
            base, _, _ = build(project / "mkdocs.yml", site, official=True)
            third = args.messages // 3
            generate(project / "docs", third)
            at_third, _, _ = build(project / "mkdocs.yml", site, official=True)
        generate(project / "docs", args.messages)
        seconds, peak, _ = build(project / "mkdocs.yml", site, official=True)
        pages = len([p for p in site.rglob("index.html") if "assets" not in p.parts])
        print(f"messages: {args.messages} (each in {len(LANGUAGES)} languages)")
        print(f"wall time: {seconds:.1f} s")
        print(f"peak memory: {peak / 1024:.0f} MiB")
        print(f"pages built: {pages}")
        print(f"time per page-language: {1000 * seconds / max(pages, 1):.1f} ms")
        print(f"output size: {size(site) / 1e6:.1f} MB")
        for language in LANGUAGES:
            index = site / language.prefix / "search/search_index.json"
            data = index.read_bytes()
            print(f"search index {language.code}: {len(data) / 1e3:.0f} kB ({gz(data) / 1e3:.0f} kB gzip)")
        message = next((site / "messages").glob("*/index.html"), site / "index.html")
        weight = first_load(message)
        print(f"first load of a message page (HTML + CSS + JS + fonts, gzip): {weight / 1e3:.1f} kB")
        if args.linearity and third:
            first, second = (at_third - base) / third, (seconds - at_third) / (args.messages - third)
            print(
                f"cost per added message: {1000 * first:.1f} ms from 0 to {third}, "
                f"{1000 * second:.1f} ms from {third} to {args.messages} ({second / first:.2f}x)"
            )
        if args.compare:
            stock = stock_project(work, project / "docs/messages")
            stock_seconds, stock_peak, _ = build(stock / "mkdocs.yml", stock / "site")
            print(f"stock Material, English only: {stock_seconds:.1f} s, peak {stock_peak / 1024:.0f} MiB")
            print(f"ratio (six languages / stock English): {seconds / stock_seconds:.2f}x")
            i18n_seconds, i18n_peak, _ = build(
                stock_i18n_project(work, project) / "mkdocs.yml", work / "stock-i18n/site"
            )
            print(
                f"stock Material + static-i18n, six languages: {i18n_seconds:.1f} s ({i18n_seconds / stock_seconds:.2f}x stock English)"
            )
        if args.preview:
            startup, latency = preview_latency(project)
            print(f"preview (make preview): ready in {startup:.1f} s; an edit to a message shown in {latency:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
