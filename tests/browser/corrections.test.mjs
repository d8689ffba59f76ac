// The editor's corrections as a reader meets them: the page reads as corrected, the
// source's reading shows when a corrected word is focused, and all of them at once when
// the reader asks under "Corrections".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledSite, seriousViolations } from './harness.mjs';

const env = bundledSite();

test("a corrected word shows the source's reading on focus, and every one on request", async () => {
  const page = await env.browser.newPage();
  await page.goto(env.site.url + '/documents/avrich-1984/');
  const first = page.locator('#em-1');
  const source = first.locator('.emend-source');
  assert.equal(await first.locator('.emend-reading').innerText(), 'Lenin’s');
  assert.equal(await source.isVisible(), false, 'the page reads as corrected');
  await first.focus();
  assert.equal(await source.isVisible(), true, 'focus shows what the source has');
  assert.equal(await source.innerText(), 'Lanin’s');
  await page.locator('#p-3').click();
  assert.equal(await source.isVisible(), false);
  const listed = page.locator('.correction-list li');
  assert.ok((await listed.count()) >= 40, `${await listed.count()} corrections listed`);
  await page.locator('label[for="show-source-readings"]').click();
  const shown = await page.locator('.document-body .emend-source').evaluateAll(
    (all) => all.filter((e) => getComputedStyle(e).display !== 'none').length,
  );
  assert.equal(shown, await page.locator('.document-body .emend-source').count());
  // The list leads to the word.
  await listed.first().locator('a').click();
  await page.waitForFunction(() => location.hash === '#em-1');
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});
