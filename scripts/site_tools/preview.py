"""The live preview (``make serve``, ``make preview``): drafts shown with their problems.

The build (``make build``), the check and CI refuse any content problem. A
preview must not: an editor previews precisely the draft that is not finished
yet. When ``SITE_PREVIEW=1`` (set by the Makefile's preview targets, which
also turn MkDocs's strict mode off), a build

- shows every document whose files have only problems that leave the page
  showable (``Problem.draft``: a placeholder left in, a broken link), and the
  English page in place of a translation that cannot be shown;
- leaves out the files that cannot be shown, and the documents that refer to
  a document left out (each named in the report);
- reports every problem in the terminal, and on the pages as a banner: the
  problems of the page's own files first, then those of every other file,
  each as ``path:line: what; the fix``, under a heading in the page's language.

``scripts/build.py`` removes the variable from its own environment: what is
published is never built as a preview.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup, escape

from .documents import Document, Site
from .schema import COLLECTIONS

VARIABLE = "SITE_PREVIEW"
PLACEHOLDER = Markup("<!--site-preview-problems-->")  # where a page's banner goes (overrides/main.html)
TERMINAL_PREFIX = "preview: "  # before each of the report's problems, in the terminal
_LOCATED_RE = re.compile(r"^(?P<path>[^\s:]+\.md):(?P<line>\d+): ")


def enabled() -> bool:
    """Whether this process builds a live preview (``SITE_PREVIEW=1``)."""
    return os.environ.get(VARIABLE) == "1"


def draft_site(site: Site, docs_prefix: str = "docs/") -> tuple[Site, list[str]]:
    """The site a preview shows, and a note for each document left out.

    A file with a problem that is not ``draft`` is left out: a translation
    (its page shows the English one), an English original (its document and
    its translations). Then, until none is left, every document referring to
    a document that is not there (its page could not be made). Problem paths
    are shown paths (``docs/visits/x.md``); ``docs_prefix`` is what they start
    with. The site returned has no problems of its own (they are the
    preview's report) and shares no mutable state with ``site``."""
    blocked = {p.path for p in site.problems if not p.draft}
    documents: dict[str, Document] = {}
    for key, doc in site.documents.items():
        sources = {lang: s for lang, s in doc.sources.items() if docs_prefix + s.path not in blocked}
        if "en" in sources:
            documents[key] = dataclasses.replace(doc, sources=sources)
    notes: list[str] = []
    changed = True
    while changed:
        changed = False
        for key, doc in list(documents.items()):
            missing = [target for target in _references(doc) if target not in documents]
            if missing:
                del documents[key]
                notes.append(
                    f"{docs_prefix}{key}:1: not shown in this preview: it refers to docs/{missing[0]}, "
                    "which has problems to fix first"
                )
                changed = True
    return Site(documents, []), notes


def _references(doc: Document) -> Iterable[str]:
    """The keys ("resolutions/1540-2004.md") of the documents ``doc``'s fields name."""
    spec = COLLECTIONS.get(doc.collection)
    for fd in spec.fields if spec else ():
        if fd.refers_to and fd.name in doc.meta:
            value = doc.meta[fd.name]
            for slug in value if isinstance(value, list) else [value]:
                yield f"{fd.refers_to}/{slug}.md"


@dataclass
class Report:
    """Every problem of one preview build, as ``path:line: message`` lines,
    by the file they name ("" for none)."""

    by_path: dict[str, list[str]] = field(default_factory=dict)

    def add(self, located: str) -> bool:
        """Record one located message; False when it was recorded already."""
        match = _LOCATED_RE.match(located)
        lines = self.by_path.setdefault(match["path"] if match else "", [])
        if located in lines:
            return False
        lines.append(located)
        return True

    def banner(self, paths: Iterable[str]) -> dict[str, list[str]]:
        """What a page made from the files ``paths`` shows: ``here`` (their
        problems) and ``elsewhere`` (every other file's)."""
        wanted = set(paths)
        here = [line for path in sorted(wanted) for line in self.by_path.get(path, [])]
        elsewhere = [line for path, lines in sorted(self.by_path.items()) if path not in wanted for line in lines]
        return {"here": here, "elsewhere": elsewhere}


class Capture(logging.Handler):
    """Adds the build's warnings and errors (MkDocs's link warnings among
    them), led by ``locate(message, lang)``'s ``path:line:``, to ``report``
    while a preview builds (``logging.getLogger("mkdocs").addHandler``)."""

    def __init__(self, report: Report, locate: Callable[[str, str], str]) -> None:
        super().__init__(level=logging.WARNING)
        self.report, self.locate = report, locate
        self.lang = "en"  # the language being built (each build of a run sets it)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(TERMINAL_PREFIX):  # (the report's own, written to the terminal)
            self.report.add(self.locate(message, self.lang))


def banner_html(problems: dict[str, list[str]], t: dict[str, str]) -> str:
    """The banner: a heading and the problems, ``here`` then ``elsewhere``
    (``Report.banner``), its words from the interface strings ``t`` of the
    page's language (the messages themselves are the tools' own, in English);
    every text escaped."""
    parts = ['<section class="preview-problems" role="alert" aria-labelledby="preview-problems-title">']
    count = len(problems["here"]) + len(problems["elsewhere"])
    parts.append(f'<h2 id="preview-problems-title">{escape(t["preview_title"])} ({count})</h2>')
    parts.append(f"<p>{escape(t['preview_intro'])}</p>")
    for key, heading in (("here", t["preview_here"]), ("elsewhere", t["preview_elsewhere"])):
        if problems[key]:
            items = "".join(f'<li><code dir="ltr">{escape(line)}</code></li>' for line in problems[key])
            parts.append(f"<h3>{escape(heading)}</h3><ul>{items}</ul>")
    parts.append("</section>")
    return "".join(parts)


def write_banners(report: Report, pages: dict[str, tuple[str, ...]], t: dict[str, str]) -> None:
    """Put each written page's banner (``pages``: output file -> the files it
    was made from) in place of its placeholder. With no problem at all, no
    page is read or written again (the placeholder is an empty comment)."""
    if not report.by_path:
        return
    for output, paths in pages.items():
        path = Path(output)
        try:
            html = path.read_text(encoding="utf-8")
        except OSError:
            continue
        problems = report.banner(paths)
        banner = banner_html(problems, t) if problems["here"] or problems["elsewhere"] else ""
        path.write_text(html.replace(PLACEHOLDER, banner, 1), encoding="utf-8")
