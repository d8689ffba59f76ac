// Notes read in place (static/notes.js) and the pages of works cited: a note marker shows
// its note in a popover on hover and on keyboard focus, Escape closes it, and the works
// pages have no serious accessibility violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledSite, seriousViolations, repoRoot, buildSite, serve } from './harness.mjs';

const CHAPTER = '/documents/rogovin-1992/chapter-09-the-georgian-incident-and-the-derzhimorda/';

const env = bundledSite();

/** A screen narrower than the margin notes need: notes are popovers there. */
const NARROW = { viewport: { width: 1000, height: 800 } };

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
  const page = await env.browser.newPage(NARROW);
  await page.goto(env.site.url + CHAPTER);
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
  const page = await env.browser.newPage(NARROW);
  await page.goto(env.site.url + CHAPTER);
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

test('on a touch screen the first tap on a marker shows its note; the second follows the link', async () => {
  const context = await env.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(env.site.url + CHAPTER);
  const marker = page.locator('sup.note-ref:not(.missing) > a').first();
  const href = await marker.getAttribute('href');
  await marker.tap();
  await page.waitForSelector('#note-popover:not([hidden])');
  const expected = await noteText(page, href.slice(1));
  const shown = await popover(page);
  assert.ok(shown && shown.includes(expected.slice(0, 40)), `${shown} lacks ${expected}`);
  assert.equal(await page.evaluate(() => location.hash), '', 'the first tap stays in the text');
  await marker.tap();
  await page.waitForFunction((h) => location.hash === h, href);
  await context.close();
});

test('without JavaScript a marker is a plain link to its note', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.site.url + CHAPTER);
  const marker = page.locator('sup.note-ref:not(.missing) > a').first();
  const href = await marker.getAttribute('href');
  await marker.click();
  await page.waitForFunction((h) => location.hash === h, href);
  assert.equal(await page.locator('#note-popover').count(), 0);
  await context.close();
});

test('the works cited have no serious or critical accessibility violation', async () => {
  const page = await env.browser.newPage(NARROW);
  const failures = [];
  for (const path of ['/sources/', '/sources/by-title/', '/sources/lenin-collected-works/', '/sources/avrich-1984/']) {
    const response = await page.goto(env.site.url + path);
    assert.equal(response.status(), 200, path);
    const violations = await seriousViolations(page);
    if (violations.length) failures.push(`${path}:\n  ${violations.join('\n  ')}`);
  }
  // A page with a popover open, too.
  await page.goto(env.site.url + CHAPTER);
  await page.locator('sup.note-ref:not(.missing) > a').first().hover();
  const violations = await seriousViolations(page);
  if (violations.length) failures.push(`${CHAPTER} with a popover:\n  ${violations.join('\n  ')}`);
  await page.close();
  assert.deepEqual(failures, [], failures.join('\n'));
});

test('notes stand in the margin on a wide screen and are popovers on a phone, with targets a finger can tap', async () => {
  const wide = await env.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await wide.goto(env.site.url + CHAPTER);
  await wide.waitForSelector('.sidenote');
  const side = await wide.evaluate(() => {
    const notes = [...document.querySelectorAll('.sidenote')];
    const body = document.querySelector('.document-body > p').getBoundingClientRect();
    const first = notes[0].getBoundingClientRect();
    const overlaps = notes.some((n, i) => i > 0 && n.getBoundingClientRect().top < notes[i - 1].getBoundingClientRect().bottom);
    return { count: notes.length, visible: first.width > 0, beside: first.left >= body.right, overlaps };
  });
  assert.ok(side.count > 5 && side.visible && side.beside && !side.overlaps, JSON.stringify(side));
  await wide.locator('sup.note-ref:not(.missing) > a').first().hover();
  assert.equal(await popover(wide), null, 'no popover beside side notes');
  await wide.close();
  const context = await env.browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
  const phone = await context.newPage();
  await phone.goto(env.site.url + CHAPTER);
  assert.equal(await phone.locator('.sidenote').count(), 0);
  // WCAG 2.5.8: a target at least 24 by 24 CSS pixels.
  const sizes = await phone.evaluate(() => [...document.querySelectorAll('sup.note-ref > a')].slice(0, 20).map((a) => {
    const box = a.getBoundingClientRect();
    return [Math.round(box.width), Math.round(box.height)];
  }));
  assert.ok(sizes.every(([w, h]) => w >= 24 && h >= 24), JSON.stringify(sizes));
  await phone.locator('sup.note-ref:not(.missing) > a').first().tap();
  await phone.waitForSelector('#note-popover:not([hidden])');
  await context.close();
});

test('with [notes] display = "popover", notes are popovers on a wide screen too', async () => {
  const root = mkdtempSync(join(tmpdir(), 'annals-popover-'));
  cpSync(join(repoRoot, 'content'), join(root, 'content'), { recursive: true });
  const config = readFileSync(join(repoRoot, 'site.toml'), 'utf8');
  writeFileSync(join(root, 'site.toml'), `${config}\n[notes]\ndisplay = "popover"\n`);
  const popoverSite = await serve(buildSite(root));
  try {
    const wide = await env.browser.newPage({ viewport: { width: 1400, height: 900 } });
    await wide.goto(popoverSite.url + CHAPTER);
    assert.equal(await wide.locator('.sidenote').count(), 0);
    await wide.locator('sup.note-ref:not(.missing) > a').first().hover();
    await wide.waitForSelector('#note-popover:not([hidden])');
    await wide.close();
  } finally {
    await popoverSite.close();
  }
});
