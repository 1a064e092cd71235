"""Search finds what a reader types, in each language (issue 15, item 4), in a
real browser: words after an elided article, other forms of a word, words
without their accents, Chinese mixing digits and Han; a pasted or
input-method query searches without a further key press, and the Enter that
commits an input method's text does not open a result."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import PREFIXES, SEED, settled, submit_search, wait_for_search_index
from site_tools.languages import CODES
from site_tools.search import (
    FOLDED_FIELD,
    LUNR_LANGUAGES,
    PIPELINE,
    SEPARATORS,
    fold,
    folded_words,
    search_workers,
)

ARABIC_LETTER = "\u0621-\u064a"


# -- the published indexes ------------------------------------------------------


@cache
def _index(site: Path, lang: str) -> dict:
    return json.loads((site / PREFIXES[lang] / "search/search_index.json").read_text(encoding="utf-8"))


def pages_with(site: Path, lang: str, pattern: str) -> set[str]:
    """The pages (locations without a section) of ``lang``'s published index
    whose title or text matches the regular expression ``pattern`` (the
    zero-width spaces of Chinese segmentation taken out)."""
    found = set()
    for entry in _index(site, lang)["docs"]:
        text = f"{entry['title']} {entry['text']}".replace("\u200b", "")
        if re.search(pattern, text):
            found.add(entry["location"].split("#", 1)[0])
    return found


def entries_with(site: Path, lang: str, pattern: str) -> set[str]:
    """The entries (pages and their sections, as ``location``) of ``lang``'s
    published index whose own title or text matches ``pattern``."""
    found = set()
    for entry in _index(site, lang)["docs"]:
        if re.search(pattern, f"{entry['title']} {entry['text']}".replace("\u200b", "")):
            found.add(entry["location"])
    return found


def entry_location(href: str, root: str) -> str:
    """A result's link as its index entry's location: relative to the
    language's ``root``, without the ``?h=`` highlight, with its section."""
    parts = urlsplit(href)
    path = parts.path[len(urlsplit(root).path) :]
    return path + (f"#{unquote(parts.fragment)}" if parts.fragment else "")


def word(text: str, letters: str = "\\w") -> str:
    """A regular expression for ``text`` as a whole word (no ``letters`` on either side)."""
    return f"(?<![{letters}]){re.escape(text)}(?![{letters}])"


@pytest.mark.parametrize("lang", CODES)
def test_each_index_carries_its_languages_separator_and_folded_words(site, lang):
    index = _index(site, lang)
    assert index["config"]["separator"] == SEPARATORS[lang]
    assert index["config"]["fields"][FOLDED_FIELD] == {"boost": 1.0}
    # The language whose lunr-languages stemmer the theme's worker loads (and
    # the site's worker uses on queries; English's own for Chinese's Latin
    # words); nothing in the index's pipeline (see site_tools.search).
    assert index["config"]["lang"] == LUNR_LANGUAGES[lang] == [{"zh": "en"}.get(lang, lang)]
    assert index["config"]["pipeline"] == PIPELINE == []  # every word kept as written
    for entry in index["docs"]:
        assert entry.get(FOLDED_FIELD, "") == folded_words(entry["title"], entry["text"])


def test_every_page_searches_through_the_sites_worker_which_loads_the_themes(site):
    """The page's configuration names the site's worker (which stems the
    query), and that worker names the theme's, both in the published site."""
    pages = [site / "index.html", site / "404.html"] + [
        site / PREFIXES[lang] / path for lang in CODES for path in ("index.html", "visits/index.html", "404.html")
    ]
    for path in pages:
        config = json.loads(
            re.search(r'<script id="__config" type="application/json">(.*?)</script>', path.read_text(), re.S)[1]
        )
        worker = urlsplit(config["search"])
        assert worker.path.endswith("/workers/site-search.js"), (path, config["search"])
        theme = worker.query.removeprefix("theme=")
        assert re.fullmatch(r"search\.[0-9a-f]+\.min\.js", theme), config["search"]
        if worker.path.startswith("/"):  # a 404 page's addresses are absolute: /1540/...
            folder = (site / worker.path.split("/", 2)[2]).parent
        else:
            folder = (path.parent / worker.path).resolve().parent
        assert (folder / "site-search.js").is_file() and (folder / theme).is_file(), folder
        assert (folder.parent / "lunr/min" / "lunr.ru.min.js").is_file()  # where the theme's worker loads stemmers


def test_the_site_needs_exactly_one_theme_worker(tmp_path):
    workers = tmp_path / "theme/assets/javascripts/workers"
    workers.mkdir(parents=True)
    with pytest.raises(ValueError, match="0 search workers"):
        search_workers([str(tmp_path / "theme")])
    (workers / "search.0123abcd.min.js").write_text("")
    assert search_workers([str(tmp_path / "none"), str(tmp_path / "theme")]) == {
        "theme": "assets/javascripts/workers/search.0123abcd.min.js",
        "site": "assets/javascripts/workers/site-search.js?theme=search.0123abcd.min.js",
    }
    (workers / "search.4567ef01.min.js").write_text("")
    with pytest.raises(ValueError, match="2 search workers"):
        search_workers([str(tmp_path / "theme")])


def tokens(text: str, lang: str) -> list[str]:
    """``text`` split as the theme's search client splits both the index and
    the query: the pieces between the matches of the language's separator
    (Python's regular expressions read these ones as JavaScript's do), in lower case."""
    pieces, start = [], 0
    for match in re.finditer(SEPARATORS[lang], text):
        pieces.append(text[start : match.start()])
        start = match.end()
    pieces.append(text[start:])
    return [piece.lower() for piece in pieces if piece]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "l'industrie, d’une qu'il jusqu'en aujourd'hui", ["industrie", "une", "il", "en", "aujourd", "hui"]),
        ("fr", "résolution 1540 (2004) S/RES/1540", ["résolution", "1540", "2004", "s", "res", "1540"]),
        ("ru", "Председатель Председателя Председателями", ["председател"] * 3),
        ("ru", "Комитет Комитета Комитету он она", ["комитет"] * 3 + ["он", "она"]),  # short words whole
        ("ar", "الزيارة زيارة الزيارات والزيارات زيارات", ["زيار"] * 5),
        ("ar", "البلد، في", ["بلد", "في"]),
        ("es", "¿Cómo? ¡Éxito! —dijo", ["cómo", "éxito", "dijo"]),
        ("zh", "1540委员会", ["1540", "委员会"]),
        ("zh", "第1540(2004)号决议", ["第", "1540", "2004", "号决议"]),
        ("zh", "第\u200b1540（2004）\u200b号\u200b决议", ["第", "1540", "2004", "号", "决议"]),
        ("en", "the Chairman's message (2013)", ["the", "chairman's", "message", "2013"]),
        # A query's wildcard does not end a word: its ending stays.
        ("ru", "налогов* председателя*", ["налогов*", "председателя*"]),
        ("ar", "زيارة* الزيارة*", ["زيارة*", "زيارة*"]),
    ],
)
def test_each_language_splits_words_as_a_reader_means_them(lang, text, expected):
    assert tokens(text, lang) == expected


def test_folding_takes_off_accents_and_marks_only():
    assert fold("Comité de sécurité, mise en œuvre") == "Comite de securite, mise en oeuvre"
    assert fold("eslabón, año") == "eslabon, ano"
    assert fold("ещё, Председатель, мой") == "еще, Председатель, мой"  # й is a letter of its own
    assert fold("أسلحة إلى آخر") == "اسلحة الى اخر"
    assert fold("مُـنَظَّمَة") == "منظمة"  # vowel marks and the tatweel
    assert fold("委员会 1540") == "委员会 1540"
    assert folded_words("Comité", "<p>le Comité, la sécurité</p>") == "Comite Comite, securite"


# -- in the browser -------------------------------------------------------------


def language_root(served_site: str, lang: str) -> str:
    return served_site + PREFIXES[lang]


def open_search(page, url: str) -> None:
    """Open ``url`` and its search box, once the index is loaded."""
    page.goto(url)
    page.locator(".md-search__input").click()
    wait_for_search_index(page)


def typed(page, root: str, query: str) -> list[str]:
    """The pages found when a reader types ``query`` in the search box of a
    language's home page at ``root`` (and a key goes up at the end, as a
    keyboard's would), all of them, in order."""
    open_search(page, root)
    page.locator(".md-search__input").press_sequentially(query, delay=20)
    submit_search(page)
    return found_pages(settled_results(page), root)


def finds_all(page, root: str, query: str, expected: set[str]) -> list[str]:
    """The pages found for ``query`` typed at ``root`` (see ``typed``),
    once it is checked that they include every one of ``expected`` (which
    must not be empty: a test that expects nothing proves nothing)."""
    assert expected
    pages = typed(page, root, query)
    assert expected <= set(pages), sorted(expected - set(pages))
    return pages


def found_pages(results: list[dict], root: str) -> list[str]:
    """The result links as pages relative to the language's ``root``, in
    order, each once (sections and the ``?h=`` highlight taken off)."""
    pages = []
    for result in results:
        page = result["href"].split("#", 1)[0].split("?", 1)[0]
        assert page.startswith(root), page
        page = page[len(root) :]
        if page not in pages:
            pages.append(page)
    return pages


def settled_results(page, seconds: float = 10) -> list[dict]:
    """All the results, once they have stayed the same for half a second,
    without any key press; [] if none came within ``seconds``. The theme
    shows ten and more as the list is scrolled: it is scrolled to its end."""
    items = page.locator(".md-search-result__item > a")
    scroller = page.locator(".md-search__scrollwrap")
    read = "links => links.map(a => ({href: a.getAttribute('href')}))"

    def scrolled_to_end() -> list[dict]:
        scroller.evaluate("element => element.scrollTo(0, element.scrollHeight)")
        return items.evaluate_all(read)

    return settled(page, scrolled_to_end, tries=int(seconds * 4)) or []


def clean(page) -> None:
    assert page.evaluate("window.__csp") == []
    assert page.console_errors == []
    assert page.failed_requests == []


# A word of a page in each language, and that page (translated in every language).
PAGE_WORDS = {
    "en": ("industry", SEED),
    "fr": ("mondialisé", SEED),
    "es": ("globalizado", SEED),
    "ru": ("глобализированном", SEED),
    "zh": ("全球化", SEED),
    "ar": ("الصناعة", SEED),
}


@pytest.mark.browser
@pytest.mark.parametrize("lang", CODES)
def test_a_pasted_word_of_a_page_finds_it_without_a_key_press(page, served_site, site, lang):
    text, expected = PAGE_WORDS[lang]
    assert expected in pages_with(site, lang, re.escape(text))
    root = language_root(served_site, lang)
    open_search(page, root + "visits/")
    page.locator(".md-search__input").fill(text)  # as a paste: one input event, no key
    pages = found_pages(settled_results(page), root)
    assert pages and pages[0] == expected, pages
    clean(page)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("query", "present"),
    [
        ("industrie", "l'industrie"),  # the elided article goes
        ("l’industrie", "l'industrie"),  # whichever apostrophe the reader types
        ("exportation", "l'exportation"),  # (only ever after an elided article on the site)
        ("acquitter", "s'acquitter"),
    ],
)
def test_french_finds_a_word_after_an_elided_article(page, served_site, site, query, present):
    root = language_root(served_site, "fr")
    expected = pages_with(site, "fr", re.escape(present))
    pages = finds_all(page, root, query, expected)
    assert pages[0] in expected
    clean(page)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "query", "present", "absent"),
    [
        # Other forms of the word: the reader's form is nowhere on the site.
        ("ru", "Председатель", "Председателя", "Председатель"),
        ("ru", "Комитету", "Комитета", "Комитету"),
        ("ru", "резолюциями", "резолюции", "резолюциями"),
        # With and without the article, and another ending.
        ("ar", "الزيارة", word("زيارة", ARABIC_LETTER), "الزيارة"),
        ("ar", "زيارات", word("الزيارات", ARABIC_LETTER), word("زيارات", ARABIC_LETTER)),
        ("ar", "أسلحة", word("الأسلحة", ARABIC_LETTER), word("أسلحة", ARABIC_LETTER)),
    ],
)
def test_russian_and_arabic_find_other_forms_of_a_word(page, served_site, site, lang, query, present, absent):
    root = language_root(served_site, lang)
    # The pages with the other form only: found through the form alone.
    expected = pages_with(site, lang, present) - pages_with(site, lang, absent)
    finds_all(page, root, query, expected)
    clean(page)


def words_starting(query: str) -> str:
    """A regular expression for a word starting with ``query``, in any case."""
    return r"(?i)(?<!\w)" + re.escape(query)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "query", "stem"),
    [
        # Forms nowhere on the site, found through the language's stemmer only:
        # no word of the site starts with them.
        ("en", "implements", "implement"),
        ("fr", "industries", "industrie"),
        ("fr", "renforcés", "renforc"),
        ("es", "visitados", "visit"),
        ("ru", "председателем", "председател"),
        ("en", "implements*", "implement"),  # a typed wildcard is stemmed too
        ("fr", "industries*", "industrie"),
    ],
)
def test_each_languages_stemmer_finds_other_forms(page, served_site, site, lang, query, stem):
    root = language_root(served_site, lang)
    assert not pages_with(site, lang, words_starting(query))
    expected = pages_with(site, lang, words_starting(stem))
    finds_all(page, root, query, expected)
    clean(page)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "query"),
    [
        ("en", "resolution*"),
        ("fr", "Comité*"),
        ("fr", "résolution*"),
        ("ru", "Председателя*"),
        ("ru", "ПРЕДСЕДАТЕЛЯ*"),  # the separator's endings are lower-case: the query is lower-cased first
        ("en", "*visits"),
    ],
)
def test_a_wildcard_the_reader_types_works_as_lunr_says(page, served_site, site, lang, query):
    root = language_root(served_site, lang)
    word_ = query.strip("*")
    pattern = "(?i)" + (word(word_) if query.startswith("*") else r"(?<!\w)" + re.escape(word_))
    expected = pages_with(site, lang, pattern)
    finds_all(page, root, query, expected)
    clean(page)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "query", "present"),
    [
        # lunr's query syntax, asked as typed (the theme makes a phrase's words required).
        ("en", '"Security Council"', r"(?i)Security Council"),
        ("ru", '"Совета Безопасности"', r"(?i)Совета Безопасности"),
        ("ar", '"جمهورية كوريا"', "جمهورية كوريا"),
        ("es", '"Estados Unidos"', r"(?i)Estados Unidos"),
        ("fr", "+sécurité", r"(?i)(?<!\w)sécurité(?!\w)"),
        ("fr", "États-Unis", r"(?i)États-Unis"),
    ],
)
def test_phrases_and_query_syntax_are_asked_as_typed(page, served_site, site, lang, query, present):
    root = language_root(served_site, lang)
    expected = pages_with(site, lang, present)
    finds_all(page, root, query, expected)
    clean(page)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "query"),
    [
        ("en", "States"),
        ("en", "Chairs"),
        ("es", "Unidas"),
        ("en", "Trinidad and Tobago"),
    ],
)
def test_the_words_as_typed_come_before_other_forms(page, served_site, site, lang, query):
    # "States" also finds "Statements" (stem "state"), "Chairs" "Chairman";
    # the pages with the words as typed come first. A short stop word between
    # other words ("and") is not asked for; a longer one ("زيارة", visit) is.
    root = language_root(served_site, lang)
    words = [w for w in query.split() if w != "and"]
    expected = set.intersection(*(pages_with(site, lang, words_starting(w)) for w in words))
    assert expected
    pages = typed(page, root, query)
    assert set(pages[: min(3, len(expected))]) <= expected, pages[:5]
    clean(page)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "query", "patterns"),
    [
        # Words whose stems are asked for: each word's ending stays on it (a
        # wildcard after "налогов" once cut "ов" off and left "*", every page).
        ("ru", "Налоговое", ["(?i)налогов"]),
        ("ru", "массового уничтожения", ["(?i)массов", "(?i)уничтожени"]),
        ("ru", "режима нераспространения", ["(?i)режим", "(?i)нераспространени"]),
        # A stop word of lunr's list longer than three letters is asked for
        # ("زيارة", visit); "of" between other words is not.
        ("ar", "زيارة الصين", ["زيار", "صين"]),
        ("ar", "زيارة اللجنة", ["زيار", "لجن"]),
        ("en", "Republic of Korea", ["(?i)republic", "(?i)korea"]),
    ],
)
def test_a_query_of_several_words_finds_their_pages_and_not_every_page(page, served_site, site, lang, query, patterns):
    root = language_root(served_site, lang)
    expected = set.intersection(*(pages_with(site, lang, pattern) for pattern in patterns))
    pages = finds_all(page, root, query, expected)
    every_page = {entry["location"].split("#", 1)[0] for entry in _index(site, lang)["docs"]}
    assert len(pages) < len(every_page), len(pages)
    clean(page)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "query", "whole"),
    [
        # Words the stemmer shortens ("председателя" is indexed "председател"),
        # typed whole: each still finds every page with it, and is not listed as missing.
        ("en", "resolutions", True),
        ("fr", "Comité", True),
        ("es", "resoluciones", True),
        ("ru", "Председателя", True),
        ("ar", "الزيارة", True),
        ("ar", "يالغادو", True),  # a stem beginning with what the separator takes for an article
        # Words lunr's stop-word lists would have dropped: Spanish "Estados" is one.
        ("es", "Estados", True),
        ("fr", "été", True),
        # And half-typed: a beginning finds the words it begins, whatever
        # their stem ("implementation" is "implement" to the English stemmer,
        # "أكتوبر" loses its first letter to the Arabic one).
        ("ru", "Председ", False),
        ("ru", "безопаснос", False),
        ("fr", "résolu", False),
        ("fr", "organisatio", False),
        ("en", "implementatio", False),
        ("en", "meeti", False),
        ("es", "resolucione", False),
        ("ar", "أكتو", False),
        ("ar", "سبت", False),
    ],
)
def test_exact_and_half_typed_words_still_find_their_pages(page, served_site, site, lang, query, whole):
    root = language_root(served_site, lang)
    letters = ARABIC_LETTER if lang == "ar" else "\\w"
    expected = pages_with(site, lang, "(?i)" + word(query, letters) if whole else words_starting(query))
    finds_all(page, root, query, expected)
    # No word is shown as missing (struck through) under a result that has it.
    struck = page.locator(".md-search-result__link").evaluate_all(
        "links => links.filter(a => a.querySelector('del')).map(a => a.href)"
    )
    holding = entries_with(site, lang, "(?i)" + word(query, letters) if whole else words_starting(query))
    assert not {entry_location(href, root) for href in struck} & holding
    clean(page)


@pytest.mark.browser
@pytest.mark.parametrize(
    ("lang", "query", "present"),
    [
        ("fr", "securite", "sécurité"),
        ("fr", "comite", "Comité"),
        ("fr", "oeuvre", "œuvre"),
        ("es", "eslabon", "eslabón"),
        ("es", "proliferacion", "proliferación"),
        ("ar", "اسلحة", "أسلحة"),  # the hamza on the alef
    ],
)
def test_accents_fold(page, served_site, site, lang, query, present):
    root = language_root(served_site, lang)
    expected = pages_with(site, lang, re.escape(present))
    # Only the accented form is there: no word starts with the query as typed.
    assert expected and not pages_with(site, lang, r"(?i)(?<!\w)" + re.escape(query))
    pages = typed(page, root, query)
    assert expected <= set(pages), pages
    clean(page)


@pytest.mark.browser
@pytest.mark.parametrize("query", ["1540委员会", "第1540(2004)号决议", "第1540（2004）号决议"])
def test_chinese_queries_mixing_digits_and_han_find_the_pages_with_them(page, served_site, site, query):
    root = language_root(served_site, "zh")
    expected = pages_with(site, "zh", re.escape(query.replace("（", "(").replace("）", ")")))
    pages = finds_all(page, root, query, expected)
    assert pages[0] in expected | {"resolutions/1540-2004/"}  # or the resolution's own page
    clean(page)


# -- input methods -------------------------------------------------------------


# What an input method shows while a word of each language is composed,
# before its candidate: a Chinese word's pinyin; a word typed with dead keys
# (an accent, then its letter) or a phonetic layout, its first letters.
SPELLINGS = {"zh": "weiyuanhui"}


def compose(page, text: str, cdp=None, lang: str = "zh"):
    """Compose ``text`` in the focused field with an input method (Chromium's
    own composition, through the DevTools protocol): first its spelling (see
    ``SPELLINGS``), then the candidate; the composition is still open when this returns."""
    cdp = cdp or page.context.new_cdp_session(page)
    for step in (SPELLINGS.get(lang, text[: len(text) // 2]), text):
        cdp.send("Input.imeSetComposition", {"text": step, "selectionStart": len(step), "selectionEnd": len(step)})
    return cdp


def enter(cdp, key_code: int) -> None:
    """Press Enter as the browser reports it: ``key_code`` 229 while an input method handles the key."""
    cdp.send(
        "Input.dispatchKeyEvent",
        {"type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": key_code},
    )
    cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13})


@pytest.mark.browser
@pytest.mark.parametrize("lang", CODES)
def test_a_composed_query_searches_when_committed_without_a_key(page, served_site, site, lang):
    text, expected = PAGE_WORDS[lang]
    root = language_root(served_site, lang)
    open_search(page, root + "visits/")
    cdp = compose(page, text, lang=lang)
    assert settled_results(page, seconds=1.5) == []  # nothing searched while composing
    cdp.send("Input.insertText", {"text": text})  # the reader picks the candidate: no key
    pages = found_pages(settled_results(page), root)
    assert expected in pages and set(pages) >= pages_with(site, lang, re.escape(text))
    clean(page)


@pytest.mark.browser
@pytest.mark.parametrize("lang", CODES)
def test_the_enter_that_commits_a_composition_opens_nothing(page, served_site, lang):
    text, _ = PAGE_WORDS[lang]
    root = language_root(served_site, lang)
    open_search(page, root + "visits/")
    cdp = compose(page, text, lang=lang)
    cdp.send("Input.insertText", {"text": text})
    assert settled_results(page)  # results on screen, ready to be opened
    compose(page, text, cdp, lang=lang)
    enter(cdp, 229)  # the input method's Enter, during the composition ...
    cdp.send("Input.insertText", {"text": text})  # ... which commits it
    page.wait_for_timeout(1000)
    assert page.url == root + "visits/"  # no result opened
    clean(page)


@pytest.mark.browser
def test_the_enter_after_a_composition_ends_opens_nothing_but_a_readers_enter_does(page, served_site):
    # Safari ends the composition first, then sends the committing Enter with keyCode 229.
    root = language_root(served_site, "zh")
    open_search(page, root + "visits/")
    cdp = compose(page, "委员会")
    cdp.send("Input.insertText", {"text": "委员会"})
    submit_search(page)  # (a key up: what is tested here is the Enter, not searching on commit)
    first = found_pages(settled_results(page), root)[0]
    enter(cdp, 229)
    page.wait_for_timeout(1000)
    assert page.url == root + "visits/"
    # The reader's own Enter then opens the best result, as the theme does.
    enter(cdp, 13)
    page.wait_for_url(re.compile(re.escape(root + first)))
    clean(page)


@pytest.mark.browser
def test_a_composing_enter_marked_is_composing_opens_nothing(page, served_site):
    root = language_root(served_site, "fr")
    open_search(page, root + "visits/")
    field = page.locator(".md-search__input")
    field.press_sequentially("industrie", delay=20)
    assert submit_search(page)
    field.dispatch_event("compositionstart", {"data": ""})
    field.dispatch_event("compositionend", {"data": "industrie"})
    # The committing Enter, as some browsers order it: after the composition's end, still marked as composing.
    field.dispatch_event("keydown", {"key": "Enter", "isComposing": True, "bubbles": True, "cancelable": True})
    page.wait_for_timeout(1000)
    assert urlsplit(page.url).path == urlsplit(root + "visits/").path
    clean(page)


@pytest.mark.browser
def test_every_result_of_a_long_list_shows_as_the_reader_scrolls(page, served_site):
    """The theme adds results four at a time as its list's end comes into
    view; results added at the end once kept it from adding more (14 of 35)."""
    root = language_root(served_site, "fr")
    open_search(page, root)
    page.locator(".md-search__input").press_sequentially("comite", delay=20)
    submit_search(page)
    settled_results(page)
    count = int(re.search(r"\d+", page.locator(".md-search-result__meta").inner_text())[0])
    assert count > 14  # (more than the theme shows at first: ten, then four)
    assert page.locator(".md-search-result__list > li").count() == count
