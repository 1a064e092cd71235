"""A problem found in a content file, reported as ``path:line: what; expected``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based; 1 when the problem concerns the whole file
    message: str  # "what is wrong; what is expected"

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
