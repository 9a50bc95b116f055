// Shows the search box (hidden in the HTML, so a page without scripts shows none, nor does a
// browser without what the search needs) and loads the search itself, search-client.js, only
// when the box is first focused: a page loads these few lines up front, not the whole client.
// `/` (outside a text field) and Ctrl+K or ⌘K go to the box from anywhere on the page.
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
  document.addEventListener("keydown", (e) => {
    const t = e.target;
    const field = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
    const k = e.key.toLowerCase();
    if ((k === "/" && !field && !e.ctrlKey && !e.metaKey && !e.altKey)
      || (k === "k" && (e.ctrlKey || e.metaKey) && !e.altKey)) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });
})();
