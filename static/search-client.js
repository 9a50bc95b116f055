// Site search, loaded by search.js when the visitor first focuses the search box (so a page
// costs nothing for search until then). This language's index (built by polydocs, see
// src/search/mod.rs) is fetched from the same site, a piece at a time: meta.json, then one
// shard of terms per query word, then the texts of the results shown (in bundles of
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
  const MAX = 10;
  const IDEOGRAPH = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
  const cache = new Map();
  let meta = null;
  let run = 0;

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
    .replace(/œ/g, "oe").replace(/æ/g, "ae").replace(/ß/g, "ss");

  // FNV-1a over the code points of a term's first two characters (one for an ideograph).
  const shardOf = (term, shards) => {
    const cs = Array.from(term);
    let h = 0x811c9dc5;
    for (const c of cs.slice(0, IDEOGRAPH.test(cs[0]) ? 1 : 2)) {
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

  // How well an index term (a stem) answers a query word; 0 for not at all. Without a
  // stemmer here, a stem that begins the word (accounts → account), or all but its last
  // letter (policy → polici), counts, and so does a term the word begins (while typing).
  const quality = (w, t) => {
    if (t === w) return 4;
    let p = 0;
    while (p < w.length && p < t.length && w[p] === t[p]) p++;
    if (p === t.length && p > 1 && w.length - p <= 4) return 3;
    if (p >= 4 && p >= t.length - 1 && w.length - p <= 4) return 2;
    if (p === w.length) return 1;
    return 0;
  };

  // The query's units, each with the terms it matches: words with spaces, and for
  // ideographs the longest words of the index, left to right.
  const units = async (m, query) => {
    const out = [];
    for (const word of fold(query).split(/[^\p{L}\p{N}]+/u)) {
      const cs = Array.from(word);
      if (!cs.length || (cs.length === 1 && !IDEOGRAPH.test(cs[0]))) continue;
      if (!m.segmented || !IDEOGRAPH.test(word)) {
        const terms = await shard(m, word);
        out.push({ word, terms: Object.keys(terms).map((t) => [t, quality(word, t), terms[t]]) });
        continue;
      }
      for (let i = 0; i < cs.length;) {
        const rest = cs.slice(i).join("");
        const terms = await shard(m, cs[i]);
        let best = "";
        for (const t of Object.keys(terms)) {
          if (t.length > best.length && rest.startsWith(t)) best = t;
        }
        const unit = best || (IDEOGRAPH.test(cs[i]) ? cs[i] : rest);
        i += best ? Array.from(best).length : unit === rest ? cs.length : 1;
        out.push({
          word: unit,
          terms: Object.keys(terms).map((t) => [t, t === unit ? 4 : t.startsWith(unit) ? 1 : 0, terms[t]]),
        });
      }
    }
    return out;
  };

  // Pages that answer every unit, best first.
  const rank = (found) => {
    let total = null;
    for (const unit of found) {
      const scores = new Map();
      for (const [, q, postings] of unit.terms) {
        if (!q) continue;
        for (let i = 0; i + 1 < postings.length; i += 2) {
          scores.set(postings[i], (scores.get(postings[i]) || 0) + q * postings[i + 1]);
        }
      }
      total = total === null ? scores
        : new Map([...total].filter(([id]) => scores.has(id)).map(([id, s]) => [id, s + scores.get(id)]));
    }
    return [...(total || [])].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([id]) => id);
  };

  // Where a unit first appears in text: [start, end] in the original text, or null.
  const locate = (text, words) => {
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
    for (const w of words) {
      // The word, else its stem-like beginning.
      for (const probe of [w, w.slice(0, Math.max(4, w.length - 3))]) {
        const k = folded.indexOf(probe);
        if (k < 0 || !probe) continue;
        // A stem is marked to the end of its word (priorit → priority), not a Chinese word.
        let end = k + probe.length;
        while (!IDEOGRAPH.test(probe) && end < folded.length && /[\p{L}\p{N}]/u.test(folded[end])) end++;
        return [at[k], at[end]];
      }
    }
    return null;
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
    const last = text.lastIndexOf(" ", to);
    if (to < text.length && last > hit[1]) to = last;
    p.append((from > 0 ? "…" : "") + text.slice(from, hit[0]));
    p.append(el("mark", "", text.slice(hit[0], hit[1])));
    p.append(text.slice(hit[1], to) + (to < text.length ? "…" : ""));
    return p;
  };

  const result = (page, words) => {
    let section = page.x[0] || ["", "", ""];
    let hit = null;
    for (const s of page.x) {
      hit = locate(s[2], words);
      if (hit || locate(s[1], words)) {
        section = s;
        break;
      }
    }
    const li = el("li");
    const a = el("a", "search-title", page.t);
    a.href = new URL(page.u + (section[0] ? `#${encodeURIComponent(section[0])}` : ""), root).href;
    li.append(a);
    const where = [page.s, section[1]].filter(Boolean).join(" › ");
    if (where) li.append(el("span", "search-section", where));
    li.append(snippet(section[2], hit));
    return li;
  };

  const search = async () => {
    const mine = ++run;
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      list.hidden = true;
      status.textContent = "";
      return;
    }
    try {
      const m = await loadMeta();
      const found = await units(m, query);
      const ids = found.length ? rank(found) : [];
      // Page texts come in bundles of `m.group` neighbours (one fetch for results side by side).
      const pages = await Promise.all(ids.slice(0, MAX).map((id) =>
        get(`p/${Math.floor(id / m.group)}.json.gz`).then((bundle) => bundle[id % m.group])));
      if (mine !== run) return;
      const words = found.map((u) => u.word);
      list.replaceChildren(...pages.map((p) => result(p, words)));
      list.hidden = !pages.length;
      status.textContent = pages.length ? `${box.dataset.found} ${ids.length}` : box.dataset.none;
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
  // Arrow keys move between the input and the results; Escape empties the search.
  box.addEventListener("keydown", (e) => {
    const links = [...list.querySelectorAll("a")];
    const i = links.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && links.length) {
      links[Math.min(i + 1, links.length - 1)].focus();
    } else if (e.key === "ArrowUp" && i >= 0) {
      (i === 0 ? input : links[i - 1]).focus();
    } else if (e.key === "Escape") {
      input.value = "";
      search();
      input.focus();
    } else {
      return;
    }
    e.preventDefault();
  });
})();
