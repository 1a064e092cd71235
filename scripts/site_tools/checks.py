"""Checks of a document against its name and against the rest of the site:
file names, references, duplicates, links between pages, leftover placeholders."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from pathlib import Path, PurePosixPath
from typing import Any

from . import fields as f
from .documents import Document
from .frontmatter import Parsed
from .problems import Problem, display_path
from .schema import COLLECTIONS
from .schema import Collection as CollectionSpec


def check_name(
    spec: CollectionSpec, stem: str, meta: dict[str, Any], lines: dict[str, int], shown: str
) -> list[Problem]:
    expected = f"expected {spec.slug_pattern}"
    if not f.SLUG_RE.match(stem):
        return [Problem(shown, 1, f"file name {stem!r} is not lowercase words joined by hyphens; {expected}")]
    if spec.name in ("messages", "statements"):  # named by their date (a statement's may lack its day)
        date = meta["date"]
        iso = date.isoformat() if isinstance(date, dt.date) else date.iso
        if not stem.startswith(iso + "-") or len(stem) == len(iso) + 1:
            return [
                Problem(
                    shown,
                    lines.get("date", 1),
                    f"file name {stem!r} does not match the date {iso}; expected {iso}-short-title.md",
                )
            ]
    if spec.name == "visits":
        start = meta.get("start")
        if start and not stem.startswith(f"{start.year}-"):
            return [
                Problem(
                    shown,
                    lines.get("start", 1),
                    f"file name {stem!r} does not match the start year {start.year}; expected {start.year}-{stem}.md",
                )
            ]
        end = meta.get("end")
        if start and end and f.ends_before(start, end):  # (partial dates: the spans they may mean)
            return [
                Problem(
                    shown,
                    lines.get("end", 1),
                    f"the visit ends ({end}) before it starts ({start}); expected end on or after start",
                )
            ]
    if spec.name == "resolutions":
        number, year = f.symbol_parts(meta["symbol"])
        problems = []
        if stem != f"{number}-{year}":
            problems.append(
                Problem(
                    shown,
                    lines.get("symbol", 1),
                    f"file name {stem!r} does not match the symbol {meta['symbol']}; expected {number}-{year}.md",
                )
            )
        if meta["adopted"].year != int(year):
            problems.append(
                Problem(
                    shown,
                    lines.get("adopted", 1),
                    f"adopted in {meta['adopted'].year} but the symbol says {year}; expected a date in {year}",
                )
            )
        return problems
    return []


def check_references(
    documents: dict[str, Document], docs_dir: Path, root: Path, unreadable: Collection[str] = ()
) -> list[Problem]:
    """Every slug in a field that refers to a collection names a document.

    ``unreadable`` holds the keys ("visits/x.md") of files that exist but
    could not be read; referring to one is not reported again."""
    problems = []
    for doc in documents.values():
        spec = COLLECTIONS.get(doc.collection)
        if spec is None:
            continue
        shown = display_path(docs_dir / doc.english.path, root)
        for fd in spec.fields:
            if not fd.refers_to or fd.name not in doc.meta:
                continue
            value = doc.meta[fd.name]
            for slug in value if isinstance(value, list) else [value]:
                target = f"{fd.refers_to}/{slug}.md"
                if target not in documents and target not in unreadable:
                    problems.append(
                        Problem(
                            shown,
                            doc.english.line_of(fd.name),
                            f"field '{fd.name}' refers to {slug!r}, which does not exist; expected a file docs/{fd.refers_to}/{slug}.md",
                        )
                    )
        for number, citation in enumerate(doc.meta.get("sources") or [], start=1):
            target = f"{citation.document}.md"
            if citation.document and target not in documents and target not in unreadable:
                problems.append(
                    Problem(
                        shown,
                        doc.english.line_of("sources"),
                        f"field 'sources' (source {number}) names the page {citation.document!r}, which does not exist; expected a file docs/{target}",
                    )
                )
    return problems


PLACEHOLDER = "TODO:"  # what scripts/new.py writes where the editor must write text
_MD_LINK_RE = re.compile(r"\]\(\s*<?([^()\[\]\s>#]+\.md)(#[^)\s>]*)?")  # no brackets inside: linear on any line


def placeholders(parsed: Parsed, shown: str) -> list[Problem]:
    problems = []
    # Every text of the front matter, at any depth (a source's title too), once per field.
    reported: set[str] = set()
    for string in parsed.strings:
        if not string.is_key and PLACEHOLDER in string.value and string.field not in reported:
            reported.add(string.field)
            problems.append(
                Problem(
                    shown,
                    string.line if len(string.path) > 1 else parsed.key_lines.get(string.field, string.line),
                    f"field '{string.field}' still holds the placeholder {PLACEHOLDER!r}; write the real text",
                    draft=True,
                )
            )
    for offset, line in enumerate(parsed.body.split("\n")):
        if PLACEHOLDER in line:
            problems.append(
                Problem(
                    shown,
                    parsed.body_line + offset,
                    f"placeholder {PLACEHOLDER!r} left in the text; write the real text",
                    draft=True,
                )
            )
    return problems


def check_duplicates(documents: dict[str, Document], docs_dir: Path, root: Path) -> list[Problem]:
    """Two files for one thing: the same resolution, visit or message twice."""

    def identity(doc: Document) -> tuple | None:
        meta = doc.meta
        if doc.collection == "resolutions" and "symbol" in meta:
            return ("resolution", meta["symbol"])
        if doc.collection == "visits" and "state" in meta and meta.get("start"):
            return ("visit", meta["state"]["code"], meta["start"])
        if doc.collection in ("messages", "statements") and "date" in meta and "title" in meta:
            return (doc.collection.removesuffix("s"), meta["date"], meta["title"].casefold())
        return None

    seen: dict[tuple, Document] = {}
    problems = []
    for doc in sorted(documents.values(), key=lambda d: d.key):
        key = identity(doc)
        if key is None:
            continue
        if key in seen:
            other = seen[key].key
            problems.append(
                Problem(
                    display_path(docs_dir / doc.key, root),
                    1,
                    f"duplicate of docs/{other} (same {key[0]}); keep one file",
                    draft=True,
                )
            )
        else:
            seen[key] = doc
    return problems


def check_body_links(documents: dict[str, Document], docs_dir: Path, root: Path) -> list[Problem]:
    """Links to other pages (``[text](other.md)``) must name an existing file."""
    problems = []
    for doc in documents.values():
        for source in doc.sources.values():
            if "](" not in source.body:  # no Markdown link at all
                continue
            folder = PurePosixPath(source.path).parent
            for number, line in enumerate(source.body.split("\n")):
                for match in _MD_LINK_RE.finditer(line):
                    target = match.group(1)
                    if "://" in target:
                        continue
                    resolved = (docs_dir / folder / target).resolve()
                    if not resolved.is_file():
                        problems.append(
                            Problem(
                                display_path(docs_dir / source.path, root),
                                source.body_line + number,
                                f"link to {target!r}, which does not exist; expected a path to a file under docs/, relative to this file",
                                draft=True,
                            )
                        )
    return problems
