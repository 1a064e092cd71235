"""The HTML events read for search indexing (site_tools/html_events.py) are
exactly those of the standard parser, or left to it."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from site_tools import html_events


class Recorder(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.events.append(("start", tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.events.append(("startend", tag, attrs))

    def handle_endtag(self, tag):
        self.events.append(("end", tag))

    def handle_data(self, data):
        self.events.append(("data", data))


def parsed(html: str) -> list[tuple]:
    parser = Recorder()
    parser.feed(html)
    parser.close()
    return parser.events


READ = [
    "",
    "plain text only",
    "<p>One &amp; two &lt;three&gt; &para; &#8212; &eacute;</p>\n",
    '<h1 id="a-b">Title<a class="headerlink" href="#a-b" title="Permanent link">&para;</a></h1>',
    '<P CLASS="X" Data-Search-Exclude>upper</P >',
    '<input checked disabled="" value="a &amp; b">',
    "<br />line<br/>break<hr>",
    '<a\n  href="x.html"\n  lang="en">multi-line tag</a>',
    '<span title="a > b">quoted bracket</span>',
    '<ul>\n<li><strong>Date:</strong> <time datetime="2013-11-18">18 November 2013</time></li>\n</ul>\n',
    "text after the last tag &amp; an ampersand at the end &",
    "<pre><code>  spaced\n\n  code &lt;b&gt;</code></pre>",
]
LEFT_TO_THE_PARSER = [
    "<p>a < b</p>",
    "<!-- a comment --><p>x</p>",
    "<!DOCTYPE html><p>x</p>",
    "<script>if (a < b) {}</script>",
    "<style>p > a {}</style>",
    "<p class='single'>x</p>",
    "<p class=bare>x</p>",
    "<my-element>x</my-element>",
    '<p\xa0class="x">unicode space</p>',
    "<p>unclosed <",
    "<p>broken </ p>",
]


@pytest.mark.parametrize("html", READ)
def test_events_are_the_parsers(html):
    assert html_events.events(html) == parsed(html)


@pytest.mark.parametrize("html", LEFT_TO_THE_PARSER)
def test_what_it_does_not_read_is_left_to_the_parser(html):
    assert html_events.events(html) is None
    recorder = Recorder()
    html_events.feed(recorder, html)
    recorder.close()
    assert recorder.events == parsed(html)


def test_every_built_page_gives_the_parsers_events(site):
    read = 0
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        article = html.split('<article class="md-content__inner md-typeset">', 1)[-1].split("</article>", 1)[0]
        for text in (article, html):
            found = html_events.events(text)
            if found is not None:
                read += 1
                assert found == parsed(text), path
    assert read > 100  # the pages' content is read here, not left to the parser


def test_a_parser_that_keeps_character_references_reads_for_itself():
    class Raw(Recorder):
        def __init__(self) -> None:
            HTMLParser.__init__(self, convert_charrefs=False)
            self.events = []

    html = "<p>One &amp; two</p>"
    mine, theirs = Raw(), Raw()
    html_events.feed(mine, html)
    theirs.feed(html)
    assert mine.events == theirs.events
