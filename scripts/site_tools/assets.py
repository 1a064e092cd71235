"""Which files under ``docs/`` may be published: one rule for the content
check's walk (``publishable_files``) and for the build's file list
(``refused_file``).

``docs/`` holds Markdown and a few asset types that cannot carry scripts:
raster images, PDF documents and the site's own stylesheets. Everything else
is refused, because the site would serve it from its own origin: an ``.svg``
or ``.html`` file can run scripts there, and ``.js`` would be trusted by the
Content-Security-Policy (``script-src 'self'``). Symbolic links are refused
too (they can publish files from outside ``docs/``), and so are hidden files
such as ``.DS_Store``.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from .languages import TRANSLATION_CODES, get
from .problems import Problem, display_path

# Each allowed type, by how such a file starts: a file whose content is not
# what its name says (HTML named .png, which a browser might sniff) is refused.
SIGNATURES: dict[str, Callable[[bytes], bool]] = {
    ".png": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    ".jpg": lambda head: head.startswith(b"\xff\xd8\xff"),
    ".jpeg": lambda head: head.startswith(b"\xff\xd8\xff"),
    ".gif": lambda head: head.startswith((b"GIF87a", b"GIF89a")),
    ".webp": lambda head: head.startswith(b"RIFF") and head[8:12] == b"WEBP",
    ".avif": lambda head: head[4:8] == b"ftyp" and head[8:12] in (b"avif", b"avis"),
    ".pdf": lambda head: head.startswith(b"%PDF-"),
}
MARKDOWN = ".md"

SYMLINK = "symbolic link; docs/ may hold only real files: replace it with the file itself"
HIDDEN = "hidden file or folder (its name starts with a dot); docs/ may hold only content and assets: delete it"
IRREGULAR = "not a regular file; docs/ may hold only real files: delete it"
_ALLOWED = "Markdown, images (.png, .jpg, .jpeg, .gif, .webp, .avif) or .pdf"
# PDF features that run something when the file is opened.
_PDF_ACTIONS = (b"/JavaScript", b"/JS", b"/OpenAction", b"/Launch", b"/AA", b"/EmbeddedFile", b"/RichMedia")


def refused_file(src_uri: str, abs_path: Path) -> str | None:
    """Why the file at ``abs_path`` (``src_uri`` under ``docs/``, with forward
    slashes) may not be published, or None when it may.

    Refused: a symbolic link, or a file inside a symbolically linked folder
    below ``docs/``; a hidden file or folder (name starting with a dot); any
    type other than Markdown, raster images and PDF (the site's stylesheet
    is the theme's, in ``overrides/``: served from the site, a stylesheet
    could also be loaded as a script); an image or PDF whose first bytes are
    not of its type; a PDF with actions or scripts. The reason reads "what;
    expected", for a ``Problem``.
    """
    parts = PurePosixPath(src_uri).parts
    if any(part.startswith(".") for part in parts):
        return HIDDEN
    for depth in range(len(parts)):
        if (abs_path.parents[depth - 1] if depth else abs_path).is_symlink():
            return SYMLINK
    if not abs_path.is_file():
        return IRREGULAR
    if parts and parts[0] in TRANSLATION_CODES:
        return (
            f"folder '{parts[0]}/' is where the {get(parts[0]).english_name} site is published; "
            f"expected translations beside their original (name.{parts[0]}.md), assets in docs/assets/"
        )
    suffix = PurePosixPath(src_uri).suffix.lower()
    if suffix == MARKDOWN:
        if PurePosixPath(src_uri).suffix != MARKDOWN:
            return (
                f"'{PurePosixPath(src_uri).suffix}' in capitals is not read as content; expected a name ending in '.md'"
            )
        return None
    looks_right = SIGNATURES.get(suffix)
    if looks_right is None:
        what = f"file type '{suffix}'" if suffix else "file without a type"
        hint = {
            ".svg": " (SVG can carry scripts: convert it to .png)",
            ".html": " (pages are written in Markdown)",
            ".htm": " (pages are written in Markdown)",
            ".js": " (scripts are not published from docs/)",
            ".css": " (the site's stylesheet is overrides/assets/stylesheets/site.css, reviewed as code)",
        }.get(suffix, "")
        return f"{what} is not published{hint}; expected {_ALLOWED}"
    with abs_path.open("rb") as file:
        head = file.read(16)
    if not looks_right(head):
        return f"the content of this file is not a {suffix[1:].upper()} file; expected a real {suffix} file, as its name says"
    if suffix == ".pdf" and _pdf_acts(abs_path.read_bytes()):
        return "PDF with scripts, actions or embedded files; expected a plain document (print it to PDF again)"
    return None


def _pdf_acts(data: bytes) -> bool:
    """Whether a PDF names an action, a script or an embedded file, in its
    objects or its compressed streams, however the names are written (PDF
    lets ``#xx`` stand for any byte of a name)."""
    parts = [data]
    for match in _PDF_STREAM_RE.finditer(data):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    for part in parts:
        plain = _PDF_NAME_ESCAPE_RE.sub(lambda m: bytes([int(m.group(1), 16)]), part)
        if any(action in plain for action in _PDF_ACTIONS):
            return True
    return False


_PDF_STREAM_RE = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_PDF_NAME_ESCAPE_RE = re.compile(rb"#([0-9A-Fa-f]{2})")


def publishable_files(docs_dir: Path, display_root: Path | None = None) -> tuple[list[str], list[Problem]]:
    """Every file under ``docs_dir`` that may be published (docs-relative,
    forward slashes, in path order), and a ``Problem`` (line 1) for each one
    that may not (``refused_file``), shown relative to ``display_root``
    (default: the parent of ``docs_dir``).

    Symbolic links are never followed: a linked folder is one problem, and
    nothing inside it is read. A hidden folder is one problem too.
    """
    root = display_root or docs_dir.parent
    found: list[str] = []
    problems: list[Problem] = []
    for folder, dirs, names in os.walk(docs_dir, followlinks=False):
        here = Path(folder)
        rel = here.relative_to(docs_dir).as_posix()
        prefix = "" if rel == "." else f"{rel}/"
        for name in sorted(dirs):
            path = here / name
            if path.is_symlink() or name.startswith("."):
                problems.append(Problem(display_path(path, root), 1, SYMLINK if path.is_symlink() else HIDDEN))
                dirs.remove(name)
        for name in names:
            reason = refused_file(prefix + name, here / name)
            if reason:
                problems.append(Problem(display_path(here / name, root), 1, reason))
            else:
                found.append(prefix + name)
    return sorted(found, key=lambda rel: rel.split("/")), problems
