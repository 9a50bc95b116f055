// Recall of the real search clients on a built site: polydocs' own (typing each query into the
// search box of the language's home page, in Chromium) and Pagefind's (its `pagefind.js` API,
// in the same page), for the same queries. A query counts as found when its page is among the
// first ten results.
//
//   python3 ci/corpus/hexo_site.py target/release/polydocs /tmp/hexo
//   (cd /tmp/hexo && polydocs build)
//   pagefind_extended --site /tmp/hexo/public          # pip install pagefind-bin-extended
//   POLYDOCS_RECALL_QUERIES=/tmp/queries.jsonl cargo test --test suite corpus
//   node bench/search_recall.mjs --site /tmp/hexo/public --queries /tmp/queries.jsonl
//
// playwright-core comes from ci/browser/node_modules (`npm ci --ignore-scripts` there).
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { serveSite, searchResults } from "../ci/browser/site-server.mjs";

const require = createRequire(new URL("../ci/browser/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const site = arg("--site", "public");
const queries = readFileSync(arg("--queries", "queries.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
const SHOWN = 10;

const { origin, close } = await serveSite(site);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage();
const pagefind = existsSync(join(site, "pagefind", "pagefind.js"));
const tally = new Map();
let prefix = null;
for (const q of queries) {
  if (q.prefix !== prefix) {
    prefix = q.prefix;
    await page.goto(`${origin}/${prefix}/`);
    await page.focus("#search-input");
    if (pagefind) await page.evaluate(async () => { window.pf = await import("/pagefind/pagefind.js"); await window.pf.init(); });
  }
  const own = await searchResults(page, q.query);
  const want = `/${prefix}/${q.url}`;
  const t = tally.get(prefix) || { asked: 0, own: 0, pagefind: 0, ownMiss: [], pfMiss: [] };
  t.asked++;
  if (own.slice(0, SHOWN).includes(want)) t.own++; else t.ownMiss.push(q.query);
  if (pagefind) {
    const urls = await page.evaluate(async (query) => {
      const r = await window.pf.search(query);
      const data = await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
      return data.map((d) => new URL(d.url, location.href).pathname.replace(/index\.html$/, ""));
    }, q.query);
    if (urls.includes(want)) t.pagefind++; else t.pfMiss.push(q.query);
  }
  tally.set(prefix, t);
}
await browser.close();
close();
let all = { asked: 0, own: 0, pagefind: 0 };
console.log("language  queries  polydocs  pagefind");
for (const [p, t] of tally) {
  console.log(`${p.padEnd(9)} ${String(t.asked).padStart(7)}  ${String(t.own).padStart(8)}  ${pagefind ? String(t.pagefind).padStart(8) : "       -"}`);
  if (t.ownMiss.length) console.log(`  polydocs missed: ${t.ownMiss.join(", ")}`);
  if (pagefind && t.pfMiss.length) console.log(`  pagefind missed: ${t.pfMiss.slice(0, 12).join(", ")}${t.pfMiss.length > 12 ? " …" : ""}`);
  all.asked += t.asked; all.own += t.own; all.pagefind += t.pagefind;
}
console.log(`all       ${String(all.asked).padStart(7)}  ${String(all.own).padStart(8)}  ${pagefind ? String(all.pagefind).padStart(8) : "       -"}`);
