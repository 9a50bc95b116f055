#!/usr/bin/env node
// Photographs the shipped theme on a large site: a search with its results open in French and
// Traditional Chinese, a page with highlighted code, and a paginated section, each at 375 and
// 1280 px in the light and the dark colour scheme.
//
//   python3 bench/scale.py ... (or any build of the shipped site with bench pages)
//   node bench/screens.mjs --site /path/to/output --out /tmp/screens
//
// Uses the playwright-core of ci/browser (run `npm ci --ignore-scripts` there first) and
// Debian's Chromium. The site is served from 127.0.0.1 at its root.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'ci', 'browser', 'package.json'));
const { chromium } = require('playwright-core');

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i === -1 ? fallback : argv[i + 1];
};
const SITE = resolve(option('--site', join(here, '..', 'public')));
const OUT = resolve(option('--out', join(here, 'screens')));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.gz': 'application/gzip', '.svg': 'image/svg+xml', '.xml': 'application/xml',
};

const server = createServer((req, res) => {
  let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path.endsWith('/')) path += 'index.html';
  const file = join(SITE, path);
  if (!file.startsWith(SITE) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

// A page with a highlighted block, and a section with more than one list page.
const firstWith = (dir, test) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      const found = firstWith(path, test);
      if (found) return found;
    } else if (name === 'index.html' && test(path)) {
      return path;
    }
  }
  return null;
};
const rel = (file) => '/' + file.slice(SITE.length + 1).replace(/index\.html$/, '');
const code = firstWith(join(SITE, 'en'), (f) => readFileSync(f, 'utf8').includes('<pre class="highlight">'));
const paginated = firstWith(join(SITE, 'fr'), (f) => f.includes('/page/2/'));

const shots = [
  { name: 'search-fr', path: '/fr/', query: 'délais' },
  { name: 'search-zh-tw', path: '/zh-tw/', query: '支援' },
  ...(code ? [{ name: 'code-en', path: rel(code), hash: 'pre' }] : []),
  ...(paginated ? [{ name: 'section-page-2-fr', path: rel(paginated), hash: 'nav.pagination' }] : []),
];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
mkdirSync(OUT, { recursive: true });
for (const shot of shots) {
  for (const width of [375, 1280]) {
    for (const scheme of ['light', 'dark']) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      await page.goto(origin + shot.path);
      if (shot.query) {
        await page.fill('#search-input', shot.query);
        await page.waitForSelector('#search-results li', { timeout: 15_000 });
      } else if (shot.hash) {
        await page.locator(shot.hash).first().scrollIntoViewIfNeeded();
      }
      const file = join(OUT, `${shot.name}-${width}-${scheme}.png`);
      await page.screenshot({ path: file });
      console.log(`${file}  (${origin}${shot.path})`);
      await page.close();
    }
  }
}
await browser.close();
server.close();
