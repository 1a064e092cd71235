"""Per-language search: each language gets its own index of its own pages.

The theme's search plugin would write one index for all languages, whose
results mix scripts and whose tokenizer settings suit none of them. Instead
each language's index holds its pages only (a page served in English there is
flagged as English), with locations relative to the language's root, and each
page's search points at its own language's index.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any

from .urls import relative

_CONFIG_RE = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def localize_index(index: dict[str, Any], prefix: str, fallback_locations: set[str], in_english: str) -> dict[str, Any]:
    """Make locations relative to the language root and flag English fallbacks."""
    docs = []
    for entry in index["docs"]:
        location = entry["location"]
        page = location.split("#", 1)[0]
        entry = {**entry, "location": location[len(prefix) :] if prefix and location.startswith(prefix) else location}
        if page in fallback_locations:
            entry["lang"] = "en"
            if "#" not in location:  # the page entry, not each of its sections
                entry["title"] = f"{entry['title']} {in_english}"
        docs.append(entry)
    return {**index, "docs": docs}


def point_search_at_language(html: str, page_url: str, prefix: str) -> str:
    """Set the theme's ``base`` to the language root, where that language's index is."""
    if not prefix:
        return html
    match = _CONFIG_RE.search(html)
    if match is None:
        return html
    data = _pointed_config(match.group(2), prefix, relative(prefix, page_url))
    return html[: match.start(2)] + data + html[match.end(2) :]


@functools.lru_cache(maxsize=1024)  # the same for every page of a language at the same depth
def _pointed_config(text: str, prefix: str, relative_root: str) -> str:
    config = json.loads(text)
    base = config["base"]
    if base.startswith("/"):
        config["base"] = base.rstrip("/") + "/" + prefix.rstrip("/")
    else:
        config["base"] = relative_root
    return json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
