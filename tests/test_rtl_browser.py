"""Right-to-left text stays in order, proven in Chromium by geometry (issue
15, item 3): in Arabic the first item of a list is drawn rightmost, in the
other languages leftmost, at desktop and phone widths; a number and its year
stay on one line however narrow the text; the printed address reads left to
right."""

from __future__ import annotations

import pytest

from conftest import PREFIXES, SEED, record_summary
from site_tools.languages import CODES, get
from variant import ARABIC_SYMBOLS, NEWER

pytest_plugins = ("nav_fixtures",)  # the variant site (variant_site, served_variant)

WIDTHS = {"desktop": (1280, 900), "phone": (375, 740)}

# Each item's box, in reading order; "same line" when their vertical extents overlap.
_BOXES = """elements => elements.map(e => { const r = e.getBoundingClientRect();
  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.textContent}; })"""


def assert_reading_order(boxes: list[dict], direction: str) -> None:
    """Each item comes after the one before it in ``direction``: further left
    (rtl) or right (ltr) on the same line, or on a later line."""
    assert len(boxes) >= 2
    for before, after in zip(boxes, boxes[1:], strict=False):
        same_line = after["top"] < before["bottom"] - 1 and before["top"] < after["bottom"] - 1
        if not same_line:
            assert after["top"] >= before["top"], (before, after)
        elif direction == "rtl":
            assert after["right"] <= before["left"] + 1, f"{after['text']!r} is not left of {before['text']!r}"
        else:
            assert after["left"] >= before["right"] - 1, f"{after['text']!r} is not right of {before['text']!r}"


@pytest.fixture
def sized(browser):
    contexts = []

    def make(width: str):
        w, h = WIDTHS[width]
        context = browser.new_context(viewport={"width": w, "height": h})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", CODES)
def test_lists_keep_their_reading_order(sized, served_site, lang, width):
    page = sized(width)
    direction = get(lang).direction
    page.goto(served_site + PREFIXES[lang] + SEED)
    resolutions = page.locator(".doc-facts li:has(a[href*='resolutions/']) a")
    assert resolutions.count() == 2
    assert_reading_order(resolutions.evaluate_all(_BOXES), direction)
    # The breadcrumb: section, then document.
    assert_reading_order(page.locator(".site-breadcrumb li").evaluate_all(_BOXES), direction)
    page.goto(served_site + PREFIXES[lang] + "resolutions/1540-2004/")
    official = page.locator(".doc-facts li[data-search-exclude] a")
    boxes = official.evaluate_all(_BOXES)
    assert [b["text"] for b in boxes][0] == "العربية"
    assert_reading_order(boxes, direction)
    record_summary("rtl geometry", f"{lang} at {width}: facts, breadcrumb and official-text lists in reading order")


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_symbols_listed_in_arabic_running_text_keep_their_order(sized, served_variant, width):
    page = sized(width)
    page.goto(served_variant + "ar/" + NEWER)
    symbols = page.locator("article p a.un-symbol")
    boxes = symbols.evaluate_all(_BOXES)
    assert [b["text"].replace("\u00a0", " ") for b in boxes] == list(ARABIC_SYMBOLS)
    assert_reading_order(boxes, "rtl")


# For each text node holding "number (year)" in the page's main parts: made as
# narrow as can be, is each number still on the line of its year? Returns, per
# occurrence, the count of lines it spans, and the same for a control copy with
# a plain space (which must break: the measurement can tell).
_SPANS = r"""root => {
  const out = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const pattern = /\d+[\u00a0 ]\(\d{4}\)/g;
  const lines = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start); range.setEnd(node, end);
    return new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
  };
  const nodes = [];
  while (walker.nextNode()) {
    const n = walker.currentNode;
    if (n.parentElement.closest("code, pre, script, style")) continue;
    if (pattern.test(n.data)) nodes.push(n);
    pattern.lastIndex = 0;
  }
  for (const node of nodes) {
    const parent = node.parentElement;
    parent.style.setProperty("display", "inline-block");
    parent.style.setProperty("width", "1px");
    parent.style.setProperty("white-space", "normal");
    // Only the text's own break opportunities: no emergency breaks inside words.
    parent.style.setProperty("overflow-wrap", "normal");
    parent.style.setProperty("word-break", "normal");
    for (const m of node.data.matchAll(pattern)) {
      const control = document.createTextNode(m[0].replace("\u00a0", " "));
      parent.appendChild(control);
      out.push({text: m[0], lines: lines(node, m.index, m.index + m[0].length),
                control: lines(control, 0, control.data.length)});
      control.remove();
    }
  }
  return out;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", CODES)
def test_a_number_never_parts_from_its_year_however_narrow(sized, served_site, lang):
    page = sized("phone")
    found = 0
    for url in ["", SEED, "resolutions/", "resolutions/1540-2004/"]:
        page.goto(served_site + PREFIXES[lang] + url)
        for part in (".md-content", ".md-footer"):
            for item in page.locator(part).evaluate(_SPANS):
                found += 1
                assert item["lines"] == 1, f"{lang}/{url}: {item['text']!r} breaks"
                assert item["control"] > 1, "a plain space would break: the measurement can tell"
    assert found > 3
    record_summary("rtl geometry", f"{lang}: {found} number-year pairs stay on one line at 1px width")


@pytest.mark.browser
@pytest.mark.parametrize("lang", CODES)
def test_printed_address_reads_left_to_right(sized, served_site, lang):
    page = sized("desktop")
    page.goto(served_site + PREFIXES[lang] + SEED)
    page.emulate_media(media="print")
    address = page.locator(".page-address")
    assert address.is_visible()
    assert address.evaluate("e => getComputedStyle(e).direction") == "ltr"
    # The reader's navigation is not printed.
    for chrome in (".site-breadcrumb", "footer .md-footer__inner", ".site-links"):
        assert page.locator(chrome).count() == 0 or not page.locator(chrome).first.is_visible(), chrome
    # It starts at the left edge, its text in address order.
    assert address.inner_text().startswith("http")


@pytest.mark.browser
def test_in_arabic_a_number_is_read_before_its_year_as_with_a_plain_space(sized, served_site):
    """Arabic reads "1540 (2004)" right to left (the number drawn right of its
    year); the no-break space changes nothing of that (it only stops a break)."""
    page = sized("desktop")
    page.goto(served_site + "ar/" + SEED)
    boxes = page.evaluate("""() => {
      const link = [...document.querySelectorAll("article p a")].find(a => /^1540.\\(2004\\)$/.test(a.textContent));
      const text = link.firstChild, out = [];
      const box = (s, e) => { const r = document.createRange(); r.setStart(text, s); r.setEnd(text, e);
                              const b = r.getBoundingClientRect(); return [b.left, b.right]; };
      out.push({space: text.data[4], number: box(0, 4), year: box(5, 11)});
      text.data = text.data.replace("\\u00a0", " ");
      out.push({space: text.data[4], number: box(0, 4), year: box(5, 11)});
      return out; }""")
    kept, plain = boxes
    assert (kept["space"], plain["space"]) == ("\u00a0", " ")
    assert kept["number"][0] >= kept["year"][1] - 1  # the number right of its year
    assert (kept["number"], kept["year"]) == (plain["number"], plain["year"])
