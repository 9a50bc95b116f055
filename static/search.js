// Shows the search box (hidden in the HTML, so a page without scripts shows none, nor does a
// browser without what the search needs) and loads the search itself, search-client.js, only
// when the box is first focused: a page loads these few lines up front, not the whole client.
(() => {
  "use strict";
  const box = document.querySelector("[data-search]");
  if (!box || !window.fetch || !window.DecompressionStream || !box.dataset.client) return;
  const input = box.querySelector("input");
  box.hidden = false;
  input.addEventListener("focus", () => {
    const script = document.createElement("script");
    script.src = box.dataset.client;
    document.head.append(script);
  }, { once: true });
})();
