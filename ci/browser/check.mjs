#!/usr/bin/env node
// Checks the built site (public/) in a real browser, the way visitors get it from a host.
//
//   node check.mjs [--site DIR] [--config FILE] [--screenshots DIR] [--no-screenshots] [--jobs N]
//
// Serves the site over a local HTTP server (127.0.0.1, under the path of site.yaml's base_url)
// and loads every HTML page in Debian's Chromium (/usr/bin/chromium, driven by playwright-core;
// no browser is ever downloaded). For every page it fails on:
//   - any axe-core violation of WCAG 2.0/2.1 A and AA, in the light and the dark colour scheme,
//     at 1280 px and at 375 px;
//   - any broken internal link or fragment (a[href], link[href], img[src], script[src], and the
//     canonical/alternate URLs under base_url), and any sitemap.xml entry without its page;
//   - sideways scrolling at 320 or 375 px (documentElement.scrollWidth > width), a wide table whose
//     first column does not stay in view while its region scrolls;
//   - a page plus the stylesheets and scripts it loads up front over 40,000 bytes (a script a
//     page adds later, such as the search client on the first focus of the box, is not counted);
//   - any request to another host (web fonts, CDNs, analytics…), any request that fails;
//   - any Nu Html Checker error (vnu.jar --skip-non-html --errors-only, CSS included);
//   - the site's own rules: captions and th scope on plan tables, row-group headers, included and
//     not-included cells in words, the tier page's own column, the language switcher (lang on
//     every link, aria-current on one), a skip link as the first stop, a visible focus ring on
//     every focusable element, decorative icons with alt="", comfortable line length at 1280 px,
//     tables that print whole, printed links that show their address, Traditional Chinese set
//     in a Traditional Chinese font, the same text with JavaScript off;
//   - on the home and a docs page of each language: axe on the search box with its results open
//     and with nothing found (light and dark, desk and phone), results reachable with Tab and the
//     arrow keys with a visible focus ring, Escape closing them.
// It writes screenshots of every page family in every language to screenshots/ and prints a
// summary; the exit status is 1 when anything failed.

import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const started = Date.now();

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
function option(name, fallback) {
  const i = argv.indexOf(name);
  if (i === -1) return fallback;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) usage(`${name} needs a value`);
  return v;
}
function usage(message) {
  if (message) console.error(`check.mjs: ${message}`);
  console.error('usage: node check.mjs [--site DIR] [--config FILE] [--screenshots DIR] [--no-screenshots] [--jobs N]');
  process.exit(2);
}
for (const a of argv) {
  if (a.startsWith('--') && !['--site', '--config', '--screenshots', '--no-screenshots', '--jobs'].includes(a)) usage(`unknown option ${a}`);
}
const SITE = resolve(option('--site', join(here, '..', '..', 'public')));
const CONFIG = resolve(option('--config', join(here, '..', '..', 'site.yaml')));
const SHOTS = argv.includes('--no-screenshots') ? null : resolve(option('--screenshots', join(here, 'screenshots')));
const JOBS = Math.max(1, Number(option('--jobs', '2')) || 2);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const MAX_PAGE_BYTES = 40_000; // a page plus its CSS, uncompressed
const PHONE = 375;
const PHONES = [320, PHONE]; // no sideways scrolling at either width (320 px: 400 % zoom of 1280 px)
const DESK = 1280;
const PRINT_WIDTH = 700; // about an A4 page's printable width in CSS pixels
const MAX_LINE_EM = 45; // widest comfortable measure for running text, in em

if (!existsSync(join(SITE, 'index.html'))) {
  console.error(`check.mjs: ${SITE}/index.html not found; build the site first (cargo run -- build)`);
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.error(`check.mjs: ${CHROMIUM} not found; install Debian's chromium (apt-get install chromium)`);
  process.exit(2);
}

// The site is served under the path of its published address, as the 404 pages expect.
function readBaseUrl() {
  if (!existsSync(CONFIG)) return null;
  const m = readFileSync(CONFIG, 'utf8').match(/^base_url:\s*["']?([^"'\s#]+)["']?/m);
  return m ? m[1] : null;
}
const BASE_URL = readBaseUrl();
let BASE_PATH = '/';
if (BASE_URL) {
  BASE_PATH = BASE_URL.includes('://') ? new URL(BASE_URL).pathname : BASE_URL;
  if (!BASE_PATH.startsWith('/')) BASE_PATH = '/' + BASE_PATH;
  if (!BASE_PATH.endsWith('/')) BASE_PATH += '/';
}
const PUBLIC_BASE = BASE_URL && BASE_URL.includes('://') ? (BASE_URL.endsWith('/') ? BASE_URL : BASE_URL + '/') : null;

// ---------------------------------------------------------------------------------------------
// Findings

const failures = []; // { page, check, reason }
const warnings = [];
const counts = { axe: 0, vnu: 0, links: 0, overflow: 0, requests: 0, size: 0, site: 0 };
function fail(page, check, reason, counter = 'site') {
  failures.push({ page, check, reason });
  counts[counter] = (counts[counter] || 0) + 1;
}
function warn(page, check, reason) {
  warnings.push({ page, check, reason });
}

// ---------------------------------------------------------------------------------------------
// The files

function walk(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}
const files = new Map(); // path relative to SITE, with '/' → size in bytes
for (const f of walk(SITE)) files.set(relative(SITE, f).split(sep).join('/'), statSync(f).size);
const htmlFiles = [...files.keys()].filter((f) => f.endsWith('.html')).sort();

// Language prefixes: the folders that have their own home page.
const prefixes = readdirSync(SITE, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(SITE, d.name, 'index.html')))
  .map((d) => d.name)
  .sort();

// Page families to photograph: a path under each language prefix ('' is the language's home).
const FAMILIES = [
  ['home', ''],
  ['tier', 'tiers/business/'],
  ['compare', 'compare/'],
  ['response-targets', 'response-targets/'],
  ['channels', 'channels/'],
  ['resources', 'resources/'],
  ['hours', 'hours/'],
  ['docs-section', 'docs/'],
  ['docs-page', 'docs/choosing-a-priority/'],
  ['404', '404.html'],
];
const family = new Map(); // html file → [language, family]
family.set('index.html', ['root', 'chooser']);
for (const prefix of prefixes) {
  for (const [name, path] of FAMILIES) {
    const file = `${prefix}/${path.endsWith('.html') ? path : path + 'index.html'}`;
    if (files.has(file)) family.set(file, [prefix, name]);
    else warn(file, 'screenshots', `no ${name} page at ${file} to photograph`);
  }
}

function fileToUrlPath(file) {
  return BASE_PATH + (file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file === 'index.html' ? '' : file);
}

// ---------------------------------------------------------------------------------------------
// The local host

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2',
};

// The file a URL path names, as a static host finds it ('' when it is outside the site).
function urlPathToFile(pathname) {
  if (!pathname.startsWith(BASE_PATH)) return { file: null, why: `outside the site's base path ${BASE_PATH}` };
  let rel;
  try {
    rel = decodeURIComponent(pathname.slice(BASE_PATH.length));
  } catch {
    return { file: null, why: 'undecodable path' };
  }
  if (rel.split('/').includes('..')) return { file: null, why: 'path goes above the site' };
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  if (files.has(rel)) return { file: rel };
  if (files.has(rel + '/index.html')) return { file: null, why: `folder without its trailing slash (${rel}/)` };
  return { file: null, why: 'no such file' };
}

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const { file } = urlPathToFile(url.pathname);
  if (!file || !['GET', 'HEAD'].includes(req.method)) {
    const notFound = join(SITE, '404.html');
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    res.end(req.method === 'GET' && existsSync(notFound) ? readFileSync(notFound) : '');
    return;
  }
  const body = readFileSync(join(SITE, file));
  res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : body);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const ORIGIN = `http://127.0.0.1:${server.address().port}`;

// ---------------------------------------------------------------------------------------------
// The Nu Html Checker, running beside the browser

function runVnu() {
  const jar = require('vnu-jar');
  return new Promise((done) => {
    const args = ['-jar', jar, '--skip-non-html', '--also-check-css', '--errors-only', '--format', 'json', SITE];
    const java = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    java.stdout.on('data', (d) => (out += d));
    java.stderr.on('data', (d) => (err += d));
    java.on('error', (e) => done({ error: `could not run java: ${e.message}` }));
    java.on('close', (code) => {
      // vnu writes its JSON report to stderr.
      const text = err.trim() || out.trim();
      try {
        const report = JSON.parse(text.slice(text.indexOf('{')));
        done({ messages: report.messages || [], code });
      } catch {
        done({ error: `vnu exited with ${code} and no JSON report: ${text.slice(0, 2000)}` });
      }
    });
  });
}
const vnuRun = runVnu();

// ---------------------------------------------------------------------------------------------
// The browser

const { chromium } = await import('playwright-core');
const axeSource = require('axe-core').source;
const profile = mkdtempSync(join(tmpdir(), 'polydocs-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  // A language the site does not have, so the root chooser stays on screen instead of redirecting.
  locale: 'de-DE',
  viewport: { width: DESK, height: 900 },
  deviceScaleFactor: 1,
  colorScheme: 'light',
  reducedMotion: 'no-preference',
});
context.setDefaultTimeout(30_000);

// Nothing may come from another host: every such request fails the run and is never sent.
const requestPage = new WeakMap();
const otherHosts = new Set();
await context.route('**/*', (route) => {
  const req = route.request();
  const url = new URL(req.url());
  if (url.origin === ORIGIN) return route.continue();
  let page = null;
  try {
    page = req.frame().page();
  } catch {
    // a request of no frame (a service worker's, say)
  }
  const who = page ? requestPage.get(page) || '(page)' : '(browser)';
  const key = `${who}\0${req.url()}`;
  if (!otherHosts.has(key)) fail(who, 'other host', `requested ${req.url()} (${req.resourceType()})`, 'requests');
  otherHosts.add(key);
  return route.abort('blockedbyclient');
});

const ids = new Map(); // html file → Set of ids
const linkRefs = []; // { page, kind, url }
const pageBytes = []; // { file, bytes }
let axeRuns = 0;

async function shoot(page, file, variant) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath(file, variant), fullPage: true });
}

function screenshotPath(file, variant) {
  const [lang, name] = family.get(file);
  return join(SHOTS, lang, `${name}-${variant}.png`);
}

async function setScheme(page, colorScheme, media = 'screen') {
  await page.emulateMedia({ media, colorScheme, reducedMotion: 'no-preference' });
}

async function runAxe(page, file, label) {
  axeRuns++;
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations', 'incomplete'],
    });
    const review = r.incomplete.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
    return { review, violations: r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
    })) };
  });
  for (const r of result.review) axeReview.add(`${file}: ${r}`);
  for (const v of result.violations) {
    for (const n of v.nodes) {
      // One finding per page, rule and element, listing the modes it showed up in.
      const key = `${file}\0${v.id}\0${n.target}`;
      const known = axeFindings.get(key);
      if (known) {
        known.modes.push(label);
        continue;
      }
      const finding = { modes: [label], text: `${v.id} (${v.impact}): ${v.help} — ${n.target}\n      ${(n.summary || '').replace(/\n/g, '\n      ')}` };
      axeFindings.set(key, finding);
      failures.push({ page: file, check: 'axe', get reason() { return `[${finding.modes.join(', ')}] ${finding.text}`; } });
      counts.axe++;
    }
  }
}
const axeFindings = new Map();
const axeReview = new Set(); // what axe could not decide (reported, not failed)

// What the page holds, read once at desk width in the light scheme.
function inspect({ maxLineEm }) {
  const out = { ids: [], refs: [], problems: [], warnings: [], scripts: 0, fonts: document.fonts.size };
  for (const el of document.querySelectorAll('[id]')) out.ids.push(el.id);
  for (const el of document.querySelectorAll('a[name]')) out.ids.push(el.getAttribute('name'));
  const grab = (sel, attr, kind) => {
    for (const el of document.querySelectorAll(sel)) {
      const v = el.getAttribute(attr);
      if (v === null) continue;
      out.refs.push({ kind, value: v });
    }
  };
  grab('a[href]', 'href', 'link');
  grab('area[href]', 'href', 'link');
  grab('link[href]', 'href', 'link-element');
  grab('img[src]', 'src', 'image');
  grab('script[src]', 'src', 'script');
  grab('source[src], video[src], audio[src], iframe[src]', 'src', 'media');
  out.stylesheets = [...document.querySelectorAll('link[rel~="stylesheet"]')].map((l) => l.href);
  // The scripts the page loads up front (search-client.js joins them only once the box is focused).
  out.scriptSources = [...document.querySelectorAll('script[src]')].map((s) => s.src);
  out.scripts = document.querySelectorAll('script').length;
  const p = (msg) => out.problems.push(msg);
  const isRoot = !document.querySelector('header.site-header');
  const docLang = document.documentElement.lang;

  // Skip link: the first thing in the page, pointing at an element that exists.
  if (!isRoot) {
    const skip = document.querySelector('a.skip-link');
    if (!skip) p('no skip link');
    else {
      const first = document.querySelector('a[href], button, input, select, textarea, [tabindex]');
      if (first !== skip) p('the skip link is not the first focusable element');
      const target = skip.getAttribute('href');
      if (!target.startsWith('#') || !document.getElementById(decodeURIComponent(target.slice(1)))) p(`skip link target ${target} does not exist`);
    }
  }

  // Language switcher (or the root chooser's list): each language named with its lang.
  const switchLinks = isRoot ? document.querySelectorAll('ul.languages a') : document.querySelectorAll('nav.switcher a');
  if (switchLinks.length === 0) p(isRoot ? 'the language chooser lists no languages' : 'no language switcher');
  let current = 0;
  for (const a of switchLinks) {
    if (!a.getAttribute('lang')) p(`language link "${a.textContent.trim()}" has no lang`);
    if (!a.getAttribute('hreflang')) p(`language link "${a.textContent.trim()}" has no hreflang`);
    if (a.getAttribute('aria-current') === 'page') {
      current++;
      if (a.getAttribute('lang') !== docLang) p(`the current language link says lang="${a.getAttribute('lang')}" on a lang="${docLang}" page`);
    }
  }
  if (!isRoot && switchLinks.length > 1 && current !== 1) p(`the language switcher marks ${current} links with aria-current="page" (expected 1)`);

  // Tables.
  for (const table of document.querySelectorAll('table')) {
    const plan = !table.closest('.prose');
    const where = table.className ? `table.${table.className.split(' ')[0]}` : 'a table';
    const report = plan ? p : (m) => out.warnings.push(m);
    const caption = table.querySelector(':scope > caption');
    if (!caption || !caption.textContent.trim()) report(`${where} has no caption`);
    for (const th of table.querySelectorAll('th')) {
      if (!['col', 'row', 'colgroup', 'rowgroup'].includes(th.getAttribute('scope'))) {
        report(`${where}: header "${th.textContent.trim().slice(0, 40)}" has no scope`);
        break;
      }
    }
    const region = table.closest('[role="region"]');
    if (plan) {
      if (!region || !region.classList.contains('table-scroll')) p(`${where} is not inside a scrolling region`);
      else {
        if (region.getAttribute('tabindex') !== '0') p(`${where}: its scrolling region cannot be focused from the keyboard`);
        const by = region.getAttribute('aria-labelledby');
        if (!(by && caption && caption.id === by) && !region.getAttribute('aria-label')) p(`${where}: its scrolling region is not labelled by the caption`);
      }
    }
    if (table.classList.contains('comparison')) {
      const groups = table.querySelectorAll(':scope > tbody');
      for (const g of groups) {
        if (!g.querySelector('th[scope="rowgroup"]')) p('comparison: a feature group has no row-group header');
      }
      if (!table.querySelector('thead th[scope="colgroup"]')) p('comparison: no paid-tier banner header over its columns');
      for (const td of table.querySelectorAll('td.included, td.none')) {
        const hidden = td.querySelector('.visually-hidden');
        if (!hidden || !hidden.textContent.trim()) { p('comparison: an included/not-included cell has no words for assistive technology'); break; }
      }
    }
    const currentHeads = table.querySelectorAll('thead th.current');
    if (currentHeads.length > 1) p(`${where}: ${currentHeads.length} columns marked as the current tier`);
    for (const th of currentHeads) {
      const tag = th.querySelector('.current-tag');
      if (!tag || !tag.textContent.trim()) p(`${where}: the current tier's column header does not say so in words`);
      else if (getComputedStyle(tag).display === 'none' || tag.getBoundingClientRect().width === 0) p(`${where}: the current tier's words are not visible`);
    }
  }
  // A tier page marks its own column in every tier table.
  if (document.querySelector('main .tier-kind') && document.querySelector('table.comparison') && !document.querySelector('table.comparison thead th.current')) {
    p('tier page: the comparison does not mark this tier\'s column');
  }

  // Decorative channel icons are hidden from assistive technology.
  for (const img of document.querySelectorAll('.channel img, img.icon')) {
    if (img.getAttribute('alt') !== '') p(`decorative icon ${img.getAttribute('src')} has alt="${img.getAttribute('alt')}" (expected alt="")`);
  }

  // Running text keeps a comfortable measure at desk width.
  for (const el of document.querySelectorAll('main p, main li, main dd, main blockquote')) {
    if (el.closest('table, nav, .tier-cards, .channels, .card-list, .highlights')) continue;
    const text = el.textContent.trim();
    if (text.length < 120) continue;
    const em = el.getBoundingClientRect().width / parseFloat(getComputedStyle(el).fontSize);
    if (em > maxLineEm) p(`text "${text.slice(0, 40)}…" runs ${Math.round(em)}em wide (at most ${maxLineEm}em reads comfortably)`);
  }
  // What scripts add on purpose (a code block's copy button) is not text the page reads.
  const main = document.querySelector('main') || document.body;
  const buttons = [...main.querySelectorAll('button.copy')];
  buttons.forEach((b) => { b.hidden = true; });
  out.mainText = main.innerText.replace(/\s+/g, ' ').trim();
  buttons.forEach((b) => { b.hidden = false; });
  return out;
}

// Every focusable element, reached with Tab, shows where the focus is.
async function checkFocus(page, file) {
  const seen = new Set();
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      if (!el.dataset.focusKey) el.dataset.focusKey = String(Math.random());
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2;
      const shadow = cs.boxShadow && cs.boxShadow !== 'none';
      return {
        key: el.dataset.focusKey,
        name: `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.textContent || '').trim().slice(0, 30)}"`,
        visible: outline || shadow,
        onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
        skip: el.classList.contains('skip-link'),
      };
    });
    if (!info) break;
    if (seen.has(info.key)) break;
    if (seen.size === 0 && family.get(file)?.[0] !== 'root' && !info.skip) fail(file, 'focus', `the first Tab stop is ${info.name}, not the skip link`);
    seen.add(info.key);
    if (!info.visible) fail(file, 'focus', `${info.name} shows no focus ring`);
    if (!info.onScreen) fail(file, 'focus', `${info.name} is off screen when focused`);
  }
  await page.evaluate(() => {
    document.activeElement?.blur();
    for (const el of document.querySelectorAll('[data-focus-key]')) delete el.dataset.focusKey;
  });
}

// At phone width: no sideways scrolling, and wide tables scroll in their region with the first
// column kept in view.
async function checkPhone(page, file, width) {
  const r = await page.evaluate((width) => {
    const problems = [];
    const scrollWidth = document.documentElement.scrollWidth;
    const wide = [];
    if (scrollWidth > width) {
      for (const el of document.querySelectorAll('body *')) {
        const b = el.getBoundingClientRect();
        if (b.right > width + 1 && (!el.closest('.table-scroll') || ['absolute', 'fixed'].includes(getComputedStyle(el).position))) wide.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} (right edge ${Math.round(b.right)} px)`);
        if (wide.length > 4) break;
      }
    }
    for (const region of document.querySelectorAll('.table-scroll')) {
      if (region.scrollWidth <= region.clientWidth + 1) continue;
      const rtl = getComputedStyle(region).direction === 'rtl';
      region.scrollLeft = rtl ? -region.scrollWidth : region.scrollWidth;
      const box = region.getBoundingClientRect();
      const edge = rtl ? box.right - region.clientLeft : box.left + region.clientLeft;
      const heads = region.querySelectorAll('tbody th[scope="row"], thead tr:last-child th:first-child');
      for (const th of heads) {
        const b = th.getBoundingClientRect();
        const at = rtl ? b.right : b.left;
        if (Math.abs(at - edge) > 2) {
          problems.push(`table "${region.querySelector('caption')?.textContent.trim()}": its first column scrolls out of view (header "${th.textContent.trim().slice(0, 30)}" ends up ${Math.round(at - edge)} px away)`);
          break;
        }
        const bg = getComputedStyle(th).backgroundColor;
        if (bg === 'transparent' || /rgba\(.*,\s*0\)$/.test(bg)) {
          problems.push(`table "${region.querySelector('caption')?.textContent.trim()}": its sticky first column is see-through`);
          break;
        }
      }
      region.scrollLeft = 0;
    }
    // Content first: on a 375 x 812 phone the page's title starts in the top quarter.
    const h1 = document.querySelector('main h1');
    const top = h1 ? h1.getBoundingClientRect().top + window.scrollY : 0;
    if (width === 375 && top > 812 / 4) problems.push(`the title starts ${Math.round(top)} px down, below the screen's top quarter (203 px)`);
    return { scrollWidth, wide, problems };
  }, width);
  if (r.scrollWidth > width) fail(file, `${width} px`, `the page scrolls sideways: ${r.scrollWidth} px wide${r.wide.length ? ' — ' + r.wide.join(', ') : ''}`, 'overflow');
  for (const m of r.problems) fail(file, `${width} px`, m, 'overflow');
}

// In print: tables fit the page, links to other sites print their address.
async function checkPrint(page, file) {
  await page.setViewportSize({ width: PRINT_WIDTH, height: 1000 });
  await setScheme(page, 'light', 'print');
  const r = await page.evaluate(() => {
    const problems = [];
    for (const region of document.querySelectorAll('.table-scroll')) {
      if (region.scrollWidth > region.clientWidth + 1) problems.push(`table "${region.querySelector('caption')?.textContent.trim()}" is cut off (${region.scrollWidth} px in ${region.clientWidth} px)`);
    }
    if (document.documentElement.scrollWidth > innerWidth + 1) problems.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${innerWidth} px page`);
    for (const a of document.querySelectorAll('main a[href^="http"]')) {
      const after = getComputedStyle(a, '::after').content;
      if (!after || after === 'none' || after === 'normal') { problems.push(`link "${a.textContent.trim()}" does not print its address`); break; }
    }
    for (const el of document.querySelectorAll('.site-header nav, .skip-link')) {
      if (getComputedStyle(el).display !== 'none') { problems.push('navigation is printed'); break; }
    }
    return problems;
  });
  for (const m of r) fail(file, 'print', m);
}

// Traditional Chinese is set in a Traditional Chinese face (not a Simplified or Japanese one).
async function checkHanFont(page, file, cdp) {
  const lang = await page.evaluate(() => document.documentElement.lang);
  if (!/^zh-(hant|tw|hk|mo)/i.test(lang)) return;
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  await cdp.send('CSS.enable');
  for (const sel of ['main h1', 'main p']) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: sel });
    if (!nodeId) continue;
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    const han = fonts.filter((f) => /CJK|Hei|Ming|Song|Kai|PingFang|TC|SC|JP|KR|HK|Gothic/i.test(f.familyName));
    if (han.length === 0) fail(file, 'font', `${sel} shows Chinese in ${fonts.map((f) => f.familyName).join(', ') || 'no font'}`);
    for (const f of han) {
      if (!/(TC|HK|Hant|JhengHei|PingFang TC|Ming)/.test(f.familyName)) fail(file, 'font', `${sel} shows Traditional Chinese in ${f.familyName} (install fonts-noto-cjk; list a Traditional Chinese face first)`);
    }
  }
  await cdp.send('CSS.disable');
}

// The search box with its results open: on a page of each family below, in every language, a
// query that finds something (the page's own title) and one that finds nothing are typed into
// the box; axe runs on each state (light and dark, desk and phone), the results must be
// reachable from the box with Tab and with the arrow keys, each with a visible focus ring, and
// Escape must close them.
const SEARCH_FAMILIES = new Set(['docs-page', 'home']);
const NO_RESULTS = 'qqxzv zzkqj';
let searchStates = 0;

async function openSearch(page, file, query) {
  await page.focus('#search-input');
  // The status of the last search stays until the next one is done: cleared here, so that
  // the wait below is for this query's.
  await page.evaluate(() => { document.querySelector('#search-status').textContent = ''; });
  await page.fill('#search-input', query);
  // Wait until the box says what it found (the status is set once the results are in).
  await page.waitForFunction((q) => {
    const input = document.querySelector('#search-input');
    const status = document.querySelector('#search-status');
    return input.value === q && status.textContent.trim() !== '';
  }, query, { timeout: 10_000 });
  return page.evaluate(() => {
    const box = document.querySelector('[data-search]');
    const list = document.querySelector('#search-results');
    return {
      status: document.querySelector('#search-status').textContent.trim(),
      found: box.dataset.found, none: box.dataset.none, failed: box.dataset.failed,
      shown: !list.hidden && list.getBoundingClientRect().height > 0,
      links: list.querySelectorAll('li a[href]').length,
      // Whether a result is this page (its own title was searched).
      self: [...list.querySelectorAll('li a[href]')]
        .some((a) => new URL(a.href).pathname === location.pathname),
    };
  });
}

async function checkSearch(page, file) {
  const url = ORIGIN + fileToUrlPath(file);
  await page.setViewportSize({ width: DESK, height: 900 });
  await setScheme(page, 'light');
  await page.goto(url, { waitUntil: 'load' });
  const box = await page.$('[data-search]:not([hidden]) #search-input');
  if (!box) {
    fail(file, 'search', 'no search box shown (with scripts on)');
    return;
  }
  const title = (await page.textContent('main h1, h1')).trim();
  await page.evaluate(axeSource);
  const variant = (name) => SHOTS && family.has(file) ? shoot(page, file, name) : null;

  // A query with results.
  const open = await openSearch(page, file, title);
  searchStates++;
  if (open.status === open.failed) fail(file, 'search', `searching "${title}" failed: "${open.status}"`);
  else if (!open.shown || open.links === 0) fail(file, 'search', `searching the page's own title "${title}" shows no results ("${open.status}")`);
  else if (!open.self) fail(file, 'search', `searching the page's own title "${title}" does not list the page itself`);
  else {
    await runAxe(page, file, `search results, ${DESK} px light`);
    await variant(`search-${DESK}-light`);
    await setScheme(page, 'dark');
    await runAxe(page, file, `search results, ${DESK} px dark`);
    await page.setViewportSize({ width: PHONE, height: 812 });
    await runAxe(page, file, `search results, ${PHONE} px dark`);
    await setScheme(page, 'light');
    await runAxe(page, file, `search results, ${PHONE} px light`);
    await variant(`search-${PHONE}-light`);
    await page.setViewportSize({ width: DESK, height: 900 });

    // Keyboard: Tab from the box reaches the first result, the arrow keys walk the list and
    // come back to the box, every result shows its focus and is on screen when focused.
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      const links = [...document.querySelectorAll('#search-results a')];
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        id: el.id, index: links.indexOf(el), count: links.length,
        visible: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || (cs.boxShadow && cs.boxShadow !== 'none'),
        onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
      };
    });
    await page.focus('#search-input');
    await page.keyboard.press('Tab');
    let f = await focused();
    if (f.index !== 0) fail(file, 'search', 'Tab from the search box does not reach the first result');
    await page.focus('#search-input');
    for (let i = 0; i < open.links; i++) {
      await page.keyboard.press('ArrowDown');
      f = await focused();
      if (f.index !== i) { fail(file, 'search', `ArrowDown ${i + 1} time(s) from the box does not reach result ${i + 1}`); break; }
      if (!f.visible) { fail(file, 'search', `result ${i + 1} shows no focus ring`); break; }
      if (!f.onScreen) { fail(file, 'search', `result ${i + 1} is off screen when focused`); break; }
    }
    for (let i = 0; i < open.links; i++) await page.keyboard.press('ArrowUp');
    f = await focused();
    if (f.id !== 'search-input') fail(file, 'search', 'ArrowUp from the first result does not come back to the search box');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('#search-results').hidden, null, { timeout: 5000 })
      .catch(() => fail(file, 'search', 'Escape does not close the results'));
  }

  // A query without results: the box says so, in words, and shows no empty list.
  const none = await openSearch(page, file, NO_RESULTS);
  searchStates++;
  if (none.status !== none.none) fail(file, 'search', `searching "${NO_RESULTS}" says "${none.status}" (expected "${none.none}")`);
  if (none.shown) fail(file, 'search', `searching "${NO_RESULTS}" shows an open results list`);
  await runAxe(page, file, `no search results, ${DESK} px light`);
  await setScheme(page, 'dark');
  await page.setViewportSize({ width: PHONE, height: 812 });
  await runAxe(page, file, `no search results, ${PHONE} px dark`);
  await setScheme(page, 'light');
  await page.setViewportSize({ width: DESK, height: 900 });
}

async function checkPage(page, noJs, cdp, file) {
  requestPage.set(page, file);
  const url = ORIGIN + fileToUrlPath(file);
  const shots = SHOTS && family.has(file);
  if (shots) mkdirSync(dirname(screenshotPath(file, 'x')), { recursive: true });

  const pageErrors = [];
  const onError = (e) => pageErrors.push(e.message);
  const onResponse = (res) => {
    if (res.status() >= 400 && new URL(res.url()).origin === ORIGIN && res.url() !== url) fail(file, 'request', `${res.url()} answered ${res.status()}`, 'links');
  };
  page.on('pageerror', onError);
  page.on('response', onResponse);

  await page.setViewportSize({ width: DESK, height: 900 });
  await setScheme(page, 'light');
  const response = await page.goto(url, { waitUntil: 'load' });
  if (!response || response.status() !== 200) fail(file, 'load', `answered ${response ? response.status() : 'nothing'}`);
  if (page.url() !== url) fail(file, 'load', `went on to ${page.url()}`);

  const info = await page.evaluate(inspect, { maxLineEm: MAX_LINE_EM });
  ids.set(file, new Set(info.ids));
  for (const ref of info.refs) linkRefs.push({ page: file, pageUrl: url, ...ref });
  for (const m of info.problems) fail(file, 'site', m);
  for (const m of info.warnings) warn(file, 'site', m);
  if (info.fonts > 0) fail(file, 'fonts', `the page declares ${info.fonts} web font(s)`);

  // Weight: the page, its stylesheets and scripts, uncompressed.
  let bytes = files.get(file);
  for (const href of [...info.stylesheets, ...info.scriptSources]) {
    const u = new URL(href);
    const target = u.origin === ORIGIN ? urlPathToFile(u.pathname).file : null;
    if (target) bytes += files.get(target);
  }
  pageBytes.push({ file, bytes });
  if (bytes > MAX_PAGE_BYTES) fail(file, 'size', `${bytes} bytes with its CSS and scripts (limit ${MAX_PAGE_BYTES})`, 'size');

  await page.evaluate(axeSource);
  await runAxe(page, file, `${DESK} px light`);
  if (shots) await shoot(page, file, `${DESK}-light`);
  await checkFocus(page, file);
  await checkHanFont(page, file, cdp);

  await setScheme(page, 'dark');
  await runAxe(page, file, `${DESK} px dark`);
  if (shots) await shoot(page, file, `${DESK}-dark`);

  await page.setViewportSize({ width: PHONE, height: 812 });
  await runAxe(page, file, `${PHONE} px dark`);
  if (shots) await shoot(page, file, `${PHONE}-dark`);
  await setScheme(page, 'light');
  await page.setViewportSize({ width: PHONES[0], height: 812 });
  await checkPhone(page, file, PHONES[0]);
  await page.setViewportSize({ width: PHONE, height: 812 });
  await checkPhone(page, file, PHONE);
  await runAxe(page, file, `${PHONE} px light`);
  if (shots) await shoot(page, file, `${PHONE}-light`);

  await checkPrint(page, file);
  if (shots && ['compare', 'tier'].includes(family.get(file)[1])) await shoot(page, file, 'print');
  await setScheme(page, 'light');

  // Nothing needs JavaScript to be read: the same words with scripts off.
  requestPage.set(noJs, file);
  await noJs.goto(url, { waitUntil: 'load' });
  const plain = await noJs.evaluate(() => (document.querySelector('main') || document.body).innerText.replace(/\s+/g, ' ').trim());
  if (plain !== info.mainText) fail(file, 'no script', 'the page reads differently without JavaScript');

  if (SEARCH_FAMILIES.has(family.get(file)?.[1]) && existsSync(join(SITE, file.split('/')[0], 'search'))) await checkSearch(page, file);

  for (const m of pageErrors) fail(file, 'script error', m);
  page.off('pageerror', onError);
  page.off('response', onResponse);
}

// The chooser sends a visitor on to their language when scripts run.
async function checkRedirect(page) {
  const target = prefixes.find((p) => p !== 'en') || prefixes[0];
  if (!target) return;
  const tag = await (async () => {
    const html = readFileSync(join(SITE, 'index.html'), 'utf8');
    const m = html.match(new RegExp(`href="${target}/"[^>]*\\slang="([^"]+)"`)) || html.match(new RegExp(`lang="([^"]+)"[^>]*href="${target}/"`));
    return m ? m[1] : null;
  })();
  if (!tag) {
    fail('index.html', 'chooser', `no link to ${target}/ with its lang on the root page`);
    return;
  }
  await page.addInitScript((t) => Object.defineProperty(navigator, 'languages', { get: () => [t] }), tag);
  requestPage.set(page, 'index.html');
  await page.goto(ORIGIN + BASE_PATH, { waitUntil: 'load' });
  await page.waitForURL(`${ORIGIN}${BASE_PATH}${target}/`, { timeout: 5000 }).catch(() => {});
  if (page.url() !== `${ORIGIN}${BASE_PATH}${target}/`) fail('index.html', 'chooser', `a ${tag} visitor stays on ${page.url()} instead of going to ${target}/`);
}

const queue = [...htmlFiles];
async function worker() {
  const page = await context.newPage();
  const noJs = await context.newPage();
  const noJsCdp = await context.newCDPSession(noJs);
  await noJsCdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  const cdp = await context.newCDPSession(page);
  for (let file = queue.shift(); file; file = queue.shift()) {
    try {
      await checkPage(page, noJs, cdp, file);
    } catch (e) {
      fail(file, 'checker', `could not check the page: ${e.message.split('\n')[0]}`);
    }
  }
  await page.close();
  await noJs.close();
}
await Promise.all(Array.from({ length: Math.min(JOBS, htmlFiles.length) }, worker));
const redirectPage = await context.newPage();
await checkRedirect(redirectPage).catch((e) => fail('index.html', 'chooser', e.message.split('\n')[0]));
await context.close();
rmSync(profile, { recursive: true, force: true });
server.close();

// ---------------------------------------------------------------------------------------------
// Links and fragments

let linksChecked = 0;
let externalLinks = 0;
for (const ref of linkRefs) {
  const raw = ref.value.trim();
  let u;
  try {
    u = new URL(raw, ref.pageUrl);
  } catch {
    fail(ref.page, 'link', `unparsable ${ref.kind} "${raw}"`, 'links');
    continue;
  }
  if (['mailto:', 'tel:'].includes(u.protocol)) continue;
  if (!['http:', 'https:'].includes(u.protocol)) {
    fail(ref.page, 'link', `${ref.kind} "${raw}" uses ${u.protocol}`, 'links');
    continue;
  }
  let pathname;
  if (u.origin === ORIGIN) pathname = u.pathname;
  else if (PUBLIC_BASE && u.href.startsWith(PUBLIC_BASE)) pathname = BASE_PATH + u.href.slice(PUBLIC_BASE.length).replace(/[?#].*$/, '');
  else {
    externalLinks++;
    continue;
  }
  linksChecked++;
  const { file, why } = urlPathToFile(pathname);
  if (!file) {
    fail(ref.page, 'link', `${ref.kind} "${raw}" is broken: ${why}`, 'links');
    continue;
  }
  if (u.hash && u.hash !== '#' && file.endsWith('.html')) {
    const id = decodeURIComponent(u.hash.slice(1));
    const known = ids.get(file);
    if (known && !known.has(id)) fail(ref.page, 'link', `${ref.kind} "${raw}": ${file} has no id "${id}"`, 'links');
  }
}

// The sitemap names only pages that exist.
if (files.has('sitemap.xml') && PUBLIC_BASE) {
  const xml = readFileSync(join(SITE, 'sitemap.xml'), 'utf8');
  for (const m of xml.matchAll(/(?:<loc>|href=")([^<"]+)/g)) {
    const href = m[1].replace(/&amp;/g, '&');
    linksChecked++;
    if (!href.startsWith(PUBLIC_BASE)) {
      fail('sitemap.xml', 'link', `${href} is not under ${PUBLIC_BASE}`, 'links');
      continue;
    }
    const { file, why } = urlPathToFile(BASE_PATH + href.slice(PUBLIC_BASE.length));
    if (!file) fail('sitemap.xml', 'link', `${href} is broken: ${why}`, 'links');
  }
}

// ---------------------------------------------------------------------------------------------
// Nu Html Checker results

const vnu = await vnuRun;
if (vnu.error) fail('(all)', 'vnu', vnu.error, 'vnu');
else {
  for (const m of vnu.messages) {
    if (m.type !== 'error' && !(m.type === 'non-document-error')) continue;
    const where = m.url ? relative(SITE, fileURLToPath(m.url)).split(sep).join('/') : '(vnu)';
    fail(where, 'vnu', `${m.lastLine ? `line ${m.lastLine}: ` : ''}${m.message}${m.extract ? ` — ${JSON.stringify(m.extract.trim().slice(0, 120))}` : ''}`, 'vnu');
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const byPage = new Map();
for (const f of failures) {
  if (!byPage.has(f.page)) byPage.set(f.page, []);
  byPage.get(f.page).push(f);
}
for (const [page, list] of [...byPage].sort()) {
  console.log(`\nFAIL ${page}`);
  for (const f of list) console.log(`  [${f.check}] ${f.reason}`);
}
if (axeReview.size && process.env.AXE_REVIEW) {
  console.log('\naxe left these for review (not failures):');
  for (const r of axeReview) console.log(`  ${r}`);
}
if (warnings.length) {
  const seen = new Set();
  console.log('\nWarnings (not failures):');
  for (const w of warnings) {
    const line = `  ${w.page}: [${w.check}] ${w.reason}`;
    if (!seen.has(line)) console.log(line);
    seen.add(line);
  }
}
pageBytes.sort((a, b) => b.bytes - a.bytes);
const largest = pageBytes[0] || { file: '-', bytes: 0 };
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`
Browser checks of ${relative(process.cwd(), SITE) || '.'} (served at ${ORIGIN}${BASE_PATH}, Chromium ${CHROMIUM})
  pages checked:         ${htmlFiles.length} (${prefixes.length} languages: ${prefixes.join(', ')}; axe runs: ${axeRuns})
  axe violations:        ${counts.axe} (${axeReview.size} element(s) axe left for review)
  search states checked: ${searchStates} (results open and none found, axe and keyboard)
  vnu errors:            ${counts.vnu}
  broken links:          ${counts.links} (${linksChecked} internal links and fragments checked, ${externalLinks} links to other sites not followed)
  overflowing at ${PHONES.join('/')} px: ${counts.overflow}
  other-host requests:   ${counts.requests}
  pages over ${MAX_PAGE_BYTES} B:   ${counts.size}
  site rules broken:     ${counts.site}
  largest page:          ${largest.bytes} bytes with its CSS and scripts (${largest.file})
  screenshots:           ${SHOTS ? relative(process.cwd(), SHOTS) || '.' : 'off'}
  time:                  ${seconds} s
${failures.length ? `FAILED: ${failures.length} problem(s)` : 'OK: no problems'}`);
// The closing line CI reads: pages that passed every check, and pages that did not.
const failedPages = new Set(failures.map((f) => f.page));
const passedPages = htmlFiles.filter((f) => !failedPages.has(f)).length;
console.log(`browser: ${passedPages} passed, ${htmlFiles.length - passedPages} failed`);
process.exit(failures.length ? 1 : 0);
