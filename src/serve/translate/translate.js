// Translate mode of the polydocs preview (`polydocs serve --translate LANG`): marks every text
// of the page by its state, and edits the message or Markdown block it comes from in a panel.
// Served by the preview only; a built site never carries it.
(function () {
  "use strict";
  var me = document.currentScript;
  var TOKEN = me.dataset.token;
  var LANG = me.dataset.language;
  var API = "/__polydocs/translate/";
  var NAMES = { translated: "translated", missing: "missing", outdated: "outdated", "same-as-source": "same as source" };
  var TODO = { missing: 1, outdated: 1, "same-as-source": 1 };
  var info = null;       // what the server says of this page
  var picking = true;    // clicks pick texts (Ctrl, Cmd or Shift + click follows links)
  var current = null;    // the entry being edited
  var timer = null;
  var panel, bar;

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") e.textContent = attrs[k];
      else if (k.indexOf("on") === 0) e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }

  function request(method, name, body) {
    var opts = { method: method, headers: {} };
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.headers["X-Polydocs-Token"] = TOKEN;
      opts.body = JSON.stringify(body);
    }
    return fetch(API + name, opts).then(function (r) {
      return r.json().then(function (j) { j.status = r.status; return j; });
    });
  }

  // --- Marking the page ------------------------------------------------------------------

  function entriesOf(node) {
    var out = [];
    if (node.dataset.pdM) out.push({ kind: "message", id: node.dataset.pdM, place: "text" });
    (node.dataset.pdAttr || "").split(";").forEach(function (pair) {
      var i = pair.indexOf("=");
      if (i > 0) out.push({ kind: "message", id: pair.slice(i + 1), place: pair.slice(0, i) });
    });
    if (node.dataset.pdBlock !== undefined) out.push({ kind: "block", n: +node.dataset.pdBlock, place: "block" });
    if (node.dataset.pdField) out.push({ kind: "field", name: node.dataset.pdField, place: node.dataset.pdField });
    return out;
  }

  function stateOf(entry) {
    if (!info) return "translated";
    if (entry.kind === "message") return info.messages[entry.id] || "translated";
    var b = blockOf(entry);
    return b ? b.state : "translated";
  }

  function blockOf(entry) {
    return (info.blocks || []).filter(function (x) {
      return entry.kind === "field" ? x.field === entry.name : !x.field && x.n === entry.n;
    })[0];
  }

  // The page's title and description come from its front matter: the title is marked on the
  // heading that shows it, the description (a meta tag) is listed with the hidden texts.
  function markFields() {
    (info.blocks || []).forEach(function (b) {
      if (b.field !== "title") return;
      var h1 = document.querySelector("main h1, h1");
      if (h1 && h1.textContent.trim() === b.text.trim()) h1.setAttribute("data-pd-field", "title");
    });
  }

  var RANK = { missing: 3, outdated: 2, "same-as-source": 1, translated: 0 };
  function worst(states) {
    return states.reduce(function (a, s) { return RANK[s] > RANK[a] ? s : a; }, "translated");
  }

  function marked() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-pd-m],[data-pd-attr],[data-pd-block],[data-pd-field]"))
      .filter(function (n) { return !n.closest(".pd-panel,.pd-bar"); });
  }

  function mark() {
    var counts = { translated: 0, missing: 0, outdated: 0, "same-as-source": 0 };
    var seen = {};
    marked().forEach(function (node) {
      var entries = entriesOf(node);
      var state = worst(entries.map(stateOf));
      node.setAttribute("data-pd-state", state);
      entries.forEach(function (e) {
        var key = e.kind === "message" ? "m:" + e.id : e.kind === "field" ? "f:" + e.name : "b:" + e.n;
        if (!seen[key]) { seen[key] = 1; counts[stateOf(e)]++; }
      });
    });
    document.querySelectorAll("[data-pd-text]").forEach(function (node) {
      node.dataset.pdText.split(" ").forEach(function (id) {
        if (id && !seen["m:" + id]) { seen["m:" + id] = 1; counts[stateOf({ kind: "message", id: id })]++; }
      });
    });
    return counts;
  }

  function toolbar(counts) {
    if (bar) bar.remove();
    var legend = el("ul", { class: "pd-legend" });
    ["missing", "outdated", "same-as-source", "translated"].forEach(function (s) {
      legend.appendChild(el("li", { class: "pd-key", "data-pd-state": s }, [el("span", { class: "pd-swatch", "aria-hidden": "true" }), NAMES[s] + ": " + counts[s]]));
    });
    var hidden = [];
    document.querySelectorAll("[data-pd-text]").forEach(function (node) {
      node.dataset.pdText.split(" ").forEach(function (id) { if (id && hidden.indexOf(id) < 0) hidden.push(id); });
    });
    var description = (info && info.blocks || []).filter(function (b) { return b.field === "description"; })[0];
    var hiddenList = el("span", { class: "pd-hidden" }, hidden.length || description ? ["Not in the page body: "] : []);
    if (description) {
      hiddenList.appendChild(el("button", { type: "button", class: "pd-chip", "data-pd-state": description.state, text: "description", onclick: function () { open({ kind: "field", name: "description", place: "description" }, null); } }));
    }
    hidden.forEach(function (id) {
      hiddenList.appendChild(el("button", { type: "button", class: "pd-chip", "data-pd-state": stateOf({ kind: "message", id: id }), text: id, onclick: function () { open({ kind: "message", id: id, place: "hidden" }, null); } }));
    });
    var toggle = el("button", { type: "button", class: "pd-toggle", "aria-pressed": String(picking), text: "Pick texts (t)", onclick: function () { setPicking(!picking); } });
    bar = el("div", { class: "pd-bar", role: "region", "aria-label": "Translation of this page", dir: "ltr", lang: "en" }, [
      el("strong", { text: "Translating " + (info ? info.name : LANG) }),
      legend,
      el("span", { class: "pd-keys", text: "n / p next or previous to do · j / k any text · e the focused one · Esc close" }),
      toggle,
      hiddenList,
      el("a", { href: API, text: "All pages and the queue" }),
      el("button", { type: "button", class: "pd-more", "aria-expanded": "false", text: "More", onclick: function (e) {
        var open = bar.classList.toggle("pd-expanded");
        e.currentTarget.setAttribute("aria-expanded", String(open));
        e.currentTarget.textContent = open ? "Less" : "More";
      } })
    ]);
    document.body.appendChild(bar);
  }

  function setPicking(on) {
    picking = on;
    document.documentElement.classList.toggle("pd-picking", on);
    var t = bar && bar.querySelector(".pd-toggle");
    if (t) t.setAttribute("aria-pressed", String(on));
  }

  // --- The panel ---------------------------------------------------------------------------

  function diffView(parts) {
    var p = el("p", { class: "pd-diff" });
    (parts || []).forEach(function (part) {
      var tag = part.kind === "removed" ? "del" : part.kind === "added" ? "ins" : "span";
      p.appendChild(el(tag, { text: part.text }));
    });
    return p;
  }

  function section(title, body) {
    return el("section", {}, [el("h3", { text: title }), body]);
  }

  function insertAtCursor(area, text) {
    var s = area.selectionStart, e = area.selectionEnd;
    area.value = area.value.slice(0, s) + text + area.value.slice(e);
    area.selectionStart = area.selectionEnd = s + text.length;
    area.focus();
    changed();
  }

  function pluralSkeleton(variable, categories) {
    var lines = ["{ $" + variable + " ->"];
    categories.forEach(function (c) { lines.push((c === "other" ? "   *[" : "    [") + c + "] "); });
    lines.push("}");
    return lines.join("\n");
  }

  function open(entry, node) {
    if (current && current.original !== undefined && !current.saved) current.node.innerHTML = current.original;
    document.querySelectorAll(".pd-current").forEach(function (n) { n.classList.remove("pd-current"); });
    if (node) node.classList.add("pd-current");
    current = { entry: entry, node: node };
    var load = entry.kind === "message"
      ? request("GET", "message?id=" + encodeURIComponent(entry.id))
      : Promise.resolve(blockDetails(entry));
    load.then(function (d) {
      if (d.error) { show(el("p", { class: "pd-error", text: d.error })); return; }
      current.details = d;
      render(entry, d);
    });
  }

  function blockDetails(entry) {
    var b = blockOf(entry) || {};
    var page = info.page || {};
    return {
      kind: entry.kind, n: entry.n, field: entry.name, state: b.state, text: b.text, source: b.source, line: b.line,
      source_line: b.source_line, diff: b.diff, block_kind: b.kind, file: page.file,
      source_file: page.source_file, translated: page.translated, base: info.base, key: page.key,
      terms: b.terms
    };
  }

  function render(entry, d) {
    var isMessage = entry.kind === "message";
    var state = d.state || "translated";
    var where = isMessage
      ? (d.file + (d.line ? ":" + d.line : " (new)"))
      : (d.file + (d.translated ? ":" + d.line : " (new page)"));
    var head = el("header", {}, [
      el("h2", { id: "pd-title", text: isMessage ? d.id : (d.field || d.block_kind || "block") + " of " + d.key }),
      el("p", {}, [el("span", { class: "pd-badge", "data-pd-state": state, text: NAMES[state] || state }), " ", el("code", { text: where })]),
      el("button", { type: "button", class: "pd-close", "aria-label": "Close", text: "×", onclick: close })
    ]);
    var parts = [head];
    var src = el("p", { class: "pd-source", lang: info.source, text: isMessage ? d.source : (d.source || "") });
    var at = d.source_line ? el("code", { text: d.source_file + ":" + d.source_line }) : null;
    parts.push(el("section", {}, [el("h3", {}, ["Source (" + info.source + ") ", at]), src]));
    if (isMessage && d.comment) parts.push(section("Context", el("p", { class: "pd-comment", text: d.comment })));
    if (d.diff && d.diff.length) parts.push(section("What changed in the source since it was marked", diffView(d.diff)));
    if (d.terms && d.terms.length) {
      var ul = el("ul", { class: "pd-terms" });
      d.terms.forEach(function (t) {
        ul.appendChild(el("li", {}, [el("b", { text: t.term }), " → " + t.use.join(", ") + (t.avoid.length ? " (not " + t.avoid.join(", ") + ")" : "")]));
      });
      parts.push(section("Glossary", ul));
    }
    var area = el("textarea", { id: "pd-value", lang: LANG, dir: info.dir, rows: "5", spellcheck: "true", "aria-describedby": "pd-problems" });
    area.value = isMessage ? (d.translation || "") : (d.translated ? d.text : d.source || "");
    area.rows = Math.min(14, Math.max(4, Math.ceil(area.value.length / 48) + area.value.split("\n").length));
    area.addEventListener("input", changed);
    area.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); save(); }
    });
    var tools = el("div", { class: "pd-tools" });
    if (isMessage) {
      (d.variables || []).forEach(function (v) {
        tools.appendChild(el("button", { type: "button", class: "pd-chip", title: "Insert { $" + v + " }", text: "$" + v, onclick: function () { insertAtCursor(area, "{ $" + v + " }"); } }));
      });
      if (d.plural) {
        var variable = (d.variables || ["count"])[0] || "count";
        tools.appendChild(el("button", { type: "button", class: "pd-chip", text: "Plural: " + d.plurals.join(", "), title: "Insert the variants " + info.name + " needs", onclick: function () { insertAtCursor(area, pluralSkeleton(variable, d.plurals)); } }));
      }
    }
    tools.appendChild(el("button", { type: "button", class: "pd-chip", text: "Copy source", onclick: function () { area.value = isMessage ? d.source : d.source || ""; changed(); area.focus(); } }));
    parts.push(el("label", { for: "pd-value", class: "pd-label", text: "Translation (" + LANG + ")" }));
    parts.push(area);
    parts.push(tools);
    parts.push(el("div", { id: "pd-problems", class: "pd-problems", "aria-live": "polite" }));
    var actions = el("div", { class: "pd-actions" }, [
      el("button", { type: "button", class: "pd-save", text: "Save (Ctrl+Enter)", onclick: save }),
      (state === "outdated" || state === "same-as-source") ? el("button", { type: "button", class: "pd-mark", text: "Mark as up to date", onclick: function () { markUpToDate(false); } }) : null,
      el("button", { type: "button", text: "Cancel", onclick: close })
    ]);
    parts.push(actions);
    parts.push(el("p", { class: "pd-status", role: "status" }));
    show.apply(null, parts);
    area.focus();
  }

  function show() {
    if (!panel) {
      panel = el("aside", { class: "pd-panel", role: "dialog", "aria-labelledby": "pd-title", dir: "ltr", lang: "en" });
      document.body.appendChild(panel);
    }
    panel.textContent = "";
    Array.prototype.slice.call(arguments).forEach(function (c) { if (c) panel.appendChild(c); });
    document.documentElement.classList.add("pd-open");
  }

  function close() {
    if (current && current.original !== undefined && !current.saved) current.node.innerHTML = current.original;
    if (panel) { panel.remove(); panel = null; }
    document.documentElement.classList.remove("pd-open");
    if (current && current.node) { current.node.classList.remove("pd-current"); current.node.focus && current.node.focus(); }
    current = null;
  }

  function edit() {
    var area = document.getElementById("pd-value");
    var e = current.entry, d = current.details;
    var body = { value: area.value, base: d.base || "" };
    if (e.kind === "message") body.id = e.id;
    else if (e.kind === "field") { body.page = location.pathname; body.field = e.name; }
    else { body.page = location.pathname; body.block = e.n; }
    return body;
  }

  function problems(list) {
    var box = document.getElementById("pd-problems");
    if (!box) return;
    box.textContent = "";
    (list || []).forEach(function (p) {
      box.appendChild(el("p", { class: "pd-problem pd-" + p.severity }, [
        el("b", { text: p.severity + " " }),
        (p.line ? "line " + p.line + (p.column ? ", column " + p.column : "") + ": " : "") + p.message + (p.hint ? " — " + p.hint : "")
      ]));
    });
    var save = panel && panel.querySelector(".pd-save");
    if (save) save.disabled = (list || []).some(function (p) { return p.severity === "error"; });
  }

  // While typing, a message of plain text shows in the page as it will read, so that a
  // translation too long for its place is seen before it is saved (Cancel puts the page back).
  function preview() {
    if (!current || current.entry.kind !== "message" || !current.node || current.node.dataset.pdM !== current.entry.id) return;
    var value = document.getElementById("pd-value").value;
    if (/[{}]/.test(value) || value.indexOf("\n") >= 0 && /^\s*[\[*.]/m.test(value)) return;
    if (current.original === undefined) current.original = current.node.innerHTML;
    current.node.textContent = value.replace(/\s*\n\s*/g, " ");
  }

  function changed() {
    preview();
    clearTimeout(timer);
    timer = setTimeout(function () {
      if (!current) return;
      request("POST", "check", edit()).then(function (r) { problems(r.problems || (r.error ? [{ severity: "error", message: r.error }] : [])); });
    }, 350);
  }

  function status(text) {
    var s = panel && panel.querySelector(".pd-status");
    if (s) s.textContent = text;
  }

  function save() {
    if (!current) return;
    var e = current.entry;
    request("POST", "save", edit()).then(function (r) {
      if (r.outcome === "saved") {
        current.saved = true;
        status("Saved to " + r.file + ". The page reloads with it.");
        sessionStorage.setItem("pd-saved", JSON.stringify({ entry: e, file: r.file }));
      } else if (r.outcome === "conflict") {
        status("Not saved: " + r.file + " changed on disk since this panel opened. The disk version is below; copy what you need, then reopen the text.");
        panel.appendChild(el("pre", { class: "pd-disk", text: r.disk || "(the file is gone)" }));
      } else if (r.outcome === "refused") {
        problems(r.problems);
        status("Not saved: fix the errors above.");
      } else {
        status("Not saved: " + (r.error || "unknown error"));
      }
    });
  }

  function markUpToDate(force) {
    var e = current.entry;
    var body = e.kind === "message" ? { id: e.id } : { page: location.pathname };
    body.force = force === true;
    request("POST", "mark", body).then(function (r) {
      if (r.outcome === "marked") { status(r.said + " The page reloads."); return; }
      status("Not marked: " + r.error);
      if (/--force/.test(r.error || "") && !panel.querySelector(".pd-force")) {
        panel.querySelector(".pd-actions").appendChild(el("button", { type: "button", class: "pd-force", text: "Mark anyway: it still says the same", onclick: function () { markUpToDate(true); } }));
      }
    });
  }

  // --- Picking ------------------------------------------------------------------------------

  function pick(node) {
    var entries = entriesOf(node);
    if (!entries.length) return;
    if (entries.length === 1) { open(entries[0], node); return; }
    var list = el("ul", { class: "pd-choices" });
    entries.forEach(function (e) {
      var label = e.kind === "block" ? "this block" : e.kind === "field" ? "the page's " + e.name : e.id + (e.place === "text" ? "" : " (" + e.place + ")");
      list.appendChild(el("li", {}, [el("button", { type: "button", "data-pd-state": stateOf(e), text: label, onclick: function () { open(e, node); } })]));
    });
    show(el("header", {}, [el("h2", { id: "pd-title", text: "Which text?" }), el("button", { type: "button", class: "pd-close", "aria-label": "Close", text: "×", onclick: close })]), list);
    list.querySelector("button").focus();
  }

  function todo() {
    return marked().filter(function (n) { return TODO[n.getAttribute("data-pd-state")] && n.getClientRects().length; });
  }

  function step(by, all) {
    var list = all ? marked().filter(function (n) { return n.getClientRects().length; }) : todo();
    if (!list.length) { if (bar) bar.querySelector(".pd-keys").textContent = "Nothing left to do on this page."; return; }
    var at = current && current.node ? list.indexOf(current.node) : -1;
    var next = list[(at + by + list.length) % list.length];
    next.scrollIntoView({ block: "center" });
    if (!next.hasAttribute("tabindex") && !next.matches("a,button,input,textarea,select")) next.setAttribute("tabindex", "-1");
    pick(next);
  }

  document.addEventListener("click", function (e) {
    if (!picking || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    if (e.target.closest(".pd-panel,.pd-bar")) return;
    var node = e.target.closest("[data-pd-m],[data-pd-attr],[data-pd-block],[data-pd-field]");
    if (!node) return;
    e.preventDefault();
    e.stopPropagation();
    pick(node);
  }, true);

  document.addEventListener("keydown", function (e) {
    var typing = e.target.closest && e.target.closest("input,textarea,select,[contenteditable]");
    if (e.key === "Escape" && panel) { e.preventDefault(); close(); return; }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "n") { e.preventDefault(); step(1); }
    else if (e.key === "p") { e.preventDefault(); step(-1); }
    else if (e.key === "j") { e.preventDefault(); step(1, true); }
    else if (e.key === "k") { e.preventDefault(); step(-1, true); }
    else if (e.key === "t") { e.preventDefault(); setPicking(!picking); }
    else if (e.key === "e") {
      // The text of what has the keyboard focus (a link, a button, a field's label).
      var focused = document.activeElement && document.activeElement.closest("[data-pd-m],[data-pd-attr],[data-pd-block],[data-pd-field]");
      if (focused) { e.preventDefault(); pick(focused); }
    }
  });

  function start() {
    request("GET", "page?path=" + encodeURIComponent(location.pathname)).then(function (r) {
      // Before the first build, or on an error, the page is shown unmarked.
      if (r.error || !r.messages) return;
      info = r;
      markFields();
      var counts = mark();
      setPicking(true);
      toolbar(counts);
      var m = /#pd-m=([A-Za-z0-9_-]+)/.exec(location.hash);
      var saved = sessionStorage.getItem("pd-saved");
      if (saved) {
        sessionStorage.removeItem("pd-saved");
        var s = JSON.parse(saved);
        var node = s.entry.kind === "message"
          ? document.querySelector('[data-pd-m="' + s.entry.id + '"]')
          : s.entry.kind === "field"
            ? document.querySelector('[data-pd-field="' + s.entry.name + '"]')
            : document.querySelector('[data-pd-block="' + s.entry.n + '"]');
        open(s.entry, node);
        setTimeout(function () { status("Saved to " + s.file + "."); }, 300);
      } else if (m) {
        var node2 = document.querySelector('[data-pd-m="' + m[1] + '"]');
        if (node2) node2.scrollIntoView({ block: "center" });
        open({ kind: "message", id: m[1], place: "text" }, node2);
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
