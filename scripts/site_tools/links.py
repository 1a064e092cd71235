"""Offline link check over a built site: every internal link and anchor resolves.

External links are only checked to be well-formed here; whether they are live
is a separate, scheduled check (``scripts/linkcheck.py --external``).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK_ATTRIBUTES = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")}
EXTERNAL_SCHEMES = {"http", "https", "mailto"}


@dataclass(frozen=True, order=True)
class BrokenLink:
    page: str  # path of the HTML file, relative to the site
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url!r}: {self.reason}"


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value is not None and (name == "id" or tag == "a"):
                self.ids.add(value)
            if (tag, name) in LINK_ATTRIBUTES and value is not None:
                rel = dict(attrs).get("rel") or ""
                if "preconnect" not in rel:
                    self.links.append(value)


def check_site(site_dir: Path, site_url: str = "") -> tuple[list[BrokenLink], int, list[str]]:
    """Return the broken links, the number of links checked, and the external URLs seen."""
    pages: dict[str, _Collector] = {}
    for path in sorted(site_dir.rglob("*.html")):
        collector = _Collector()
        collector.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site_dir).as_posix()] = collector
    base_path = urlsplit(site_url).path if site_url else "/"
    broken: list[BrokenLink] = []
    external: list[str] = []
    checked = 0
    for page, collector in pages.items():
        for url in collector.links:
            checked += 1
            reason = _check(url, page, pages, site_dir, site_url, base_path, external)
            if reason:
                broken.append(BrokenLink(page, url, reason))
    return sorted(set(broken)), checked, sorted(set(external))


def _check(
    url: str,
    page: str,
    pages: dict[str, _Collector],
    site_dir: Path,
    site_url: str,
    base_path: str,
    external: list[str],
) -> str | None:
    parts = urlsplit(url)
    if parts.scheme and parts.scheme not in EXTERNAL_SCHEMES:
        return f"scheme '{parts.scheme}:' is not allowed"
    if parts.scheme == "mailto":
        return None if "@" in parts.path else "malformed e-mail address"
    if site_url and url.startswith(site_url):
        # An absolute link to the site itself (canonical, hreflang): check the file.
        parts = urlsplit(url[len(site_url) :])
        target = unquote(parts.path)
    elif parts.scheme or url.startswith("//"):
        if not parts.netloc or "." not in parts.netloc or " " in url:
            return "malformed external URL"
        external.append(url)
        return None
    elif parts.path.startswith("/"):
        if not parts.path.startswith(base_path):
            return f"absolute path outside the site's base {base_path}"
        target = unquote(parts.path[len(base_path) :])
    elif parts.path:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        if target.startswith(".."):
            return "relative link leads outside the site"
        if target == ".":
            target = ""
        if parts.path.endswith(("/", ".", "..")) and target:
            target += "/"
    else:
        target = page
    if target.endswith("/") or target == "":
        target += "index.html"
    file = site_dir / target
    if file.is_dir():
        file, target = file / "index.html", target.rstrip("/") + "/index.html"
    if not file.exists():
        return f"no such file {target}"
    if parts.fragment and target.endswith(".html"):
        collector = pages.get(target)
        if collector is not None and unquote(parts.fragment) not in collector.ids:
            return f"no element with id '{parts.fragment}' in {target}"
    return None
