"""The one allowlist for content HTML, judged by nh3 (the Ammonia sanitizer).

Python-Markdown's own advice is to sanitize the HTML it produces, never to
guess at its input: so the build converts each page and asks ``refusals`` about
the result, and ``sanitize`` is there for defence in depth.

How a refusal is decided: the HTML is cleaned twice by nh3, once with the
strict allowlist below and once with a permissive configuration that keeps
everything the input holds (every element seen, every attribute, comments,
script and style contents). Anything the strict cleaning removes or changes
makes the two differ. Markup that a browser would rebuild differently from how
it is written (``<a>`` inside ``<a>``, unclosed or stray tags, a tag without
its ``>`` that would swallow the page's markup after it) is refused too: nh3's
parse, serialized, must show the same tags and attributes as the input.
A walk of the input with ``html.parser`` then only *describes* what was found.

What the allowlist holds, and why:

- tags: what Python-Markdown and the site's extensions (attr_list, md_in_html,
  tables, admonition, toc, superfences, our UN-symbol links) produce from an
  editor's Markdown, and the inline tags editors may write by hand
  (``<abbr>``, ``<br>``, ``<sub>``, ``<sup>``). Judged is the page's content
  as converted, without what the build itself adds: the page's one ``<h1>``
  (from its title field), the document's facts and generated lists (our
  templates, which escape every field). So no ``<h1>`` or ``<aside>``, and none of the classes of those generated parts, can come
  from content: a reader cannot be shown a forged heading, facts box,
  translation notice or printed address;
- attributes: ``lang``, ``dir``, ``id`` and ``class`` anywhere, each with a
  value rule; per tag only what the producers above write. No ``style``
  except ``text-align`` on table cells, which is how Python-Markdown's tables
  write column alignment (``| ---: |``);
- URLs: ``http``, ``https``, ``mailto`` and relative URLs, judged the way
  browsers read them (nh3 decodes entities and drops whitespace and controls);
  images only from the site itself (a relative ``src``): no page makes a
  request to another origin;
- ``title`` values without ``<``: the theme's tooltips (``content.tooltips``)
  show a title as HTML;
- classes: a few per tag (admonitions, header links, symbol links, the facts
  box, Pygments' token classes in highlighted code); never the theme's ``md-*``;
- ids: anything but the theme's own, which all start with ``__`` (``__config``,
  ``__drawer``, ``__search``, ``__toc``, ``__palette_N``, ``__nav_N``,
  ``__consent``, ``__settings``, ``__analytics`` in Material's templates;
  ``__codelineno…`` and ``__tabbed…`` written by its scripts and extensions).
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable
from functools import lru_cache
from html.parser import HTMLParser

import nh3
from pygments.token import STANDARD_TYPES


def _names(words: str) -> frozenset[str]:
    return frozenset(words.split())


ALLOWED_TAGS: frozenset[str] = _names(
    "a abbr blockquote br code dd div dl dt em h2 h3 h4 h5 h6 hr img li ol p pre span strong sub sup"
    " table tbody td th thead time tr ul"
)
ALLOWED_ATTRIBUTES: dict[str, frozenset[str]] = {
    "*": frozenset({"lang", "dir", "id", "class"}),
    "a": frozenset({"href", "hreflang", "title"}),
    "abbr": frozenset({"title"}),
    "img": frozenset({"src", "alt", "title", "width", "height"}),
    "ol": frozenset({"start"}),
    "td": frozenset({"style"}),  # text-align only: see TABLE_ALIGN_STYLES
    "th": frozenset({"style"}),
    "time": frozenset({"datetime"}),  # the listings' dates (render.py), which are Markdown like the content
}
URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})  # and relative URLs

# Material's admonition types: the theme styles each; any other word would
# become a class of the content's choosing.
_ADMONITIONS = _names("admonition note abstract info tip success question warning failure danger bug example quote")
CLASSES_BY_TAG: dict[str, frozenset[str]] = {
    "a": frozenset({"headerlink", "un-symbol"}),  # toc's permalinks; symbols.py's links to official documents
    "div": _ADMONITIONS | {"highlight"},  # superfences' code blocks
    "p": frozenset({"admonition-title"}),
    "span": frozenset(value for value in STANDARD_TYPES.values() if value),  # Pygments' tokens in code blocks
}
THEME_ID_PREFIX = "__"  # every id Material writes or looks up starts with it

_ATTRIBUTE_VALUES: dict[str, frozenset[str]] = {
    "dir": frozenset({"ltr", "rtl", "auto"}),
}
_LANGUAGE_TAG_RE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
# The only inline styles: Python-Markdown's column alignment in tables, exactly
# as it writes it. The Content-Security-Policy allows these values by hash
# (csp.py) and blocks any other inline style.
TABLE_ALIGN_STYLES = frozenset(f"text-align: {side};" for side in ("left", "center", "right"))
_NUMBER_RE = re.compile(r"[0-9]{1,6}")
_ID_RE = re.compile(r"[^\W][\w-]{0,199}|_[\w-]{0,199}")  # Unicode letters and digits (headings in every script)
_DATETIME_RE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?")
_URL_ATTRIBUTES = frozenset({"href", "src", "cite", "action", "formaction", "data", "poster", "background"})
_VOID = _names("area base br col embed hr img input link meta source track wbr")

# Every element name a browser knows (HTML, SVG, MathML), so that the
# permissive cleaning keeps even an element our own tokenizer missed.
_KNOWN_ELEMENTS = _names(
    """a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink
    blockquote body br button canvas caption center cite code col colgroup data datalist dd del details dfn
    dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6
    head header hgroup hr html i iframe image img input ins isindex kbd keygen label legend li link listing main
    map mark marquee menu menuitem meta meter multicol nav nextid nobr noembed noframes noscript object ol
    optgroup option output p param picture plaintext portal pre progress q rb rp rt rtc ruby s samp script search
    section select slot small source spacer span strike strong style sub summary sup table tbody td template
    textarea tfoot th thead time title tr track tt u ul var video wbr xmp
    svg animate animatemotion animatetransform circle clippath defs desc ellipse feblend fecolormatrix
    feimage filter foreignobject g line lineargradient marker mask metadata mpath path pattern polygon polyline
    radialgradient rect set stop switch symbol text textpath tspan use view
    math maction annotation annotation-xml menclose merror mfrac mglyph mi mmultiscripts mn mo mover mpadded
    mphantom mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable mtd mtext mtr munder munderover
    semantics"""
)
# Schemes that a permissive cleaning must keep so that the strict one is the
# only one to drop them (the input's own schemes are added per call).
_KNOWN_SCHEMES = _names(
    "http https mailto javascript vbscript livescript data file blob filesystem about ftp ws wss tel sms"
    " jar view-source chrome res ms-its mhtml intent"
)


def attribute_problem(tag: str, name: str, value: str) -> str | None:
    """Why an allowed attribute's value is refused, or None when it is fine.

    ``tag`` and ``name`` are lower-case; ``value`` is decoded (entities
    resolved), as nh3 and browsers see it. The rules: classes from
    ``CLASSES_BY_TAG``, ids not starting with ``THEME_ID_PREFIX`` (the theme's
    own), BCP 47 language tags, ``dir`` and the translation notice's values,
    numbers for sizes, and ``text-align`` as the only style (on table cells).
    """
    if name == "class":
        allowed = CLASSES_BY_TAG.get(tag, frozenset())
        for word in value.split():
            if word not in allowed:
                listed = ", ".join(sorted(allowed)) if len(allowed) < 20 else "Pygments' token classes"
                return f"class '{word}' on <{tag}> (allowed classes: {listed or 'none'})"
        return None
    if name == "id":
        if value.startswith(THEME_ID_PREFIX):
            return f"id '{value}' on <{tag}> (it clashes with the theme's ids, which start with '{THEME_ID_PREFIX}')"
        if not _ID_RE.fullmatch(value):
            # The theme prints ids into its table of contents and its scripts
            # use them in selectors: letters, digits, "-" and "_" only.
            return f"id {value[:40]!r} on <{tag}> (an id is one word of letters, digits, '-' and '_')"
        return None
    if name in ("lang", "hreflang"):
        return (
            None
            if _LANGUAGE_TAG_RE.fullmatch(value)
            else f"{name} {value!r} on <{tag}> (not a language tag such as 'en' or 'zh-Hans')"
        )
    if name in _ATTRIBUTE_VALUES:
        allowed = _ATTRIBUTE_VALUES[name]
        if value not in allowed:
            return f"{name} {value!r} on <{tag}> (expected one of: {', '.join(sorted(allowed))})"
        return None
    if name == "style":
        return None if value in TABLE_ALIGN_STYLES else f"style {value!r} on <{tag}> (only 'text-align' on table cells)"
    if name == "datetime" and not _DATETIME_RE.fullmatch(value):
        return f"datetime {value[:40]!r} on <{tag}> (expected a date: YYYY, YYYY-MM or YYYY-MM-DD)"
    if name == "title" and "<" in value:
        return f"title {value[:40]!r} on <{tag}> (a title is plain text: the theme's tooltips show it as HTML)"
    if tag == "img" and name == "src" and not _same_site(value):
        return f"image from another site {value[:60]!r} (images are published from docs/ with the page)"
    if name in ("width", "height", "start"):
        return None if _NUMBER_RE.fullmatch(value) else f"{name} {value!r} on <{tag}> (expected a number)"
    return None


def _same_site(url: str) -> bool:
    """Whether ``url`` (decoded) is a path on this site, read as a browser
    reads it: tabs and newlines dropped, backslashes taken for slashes,
    leading spaces and controls ignored. No scheme, no "//" host."""
    path = re.sub(r"[\t\n\r]", "", url).replace("\\", "/").lstrip("".join(map(chr, range(0x21))))
    return not (path.startswith("//") or re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", path))


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    return None if attribute_problem(tag, name, value) else value


_STRICT = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    clean_content_tags=frozenset({"script", "style"}),
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_attribute_filter,
    strip_comments=True,
    link_rel=None,  # adding rel would change every link; none of ours opens a new window
    url_schemes=URL_SCHEMES,
)


def sanitize(html: str) -> str:
    """``html`` cleaned by nh3 with the strict allowlist (tags, attributes,
    values, URL schemes; comments, script and style contents removed).

    A fragment in, a fragment out, re-serialized by nh3's HTML5 parser; never
    raises. Equal to what ``refusals`` compares against.
    """
    return _STRICT.clean(html)


def refusals(html: str) -> list[str]:
    """Human descriptions of everything in ``html`` that the strict allowlist
    refuses; an empty list when the fragment is clean.

    The decision is nh3's (see the module docstring): strict and permissive
    cleaning differ, or nh3's parse does not match the tags as written.
    Descriptions read like "element <script>", "attribute onclick on <a>",
    "URL scheme 'javascript:' in href of <a>", "HTML comment"; when the walk
    finds nothing specific, one generic description quotes the markup.
    Each reads as a noun phrase (the hook adds "is not allowed in content").
    Never raises, whatever the input.
    """
    tags = _tags(html)
    written = [event for _, event in tags]
    seen_tags = {event[1] for event in written if event[0] == "start"}
    cleaner = nh3.Cleaner(
        tags=_KNOWN_ELEMENTS | ALLOWED_TAGS | seen_tags,
        clean_content_tags=frozenset(),
        attributes={},
        generic_attribute_prefixes={""},  # every attribute, on every element
        strip_comments=False,
        link_rel=None,
        url_schemes=_KNOWN_SCHEMES | URL_SCHEMES | _schemes_in(html),
    )
    permissive = cleaner.clean(html)
    strict = _STRICT.clean(html)
    restructured = _tag_stream(permissive) != written
    if strict == permissive and not restructured:
        return []
    # html.parser is slow on a tag left unfinished: it reads only up to one.
    cut = next((offset for offset, event in tags if event == ("unfinished",)), len(html))
    found = _describe(html[:cut])
    if cut < len(html):
        found.append(_unfinished(html, cut))
    if found:
        return found
    if restructured:
        return [_restructuring(html, written, _tag_stream(permissive))]
    if "<!--" in html:  # html.parser does not report a comment left open
        return [f"HTML comment, at {html[html.index('<!--') :][:60]!r}"]
    return [f"markup that the sanitizer removes, at {_snippet(html, strict)}"]


def first_unsafe_line(body: str, convert: Callable[[str], str], refusal: str | None = None) -> int | None:
    """The 1-based line of ``body`` (Markdown) where refused HTML begins, or
    None when the whole body converts to clean HTML.

    ``convert`` turns Markdown into HTML (the build's own converter). Found by
    bisection over prefixes (lines 1..L): a line L whose prefix converts
    unsafe while lines 1..L-1 convert clean, in about log2(lines)
    conversions, whatever the body's length (it is on the failure path, but
    a long page must not make the build slow). A construct that only looks
    unsafe while incomplete (an unclosed fence) is judged with its lines so
    far, as a reader of the source would. With ``refusal`` (one of the
    descriptions ``refusals`` gave for the whole body), the line where that
    one begins; the first refused line if it cannot be told apart.
    """
    lines = body.split("\n")

    def unsafe_prefix(text: str) -> bool:
        found = refusals(convert(text))
        return refusal in found if refusal is not None else bool(found)

    if not unsafe_prefix(body):
        return None if refusal is None else first_unsafe_line(body, convert)
    clean, unsafe = 0, len(lines)  # prefix of `clean` lines converts clean; of `unsafe` lines, not
    while unsafe - clean > 1:
        middle = (clean + unsafe) // 2
        if unsafe_prefix("\n".join(lines[:middle])):
            unsafe = middle
        else:
            clean = middle
    return unsafe


# -- Reading the input -----------------------------------------------------

_TOKEN_RE = re.compile(
    r"""<!--(?:-?>|.*?(?:--!?>|\Z))"""  # comments, including HTML5's abrupt '<!-->'
    r"""|<[!?][^>]*>"""  # declarations and processing instructions (bogus comments)
    # Bounded (a tag of 1000 runs, quoted values of 8000 characters): unfinished
    # tags cannot make the scan quadratic; a longer tag is refused as unfinished.
    r"""|<(/?)([A-Za-z][^\t\n\f\r />]*)((?:[^<>"']++|"[^"]{0,8000}"|'[^']{0,8000}'){0,1000}+)>""",
    re.S,
)
_TAG_START_RE = re.compile(r"<(?:[A-Za-z!?]|/[A-Za-z])")
_ATTRIBUTE_NAME_RE = re.compile(r"""([^\t\n\f\r />"'=][^\t\n\f\r />"'=]*)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")


def _tag_stream(html: str) -> list[tuple[str, ...]]:
    """The tags of ``html`` in order: ("start", name, attribute names...) and
    ("end", name), void elements without an end, ("declaration",) for
    ``<!...>`` and ``<?...>``, and ("unfinished",) for a tag without its
    ``>``. Text and comments are left out."""
    return [event for _, event in _tags(html)]


def _tags(html: str) -> list[tuple[int, tuple[str, ...]]]:
    """``_tag_stream`` with the offset of each tag in ``html``."""
    events: list[tuple[int, tuple[str, ...]]] = []
    done = 0
    for match in [*_TOKEN_RE.finditer(html), None]:
        # A tag begun but never finished (no '>' before the end) is dropped by
        # a parser reading the fragment alone, but would swallow the markup
        # that follows it on the page: it never matches nh3's parse.
        gap = html[done : match.start() if match else len(html)]
        events.extend((done + m.start(), ("unfinished",)) for m in _TAG_START_RE.finditer(gap))
        if match is None:
            break
        done = match.end()
        closing, name, rest = match.groups()
        if name is None:
            if not match[0].startswith("<!--"):  # a declaration: browsers drop it, or make it a comment
                events.append((match.start(), ("declaration",)))
            continue
        name = name.lower()
        if closing:
            events.append((match.start(), ("end", name)))
            continue
        names: list[str] = []
        for attribute in _ATTRIBUTE_NAME_RE.findall(rest):
            attribute = attribute.lower()
            if attribute not in names:  # the first of two wins, as in browsers
                names.append(attribute)
        events.append((match.start(), ("start", name, *sorted(names))))
    return events


def _unfinished(html: str, offset: int) -> str:
    return f"unfinished tag (no '>'), at {html[offset : offset + 60]!r}"


def _restructuring(html: str, written: list[tuple[str, ...]], parsed: list[tuple[str, ...]]) -> str:
    """Describes the first tag where nh3's parse departs from the markup as written."""
    tags = _tags(html)
    index = next(
        (i for i, (a, b) in enumerate(zip(written, parsed, strict=False)) if a != b), min(len(written), len(parsed))
    )
    offset = tags[index][0] if index < len(tags) else len(html)
    if index == len(written) and index < len(parsed) and parsed[index][0] == "end":
        return f"<{parsed[index][1]}> left open (a browser closes it where it sees fit)"
    if index < len(parsed) and index < len(written) and written[index][:2] == parsed[index][:2]:
        lost = sorted(set(written[index][2:]) - set(parsed[index][2:]))
        if lost:
            return f"unreadable {' and '.join(lost)} on <{written[index][1]}> (a malformed URL?), at {html[offset : offset + 60]!r}"
    return f"markup that browsers rebuild differently from how it is written, at {html[offset : offset + 60]!r}"


def _schemes_in(html: str) -> set[str]:
    """Every URL scheme that any attribute value of ``html`` could be read as."""
    schemes = set()
    for value in re.findall(r"""=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""", html):
        scheme = _scheme("".join(value))
        if scheme:
            schemes.add(scheme)
    return schemes


@lru_cache(maxsize=4096)
def _scheme(url: str) -> str | None:
    """The scheme a browser reads in an attribute value, lower-case, or None
    for a relative URL (WHATWG URL: entities decoded, leading C0 controls and
    spaces stripped, tabs and newlines removed anywhere)."""
    cleaned = re.sub(r"[\t\n\r]", "", html_module.unescape(url)).lstrip("".join(map(chr, range(0x21))))
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match[1].lower() if match else None


def _snippet(html: str, other: str | None = None) -> str:
    """About 60 characters of ``html`` where it first differs from ``other``."""
    start = 0
    if other is not None:
        start = next(
            (i for i, (a, b) in enumerate(zip(html, other, strict=False)) if a != b), min(len(html), len(other))
        )
    start = max(html.rfind("<", 0, start + 1), 0)
    return repr(html[start : start + 60])


class _Describer(HTMLParser):
    """Walks the input and names each thing the allowlist refuses."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.open: list[str] = []

    def note(self, text: str) -> None:
        if text not in self.found:
            self.found.append(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.check(tag, attrs)
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.check(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag) :]

    def check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED_TAGS:
            self.note(f"element <{tag}>")
            return
        if tag == "a" and "a" in self.open:
            self.note("<a> inside <a> (browsers take the links apart)")
        allowed = ALLOWED_ATTRIBUTES["*"] | ALLOWED_ATTRIBUTES.get(tag, frozenset())
        done = set()
        for name, value in attrs:
            if name in done:
                continue
            done.add(name)
            value = value or ""
            if name not in allowed:
                kind = " (an event handler)" if name.startswith("on") else ""
                if name == "style":
                    kind = " (styles belong in the site's stylesheet)"
                self.note(f"attribute {name} on <{tag}>{kind}")
            elif name in _URL_ATTRIBUTES:
                scheme = _scheme(value)
                if scheme and scheme not in URL_SCHEMES:
                    self.note(f"URL scheme '{scheme}:' in {name} of <{tag}> (allowed: https, http, mailto, relative)")
                elif problem := attribute_problem(tag, name, value):
                    self.note(problem)
            else:
                problem = attribute_problem(tag, name, value)
                if problem:
                    self.note(problem)

    def handle_comment(self, data: str) -> None:
        self.note("HTML comment")

    def handle_decl(self, decl: str) -> None:
        self.note(f"declaration <!{decl[:30]}>")

    def handle_pi(self, data: str) -> None:
        self.note(f"processing instruction <?{data[:30]}>")

    def unknown_decl(self, data: str) -> None:
        self.note(f"declaration <![{data[:30]}>")


def _describe(html: str) -> list[str]:
    describer = _Describer()
    describer.feed(html)
    describer.close()
    return describer.found
