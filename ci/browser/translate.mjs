// Translate mode in a real browser (`polydocs serve --translate fr`), on a copy of the site:
//
// - a missing message on an fr page is marked missing; picked with the mouse, its panel shows
//   the source; a typed mistake (an unknown variable) is reported and cannot be saved; a good
//   translation is saved with Ctrl+Enter, the page reloads showing it, and the .ftl file is
//   byte for byte what it was before the message was taken out (only that message added);
// - an outdated paragraph of a page (its English source reworded) is marked outdated, its
//   panel shows the change, and a save replaces exactly that paragraph of the French page;
// - `n` goes to the next text left to do; Escape closes the panel;
// - a page of another origin in the same browser cannot post an edit (no token, wrong origin);
// - `--translate` with a non-loopback `--bind` is refused.
//
//   node ci/browser/translate.mjs --polydocs target/debug/polydocs [--site .] [--screenshots DIR]
//
// Exit status 1 when anything fails; the last line is `translate: N passed, N failed`.
import { mkdtempSync, cpSync, readFileSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = require('axe-core').source;

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const POLYDOCS = resolve(arg('--polydocs', 'target/debug/polydocs'));
const SITE = resolve(arg('--site', '.'));
const SHOTS = arg('--screenshots', null);
let passed = 0;
let failed = 0;
const check = (ok, what) => {
  if (ok) passed++;
  else { failed++; console.log(`FAIL ${what}`); }
};

// A copy of the site, with a message taken out of fr and a paragraph of the source reworded.
const work = mkdtempSync(join(tmpdir(), 'pd-translate-'));
const root = join(work, 'site');
mkdirSync(root);
for (const part of ['site.yaml', 'content', 'locales', 'templates', 'static']) {
  cpSync(join(SITE, part), join(root, part), { recursive: true });
}
const ftl = join(root, 'locales/fr/ui.ftl');
const originalFtl = readFileSync(ftl, 'utf8');
const entry = 'footer-note = Ce site est proposé en plusieurs langues.\n';
writeFileSync(ftl, originalFtl.replace(entry, ''));
const enHours = join(root, 'content/en/hours.md');
writeFileSync(enHours, readFileSync(enHours, 'utf8').replace('organised into four regions', 'organised into four support regions'));
const frHours = join(root, 'content/fr/hours.md');
const frBefore = readFileSync(frHours, 'utf8');

// Non-loopback bind: refused before anything is served.
const refused = spawnSync(POLYDOCS, ['--root', root, 'serve', '--translate', 'fr', '--bind', '0.0.0.0', '--port', '0'], { encoding: 'utf8', timeout: 60000 });
check(refused.status !== 0 && /loopback/.test(refused.stderr), `--bind 0.0.0.0 with --translate is refused (status ${refused.status}: ${refused.stderr})`);

const serve = spawn(POLYDOCS, ['--root', root, 'serve', '--translate', 'fr', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
serve.stderr.on('data', (d) => { log += d; });
const origin = await new Promise((done, fail) => {
  let out = '';
  const timer = setTimeout(() => fail(new Error(`serve did not start:\n${out}\n${log}`)), 120000);
  serve.stdout.on('data', (d) => {
    out += d;
    const m = /Serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
    if (m) { clearTimeout(timer); done(m[1]); }
  });
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const shot = async (page, name) => {
  if (SHOTS) { mkdirSync(SHOTS, { recursive: true }); await page.screenshot({ path: join(SHOTS, name) }); }
};

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  // 1. A missing message.
  await page.goto(`${origin}/fr/`);
  await page.waitForSelector('.pd-bar');
  const missing = page.locator('[data-pd-m="footer-note"]').first();
  check(await missing.getAttribute('data-pd-state') === 'missing', 'footer-note is marked missing');
  await shot(page, 'translate-page-1280.png');
  await missing.click();
  await page.waitForSelector('.pd-panel #pd-value');
  const source = await page.locator('.pd-source').first().textContent();
  check(source.includes('This site is available in several languages.'), `the panel shows the source (${source})`);
  await page.fill('#pd-value', 'Ce site est proposé en { $nombre } langues.');
  await page.waitForSelector('.pd-problem.pd-error', { timeout: 15000 });
  const problem = await page.locator('.pd-problem.pd-error').first().textContent();
  check(/nombre/.test(problem), `an unknown variable is reported (${problem})`);
  check(await page.locator('.pd-save').isDisabled(), 'a translation with an error cannot be saved');
  await shot(page, 'translate-panel-missing-1280.png');
  // The editor itself (bar, panel, outlines) is accessible, in both schemes.
  await page.evaluate(axeSource);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    check(violations.length === 0, `axe ${scheme} with the panel open: ${violations.join('; ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.fill('#pd-value', 'Ce site est proposé en plusieurs langues.');
  await page.waitForFunction(() => !document.querySelector('.pd-save').disabled, null, { timeout: 15000 });
  const reloaded = page.waitForEvent('load', { timeout: 30000 });
  await page.locator('#pd-value').press('Control+Enter');
  await reloaded;
  await page.waitForSelector('.pd-bar');
  const footer = await page.locator('[data-pd-m="footer-note"]').first();
  check((await footer.textContent()).includes('Ce site est proposé en plusieurs langues.'), 'the page shows the saved message');
  check(await footer.getAttribute('data-pd-state') === 'translated', 'the saved message is marked translated');
  check(readFileSync(ftl, 'utf8') === originalFtl, 'the .ftl file has exactly that message added, where the source orders it');

  // 2. An outdated paragraph.
  await page.goto(`${origin}/fr/hours/`);
  await page.waitForSelector('.pd-bar');
  const outdated = page.locator('[data-pd-block][data-pd-state="outdated"]');
  check(await outdated.count() === 1, `one block is outdated (${await outdated.count()})`);
  await outdated.first().click();
  await page.waitForSelector('.pd-panel .pd-diff ins');
  const diff = await page.locator('.pd-panel .pd-diff').textContent();
  check(/support/.test(diff), `the panel shows what changed (${diff})`);
  await shot(page, 'translate-panel-outdated-1280.png');
  const old = await page.inputValue('#pd-value');
  const reworded = 'L’assistance Adobe s’organise en quatre régions d’assistance.';
  await page.fill('#pd-value', reworded);
  const reloaded2 = page.waitForEvent('load', { timeout: 30000 });
  await page.click('.pd-save');
  await reloaded2;
  await page.waitForSelector('.pd-bar');
  check(readFileSync(frHours, 'utf8') === frBefore.replace(old, reworded), 'only that paragraph of the French page changed');
  check((await page.content()).includes('quatre régions d’assistance.'), 'the page shows the new paragraph');
  await page.keyboard.press('Escape');
  check(await page.locator('.pd-panel').count() === 0, 'Escape closes the panel');
  await page.keyboard.press('n');
  await page.waitForSelector('.pd-panel');
  const picked = await page.evaluate(() => document.querySelector('.pd-current')?.getAttribute('data-pd-state'));
  check(['missing', 'outdated', 'same-as-source'].includes(picked), `n goes to a text left to do (${picked})`);
  await page.keyboard.press('Escape');

  // 3. Another origin in the same browser cannot post an edit.
  const other = createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html');
    res.end('<!DOCTYPE html><title>other</title><p>other site</p>');
  });
  await new Promise((done) => other.listen(0, '127.0.0.1', done));
  const otherOrigin = `http://127.0.0.1:${other.address().port}`;
  await page.goto(`${otherOrigin}/`);
  const status = await page.evaluate(async (target) => {
    const body = JSON.stringify({ id: 'footer-note', value: 'piraté', base: '' });
    try {
      const r = await fetch(`${target}/__polydocs/translate/save`, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body });
      return r.type;
    } catch (e) { return 'blocked'; }
  }, origin);
  other.close();
  check(readFileSync(ftl, 'utf8') === originalFtl, `a cross-site POST writes nothing (${status})`);
  const direct = await fetch(`${origin}/__polydocs/translate/save`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ id: 'footer-note', value: 'x', base: '' }) });
  check(direct.status === 403, `a POST without the token is refused (${direct.status})`);

  // 4. The translator's home, and a phone.
  await page.goto(`${origin}/__polydocs/translate/`);
  check((await page.locator('h1').textContent()).includes('Translating'), 'the translator\'s home answers');
  await shot(page, 'translate-home-1280.png');
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 } });
  const small = await phone.newPage();
  await small.goto(`${origin}/fr/compare/`);
  await small.waitForSelector('.pd-bar');
  await shot(small, 'translate-page-375.png');
  await small.locator('main [data-pd-m]:visible').first().click();
  await small.waitForSelector('.pd-panel');
  const width = await small.evaluate(() => document.querySelector('.pd-panel').getBoundingClientRect().width);
  check(width <= 375, `the panel fits a phone (${width} px)`);
  await shot(small, 'translate-panel-375.png');
  check(errors.length === 0, `no script error (${errors.join('; ')})`);
} catch (e) {
  failed++;
  console.log(`FAIL ${e.stack}\n${log}`);
} finally {
  await browser.close();
  serve.kill();
  rmSync(work, { recursive: true, force: true });
}
console.log(`translate: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
