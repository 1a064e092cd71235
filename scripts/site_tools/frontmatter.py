"""Split a Markdown file into YAML front matter and body, keeping line numbers.

Front matter is parsed strictly: dates stay strings (so an impossible date is
reported, not a crash), and every key remembers its line for error messages.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem

# libyaml's parser when PyYAML has it (about ten times faster), else pure Python.
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
    meta: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)  # 1-based line of each key
    body: str = ""
    body_line: int = 1  # 1-based line where the body starts
    text: str = field(default="", repr=False)  # the whole file, decoded


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode a content file as UTF-8 without byte-order mark."""
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
    """Parse front matter; return the parsed file or the problems that prevent it."""
    if not text.strip():
        return None, [Problem(path, 1, "file is empty; expected front matter between '---' lines, then text")]
    lines = text.split("\n")
    if lines[0].rstrip("\r") != DELIMITER:
        return None, [
            Problem(
                path, 1, f"file does not start with front matter; expected a first line '---', found {lines[0][:40]!r}"
            )
        ]
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r") == DELIMITER), None)
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
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key, line = str(key_node.value), key_node.start_mark.line + 2
            if key in key_lines:
                problems.append(
                    Problem(path, line, f"field '{key}' is given twice (first on line {key_lines[key]}); keep one")
                )
            key_lines.setdefault(key, line)
    if problems:
        return None, problems
    return Parsed(data, key_lines, "\n".join(lines[end + 1 :]), end + 2, text), []
