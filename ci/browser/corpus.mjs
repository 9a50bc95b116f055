// The browser checks on a site built from real documentation written by others (Hexo's docs in
// nine languages, tests/corpus/hexo-docs/, made a polydocs site by ci/corpus/hexo_site.py):
//
// - axe-core (WCAG 2.1 AA) in the light and the dark scheme at 375 px, and no page wider than
//   the screen at 320 and 375 px, on each language's home and the four pages of each language
//   whose code blocks have the longest lines and whose tables are the widest (the pages real
//   content makes hardest to fit);
// - search recall with the real client: each query of a file of queries (one JSON object a line,
//   `{"prefix", "url", "query"}`, as the corpus test writes them with POLYDOCS_RECALL_QUERIES)
//   is typed into the language's search box, and its page must be among the ten results shown;
//   at least `--min-recall` (default 0.99) of each language's queries must find their page.
//
//   node ci/browser/corpus.mjs --site /tmp/hexo/public [--queries /tmp/queries.jsonl]
//
// Exit status 1 when anything fails; the last line is `corpus: N passed, N failed` (pages and
// languages).
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { serveSite, searchResults } from './site-server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = require('axe-core').source;

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const SITE = arg('--site', 'public');
const QUERIES = arg('--queries', null);
const MIN_RECALL = Number(arg('--min-recall', '0.99'));
const PER_LANGUAGE = 4;
let passed = 0;
let failed = 0;
const failures = [];

const { origin, close } = await serveSite(SITE);

// Each language folder's pages, and how hard each is to fit: its longest code line and its
// widest table (in cells of a row).
const languages = readdirSync(SITE).filter((d) => existsSync(join(SITE, d, 'search', 'meta.json')));
const pagesOf = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const p = join(dir, e.name);
  if (e.isDirectory()) return e.name === 'search' ? [] : pagesOf(p);
  return e.name === 'index.html' ? [p] : [];
});
const hardness = (file) => {
  const html = readFileSync(file, 'utf8');
  let longest = 0;
  for (const pre of html.match(/<pre[\s\S]*?<\/pre>/g) || []) {
    for (const line of pre.replace(/<[^>]+>/g, '').split('\n')) longest = Math.max(longest, line.length);
  }
  let widest = 0;
  for (const row of html.match(/<tr[\s\S]*?<\/tr>/g) || []) widest = Math.max(widest, (row.match(/<t[dh][\s>]/g) || []).length);
  return longest + 40 * widest;
};
const sample = languages.flatMap((lang) => {
  const pages = pagesOf(join(SITE, lang)).map((f) => [f, hardness(f)]).sort((a, b) => b[1] - a[1]);
  const chosen = pages.slice(0, PER_LANGUAGE).map(([f]) => f);
  const home = join(SITE, lang, 'index.html');
  return [home, ...chosen.filter((f) => f !== home)];
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 1 });
const page = await context.newPage();

for (const file of sample) {
  const url = `${origin}/${relative(SITE, file).replace(/index\.html$/, '')}`;
  const problems = [];
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(axeSource);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')}`);
    });
    for (const v of violations) problems.push(`axe ${scheme}: ${v}`);
  }
  for (const width of [320, 375]) {
    await page.setViewportSize({ width, height: 812 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > width) problems.push(`${wide} px wide at ${width} px`);
  }
  await page.setViewportSize({ width: 375, height: 812 });
  if (problems.length) {
    failed++;
    failures.push(`FAIL ${url}\n  ${problems.join('\n  ')}`);
  } else {
    passed++;
  }
}

if (QUERIES) {
  const queries = readFileSync(QUERIES, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const byLanguage = new Map();
  for (const q of queries) byLanguage.set(q.prefix, [...(byLanguage.get(q.prefix) || []), q]);
  const report = [];
  for (const [prefix, list] of byLanguage) {
    await page.goto(`${origin}/${prefix}/`);
    await page.focus('#search-input');
    const missed = [];
    for (const q of list) {
      const shown = await searchResults(page, q.query);
      if (!shown.slice(0, 10).includes(`/${prefix}/${q.url}`)) missed.push(q.query);
    }
    const found = list.length - missed.length;
    report.push(`${prefix} ${found}/${list.length}`);
    if (found < MIN_RECALL * list.length) {
      failed++;
      failures.push(`FAIL search recall in ${prefix}: ${found} of ${list.length}; missed ${missed.join(', ')}`);
    } else {
      passed++;
    }
  }
  console.log(`search recall with the real client: ${report.join(', ')}`);
}

await browser.close();
close();
for (const f of failures) console.log(f);
console.log(`pages checked: ${sample.length} (axe light and dark at 375 px, width at 320 and 375 px)`);
console.log(`corpus: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
