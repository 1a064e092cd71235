"""Per-language search: each language's build writes its own index of its
own pages (the theme's search plugin, with the language's own tokenizer
settings); a page served in English there is flagged as English.
"""

from __future__ import annotations

from typing import Any


def flag_fallbacks(index: dict[str, Any], fallback_locations: set[str], in_english: str) -> dict[str, Any]:
    """The theme's index (``{"config": ..., "docs": [{"location", "title",
    "text"}...]}``) with every entry of a page served in English marked
    ``"lang": "en"``, and the page's own entry titled "<title> <in_english>"."""
    docs = []
    for entry in index["docs"]:
        location = entry["location"]
        if location.split("#", 1)[0] in fallback_locations:
            entry = {**entry, "lang": "en"}
            if "#" not in location:  # the page entry, not each of its sections
                entry["title"] = f"{entry['title']} {in_english}"
        docs.append(entry)
    return {**index, "docs": docs}
