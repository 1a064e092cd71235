"""sitemap.xml for the whole site: every real page once, with its real translations.

Fallback copies (an English page served under another language's prefix) are
left out, as they are from the hreflang links: search engines see each
document once per language it is really written in.
"""

from __future__ import annotations

from .languages import CODES
from .model import Site
from .render import hreflang_alternates


def sitemap(site: Site, site_url: str, only: str | None = None) -> str:
    """The whole site's sitemap, or with ``only`` that language's own pages."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for key in sorted(site.documents):
        doc = site.documents[key]
        languages = [lang for lang in CODES if doc.is_translated(lang) and (not only or lang == only)]
        if not languages:
            continue
        alternates = hreflang_alternates(doc, site_url)
        links = [
            f'    <xhtml:link rel="alternate" hreflang="{_escape(a["hreflang"])}" href="{_escape(a["href"])}"/>'
            for a in alternates
        ]
        for lang in languages:
            loc = next(a["href"] for a in alternates if a["hreflang"] == lang)
            lines.append(f"  <url>\n    <loc>{_escape(loc)}</loc>")
            lines.extend(links)
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def _escape(value: str) -> str:
    """Text or a double-quoted attribute value, escaped for XML."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
