// Shows the search box (hidden without scripts) and loads search-client.js on its first focus;
// `/` and Ctrl+K (⌘K) go to the box. Served as written: kept short, a page loads it up front.
(() => {
  const box = document.querySelector("[data-search]");
  if (!box || !window.fetch || !window.DecompressionStream || !box.dataset.client) return;
  const input = box.querySelector("input");
  box.hidden = false;
  input.addEventListener("focus", () => {
    const s = document.createElement("script");
    s.src = box.dataset.client;
    document.head.append(s);
  }, { once: true });
  document.addEventListener("keydown", (e) => {
    const t = e.target, k = e.key.toLowerCase();
    const field = t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName);
    if ((k === "/" && !field && !e.ctrlKey && !e.metaKey && !e.altKey) || (k === "k" && (e.ctrlKey || e.metaKey) && !e.altKey)) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });
})();
