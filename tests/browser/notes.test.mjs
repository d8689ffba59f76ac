// Notes read in place (static/notes.js) and the pages of works cited: a note marker shows
// its note in a popover on hover and on keyboard focus, Escape closes it, and the works
// pages have no serious accessibility violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { buildSite, serve, launch, seriousViolations } from './harness.mjs';

const CHAPTER = '/documents/rogovin-1992/chapter-09-the-georgian-incident-and-the-derzhimorda/';

let site;
let browser;

before(async () => {
  site = await serve(buildSite());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

/** The text of note `id` in the list at the end, without its back links. */
async function noteText(page, id) {
  return page.evaluate((id) => {
    const note = document.getElementById(id).cloneNode(true);
    note.querySelectorAll('.backref, .backrefs, .note-cites').forEach((e) => e.remove());
    return note.textContent.replace(/\s+/g, ' ').trim();
  }, id);
}

async function popover(page) {
  return page.evaluate(() => {
    const p = document.getElementById('note-popover');
    return p && !p.hidden ? p.textContent.replace(/\s+/g, ' ').trim() : null;
  });
}

test('hovering a note marker shows the note in a popover', async () => {
  const page = await browser.newPage();
  await page.goto(site.url + CHAPTER);
  const marker = page.locator('sup.note-ref:not(.missing) > a').first();
  const id = (await marker.getAttribute('href')).slice(1);
  const expected = await noteText(page, id);
  assert.ok(expected.length > 10, expected);
  await marker.hover();
  await page.waitForSelector('#note-popover:not([hidden])');
  const shown = await popover(page);
  assert.ok(shown.includes(expected.slice(0, 40)), `${shown} lacks ${expected}`);
  assert.equal(await page.locator('#note-popover').getAttribute('role'), 'tooltip');
  await page.mouse.move(0, 0);
  await page.waitForSelector('#note-popover[hidden]', { state: 'attached' });
  await page.close();
});

test('focusing a marker by keyboard shows its note as the description; Escape closes it', async () => {
  const page = await browser.newPage();
  await page.goto(site.url + CHAPTER);
  let href = null;
  for (let i = 0; i < 400 && !href; i++) {
    await page.keyboard.press('Tab');
    href = await page.evaluate(() => {
      const a = document.activeElement;
      return a && a.getAttribute('role') === 'doc-noteref' ? a.getAttribute('href') : null;
    });
  }
  assert.ok(href, 'Tab never reached a note marker');
  const shown = await popover(page);
  const expected = await noteText(page, href.slice(1));
  assert.ok(shown && shown.includes(expected.slice(0, 40)), `${shown} lacks ${expected}`);
  const describedBy = await page.evaluate(() => document.activeElement.getAttribute('aria-describedby'));
  assert.equal(describedBy, 'note-popover');
  await page.keyboard.press('Escape');
  assert.equal(await popover(page), null);
  const stillFocused = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.equal(stillFocused, href, 'Escape leaves the focus on the marker');
  await page.keyboard.press('Enter');
  await page.waitForFunction((h) => location.hash === h, href);
  await page.close();
});

test('without JavaScript a marker is a plain link to its note', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url + CHAPTER);
  const marker = page.locator('sup.note-ref:not(.missing) > a').first();
  const href = await marker.getAttribute('href');
  await marker.click();
  await page.waitForFunction((h) => location.hash === h, href);
  assert.equal(await page.locator('#note-popover').count(), 0);
  await context.close();
});

test('the works cited have no serious or critical accessibility violation', async () => {
  const page = await browser.newPage();
  const failures = [];
  for (const path of ['/sources/', '/sources/by-title/', '/sources/lenin-collected-works/', '/sources/avrich-1984/']) {
    const response = await page.goto(site.url + path);
    assert.equal(response.status(), 200, path);
    const violations = await seriousViolations(page);
    if (violations.length) failures.push(`${path}:\n  ${violations.join('\n  ')}`);
  }
  // A page with a popover open, too.
  await page.goto(site.url + CHAPTER);
  await page.locator('sup.note-ref:not(.missing) > a').first().hover();
  const violations = await seriousViolations(page);
  if (violations.length) failures.push(`${CHAPTER} with a popover:\n  ${violations.join('\n  ')}`);
  await page.close();
  assert.deepEqual(failures, [], failures.join('\n'));
});
