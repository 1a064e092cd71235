/*
 * The site's search worker: the theme's own worker (Material for MkDocs),
 * loaded here unchanged, with one step before it sees a reader's query.
 *
 * Why. The theme's worker finds the pages holding words that begin with each
 * query word (it appends `*` to each). So "Председатель" would not find
 * "Председателя", nor "industries" "industrie". This worker first replaces
 * each query word by its stem, from the language's stemmer in lunr-languages
 * (which the theme ships, and its worker loads for the index's `lang`), where
 * the stem is a beginning of the word: "председателя" is asked as
 * "председател*", "industries" as "industr*", "implements" as "implement*",
 * which find every form of the word that shares the stem, and everything the
 * word itself found. A stem that is not a beginning of the word (Porter's
 * "countri" for "country", or Arabic's, which takes letters off the start)
 * and words of under four letters ("res" of "S/RES/1540") are left as typed,
 * and so is a word whose stem would be under three.
 * The index keeps every word as written (site_tools/search.py says why), so
 * a half-typed word still finds its completions.
 *
 * How. The theme documents replacing its search worker, and the message
 * format between page and worker (its SearchMessage types: a setup message
 * carries the index, a query message the reader's text). The page is given
 * this worker's address instead of the theme's (overrides/main.html, block
 * `config`), with the theme's worker file named in `?theme=`. This worker
 * listens first; a query message is stopped and sent on, stemmed, as a new
 * message event to the theme's worker in this same scope. Nothing of the
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

  /* The stemmers of the index's languages, in its order ([] if none). */
  function stemmers() {
    var lunr = self.lunr;
    if (!config || !lunr)
      return [];
    return config.lang
      .map(function (lang) { return lang === "en" ? lunr.stemmer : (lunr[lang] || {}).stemmer; })
      .filter(function (stem) { return typeof stem === "function"; });
  }

  /* Words shorter than this are asked as typed, and stems shorter than
     that are not asked for (code points). */
  var SHORTEST_STEMMED = 4;
  var SHORTEST_STEM = 3;

  /* One word of a query term as it is asked: its stem, lower-cased, where
     that is a beginning of the word, else the word as typed. A word with a
     wildcard the reader typed is left as it is. */
  function stemWord(word, stems) {
    var lower = word.toLowerCase();
    if (word.indexOf("*") >= 0 || Array.from(lower).length < SHORTEST_STEMMED)
      return word;
    var token = new self.lunr.Token(lower, {});
    for (var i = 0; i < stems.length; i++)
      token = stems[i](token);
    var stem = String(token);
    var asked = Array.from(stem).length >= SHORTEST_STEM && stem.length < lower.length && lower.indexOf(stem) === 0;
    return asked ? stem : word;
  }

  /* A query term cut into words by the index's separator (as the theme's
     tokenizer cuts the pages' text), each word stemmed, the separators kept. */
  function stemTerm(term, separator, stems) {
    var result = "";
    var index = 0;
    var match;
    separator.lastIndex = 0;
    do {
      match = separator.exec(term);
      var until = match ? match.index : term.length;
      if (index < until)
        result += stemWord(term.slice(index, until), stems);
      if (match) {
        result += match[0];
        index = match.index + match[0].length;
        if (match[0].length === 0)
          separator.lastIndex = match.index + 1;
      }
    } while (match);
    return result;
  }

  /* The reader's query with every term's words stemmed; presence, field,
     boost and fuzziness marks (lunr's query syntax) left where they are. */
  function stemQuery(query) {
    var stems = stemmers();
    if (!stems.length)
      return query;
    var separator = new RegExp(config.separator, "g");
    var lunr = self.lunr;
    return query.split(/(\s+)/).map(function (part) {
      if (!part.trim())
        return part;
      var lexer = new lunr.QueryLexer(part);
      lexer.run();
      var lexemes = lexer.lexemes;
      for (var i = lexemes.length - 1; i >= 0; i--) {
        var lexeme = lexemes[i];
        if (lexeme.type === lunr.QueryLexer.TERM)
          part = part.slice(0, lexeme.start) + stemTerm(lexeme.str, separator, stems) + part.slice(lexeme.end);
      }
      return part;
    }).join("");
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
      query = stemQuery(message.data);
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
