/*
 * The site's search worker: the theme's own worker (Material for MkDocs),
 * loaded here unchanged, with one step before it sees a reader's query.
 *
 * Why. The theme's worker finds the pages holding words that begin with each
 * query word (it appends `*` to each). So "industries" would not find
 * "industrie", nor "implements" "implementation", nor a Spanish word its
 * other forms. This worker also asks for each query word's stem, from the
 * language's stemmer in lunr-languages (which the theme ships, and its
 * worker loads for the index's `lang`), where the stem is a shorter
 * beginning of the word: "industries" is asked as "industries*^10000
 * industr*", which finds first what the word found, then the other forms
 * that share the stem. Short words and stems ("res" of "S/RES/1540"), and
 * stems that are not a beginning of the word (Porter's "countri", or the
 * Arabic stemmer's, which takes letters off the start) are not used. The
 * index keeps every word as written (site_tools/search.py says why), so a
 * half-typed word still finds its completions. Russian and Arabic endings
 * and articles are cut by the index's separator, in pages and queries alike.
 *
 * How. The theme documents replacing its search worker, and the message
 * format between page and worker (its SearchMessage types: a setup message
 * carries the index, a query message the reader's text). The page is given
 * this worker's address instead of the theme's (overrides/main.html, block
 * `config`), with the theme's worker file named in `?theme=`. This worker
 * listens first; a query message it rewrites (see `rewrite`) is stopped and
 * sent on, rewritten, as a new message event to the theme's worker in this
 * same scope. Nothing of the
 * theme's or of lunr's is changed: lunr's public QueryLexer and Token, and
 * the stemmers lunr-languages registers, are only called.
 */
"use strict";

(function () {
  /* The theme's message types (SearchMessageType: SETUP, READY, QUERY, RESULT). */
  var SETUP = 0;
  var QUERY = 2;

  var theme = new URL(self.location.href).searchParams.get("theme") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(theme))
    throw new Error("site-search.js: the theme's worker is not named: ?theme=search.<hash>.min.js");

  /* The index's configuration, from the setup message: lang, pipeline, separator. */
  var config = null;
  /* The query messages this worker sends on, which it lets through. */
  var relayed = new WeakSet();

  /* The functions lunr-languages registers under `name` ("stemmer",
     "stopWordFilter") for the index's languages (lunr's own for "en"), in
     its order ([] if none). */
  function languageFunctions(name) {
    var lunr = self.lunr;
    if (!config || !lunr)
      return [];
    return config.lang
      .map(function (lang) { return (lang === "en" ? lunr : lunr[lang] || {})[name]; })
      .filter(function (fn) { return typeof fn === "function"; });
  }

  function stemmers() {
    return languageFunctions("stemmer");
  }

  function stopWordFilters() {
    return languageFunctions("stopWordFilter");
  }

  /* Words shorter than this are not stemmed, and stems shorter than that
     are not asked for (code points). */
  var SHORTEST_STEMMED = 5;
  var SHORTEST_STEM = 4;
  /* Stop words no longer than this are left out between other words. */
  var LONGEST_STOP_WORD_LEFT_OUT = 3;
  /* How much more a word as typed counts than its stem: more than the
     theme's title field counts than the text (1000). */
  var AS_TYPED_BOOST = 10000;

  /* The stem of a query word (lower-cased) where it is a shorter beginning
     of the word, else null. */
  function stemOf(word, stems) {
    var lower = word.toLowerCase();
    if (Array.from(lower).length < SHORTEST_STEMMED)
      return null;
    var token = new self.lunr.Token(lower, {});
    for (var i = 0; i < stems.length; i++)
      token = stems[i](token);
    var stem = String(token);
    var usable = Array.from(stem).length >= SHORTEST_STEM && stem.length < lower.length && lower.indexOf(stem) === 0;
    return usable ? stem : null;
  }

  /* The pieces of a query word between the index's separator's matches (as
     the theme's tokenizer cuts the pages' text and the query alike). */
  function pieces(term, separator) {
    var found = [];
    var index = 0;
    var match;
    separator.lastIndex = 0;
    do {
      match = separator.exec(term);
      var until = match ? match.index : term.length;
      if (index < until)
        found.push(term.slice(index, until));
      if (match) {
        index = match.index + match[0].length;
        if (match[0].length === 0)
          separator.lastIndex = match.index + 1;
      }
    } while (match);
    return found;
  }

  /* A part of the query between spaces, if it is a plain word: one term as
     typed, perhaps ending with the reader's `*` (no `+`, `-`, `^`, `~`,
     field, other wildcard or escape): true. */
  function isPlainWord(part) {
    var word = part.replace(/\*$/, "");
    if (!word || word.indexOf("*") >= 0 || word.indexOf("\\") >= 0)
      return false;
    var lexer = new self.lunr.QueryLexer(word);
    lexer.run();
    var lexemes = lexer.lexemes;
    return lexemes.length === 1 && lexemes[0].type === self.lunr.QueryLexer.TERM && lexemes[0].str === word;
  }

  /* A short stop word ("of", "de", "в", "في") of the index's languages.
     lunr's lists also hold words this site is about (Spanish "Estados",
     Arabic "زيارة"): longer ones are always asked for. */
  function isStopWord(word, filters) {
    if (Array.from(word).length > LONGEST_STOP_WORD_LEFT_OUT)
      return false;
    var token = new self.lunr.Token(word.toLowerCase(), {});
    return filters.some(function (filter) { return filter(token) === undefined; });
  }

  /* The reader's query as the theme's worker is asked it.
   *
   * A query of plain words only (no quotes, no lunr syntax, no hyphenated
   * word, no Han text, which the theme segments itself) is rewritten, each
   * word cut into the pieces the index's separator leaves (as the theme
   * does) and each piece asked with its `*` (as the theme does), so that
   * the separator does not see the `*` (a Russian ending before it would be
   * cut, and the `*` left alone, which matches every page):
   * - A short stop word ("of", "de") between other words is left out, as
   *   the theme's stop-word filter did; the index keeps it, so a stop word
   *   alone or last (perhaps half-typed) is asked for.
   * - If a word has a stem (in the index's language) that is a shorter
   *   beginning of it, each word is asked as typed, counting much more, and
   *   by its stem: "industries" becomes "industries*^10000 industr", so the
   *   pages with a word beginning "industries" come first (before a title
   *   holding only "industriel", whose field counts a thousand times more)
   *   and those with "industrie" follow. Every word as typed counts alike.
   * - A word the reader ends with `*` is asked without the ending the
   *   separator cuts ("председателя*" as "председател*"), and stemmed too.
   * Any other query is asked as typed. */
  function rewrite(query) {
    var stems = stemmers();
    var filters = stopWordFilters();
    var words = query.split(/\s+/).filter(Boolean);
    var plain = words.length && query.indexOf('"') < 0 && !/\p{sc=Han}/u.test(query) && words.every(isPlainWord);
    if (!plain || !config)
      return query;
    var kept = words.filter(function (word, index) {
      return index === words.length - 1 || !isStopWord(word, filters);
    });
    if (kept.length === 1 && words.length > 1 && isStopWord(kept[0], filters))
      kept = words;  // stop words only: all asked for
    var separator = new RegExp(config.separator, "g");
    var asked = [];
    var stemmed = false;
    var starred = false;
    kept.forEach(function (word) {
      starred = starred || /\*$/.test(word);
      // Lower-cased first, as lunr reads it: the separator's endings are lower-case.
      pieces(word.replace(/\*$/, "").toLowerCase(), separator).forEach(function (piece) {
        var stem = stemOf(piece, stems);
        stemmed = stemmed || stem !== null;
        asked.push({ piece: piece, stem: stem });
      });
    });
    if (!stemmed && !starred && kept.length === words.length)
      return query;
    var boost = stemmed ? AS_TYPED_BOOST : 1;
    return asked.map(function (item) {
      return item.piece + "*^" + boost + (item.stem === null ? "" : " " + item.stem);
    }).join(" ");
  }

  self.addEventListener("message", function (event) {
    var message = event.data;
    if (relayed.has(event) || !message)
      return;
    if (message.type === SETUP)
      config = message.data.config;
    if (message.type !== QUERY || typeof message.data !== "string")
      return;
    var query;
    try {
      query = rewrite(message.data);
    } catch (err) {
      /* The theme answers a query lunr cannot read with no results. */
      return;
    }
    if (query === message.data)
      return;
    event.stopImmediatePropagation();
    var stemmed = new MessageEvent("message", { data: { type: QUERY, data: query } });
    relayed.add(stemmed);
    self.dispatchEvent(stemmed);
  });

  importScripts(theme);
})();
