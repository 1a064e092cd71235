"""A strict Content-Security-Policy for every built page, as a <meta> tag.

GitHub Pages cannot send headers, so the policy is written into each page.
Scripts run only from the site itself or, for the few inline scripts the
theme's own partials write, by the SHA-256 hash of each. Those hashes come
from rendering the theme's partials (``LanguageBuild.script_hashes``), never
from reading the finished page: a script that got into a page any other way
is not in the policy, and the browser refuses to run it.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable, Iterator

from .sanitize import TABLE_ALIGN_STYLES

_DATA_TYPES = ("application/json", "application/ld+json")  # data blocks, never executed


def style_hash(value: str) -> str:
    """The CSP source expression for an inline style attribute's value."""
    return f"'sha256-{base64.b64encode(hashlib.sha256(value.encode('utf-8')).digest()).decode()}'"


BASE_POLICY = (
    "default-src 'self'",
    # The theme's icons are SVG data URIs in its own stylesheet (mask-image);
    # content cannot use data: URLs (the sanitizer allows http, https, mailto
    # and relative URLs only; tests/test_safety.py proves it).
    "img-src 'self' data:",
    # No inline styles but Markdown's table-column alignment, allowed by hash
    # (the sanitizer lets content write only those values).
    " ".join(["style-src 'self' 'unsafe-hashes'", *sorted(style_hash(v) for v in TABLE_ALIGN_STYLES)]),
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def inline_script_hashes(html: str) -> list[str]:
    """The hashes of the executable inline scripts in ``html`` (a template's
    output, not a finished page): ``'sha256-…'`` strings, sorted."""
    hashes = set()
    for attrs, body in _scripts(html):
        if "src=" in attrs or any(kind in attrs for kind in _DATA_TYPES):
            continue
        hashes.add(script_hash(body))
    return sorted(hashes)


def _scripts(html: str) -> Iterator[tuple[str, str]]:
    """Each ``<script ...>body</script>``'s attributes and body."""
    position = 0
    while (start := html.find("<script", position)) != -1:
        opened = html.find(">", start)
        closed = html.find("</script>", opened)
        if opened == -1 or closed == -1:
            return
        yield html[start + len("<script") : opened], html[opened + 1 : closed]
        position = closed + len("</script>")


def script_hash(body: str) -> str:
    """The CSP source expression for an inline script's text."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def policy(script_hashes: Iterable[str]) -> str:
    """The policy allowing scripts from the site and these inline ones."""
    scripts = " ".join(["script-src 'self'", *script_hashes])
    return "; ".join([BASE_POLICY[0], scripts, *BASE_POLICY[1:]])


def add_policy(html: str, script_hashes: Iterable[str]) -> str:
    """Insert the policy as the first element of <head>, before any script.
    Raises ValueError for a page without ``<head>``."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(script_hashes)}">'
    head = html.find("<head>")
    if head == -1:
        raise ValueError("page has no <head>; cannot add its Content-Security-Policy")
    position = head + len("<head>")
    return html[:position] + "\n    " + meta + html[position:]
