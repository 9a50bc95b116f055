// What the browser checks of built sites share: a static server for an output folder on
// 127.0.0.1, and a query typed into a page's search box as a visitor types it.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' };

/// Serves `site` on a free port of 127.0.0.1; resolves to `{ origin, close }`.
export async function serveSite(site) {
  const server = createServer((req, res) => {
    let path = join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
    if (!existsSync(path)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(path)] || 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/// Types `query` into the search box of the open page and gives the paths of the results
/// shown, once the box says what it found (its status is cleared first, so the wait is for
/// this query's).
export function searchResults(page, query) {
  return page.evaluate(async (q) => {
    const input = document.querySelector('#search-input');
    const status = document.querySelector('#search-status');
    status.textContent = '';
    input.value = q;
    input.dispatchEvent(new Event('input'));
    for (let i = 0; i < 400 && !status.textContent; i++) await new Promise((r) => setTimeout(r, 25));
    return [...document.querySelectorAll('#search-results a')].map((a) => new URL(a.href).pathname);
  }, query);
}
