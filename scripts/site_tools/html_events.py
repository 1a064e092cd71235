"""What ``html.parser.HTMLParser`` reports for a page's HTML, found faster.

The theme's search indexer reads every page's HTML with an ``HTMLParser``
subclass, whose tokenizer costs more than the indexing itself. HTML as
Markdown writes it (tags with double-quoted attributes, text with entities)
is cut here into the same events, in the same order, with the same values:
start tags (name and attributes lowercased, values unescaped), end tags,
start-end tags (``<br />``) and text (unescaped, one piece from a tag to the
next). Anything else (comments, declarations, scripts and styles, whose
content the parser reads raw, a ``<`` that starts no tag) gives ``None``: the
caller lets the parser read that page itself.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

# Text up to the next tag, an end tag, or a start tag whose attributes are all
# name="value" (or bare names); space as HTML has it (the parser's \s would
# also take other Unicode spaces).
_SPACE = r"[ \t\n\r\f]"
_TOKEN = re.compile(
    r"([^<]+)"
    rf"|</([a-zA-Z][a-zA-Z0-9]*){_SPACE}*>"
    rf'|<([a-zA-Z][a-zA-Z0-9]*)((?:{_SPACE}+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*){_SPACE}*(/?)>'
)
_ATTRIBUTE = re.compile(rf'{_SPACE}+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?')
# Read raw by the parser (its CDATA_CONTENT_ELEMENTS): not ours to cut.
_RAW = frozenset({"script", "style"})

Event = tuple  # ("start" | "startend", tag, attrs) | ("end", tag) | ("data", text)


def events(html: str) -> list[Event] | None:
    """The parser's events for ``html`` fed whole then closed, or None if
    ``html`` holds something this module leaves to the parser."""
    found: list[Event] = []
    position = 0
    for match in _TOKEN.finditer(html):
        if match.start() != position:
            return None  # a "<" that starts no tag this module reads
        position = match.end()
        text, end, start, attributes, closed = match.groups()
        if text is not None:
            found.append(("data", unescape(text)))
        elif end is not None:
            found.append(("end", end.lower()))
        else:
            tag = start.lower()
            if tag in _RAW:
                return None
            attrs = [_attribute(m) for m in _ATTRIBUTE.finditer(attributes)] if attributes else []
            found.append(("startend" if closed else "start", tag, attrs))
    return found if position == len(html) else None


def _attribute(match: re.Match[str]) -> tuple[str, str | None]:
    name, value = match.groups()  # value: None for a bare name, as the parser has it
    return name.lower(), unescape(value) if value else value


def feed(parser, html: str) -> None:
    """Hand ``parser`` (an ``HTMLParser``) the events of ``html``, as its own
    ``feed`` would, found by ``events`` when it can."""
    # The events are those of a parser that converts character references
    # (the default) and starts from the beginning of its input.
    found = events(html) if parser.convert_charrefs and not parser.rawdata else None
    if found is None:
        HTMLParser.feed(parser, html)
        return
    for event in found:
        kind = event[0]
        if kind == "data":
            parser.handle_data(event[1])
        elif kind == "start":
            parser.handle_starttag(event[1], event[2])
        elif kind == "end":
            parser.handle_endtag(event[1])
        else:
            parser.handle_startendtag(event[1], event[2])
