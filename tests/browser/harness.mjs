// The shared harness of the browser tests: builds a site with the annals binary, serves
// the output on loopback with a small static server, and drives Debian's Chromium
// headless through playwright-core. Nothing is downloaded: the browser is the system's.
import { spawnSync } from 'node:child_process';
import { before, after } from 'node:test';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, statSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..');
export const outputDir = join(here, 'output');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// The flags this machine's closed network needs (see the environment notes): no background
// networking, no component updates, no sync.
const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/**
 * The bundled collection built, served and opened in a browser for the tests of one file, and
 * closed after them. The site is built once per run: tests/browser.rs builds it and passes
 * its folder in ANNALS_BUILT_SITE (a file run on its own builds it itself).
 */
export function bundledSite() {
  const env = {};
  before(async () => {
    env.dir = process.env.ANNALS_BUILT_SITE || buildSite();
    env.site = await serve(env.dir);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}

/** Builds the site at `root` into a fresh temporary folder and returns its path. */
export function buildSite(root = repoRoot) {
  const bin = process.env.ANNALS_BIN || join(repoRoot, 'target', 'debug', 'annals');
  const out = mkdtempSync(join(tmpdir(), 'annals-browser-'));
  const result = spawnSync(bin, ['build', '--root', root, '--output', join(out, 'public')], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`annals build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return join(out, 'public');
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
};

/** Serves `dir` on 127.0.0.1 on a free port; resolves to { url, close }. */
export function serve(dir) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      response.writeHead(400).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': TYPES['.html'] }).end(readFileSync(join(dir, '404.html')));
      return;
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

/** Headless Chromium, Debian's package. */
export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

/** axe-core's serious and critical violations on the page, as readable lines. */
export async function seriousViolations(page) {
  const axeSource = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
}

/** Saves a screenshot under tests/browser/output/. */
export async function screenshot(page, name) {
  mkdirSync(outputDir, { recursive: true });
  await page.screenshot({ path: join(outputDir, `${name}.png`), fullPage: false });
}
