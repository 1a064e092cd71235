"""A problem found in a content file, reported as ``path:line: what; expected``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .languages import DEFAULT_LANGUAGE, TRANSLATION_CODES


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based; 1 when the problem concerns the whole file
    message: str  # "what is wrong; what is expected"
    # True when the page can still be shown as it is (a placeholder left in,
    # a broken link): a live preview shows such a draft with the problem on
    # it; any other problem keeps the file out of the preview. The build and
    # the check refuse both kinds alike.
    draft: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised when content is invalid; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        header = f"{count} content problem{'s' if count != 1 else ''} found:"
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))


def display_path(path: Path, root: Path) -> str:
    """A path as shown in messages: relative to ``root`` when it is inside it."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# MkDocs's own link warnings name the file but not the line.
_MKDOCS_PAGE_ERROR_RE = re.compile(r"^Error reading page '(?P<path>[^']+)': (?P<error>.*)", re.S)
_MKDOCS_LINK_RE = re.compile(r"^Doc file '(?P<path>[^']+)' contains (?:an? )?(?:[\w ]+ )?link '(?P<link>[^']*)'")


def with_location(message: str, docs_dir: Path, lang: str | None = None) -> str:
    """A message of MkDocs's about a link, led by ``docs/<path>:<line>:`` of
    the first line holding the link as written (line 1 if none does); about a
    page it could not read, led by ``docs/<path>:1:``; any other message as
    it is. ``lang`` is the language being built: MkDocs names a translation
    by its English file's name (``x.md`` for ``x.fr.md``) in a one-language
    build, and under its prefix (``fr/x.md``) in an all-language one."""
    unreadable = _MKDOCS_PAGE_ERROR_RE.match(message)
    if unreadable:
        what = f"the page could not be converted ({unreadable['error']}); expected plainer Markdown"
        return f"docs/{_source_file(unreadable['path'], docs_dir, lang)}:1: {what}"
    match = _MKDOCS_LINK_RE.match(message)
    if match is None:
        return message
    path = _source_file(match["path"], docs_dir, lang)
    line = 1
    try:
        lines = (docs_dir / path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    for number, text in enumerate(lines, 1):
        if match["link"] and match["link"] in text:
            line = number
            break
    message = message.replace(f"Doc file '{match['path']}'", f"Doc file '{path}'", 1)  # the file as written
    return f"docs/{path}:{line}: {message.rstrip('.')}; fix the link: a file under docs/, or a heading of the page"


def _source_file(path: str, docs_dir: Path, lang: str | None) -> str:
    """The file under ``docs_dir`` MkDocs means by ``path`` in a build of ``lang``."""
    first, _, rest = path.partition("/")
    if rest and first in TRANSLATION_CODES:
        path, lang = rest, first
    stem, dot, suffix = path.rpartition(".")
    if lang and lang != DEFAULT_LANGUAGE and dot and suffix == "md" and "." not in stem.rpartition("/")[2]:
        translated = f"{stem}.{lang}.md"
        if (docs_dir / translated).is_file():
            return translated
    return path
