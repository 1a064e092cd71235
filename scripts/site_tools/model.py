"""Loading the site: every document with its translations, and every problem found.

``load_site()`` reads and validates ``docs/`` against the content model
(``schema``), the publishable files (``assets``) and the site-wide checks
(``checks``), reporting all problems at once instead of stopping at the first.
Raw HTML in bodies is judged later, on the converted HTML, by ``sanitize``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from . import fields as f
from . import state_pages
from .assets import MARKDOWN, publishable_files
from .checks import check_body_links, check_duplicates, check_name, check_references, placeholders
from .documents import Document, Site, Source
from .frontmatter import Parsed, StringAt, decode, parse
from .languages import DEFAULT_LANGUAGE, TRANSLATION_CODES
from .problems import Problem, display_path
from .schema import (  # noqa: F401 (re-exported: the content model in one import)
    ASSET_FOLDERS,
    COLLECTIONS,
    FILENAME_RE,
    PAGE,
    TOP_PAGES,
    TRANSLATION_FIELDS,
    Collection,
    Field,
)


def load_site(docs_dir: Path, display_root: Path | None = None, *, reuse: bool = False) -> Site:
    """Read and validate every Markdown file under ``docs_dir``; collect all
    problems. With ``reuse``, files unchanged since the last call with it are
    not read again (a live preview reloads the content after every edit)."""
    display_root = display_root or docs_dir.parent
    documents: dict[str, Document] = {}
    translations: list[tuple[str, Source, str]] = []
    originals: set[str] = set()
    unreadable: set[str] = set()  # originals whose file is there but could not be read
    shown_docs = display_path(docs_dir, display_root)
    files, problems = publishable_files(docs_dir, display_root)
    for rel in (rel for rel in files if rel.endswith(MARKDOWN)):
        shown = rel if shown_docs == "." else f"{shown_docs}/{rel}"
        collection, problem = _classify(rel, shown)
        if problem:
            problems.append(problem)
            continue
        name = rel.rpartition("/")[2]
        match = FILENAME_RE.match(name)
        if not match:
            problems.append(Problem(shown, 1, f"file name {name!r} has extra dots; expected {_pattern(collection)}"))
            continue
        stem, lang = match["stem"], match["lang"] or DEFAULT_LANGUAGE
        if match["lang"] and lang not in TRANSLATION_CODES:
            expected = ", ".join(f".{c}.md" for c in TRANSLATION_CODES)
            what = "English is the file without a suffix" if lang == DEFAULT_LANGUAGE else "unknown language"
            problems.append(Problem(shown, 1, f"{what} '.{lang}.md'; expected one of {expected}"))
            continue
        key = f"{rel[: len(rel) - len(name)]}{stem}.md"
        if lang == DEFAULT_LANGUAGE:
            originals.add(key)
        path = os.path.join(docs_dir, rel)
        parsed, meta, file_problems = (
            _reuse(path, shown, collection, lang) if reuse else _read(path, shown, collection, lang)
        )
        problems.extend(file_problems)
        if parsed is None:
            if lang == DEFAULT_LANGUAGE:
                unreadable.add(key)
            continue
        source = Source(rel, lang, meta, parsed.key_lines, parsed.body, parsed.body_line, text=parsed.text)
        if lang == DEFAULT_LANGUAGE:
            documents[key] = Document(key, collection, stem, {lang: source})
            spec = COLLECTIONS.get(collection)
            if spec and all(fd.name in meta for fd in spec.fields if fd.required):
                problems.extend(check_name(spec, stem, meta, parsed.key_lines, shown))
        else:
            translations.append((key, source, shown))
    for key, source, shown in translations:
        if key in documents:
            documents[key].sources[source.lang] = source
        elif key not in originals:  # an unreadable original is reported already
            problems.append(Problem(shown, 1, f"translation without an English original; expected docs/{key} to exist"))
    # A reference to an unreadable original is not a second problem: its file's own is enough.
    problems.extend(check_references(documents, docs_dir, display_root, unreadable=unreadable))
    problems.extend(check_duplicates(documents, docs_dir, display_root))
    problems.extend(check_body_links(documents, docs_dir, display_root))
    documents.update(state_pages.generated_documents(documents))
    return Site(documents, problems)


# Parsed files by path, while unchanged (see load_site's ``reuse``).
_CACHE: dict[tuple[str, str], tuple[tuple[int, int], tuple]] = {}


def _reuse(path: str, shown: str, collection: str, lang: str) -> tuple[Parsed | None, dict[str, Any], list[Problem]]:
    """``_read``, or what it gave for this file when it was last read, if unchanged since."""
    stat = os.stat(path)
    stamp = (stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get((path, shown))
    if cached and cached[0] == stamp:
        return cached[1]
    result = _read(path, shown, collection, lang)
    _CACHE[(path, shown)] = (stamp, result)
    return result


def _read(path: str, shown: str, collection: str, lang: str) -> tuple[Parsed | None, dict[str, Any], list[Problem]]:
    """Decode, parse and validate one file (each step reports, none raises)."""
    with open(path, "rb") as file:
        raw = file.read()
    text, problems = decode(raw, shown)
    result: tuple = (None, {}, problems)
    if text is not None:
        parsed, problems = parse(text, shown)
        result = (None, {}, problems)
        if parsed is not None:
            spec = COLLECTIONS.get(collection, PAGE)
            problems, refused = _plain_text(parsed.strings, shown)
            valid = {key: value for key, value in parsed.meta.items() if str(key) not in refused}
            # A field whose name holds a hidden character is there all the same (one problem, not two).
            present = {*map(str, parsed.meta), *(_visible(key) for key in refused)}
            meta, field_problems = _validate_fields(spec, valid, parsed.key_lines, shown, lang, present=present)
            problems += field_problems
            problems += placeholders(parsed, shown)
            problems += _shape_problems(parsed.body, parsed.body_line, shown)
            for offset, what in f.hidden_in_prose(parsed.body):
                line = parsed.body_line + parsed.body.count("\n", 0, offset)
                problems.append(
                    Problem(
                        shown,
                        line,
                        f"the text holds {what}, an invisible character that can disguise or reorder what readers see; delete it",
                        draft=True,
                    )
                )
            result = (parsed, meta, problems)
    return result


# Python-Markdown's link parser takes time growing with the square of the
# brackets in a paragraph, and its block parser recurses once per level of
# nesting: past these, one file could stall or crash the build.
MAX_LINE = 4000  # characters; a long paragraph is about 1,500
MAX_PARAGRAPH = 8000  # characters
MAX_BRACKETS = 400  # "[" in one paragraph (a link takes one)
MAX_NESTING = 12  # levels of lists or quotes
_DEPTH_RE = re.compile(r"^((?:[ \t]*>)*)([ \t]*)")


def _shape_problems(body: str, first_line: int, shown: str) -> list[Problem]:
    """The first line, or paragraph, too long or nested too deep to be
    converted in reasonable time (one problem at most)."""
    paragraph_start, paragraph_size, brackets = 0, 0, 0
    for number, line in enumerate([*body.split("\n"), ""]):
        where = first_line + number
        if len(line) > MAX_LINE:
            what = f"line of {len(line):,} characters; expected at most {MAX_LINE:,}: break it into paragraphs"
            return [Problem(shown, where, what)]
        match = _DEPTH_RE.match(line)
        quotes, indent = match.groups() if match else ("", "")
        depth = quotes.count(">") + len(indent.expandtabs(4)) // 4
        if depth > MAX_NESTING:
            what = f"nested {depth} levels deep (lists, quotes, indented code); expected at most {MAX_NESTING}"
            return [Problem(shown, where, what)]
        if line.strip():
            if not paragraph_size:
                paragraph_start = where
            paragraph_size += len(line) + 1
            brackets += line.count("[")
            continue
        if paragraph_size > MAX_PARAGRAPH:
            what = f"paragraph of {paragraph_size:,} characters; expected at most {MAX_PARAGRAPH:,}: break it up"
            return [Problem(shown, paragraph_start, what)]
        if brackets > MAX_BRACKETS:
            what = f"paragraph with {brackets:,} '['; expected at most {MAX_BRACKETS} (a link takes one)"
            return [Problem(shown, paragraph_start, what)]
        paragraph_size, brackets = 0, 0
    return []


def _pattern(collection: str) -> str:
    return COLLECTIONS[collection].slug_pattern if collection in COLLECTIONS else "index.md or index.<lang>.md"


def _classify(rel: str, shown: str) -> tuple[str, Problem | None]:
    parts = rel.split("/")
    if len(parts) == 1:
        if FILENAME_RE.match(parts[0]) and parts[0].split(".")[0] in TOP_PAGES:
            return "pages", None
        return "pages", Problem(
            shown,
            1,
            f"unexpected page {rel!r} at the top of docs/; expected a document in one of {', '.join(f'docs/{c}/' for c in COLLECTIONS)}",
        )
    folder = parts[0]
    if folder in ASSET_FOLDERS:
        return "", Problem(shown, 1, f"Markdown file in docs/{folder}/, which holds only stylesheets and images")
    if folder == state_pages.SECTION:
        if len(parts) == 2 and parts[1].split(".")[0] == "index":
            return "pages", None
        return "", Problem(
            shown,
            1,
            f"docs/{folder}/ holds only its index page: each State's page is made from the visits; "
            "write about a State in a visit or a message instead",
        )
    if folder not in COLLECTIONS:
        return "", Problem(shown, 1, f"unknown collection {folder!r}; expected a folder among {', '.join(COLLECTIONS)}")
    if len(parts) > 2:
        return "", Problem(
            shown,
            1,
            f"document in a sub-folder of docs/{folder}/; expected docs/{folder}/{COLLECTIONS[folder].slug_pattern.split(',')[0]}",
        )
    if parts[1].split(".")[0] == "index":
        return "pages", None
    return folder, None


def _plain_text(strings: list[StringAt], shown: str) -> tuple[list[Problem], set[str]]:
    """A problem for each text of the front matter holding invisible or
    control characters, and the top-level fields they are in (not validated
    further, so that one character gives one message)."""
    problems = []
    refused = set()
    for string in strings:
        hidden = f.hidden_characters(string.value)
        if hidden is None:
            continue
        dotted = ".".join(part for part in string.path if isinstance(part, str))
        if string.is_key:
            where = f"field name {f.shown(dotted)}"
        else:
            items = [part for part in string.path if isinstance(part, int)]
            where = f"field {f.shown(dotted)}" + (f" (item {items[-1]})" if items else "")
        problems.append(Problem(shown, string.line, f"{where} {hidden}"))
        refused.add(string.field)
    return problems, refused


def _visible(text: str) -> str:
    """``text`` without the characters ``fields.hidden_characters`` refuses."""
    return "".join(char for char in text if f.hidden_characters(char) is None)


def _validate_fields(
    spec: Collection,
    raw: dict[str, Any],
    lines: dict[str, int],
    shown: str,
    lang: str,
    present: set[str] | None = None,
) -> tuple[dict[str, Any], list[Problem]]:
    """Validate ``raw`` fields against ``spec``; ``present`` (default ``raw``'s
    keys) names every field the file gives, for the check of required ones."""
    present = set(raw) if present is None else present
    problems: list[Problem] = []
    meta: dict[str, Any] = {}
    translated = lang != DEFAULT_LANGUAGE
    allowed = {fd.name: fd for fd in spec.fields if fd.translatable or not translated}
    if translated:
        allowed.update({fd.name: fd for fd in TRANSLATION_FIELDS})
    for key, value in raw.items():
        line = lines.get(str(key), 1)
        fd = allowed.get(key)
        if fd is None:
            if translated and spec.field(str(key)):
                problems.append(
                    Problem(
                        shown,
                        line,
                        f"'{key}' is the same in every language and is written only in the English file; remove it here",
                    )
                )
            else:
                names = ", ".join(allowed)
                problems.append(
                    Problem(shown, line, f"unknown field '{key}' for {spec.name}; expected one of: {names}")
                )
            continue
        try:
            meta[key] = fd.validate(value)
        except f.FieldError as error:
            problems.append(Problem(shown, line, f"field '{key}' {error}"))
    required = [fd for fd in spec.fields if fd.required and (fd.translatable or not translated)]
    if translated:
        required = [fd for fd in required if fd.name == "title"]
    for fd in required:
        if fd.name not in present:
            problems.append(Problem(shown, 1, f"missing required field '{fd.name}'; add it to the front matter"))
    return meta, problems
