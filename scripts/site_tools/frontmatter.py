"""Split a Markdown file into YAML front matter and body, keeping line numbers.

The one front-matter parser of the site: the check and the build both read
files through ``decode`` and ``parse``, and the build hands MkDocs only the
body (behind empty front matter), so MkDocs never reads front matter itself.

Front matter is parsed strictly: dates stay strings (so an impossible date is
reported, not a crash), a key given twice is refused at any depth, and every
key remembers its line for error messages. Line endings are normalized first
(CRLF and CR become LF, as MkDocs' own reading does), so line numbers are the
ones an editor shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from .problems import Problem

# libyaml's parser when PyYAML has it (about ten times faster), else pure Python.
if TYPE_CHECKING:
    # One class for the checker: the C loader is a drop-in for the Python one, and
    # PyYAML's stubs declare CSafeLoader even where libyaml is missing.
    _BaseLoader = yaml.SafeLoader
else:
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _StrictLoader(_BaseLoader):
    """SafeLoader that leaves timestamps as strings; we validate dates ourselves."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

DELIMITER = "---"


@dataclass
class Parsed:
    """A file split at its front matter.

    ``body`` is exactly what follows the closing ``---`` line, with line
    endings normalized to LF; ``body_line`` is the 1-based line of the file
    where it starts (one past the closing ``---``, even when the body is
    empty). ``strings`` lists every text in the front matter, keys and values
    at any depth, each with its place and line (for ``fields``' plain-text rule).
    """

    meta: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)  # 1-based line of each key
    body: str = ""
    body_line: int = 1  # 1-based line where the body starts
    text: str = field(default="", repr=False)  # the whole file, decoded, line endings normalized
    strings: list[StringAt] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class StringAt:
    """A text in the front matter and where it is."""

    path: tuple[str | int, ...]  # keys and 1-based list positions: ("state", "name"), ("resolutions", 2)
    line: int  # 1-based line in the file
    value: str
    is_key: bool = False  # the text is the last key of ``path`` itself

    @property
    def field(self) -> str:
        """The top-level field it belongs to."""
        return str(self.path[0])


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a content file as UTF-8 without byte-order mark.

    Returns the text, or None and the one problem that prevents it (a BOM,
    or bytes that are not UTF-8, with the line of the first such byte).
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, [Problem(path, 1, "file starts with a UTF-8 byte-order mark; save it as UTF-8 without BOM")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [
            Problem(
                path,
                line,
                f"bytes that are not UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8",
            )
        ]
    return text, []


def parse(text: str, path: str) -> tuple[Parsed | None, list[Problem]]:
    """Parse front matter; return the parsed file or the problems that prevent it.

    ``text`` is the decoded file. The first line must be ``---`` and front
    matter ends at the next line that is ``---`` (trailing spaces allowed);
    what follows that line is the body, which may be empty. Problems (all at
    once where there are several of one kind): an empty file, no front matter,
    unclosed front matter (line 1), tab characters, invalid YAML (its line),
    front matter that is not a mapping, a key given twice at any depth.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [Problem(path, 1, "file is empty; expected front matter between '---' lines, then text")]
    lines = text.split("\n")
    if lines[0].rstrip() != DELIMITER:
        return None, [
            Problem(
                path, 1, f"file does not start with front matter; expected a first line '---', found {lines[0][:40]!r}"
            )
        ]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() == DELIMITER), None)
    if end is None:
        return None, [Problem(path, 1, "front matter is not closed; expected a line '---' after the last field")]
    problems = [
        Problem(path, i + 1, "tab character in front matter; indent YAML with spaces")
        for i in range(1, end)
        if "\t" in lines[i]
    ]
    if problems:
        return None, problems
    yaml_text = "\n".join(lines[1:end])
    loader = _StrictLoader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 2) if mark else 1
        reason = (error.problem or error.context or "invalid YAML").strip()
        return None, [Problem(path, line, f"front matter is not valid YAML ({reason}); expected 'key: value' lines")]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, f"front matter is not valid YAML ({error}); expected 'key: value' lines")]
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return None, [
            Problem(path, 2, f"front matter is a {type(data).__name__}, not fields; expected 'key: value' lines")
        ]
    key_lines: dict[str, int] = {}
    strings: list[StringAt] = []
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines.setdefault(str(key_node.value), key_node.start_mark.line + 2)
        _walk(node, (), path, problems, strings, set())
    if problems:
        return None, problems
    return Parsed(data, key_lines, "\n".join(lines[end + 1 :]), end + 2, text, strings), []


_STR_TAG = "tag:yaml.org,2002:str"


def _walk(
    node: yaml.Node,
    at: tuple[str | int, ...],
    path: str,
    problems: list[Problem],
    strings: list[StringAt],
    seen: set[int],
) -> None:
    """Record every string under ``node`` and refuse keys given twice in any mapping.

    A node reached again through a YAML alias is walked once (``seen``), so
    nested aliases cannot make the walk exponential."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        first: dict[str, int] = {}
        for key_node, value_node in node.value:
            key, line = str(key_node.value), key_node.start_mark.line + 2
            if key in first:
                full = ".".join(str(part) for part in (*at, key) if isinstance(part, str))
                problems.append(
                    Problem(path, line, f"field '{full}' is given twice (first on line {first[key]}); keep one")
                )
                continue
            first[key] = line
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _STR_TAG:
                strings.append(StringAt((*at, key), line, key, is_key=True))
            _walk(value_node, (*at, key), path, problems, strings, seen)
    elif isinstance(node, yaml.SequenceNode):
        for number, item in enumerate(node.value, start=1):
            _walk(item, (*at, number), path, problems, strings, seen)
    elif isinstance(node, yaml.ScalarNode) and node.tag == _STR_TAG and at:
        strings.append(StringAt(at, node.start_mark.line + 2, node.value))
