"""Markdown's inline patterns, skipped where they cannot match.

Python-Markdown tries each inline pattern (code, links, emphasis...) on every
piece of text, at a cost of its own per try; most prose holds none of the
characters they need, and looking costs less than trying. ``skipping`` wraps
Markdown's step that tries one pattern, answering "no match" as the step
itself would when the text lacks every string the pattern needs (a superset
test: a pattern that cannot find its character cannot match). Patterns not
known here are always tried.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown import inlinepatterns

# What a text must contain for each pattern to match (any one of these), by
# the pattern's regular expression.
NEEDS: dict[str, tuple[str, ...]] = {
    inlinepatterns.BACKTICK_RE: ("`",),
    inlinepatterns.ESCAPE_RE: ("\\",),
    inlinepatterns.LINK_RE: ("[",),
    inlinepatterns.IMAGE_LINK_RE: ("![",),
    inlinepatterns.AUTOLINK_RE: ("<",),
    inlinepatterns.AUTOMAIL_RE: ("<",),
    inlinepatterns.HTML_RE: ("<",),
    inlinepatterns.ENTITY_RE: ("&",),
    inlinepatterns.LINE_BREAK_RE: ("  \n",),
}


def needs(pattern: inlinepatterns.Pattern) -> tuple[str, ...] | None:
    """What ``pattern`` needs in a text to match, or None if not known."""
    if not isinstance(pattern, inlinepatterns.InlineProcessor):
        return None
    if isinstance(pattern, inlinepatterns.DelimiterProcessor):  # emphasis: its delimiters (* and _)
        return tuple(pattern.tokens)
    return NEEDS.get(pattern.compiled_re.pattern)


def skipping(try_pattern: Callable) -> Callable:
    """``InlineProcessor.__applyPattern``, answering at once for patterns that cannot match."""

    def try_pattern_if_it_can_match(processor, pattern, data, pattern_index, start_index=0):
        required = needs(pattern)
        if required is not None and not any(text in data for text in required):
            return data, False, 0  # the step's own answer when nothing matches
        return try_pattern(processor, pattern, data, pattern_index, start_index)

    try_pattern_if_it_can_match.original = try_pattern
    return try_pattern_if_it_can_match
