/* Search as soon as the query changes, however the reader entered it.
 *
 * The theme's search reads the query on key-up only: a pasted query, a word
 * picked from an input method (Chinese, Japanese...) or from a phone's
 * suggestions changes the field without one. On every such change (and when
 * an input method commits its text) this tells the theme's search field that
 * a key went up, which makes it read the field.
 *
 * And the Enter that commits an input method's composition is the input
 * method's, not the reader's choice of a result: the theme would open the
 * first result with it (Safari sends it after the composition has ended,
 * marked only by keyCode 229). It is stopped before the theme sees it.
 *
 * And the theme shows ten results, then four more each time its result list
 * is scrolled to the end: a list that fits on the screen is never scrolled,
 * so the other results never showed (a reader with a tall screen saw 14 of
 * 35). Whenever results are added and the end of the list is in view, this
 * tells the list that it has been scrolled, which makes the theme add more.
 */
(function () {
  "use strict";

  function isSearchQuery(target) {
    return target instanceof HTMLInputElement && target.matches("[data-md-component=search-query]");
  }

  function search(field) {
    // Not bubbling: the theme's search field listens on itself, nothing else need hear it.
    field.dispatchEvent(new KeyboardEvent("keyup", { bubbles: false }));
  }

  document.addEventListener("input", function (event) {
    if (isSearchQuery(event.target) && !event.isComposing) search(event.target);
  });

  document.addEventListener("compositionend", function (event) {
    if (isSearchQuery(event.target)) search(event.target);
  });

  // The theme adds the next four results when its list's end comes into
  // view: it reads where the list is on the list's scroll events, and acts
  // on a change from "not at the end" to "at the end". Results added at the
  // end move the end away without a scroll event, so the theme kept "at the
  // end" and never added more. After each addition this tells it where the
  // list is now; and when the end is still in view (a short list), makes the
  // list taller for a moment (a class, see site.css) so the theme sees the
  // end leave and come back, all before the page is drawn again.
  function showMore(wrap, list) {
    wrap.dispatchEvent(new Event("scroll"));
    if (wrap.scrollTop + wrap.clientHeight < wrap.scrollHeight - 16) return;
    list.classList.add("search-results--loading");
    wrap.dispatchEvent(new Event("scroll"));
    list.classList.remove("search-results--loading");
    wrap.dispatchEvent(new Event("scroll"));
  }

  function watchResults() {
    var wrap = document.querySelector(".md-search__scrollwrap");
    var list = document.querySelector(".md-search-result__list");
    if (!wrap || !list) return;
    new MutationObserver(function () {
      showMore(wrap, list);
    }).observe(list, { childList: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchResults);
  } else {
    watchResults();
  }

  window.addEventListener(
    "keydown",
    function (event) {
      if (event.key === "Enter" && (event.isComposing || event.keyCode === 229) && isSearchQuery(event.target)) {
        event.stopImmediatePropagation();
      }
    },
    true
  );
})();
