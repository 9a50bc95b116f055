// polydocs serve: reloads this page when a rebuild changes it, keeps the scroll position
// across the reload, and shows build errors over the page. Injected by `polydocs serve` only;
// never part of a built site.
(() => {
  "use strict";
  const script = document.currentScript;
  let version = script ? script.dataset.version : "";
  const file = script ? script.dataset.file : "";
  const scrollKey = "polydocs-scroll:" + location.pathname;
  const overlayId = "polydocs-build-errors";

  // Put the page back where it was before a reload this script asked for.
  const saved = sessionStorage.getItem(scrollKey);
  if (saved) {
    sessionStorage.removeItem(scrollKey);
    try {
      const [x, y] = JSON.parse(saved);
      const restore = () => window.scrollTo(x, y);
      restore();
      if (document.readyState !== "complete") {
        window.addEventListener("load", restore, { once: true });
      }
    } catch (_) {
      // A malformed entry: stay at the top.
    }
  }

  function reload() {
    sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
    location.reload();
  }

  // A language's search index (`<prefix>/search/...`): fetched when the visitor searches, so
  // a change to it needs no reload.
  const searchIndex = /(^|\/)search\/(meta\.json|[tp]\/\d+\.json\.gz)$/;

  // Whether a rebuild changed this page or anything a page loads (styles, icons).
  function concernsThisPage(changed) {
    return changed.some(
      (path) => path === file || (!path.endsWith(".html") && !searchIndex.test(path)),
    );
  }

  function hideErrors() {
    const old = document.getElementById(overlayId);
    if (old) old.remove();
    return Boolean(old);
  }

  function count(n, what) {
    return n === 1 ? `1 ${what}` : `${n} ${what}s`;
  }

  function showErrors(state) {
    const errors = state.errors;
    const counts = state.counts || { errors: errors.length, warnings: 0 };
    hideErrors();
    const host = document.createElement("div");
    host.id = overlayId;
    // A shadow root keeps the site's styles off the overlay, and the overlay's off the site.
    const root = host.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = `
      .backdrop { position: fixed; inset: 0; z-index: 2147483647; overflow: auto;
        background: rgba(20, 20, 24, 0.92); color: #f4f4f5; padding: 2rem 1rem;
        font: 15px/1.5 system-ui, sans-serif; }
      .box { max-width: 60rem; margin: 0 auto; }
      h2 { color: #fca5a5; font-size: 1.25rem; margin: 0 0 0.25rem; }
      p { margin: 0 0 1rem; color: #d4d4d8; }
      pre { background: #000; color: #f4f4f5; padding: 1rem; border-left: 4px solid #f87171;
        overflow: auto; white-space: pre; font: 13px/1.45 ui-monospace, monospace; }
      pre.warning { border-left-color: #facc15; }
      button { font: inherit; padding: 0.3rem 0.9rem; cursor: pointer; }`;
    const backdrop = document.createElement("div");
    backdrop.className = "backdrop";
    backdrop.setAttribute("role", "alertdialog");
    backdrop.setAttribute("aria-labelledby", "title");
    const box = document.createElement("div");
    box.className = "box";
    const title = document.createElement("h2");
    title.id = "title";
    // Errors and warnings counted apart: the errors stop the build, the warnings do not.
    title.textContent =
      `The site has ${count(counts.errors, "error")}` +
      (counts.warnings > 0 ? ` and ${count(counts.warnings, "warning")}` : "");
    const note = document.createElement("p");
    // Serve's own "Not found" page (marked) stands where no build has succeeded yet.
    const built = !document.body.hasAttribute("data-polydocs-unbuilt");
    note.textContent = (built
      ? "The page below is the last good build."
      : "No build has succeeded yet, so no page can be shown.") +
      " Fix the file and save: the page reloads by itself.";
    box.append(title, note);
    // Errors first (serve sends them so), then the warnings, long runs of one code cut short.
    for (const error of errors) {
      const pre = document.createElement("pre");
      pre.className = error.severity === "warning" ? "warning" : "error";
      pre.textContent = error.report || error.summary;
      box.append(pre);
    }
    for (const line of state.more || []) {
      const p = document.createElement("p");
      p.textContent = line;
      box.append(p);
    }
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide until the next change";
    close.addEventListener("click", () => host.remove());
    box.append(close);
    backdrop.append(box);
    root.append(style, backdrop);
    document.documentElement.append(host);
  }

  // Naming this page's file lets serve render it first when it rebuilds many pages.
  const events = new EventSource(
    "/__polydocs/events" + (file ? "?file=" + encodeURIComponent(file) : ""),
  );
  events.onmessage = (event) => {
    let state;
    try {
      state = JSON.parse(event.data);
    } catch (_) {
      return;
    }
    if (state.errors.length > 0) {
      showErrors(state);
      return;
    }
    const wasShowingErrors = hideErrors();
    if (state.version === version) {
      // Fixed back to what this page shows: reload anyway, as a sign that all is well.
      if (wasShowingErrors) reload();
      return;
    }
    // A rebuild right after the one this page shows, that left it alone: nothing to do.
    if (
      !wasShowingErrors &&
      state.previous === version &&
      Array.isArray(state.changed) &&
      !concernsThisPage(state.changed)
    ) {
      version = state.version;
      return;
    }
    reload();
  };
})();
