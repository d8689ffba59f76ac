// `annals serve` as an editor sees it in the browser: the warnings of the build served
// wait behind a button in a corner, and show over the page on request.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, launch } from './harness.mjs';

const env = {};

/** `annals serve` on a copy of the basic fixture; resolves to its address once it serves. */
function startServe() {
  const root = mkdtempSync(join(tmpdir(), 'annals-serve-'));
  cpSync(join(repoRoot, 'tests', 'fixtures', 'basic'), root, { recursive: true });
  const bin = process.env.ANNALS_BIN || join(repoRoot, 'target', 'debug', 'annals');
  const child = spawn(bin, ['serve', '--port', '0', '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let said = '';
    child.stdout.on('data', (chunk) => {
      said += chunk;
      const found = said.match(/Serving (http:\/\/\S+?)\/?\s/);
      if (found) resolve({ url: found[1], child });
    });
    child.on('exit', (code) => reject(new Error(`annals serve exited (${code}):\n${said}`)));
  });
}

before(async () => {
  env.server = await startServe();
  env.browser = await launch();
});
after(async () => {
  await env.browser?.close();
  env.server?.child.kill();
});

test('the build\'s warnings are shown on request and hidden with Escape', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.server.url}/documents/letter/`);
  const button = page.locator('#annals-warnings');
  await button.waitFor();
  assert.equal(await button.textContent(), '3 warnings');
  assert.equal(await page.locator('#annals-problems').count(), 0, 'nothing covers the page unasked');

  await button.click();
  const overlay = page.locator('#annals-problems');
  await overlay.waitFor();
  const text = await overlay.textContent();
  assert.match(text, /content\/documents\/letter\.md:15: note \[\^lost\] is cited but its text is missing/);
  assert.match(text, /help: add a line/);
  assert.equal(await button.getAttribute('aria-expanded'), 'true');

  await page.keyboard.press('Escape');
  assert.equal(await overlay.count(), 0);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  await page.close();
});
