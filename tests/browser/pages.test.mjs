// What readers see on every kind of page of the bundled collection: landmarks and
// accessibility (axe-core), keyboard navigation, and screenshots at phone and desktop width.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledSite, seriousViolations, screenshot } from './harness.mjs';

const PAGE_TYPES = {
  home: '/',
  documents: '/documents/',
  document: '/documents/wikipedia-workers-group/',
  collection: '/documents/rogovin-1992/',
  chapter: '/documents/rogovin-1992/chapter-09-the-georgian-incident-and-the-derzhimorda/',
  person: '/people/miasnikov/',
  people: '/people/',
  event: '/events/tenth-party-congress/',
  events: '/events/',
  group: '/groups/workers-group/',
  glossary: '/glossary/',
  term: '/terms/nep/',
  timeline: '/timeline/',
  'timeline year': '/timeline/1922/',
  sources: '/sources/',
  search: '/search/',
};

const env = bundledSite();

test('every page type has no serious or critical accessibility violation', async () => {
  const page = await env.browser.newPage();
  const failures = [];
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    const response = await page.goto(env.site.url + path);
    assert.equal(response.status(), 200, path);
    const violations = await seriousViolations(page);
    if (violations.length) failures.push(`${type} ${path}:\n  ${violations.join('\n  ')}`);
  }
  await page.close();
  assert.deepEqual(failures, [], failures.join('\n'));
});

test('screenshots of each page type at phone and desktop width', async () => {
  for (const [width, height, label] of [[390, 844, 'phone'], [1280, 900, 'desktop']]) {
    const page = await env.browser.newPage({ viewport: { width, height } });
    for (const [type, path] of Object.entries(PAGE_TYPES)) {
      await page.goto(env.site.url + path);
      await screenshot(page, `${type}-${label}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${type} at ${label} width scrolls sideways by ${overflow}px`);
    }
    await page.close();
  }
});

test('the skip link takes the keyboard to the text', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.site.url + PAGE_TYPES.chapter);
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement.textContent.trim());
  assert.equal(first, 'Skip to the text');
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement.id);
  assert.equal(focused, 'main');
  await page.close();
});

test('a chapter can be walked by keyboard alone: Tab reaches the next chapter link', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.site.url + PAGE_TYPES.chapter);
  let reached = null;
  for (let i = 0; i < 2000 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => (document.activeElement.getAttribute('rel') === 'next' ? document.activeElement.getAttribute('href') : null));
  }
  assert.ok(reached, 'Tab never reached the link to the next chapter');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === reached);
  assert.match(await page.title(), /^10\. Fateful Days/);
  await page.close();
});

test("a much-named person's page stays short: its mentions in closed groups with their counts", async () => {
  const page = await env.browser.newPage({ viewport: { width: 1366, height: 900 } });
  const response = await page.goto(env.site.url + '/people/trotsky/');
  const bytes = (await response.body()).length;
  assert.ok(bytes < 300_000, `${bytes} bytes of HTML`);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  assert.ok(height < 5000, `${height}px tall`);
  // A group opens on a click and shows its paragraphs, each leading to its place.
  const group = page.locator('details.mention-group').first();
  await group.locator('summary').click();
  const first = group.locator('.mention-list a').first();
  assert.ok(await first.isVisible());
  assert.match(await first.getAttribute('href'), /#(p|fn)-/);
  await page.close();
});

test("a book's page opens on its contents: the first chapter within the first 900 pixels", async () => {
  const page = await env.browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(env.site.url + '/documents/rogovin-1992/');
  const top = await page.locator('nav.table-of-contents li a').first().evaluate((a) => a.getBoundingClientRect().top + window.scrollY);
  assert.ok(top < 900, `the first entry of the contents is ${top}px down`);
  // The title page's material follows, under a heading of its own.
  assert.equal(await page.locator('section.front-matter h2').textContent(), 'Front matter');
  await page.close();
});
