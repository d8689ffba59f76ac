// How long after a save the edited page shows the edit in the browser (BENCHMARKS.md):
// `annals serve` (release) on a copy of a site, a headless Chromium on the edited document's
// page, then EDITS saves of one word of a paragraph; for each, the time from the file's write
// to the page showing the new word (the server rebuilds, the page reloads, the browser
// draws it). Prints each time and the median.
//
//   node scripts/bench/on-screen.mjs [SITE]     # default: the bundled collection
//   EDITS=10 PAGE=documents/avrich-1984/ FILE=content/documents/avrich-1984.md node …
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// The browser suite's Chromium, launched with its flags (playwright-core is its package).
const { launch } = await import(join(repo, 'tests', 'browser', 'harness.mjs'));

const source = process.argv[2] || repo;
const edits = Number(process.env.EDITS || 8);
const pagePath = process.env.PAGE || 'documents/avrich-1984/';
const file = process.env.FILE || 'content/documents/avrich-1984.md';
const words = ['mounting', 'growing'];

const root = mkdtempSync(join(process.env.BENCH_DIR || '/dev/shm', 'annals-on-screen-'));
for (const part of ['site.toml', 'content', 'templates', 'static', 'paragraphs.lock']) {
  try { cpSync(join(source, part), join(root, part), { recursive: true }); } catch { /* absent */ }
}
const bin = process.env.ANNALS_BIN || join(repo, 'target', 'release', 'annals');
const server = spawn(bin, ['serve', '--port', '0', '--root', root], { stdio: ['ignore', 'pipe', 'inherit'] });
// When the server last said it rebuilt: the save → rebuilt part of each time.
let rebuiltAt = 0;
const url = await new Promise((resolve, reject) => {
  let said = '';
  server.stdout.on('data', (chunk) => {
    if (String(chunk).includes('Rebuilt')) rebuiltAt = performance.now();
    said += chunk;
    const found = said.match(/Serving (http:\/\/\S+?)\/?\s/);
    if (found) resolve(found[1]);
  });
  server.on('exit', (code) => reject(new Error(`annals serve exited (${code}):\n${said}`)));
});

const browser = await launch();
const page = await browser.newPage();
await page.goto(`${url}/${pagePath}`);
const path = join(root, file);
const times = [];
const rebuilt = [];
try {
  for (let i = 0; i < edits; i++) {
    const text = readFileSync(path, 'utf8');
    const [from, to] = text.includes(`Under ${words[0]} pressures`) ? words : [words[1], words[0]];
    if (!text.includes(`Under ${from} pressures`)) throw new Error(`no "Under ${from} pressures" in ${file}`);
    const shown = page.waitForFunction(
      (word) => document.body && document.body.innerText.includes(`Under ${word} pressures`),
      to,
      { timeout: 30000, polling: 'raf' },
    );
    const saved = performance.now();
    writeFileSync(path, text.replace(`Under ${from} pressures`, `Under ${to} pressures`));
    await shown;
    times.push(Math.round(performance.now() - saved));
    rebuilt.push(Math.round(rebuiltAt - saved));
    await new Promise((r) => setTimeout(r, 500));
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(root, { recursive: true, force: true });
}
const sorted = [...times].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]
  : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
console.log(`save → rebuilt (ms, as the server said it): ${rebuilt.join(' ')}`);
console.log(`save → on screen (ms): ${times.join(' ')}; median ${median}`);
