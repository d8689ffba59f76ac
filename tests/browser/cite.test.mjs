// "Cite this" on a source's page (static/cite.js): the page's citation in each style, and a
// paragraph's when the address names one, as a reader copies it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledSite, seriousViolations } from './harness.mjs';

const CHAPTER = '/documents/rogovin-1992/chapter-09-the-georgian-incident-and-the-derzhimorda/';

const env = bundledSite();

async function citation(page, selector) {
  return page.locator(`details.cite-this ${selector}`).evaluate((e) => e.textContent.replace(/\s+/g, ' ').trim());
}

test('a paragraph is cited by its address and number once its ¶ link is followed', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.site.url + CHAPTER);
  await page.locator('details.cite-this > summary').click();
  const whole = await citation(page, '[data-style="chicago"]');
  assert.match(whole, /Rogovin/);
  assert.ok(whole.endsWith(`${CHAPTER}.`), whole);
  // The third paragraph's ¶ link, as a reader follows it.
  await page.locator('#p-3 > a.anchor').click();
  await page.waitForFunction(() => location.hash === '#p-3');
  const chicago = await citation(page, '[data-style="chicago"]');
  assert.ok(chicago.includes(`para. 3.`), chicago);
  assert.ok(chicago.endsWith(`${CHAPTER}#p-3.`), chicago);
  const csl = JSON.parse(await citation(page, '[data-format="csl-json"]'));
  assert.equal(csl[0].locator, '3');
  assert.ok(csl[0].URL.endsWith('#p-3'), csl[0].URL);
  assert.match(await citation(page, '[data-format="ris"]'), /SP - para\. 3 ER -$/);
  // Back to the whole page.
  await page.locator('details.cite-this a.cite-page').click();
  assert.equal(await citation(page, '[data-style="chicago"]'), whole);
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});
