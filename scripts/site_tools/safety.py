"""Content is Markdown, not HTML: find raw HTML and dangerous URLs in a body.

Allowed raw HTML is a short list (``ALLOWED_TAGS``) of inline tags without
attributes other than ``title``, plus our listing markers. Anything else—
``<script>``, ``<iframe>``, ``<style>``, event handlers, ``javascript:``,
``vbscript:`` and ``data:`` URLs—is reported with its line.
"""

from __future__ import annotations

import html
import re

from .problems import Problem

ALLOWED_TAGS = {"abbr", "br", "sub", "sup"}  # inline typography only
ALLOWED_ATTRIBUTES = {"title"}
BLOCKED_SCHEMES = ("javascript:", "vbscript:", "data:", "file:")

_FENCE_RE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.M | re.S)
_CODE_SPAN_RE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^<>]*)>")
_ATTR_RE = re.compile(r"([^\s=/\"']+)\s*(?:=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_LINK_URL_RE = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REF_DEF_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_AUTOLINK_RE = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
_MARKER_RE = re.compile(r"^\s*listing:\s*[\w-]+\s*$")


def _blank(match: re.Match[str]) -> str:
    """Replace code with spaces, keeping newlines so line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _is_blocked(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(url)).lower()
    return cleaned.startswith(BLOCKED_SCHEMES)


def unsafe_content(body: str, path: str, first_line: int) -> list[Problem]:
    """Problems in a Markdown body whose first line is ``first_line`` of the file."""
    # Most bodies are plain prose: skip each pass whose trigger is absent.
    if "<" not in body and "](" not in body and "]:" not in body:
        return []
    text = body
    if "```" in text or "~~~" in text:
        text = _FENCE_RE.sub(_blank, text)
    if "`" in text:
        text = _CODE_SPAN_RE.sub(_blank, text)
    problems: list[Problem] = []

    def report(offset: int, message: str) -> None:
        problems.append(Problem(path, first_line + text.count("\n", 0, offset), message))

    for match in _COMMENT_RE.finditer(text):
        if not _MARKER_RE.match(match.group(1)):
            report(
                match.start(), "HTML comment in content; remove it (only '<!-- listing: NAME -->' markers are allowed)"
            )
    text = _COMMENT_RE.sub(_blank, text)
    for match in _AUTOLINK_RE.finditer(text):
        if _is_blocked(match.group(1)):
            report(match.start(), f"unsafe link '{match.group(1)[:40]}'; expected an https:// or site-relative link")
    text = _AUTOLINK_RE.sub(_blank, text)
    reported: set[str] = set()
    for match in _TAG_RE.finditer(text):
        closing, name, rest = match.groups()
        name = name.lower()
        if closing and name in reported:
            continue  # its opening tag is reported already
        if name not in ALLOWED_TAGS:
            reported.add(name)
            report(
                match.start(),
                f"raw HTML <{closing}{name}> is not allowed; write Markdown instead (allowed tags: {', '.join(sorted(ALLOWED_TAGS))})",
            )
            continue
        for attribute, value in _ATTR_RE.findall(rest.rstrip("/")):
            attribute = attribute.lower()
            if attribute.startswith("on"):
                report(
                    match.start(),
                    f"event-handler attribute '{attribute}' in <{name}>; remove it (scripts are not allowed in content)",
                )
            elif attribute not in ALLOWED_ATTRIBUTES:
                report(
                    match.start(),
                    f"attribute '{attribute}' in <{name}> is not allowed; expected only: {', '.join(ALLOWED_ATTRIBUTES)}",
                )
            elif value and _is_blocked(value.strip("\"'")):
                report(match.start(), f"unsafe URL in <{name} {attribute}>; expected plain text")
    for regex in (_LINK_URL_RE, _REF_DEF_RE):
        for match in regex.finditer(text):
            if _is_blocked(match.group(1)):
                scheme = html.unescape(match.group(1)).split(":")[0].strip().lower()
                report(
                    match.start(1),
                    f"unsafe '{scheme}:' link; expected an https:// link or a link to another page (.md)",
                )
    return problems
