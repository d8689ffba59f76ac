// annals' own search (static/search-index.js over search/index/) against Pagefind's, on one
// built site, in headless Chromium (Debian's package, driven by the browser suite's
// playwright-core). Nothing is fetched from the network: the site is served on loopback.
//
//   node scripts/bench/search-compare.mjs DIR      # DIR: a built site, with DIR/pagefind/ if
//                                                  # Pagefind is to be compared
//
// Two measurements, chosen with MODE (both by default):
//
//   MODE=hits   the queries of tests/browser/search-queries.json (QUERIES=… for another set)
//               through both engines in one page: a hit is a query one of whose top five
//               results is a page it expects (a result's URL starts with an expected prefix;
//               for Pagefind, which finds pages, the page's path is compared and fragments are
//               ignored on both sides). Prints each engine's total and its misses. With
//               COPIES=1, for a site made by scripts/bench/scale.py (where each page has
//               copies that differ from it only by a number, and tie with it), a copy of an
//               expected page counts as well: people/miasnikov-7/ for people/miasnikov/; the
//               hits of the page itself are printed too.
//   MODE=first  the cost of a reader's first query: in a fresh browser context (empty cache),
//               the engine's module imported, its index opened, one query run and its top
//               five records read. Prints the median wall time of RUNS runs (5; one more
//               before them is not counted) from the import to the records, the part of it
//               spent before the query (import and open), the requests and the bytes the
//               server sent for them (gzip'd, as a static host sends text files, and as
//               stored). Each query is measured on a desktop CPU, on a CPU slowed four times
//               (CDP Emulation.setCPUThrottlingRate, a phone), and on that CPU with
//               DevTools' "Fast 4G" network (165 ms latency, 8.1 Mbit/s down).
//
// Pagefind searches in a Web Worker, and CDP's CPU throttling slows the page's main thread
// only, not a worker (its network emulation does reach the worker): "pagefind-main" is
// Pagefind told not to use a worker (its option noWorker), so that all its work is slowed
// as a phone would slow it. Its time to the query ("open ms") is the import alone: its
// init() returns before it has fetched anything.
//
// ENGINES="annals pagefind pagefind-main" (the default: Pagefind only where
// DIR/pagefind/pagefind.js is; hits are counted for annals and pagefind only),
// FIRST_QUERIES="Miasnikov|Kronstadt revolt" (separated by |), PROFILES="desktop cpu4 cpu4-4g",
// LABEL=x1 (printed in front of each line), DETAIL=1 (each first query's requests listed),
// CHROMIUM=/usr/bin/chromium.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// playwright-core is installed for the browser suite (npm ci --prefix tests/browser).
const { chromium } = createRequire(join(repoRoot, 'tests', 'browser', 'package.json'))('playwright-core');

const dir = resolve(process.argv[2] ?? '');
if (!process.argv[2] || !existsSync(join(dir, 'search', 'index', 'meta.json'))) {
  console.error('usage: node scripts/bench/search-compare.mjs DIR   (DIR: a site built by annals)');
  process.exit(2);
}
const modes = (process.env.MODE || 'hits first').split(/\s+/);
const hasPagefind = existsSync(join(dir, 'pagefind', 'pagefind.js'));
const engines = (process.env.ENGINES || (hasPagefind ? 'annals pagefind pagefind-main' : 'annals')).split(/\s+/);
const queriesFile = process.env.QUERIES || join(repoRoot, 'tests', 'browser', 'search-queries.json');
const firstQueries = (process.env.FIRST_QUERIES || 'Miasnikov|Kronstadt revolt').split('|');
const profileNames = (process.env.PROFILES || 'desktop cpu4 cpu4-4g').split(/\s+/);
const runs = Number(process.env.RUNS || 5);
const label = process.env.LABEL || '';
const detail = Boolean(process.env.DETAIL);
const copies = Boolean(process.env.COPIES);

// The conditions a first query is measured under. The network is DevTools' "Fast 4G" preset.
const PROFILES = {
  desktop: {},
  cpu4: { cpu: 4 },
  'cpu4-4g': { cpu: 4, network: { latency: 165, downloadThroughput: (9e6 / 8) * 0.9, uploadThroughput: (1.5e6 / 8) * 0.9 } },
};

// ---------------------------------------------------------------------------------------------
// The server: DIR as a static host serves it, text files gzip'd when the browser accepts it
// (Pagefind's own files are gzip'd already and are sent as they are), plus an empty page to
// start from. Each response's bytes are logged, so that a measurement can sum them.

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
};
const COMPRESSED = new Set(['.html', '.css', '.js', '.json', '.xml', '.svg', '.txt', '.wasm']);
const BLANK = '/__bench__/blank.html';
const gzipped = new Map();
const log = [];

function serve(root) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (path === BLANK) {
      response.writeHead(200, { 'content-type': TYPES['.html'] }).end('<!DOCTYPE html><html lang="en"><meta charset="utf-8"><title>bench</title></html>');
      return;
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return void response.writeHead(400).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      log.push({ path, status: 404, raw: 0, sent: 0 });
      return void response.writeHead(404).end();
    }
    const body = readFileSync(file);
    const ext = extname(file);
    const headers = { 'content-type': TYPES[ext] || 'application/octet-stream', 'cache-control': 'max-age=3600' };
    let sent = body;
    if (COMPRESSED.has(ext) && /\bgzip\b/.test(request.headers['accept-encoding'] || '')) {
      sent = gzipped.get(file) ?? gzipSync(body, { level: 6 });
      gzipped.set(file, sent);
      headers['content-encoding'] = 'gzip';
    }
    log.push({ path, status: 200, raw: body.length, sent: sent.length });
    response.writeHead(200, headers).end(sent);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      done({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((closed) => server.close(closed)) });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// The engines, as run in the page: each opens its index and answers a query with the URLs of
// its top five results (relative to the site's root, without the leading slash).

/** In the page: annals' client opened, then each query's top five URLs. */
async function annalsTopFive(queries) {
  const { SearchIndex } = await import(`${location.origin}/search-index.js`);
  const index = await SearchIndex.open('/');
  const tops = [];
  for (const query of queries) {
    const found = await index.search(query);
    tops.push((await index.records(found.ids.slice(0, 5))).map((record) => record.url));
  }
  return tops;
}

/** In the page: Pagefind's client opened, then each query's top five URLs. */
async function pagefindTopFive(queries) {
  const pagefind = await import(`${location.origin}/pagefind/pagefind.js`);
  await pagefind.init();
  const tops = [];
  for (const query of queries) {
    const found = await pagefind.search(query);
    const data = await Promise.all(found.results.slice(0, 5).map((result) => result.data()));
    tops.push(data.map((page) => page.url.replace(/^\//, '')));
  }
  return tops;
}

/** In the page: a first query, timed from the import of the engine to its top five records. */
async function firstQuery([engine, query]) {
  const started = performance.now();
  let urls;
  let opened;
  if (engine === 'annals') {
    const { SearchIndex } = await import(`${location.origin}/search-index.js`);
    const index = await SearchIndex.open('/');
    opened = performance.now();
    const found = await index.search(query);
    urls = (await index.records(found.ids.slice(0, 5))).map((record) => record.url);
  } else {
    const pagefind = await import(`${location.origin}/pagefind/pagefind.js`);
    if (engine === 'pagefind-main') await pagefind.options({ noWorker: true });
    await pagefind.init();
    opened = performance.now();
    const found = await pagefind.search(query);
    urls = (await Promise.all(found.results.slice(0, 5).map((result) => result.data()))).map((page) => page.url);
  }
  return { ms: performance.now() - started, openMs: opened - started, urls };
}

const TOP_FIVE = { annals: annalsTopFive, pagefind: pagefindTopFive };

// ---------------------------------------------------------------------------------------------

const withoutFragment = (url) => url.replace(/#.*$/, '');
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether one of `urls` is one of the pages `expect` names (or, with `copies`, a copy of one:
 * scale.py names the copies of a page by a number after a folder's name, `miasnikov-7/`).
 */
function isHit(engine, urls, expect, copies = false) {
  const prefixes = engine === 'annals' ? expect : expect.map(withoutFragment);
  const patterns = prefixes.map((wanted) => new RegExp(`^${wanted.split('/').map(escape).join(copies ? '(?:-\\d+)?/' : '/')}`));
  return urls.some((url) => patterns.some((pattern) => pattern.test(engine === 'annals' ? url : withoutFragment(url))));
}

async function hits(browser, site) {
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8'));
  const page = await browser.newPage();
  await page.goto(site.url + BLANK);
  for (const engine of engines.filter((name) => TOP_FIVE[name])) {
    const tops = await page.evaluate(TOP_FIVE[engine], queries.map((q) => q.query));
    const results = queries.map((q, i) => ({ ...q, urls: tops[i] }));
    const misses = results.filter((q) => !isHit(engine, q.urls, q.expect, copies));
    const own = results.filter((q) => isHit(engine, q.urls, q.expect)).length;
    console.log(`${label} ${engine}: ${queries.length - misses.length} of ${queries.length} queries find their page ${copies ? 'or a copy of it ' : ''}in the top five${copies ? ` (${own} the page itself)` : ''}`);
    for (const miss of misses) {
      console.log(`  miss: ${miss.query} (${miss.kind}) → ${miss.urls.join(' ') || 'nothing'} (wanted ${miss.expect.join(' or ')})`);
    }
  }
  await page.close();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** One first query in a fresh context: its times, its top five and what it fetched. */
async function measureOnce(browser, site, engine, query, profile) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url + BLANK);
  const cdp = await context.newCDPSession(page);
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  }
  log.length = 0;
  const result = await page.evaluate(firstQuery, [engine, query]);
  const fetched = log.splice(0);
  await context.close();
  return {
    ...result,
    requests: fetched.length,
    sent: fetched.reduce((sum, r) => sum + r.sent, 0),
    raw: fetched.reduce((sum, r) => sum + r.raw, 0),
    failed: fetched.filter((r) => r.status !== 200).map((r) => r.path),
    fetched,
  };
}

async function first(browser, site) {
  console.log(`${label} first query: median of ${runs} runs, each in a fresh context; bytes as sent (gzip'd text) and as stored`);
  console.log(['scale', 'engine', 'query', 'profile', 'ms', 'open ms', 'requests', 'KB sent', 'KB stored', 'first result'].join(' | '));
  for (const profileName of profileNames) {
    const profile = PROFILES[profileName];
    if (!profile) throw new Error(`unknown profile ${profileName}`);
    for (const query of firstQueries) {
      for (const engine of engines) {
        await measureOnce(browser, site, engine, query, profile); // warm-up: server, disk, Chromium
        const measured = [];
        for (let i = 0; i < runs; i++) measured.push(await measureOnce(browser, site, engine, query, profile));
        const last = measured[measured.length - 1];
        if (last.failed.length) console.log(`  (not found: ${last.failed.join(' ')})`);
        if (detail) for (const r of last.fetched) console.log(`  ${r.path} ${r.sent} B sent, ${r.raw} B stored`);
        console.log([
          label, engine, query, profileName,
          median(measured.map((m) => m.ms)).toFixed(0),
          median(measured.map((m) => m.openMs)).toFixed(0),
          last.requests,
          (last.sent / 1024).toFixed(1),
          (last.raw / 1024).toFixed(1),
          last.urls[0] ?? 'nothing',
        ].join(' | '));
      }
    }
  }
}

const site = await serve(dir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // The flags of the browser suite (tests/browser/harness.mjs): this machine's network is closed.
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  if (modes.includes('hits')) await hits(browser, site);
  if (modes.includes('first')) await first(browser, site);
} finally {
  await browser.close();
  await site.close();
}
