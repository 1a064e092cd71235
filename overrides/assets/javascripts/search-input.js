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
