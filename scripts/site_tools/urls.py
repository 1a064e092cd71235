"""Relative addresses between pages of the built site, by string operations.

``posixpath.relpath`` asks the operating system for the working folder on every
call; a build makes tens of thousands of these links.
"""

from __future__ import annotations


def _parts(path: str) -> list[str]:
    return [part for part in path.split("/") if part and part != "."]


def relative(target: str, base: str) -> str:
    """``target`` as seen from folder ``base``, both site-relative and free of
    ``..``: what ``posixpath.relpath(target or ".", base or ".")`` gives."""
    to, start = _parts(target), _parts(base)
    common = 0
    for a, b in zip(to, start, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."
