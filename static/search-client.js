// Site search, loaded by search.js when the visitor first focuses the search box (so a page
// costs nothing for search until then). This language's index (built by polydocs, see
// src/search/mod.rs) is fetched from the same site, a piece at a time: meta.json, then the
// shards of terms a query's words need, then the texts of the results shown (in bundles of
// neighbouring pages). Everything shown is set as text, never HTML.
(() => {
  "use strict";
  const box = document.querySelector("[data-search]");
  if (!box || !window.fetch || !window.DecompressionStream) return;
  const input = box.querySelector("input");
  const status = box.querySelector("[role=status]");
  const list = box.querySelector("ol");
  const base = new URL(box.dataset.search, location.href);
  const root = new URL("../", base);
  // Results are shown ten at a time; "more" shows ten more, so every page found can be reached.
  const STEP = 10;
  // Scripts written without spaces between words (as src/search/analyze.rs `is_ideograph`).
  const UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
  const LETTER = /[\p{L}\p{N}\p{M}]/u;
  // A word cut into its runs of unspaced characters and the rest (`api服務` → `api`, `服務`).
  const RUNS = new RegExp(`${UNSPACED.source}+|(?:(?!${UNSPACED.source}).)+`, "gu");
  const cache = new Map();
  let meta = null;
  let run = 0;
  let shown = STEP;
  let last = null;

  // Shards and page texts are gzipped, unless the host already decompressed them.
  const get = (path) => {
    if (!cache.has(path)) {
      cache.set(path, fetch(new URL(path, base)).then(async (r) => {
        if (!r.ok) throw new Error(r.status);
        let bytes = new Uint8Array(await r.arrayBuffer());
        if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
          const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
          bytes = new Uint8Array(await new Response(stream).arrayBuffer());
        }
        return JSON.parse(new TextDecoder().decode(bytes));
      }));
    }
    return cache.get(path);
  };
  const loadMeta = () => (meta = meta || get("meta.json"));

  // As the index folds its terms: accents off, lowercase.
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss").normalize("NFC");

  // FNV-1a over the code points of a term's first two characters (one for an unspaced script).
  const shardOf = (term, shards) => {
    const cs = Array.from(term);
    let h = 0x811c9dc5;
    for (const c of cs.slice(0, UNSPACED.test(cs[0]) ? 1 : 2)) {
      h ^= c.codePointAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % shards;
  };
  // A shard's terms, each with its postings [page, score, ...]. From version 2 of the index
  // on, a list gives each page as its distance from the one before (smaller numbers, a third
  // of the bytes once gzipped); version 1 gave the pages themselves.
  const decoded = new WeakSet();
  const shard = async (m, term) => {
    const terms = await get(`t/${shardOf(term, m.shards)}.json.gz`);
    if ((m.version || 1) < 2 || decoded.has(terms)) return terms;
    for (const postings of Object.values(terms)) {
      for (let i = 2; i < postings.length; i += 2) postings[i] += postings[i - 2];
    }
    decoded.add(terms);
    return terms;
  };

  // The stems a query word may have: the index lists how its stemmer ended the words it met
  // (`["ation", ""]` for configuration → configur), and each ending the word has gives one.
  // A form of a word the site holds finds its stem; most forms it does not hold do too.
  const stems = (m, w) => {
    const out = new Set([w]);
    for (const [end, stem] of m.endings || []) {
      if (w.length > end.length && w.endsWith(end)) out.add(w.slice(0, w.length - end.length) + stem);
    }
    return out;
  };

  // How well an index term answers a query word: 4 the word itself, 3 one of its stems,
  // 1 a term the word being typed begins. Where neither the word nor a stem is a term (a form
  // of a word whose ending no page showed), a stem that begins the word counts (2).
  const quality = (w, forms, typing, t) => {
    if (t === w) return 4;
    if (forms.has(t)) return 3;
    if (typing && w.length > 1 && t.startsWith(w)) return 1;
    return 0;
  };
  const near = (w, t) => {
    let p = 0;
    while (p < w.length && p < t.length && w[p] === t[p]) p++;
    return (p === t.length && p > 2) || (p >= 4 && p >= t.length - 1);
  };

  // The terms of the shards a word's forms fall into, as [term, postings].
  const termsOf = async (m, forms) => {
    const seen = new Map();
    for (const f of forms) {
      if (!f) continue;
      for (const [t, p] of Object.entries(await shard(m, f))) seen.set(t, p);
    }
    return [...seen];
  };

  // A spaced word's unit: the terms that are the word, one of its stems or (while it is
  // typed) begin with it.
  const spacedUnit = async (m, word, typing) => {
    const forms = stems(m, word);
    let scored = (await termsOf(m, forms)).map(([t, p]) => [t, quality(word, forms, typing, t), p]);
    if (!scored.some(([, q]) => q >= 3)) {
      scored = scored.map(([t, q, p]) => [t, q || (near(word, t) ? 2 : 0), p]);
    }
    return { word, terms: scored.filter(([, q]) => q) };
  };

  // The units of a run written without spaces: each pair of neighbouring characters, a term
  // the index holds for every pair of the pages (so the run is found wherever the pages' words
  // were cut); one character alone matches the terms it begins.
  const unspacedUnits = async (m, run) => {
    const cs = Array.from(run);
    const out = [];
    for (let i = 0; i < Math.max(1, cs.length - 1); i++) {
      const unit = cs.slice(i, i + 2).join("");
      const terms = await shard(m, unit);
      out.push({
        word: unit,
        terms: Object.keys(terms)
          .map((t) => [t, t === unit ? 4 : cs.length === 1 && t.startsWith(unit) ? 1 : 0, terms[t]])
          .filter(([, q]) => q),
      });
    }
    return out;
  };

  // The query's units, each with the terms it matches: words with spaces, and the pairs of
  // characters of runs without spaces (where the index was made so).
  const units = async (m, query) => {
    const out = [];
    const words = fold(query).split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
    const typingLast = !/[\s\p{P}]$/u.test(query);
    for (const [k, word] of words.entries()) {
      const typing = typingLast && k === words.length - 1;
      const parts = m.segmented ? word.match(RUNS) : [word];
      for (const part of parts) {
        const cs = Array.from(part);
        if (m.segmented && UNSPACED.test(cs[0])) out.push(...await unspacedUnits(m, part));
        else if (cs.length > 1) out.push(await spacedUnit(m, part, typing));
      }
    }
    return out;
  };

  // Pages that answer every unit, best first: first the pages that hold the words (as typed
  // or a stem; then a near form; then words they begin), among those the pages whose title
  // holds them (a title word's score carries the mark 128), then the words as typed above
  // their stems, then by the units' mentions on the page (headings above text) times how rare
  // each unit is (fewer pages, more weight). As `unit_score` in `src/search/mod.rs`.
  const TITLE = 128;
  const unitScore = (best, titled, mentions) =>
    (best >= 3 ? 3 : best) * 1e9 + (titled ? 1e8 : 0) + best * 1e6 + mentions;
  const rank = (found, pages) => {
    let total = null;
    for (const unit of found) {
      const scores = new Map();
      const best = new Map();
      const titled = new Set();
      for (const [, q, postings] of unit.terms) {
        for (let i = 0; i + 1 < postings.length; i += 2) {
          const id = postings[i];
          const s = postings[i + 1];
          scores.set(id, (scores.get(id) || 0) + q * (s & (TITLE - 1)));
          best.set(id, Math.max(best.get(id) || 0, q));
          if (s & TITLE) titled.add(id);
        }
      }
      const rarity = Math.log(1 + (pages || scores.size) / Math.max(1, scores.size));
      const score = (id) => unitScore(best.get(id), titled.has(id), scores.get(id) * rarity);
      total = total === null
        ? new Map([...scores.keys()].map((id) => [id, score(id)]))
        : new Map([...total].filter(([id]) => scores.has(id)).map(([id, s]) => [id, s + score(id)]));
    }
    return [...(total || [])].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  };

  // Where one of `probes` first appears in text as the beginning of a word (anywhere, for an
  // unspaced script): [start, end] in the original text, marked to the end of the word, or null.
  const locate = (text, probes) => {
    let folded = "";
    const at = [];
    for (let i = 0; i < text.length;) {
      const c = String.fromCodePoint(text.codePointAt(i));
      const f = fold(c);
      for (let k = 0; k < f.length; k++) at.push(i);
      folded += f;
      i += c.length;
    }
    at.push(text.length);
    for (const probe of probes) {
      if (!probe) continue;
      const unspaced = UNSPACED.test(probe);
      for (let k = folded.indexOf(probe); k >= 0; k = folded.indexOf(probe, k + 1)) {
        if (!unspaced && k > 0 && LETTER.test(folded[k - 1])) continue;
        let end = k + probe.length;
        while (!unspaced && end < folded.length && LETTER.test(folded[end])) end++;
        return [at[k], at[end]];
      }
    }
    return null;
  };

  // What to look for in a result's text: each word as typed, then the terms it matched,
  // longest first.
  const probesOf = (found) => {
    const probes = found.map((u) => u.word);
    for (const u of found) {
      probes.push(...u.terms.map(([t]) => t).sort((a, b) => b.length - a.length).slice(0, 8));
    }
    return probes;
  };

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };

  const snippet = (text, hit) => {
    const p = el("p", "search-snippet");
    if (!hit) {
      p.textContent = text.slice(0, 160) + (text.length > 160 ? "…" : "");
      return p;
    }
    // About 70 characters before the match and 90 after, cut between words where there are spaces.
    let from = Math.max(0, hit[0] - 70);
    let to = Math.min(text.length, hit[1] + 90);
    const space = text.indexOf(" ", from);
    if (from > 0 && space >= 0 && space < hit[0]) from = space + 1;
    const lastSpace = text.lastIndexOf(" ", to);
    if (to < text.length && lastSpace > hit[1]) to = lastSpace;
    p.append((from > 0 ? "…" : "") + text.slice(from, hit[0]));
    p.append(el("mark", "", text.slice(hit[0], hit[1])));
    p.append(text.slice(hit[1], to) + (to < text.length ? "…" : ""));
    return p;
  };

  const result = (page, probes) => {
    let section = page.x[0] || ["", "", ""];
    let hit = null;
    for (const s of page.x) {
      hit = locate(s[2], probes);
      if (hit || locate(s[1], probes)) {
        section = s;
        break;
      }
    }
    const li = el("li");
    const a = el("a", "search-title", page.t);
    // A title in another direction than the page's keeps its own, isolated from the rest.
    a.dir = "auto";
    a.href = new URL(page.u + (section[0] ? `#${encodeURIComponent(section[0])}` : ""), root).href;
    li.append(a);
    const where = [page.s, section[1]].filter(Boolean).join(" › ");
    if (where) li.append(el("span", "search-section", where));
    li.append(snippet(section[2], hit));
    return li;
  };

  const open = (yes) => {
    list.hidden = !yes || !list.children.length;
    box.classList.toggle("search-open", !list.hidden);
  };

  // Shows the first `shown` results of the last search, and a button for the next ten.
  const show = async () => {
    const mine = run;
    const { m, ids, found } = last;
    // Page texts come in bundles of `m.group` neighbours (one fetch for results side by side).
    const pages = await Promise.all(ids.slice(0, shown).map((id) =>
      get(`p/${Math.floor(id / m.group)}.json.gz`).then((bundle) => bundle[id % m.group])));
    if (mine !== run) return;
    const probes = probesOf(found);
    const items = pages.map((p) => result(p, probes));
    if (ids.length > shown) {
      const li = el("li", "search-more");
      const more = el("button", "", box.dataset.more || "…");
      more.type = "button";
      more.addEventListener("click", () => {
        const next = shown;
        shown += STEP;
        show().then(() => list.querySelectorAll("a")[next]?.focus());
      });
      li.append(more);
      items.push(li);
    }
    list.replaceChildren(...items);
    open(true);
    status.textContent = ids.length ? `${box.dataset.found} ${ids.length}` : box.dataset.none;
  };

  const search = async () => {
    const mine = ++run;
    const query = input.value.trim() ? input.value : "";
    shown = STEP;
    if (!query) {
      list.replaceChildren();
      open(false);
      status.textContent = "";
      return;
    }
    try {
      const m = await loadMeta();
      const found = await units(m, query);
      const ids = found.length ? rank(found, m.pages) : [];
      if (mine !== run) return;
      last = { m, ids, found };
      await show();
    } catch (e) {
      if (mine === run) status.textContent = box.dataset.failed;
    }
  };

  let timer = 0;
  // Loaded because the box was focused: the index is wanted now, and what was typed while
  // this script came is searched at once.
  loadMeta().catch(() => {});
  if (input.value.trim()) search();
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });
  // Back in the box, the results of its query come back.
  input.addEventListener("focus", () => open(true));
  // Results close when the visitor clicks elsewhere or Tab leaves the box.
  document.addEventListener("pointerdown", (e) => {
    if (!box.contains(e.target)) open(false);
  });
  box.addEventListener("focusout", (e) => {
    if (!e.relatedTarget || !box.contains(e.relatedTarget)) open(false);
  });
  // Arrow keys move between the input and the results; Enter in the box opens the first
  // result; Escape closes the results, and a second Escape empties the box.
  box.addEventListener("keydown", (e) => {
    const links = [...list.querySelectorAll("a, button")];
    const i = links.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && links.length) {
      open(true);
      links[Math.min(i + 1, links.length - 1)].focus();
    } else if (e.key === "ArrowUp" && i >= 0) {
      (i === 0 ? input : links[i - 1]).focus();
    } else if (e.key === "Enter" && document.activeElement === input) {
      clearTimeout(timer);
      const first = () => list.querySelector("a");
      if (first()) first().click();
      else search().then(() => first()?.click());
    } else if (e.key === "Escape") {
      const wasOpen = !list.hidden;
      input.focus();
      if (wasOpen) open(false);
      else {
        input.value = "";
        search();
      }
    } else {
      return;
    }
    e.preventDefault();
  });
})();
