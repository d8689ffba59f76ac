// Search as a reader uses it: the search page queries the site's own index (search/index/) of env.dir served at env.site.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledSite, seriousViolations } from './harness.mjs';

const env = bundledSite();

/** Types `words` in the search page and returns the results' titles and links. */
async function search(page, words, kind = '') {
  if (!page.url().includes('/search/')) await page.goto(`${env.site.url}/search/`);
  await page.waitForSelector('#search-form[data-ready]');
  await page.evaluate(() => { document.getElementById('search-status').textContent = ''; });
  if (kind) await page.selectOption('#search-kind', kind);
  await page.fill('#search-query', words);
  await page.waitForFunction(() => document.getElementById('search-status').textContent.length > 0, null, { timeout: 10000 });
  return page.$$eval('#search-results > li > a', (links) => links.map((a) => ({ title: a.textContent, href: a.getAttribute('href') })));
}

test('searching Miasnikov leads to his page', async () => {
  const page = await env.browser.newPage();
  const results = await search(page, 'Miasnikov');
  assert.ok(results.length > 0, 'no result');
  assert.match(results[0].href, /\/people\/miasnikov\//, JSON.stringify(results.slice(0, 3)));
  await page.click('#search-results > li:first-child > a');
  await page.waitForURL(/\/people\/miasnikov\//);
  assert.equal(await page.textContent('h1'), "Gavriil Il'ich Miasnikov");
  await page.close();
});

test('the Russian and the other English spelling find him too', async () => {
  const page = await env.browser.newPage();
  for (const words of ['Мясников', 'Myasnikov']) {
    const results = await search(page, words);
    assert.ok(results.some((r) => /\/people\/miasnikov\//.test(r.href)), `${words}: ${JSON.stringify(results.slice(0, 5))}`);
  }
  await page.close();
});

test('a phrase from a note of chapter 9 finds that note', async () => {
  const page = await env.browser.newPage();
  const results = await search(page, 'Dubinsky-Mukhadze Ordzhonikidze', 'Note');
  const note = results.find((r) => r.href.includes('chapter-09-') && r.href.includes('#fn-'));
  assert.ok(note, JSON.stringify(results.slice(0, 5)));
  assert.match(note.title, /^Note \d+ · .*9\. The “Georgian Incident”/);
  await page.goto(env.site.url + note.href);
  const id = note.href.split('#')[1];
  const text = await page.textContent(`li#${id}`);
  assert.match(text, /I\. Dubinsky-Mukhadze, Ordzhonikidze, Moscow, 1967/);
  await page.close();
});

test('results can be narrowed to the pages naming a person', async () => {
  const page = await env.browser.newPage();
  await page.goto(`${env.site.url}/search/`);
  await page.waitForSelector('#search-form[data-ready]');
  await page.selectOption('#search-person', "Gavriil Il'ich Miasnikov");
  const results = await search(page, 'opposition');
  assert.ok(results.length > 0);
  const documents = new Set(results.map((r) => r.href.split('/')[2]));
  for (const document of documents) assert.ok(['avrich-1984', 'olivier-2010', 'wikipedia-workers-group'].includes(document), [...documents].join(', '));
  await page.close();
});

test('the search page has no serious accessibility violation', async () => {
  const page = await env.browser.newPage();
  await search(page, 'Kronstadt');
  assert.deepEqual(await seriousViolations(page), []);
  await page.close();
});

test('the two search forms of the search page are told apart by their names', async () => {
  const page = await env.browser.newPage();
  await page.goto(env.site.url + '/search/');
  const names = await page.evaluate(() =>
    [...document.querySelectorAll('[role=search]')].map((form) => form.getAttribute('aria-label')));
  assert.equal(names.length, 2);
  assert.ok(names.every((name) => name && name.length > 0), JSON.stringify(names));
  assert.notEqual(names[0], names[1]);
  await page.close();
});

test('results come twenty at a time, and a page shows the passages that hold the words', async () => {
  const page = await env.browser.newPage();
  const first = await search(page, 'Lenin');
  assert.equal(first.length, 20);
  const status = await page.textContent('#search-status');
  assert.match(status, /^\d+ results for “Lenin”; 20 shown\.$/);
  await page.click('#search-more');
  await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length === 40);
  assert.match(await page.textContent('#search-status'), /; 40 shown\.$/);
  // A chapter that names him often lists up to three of its paragraphs, each linked.
  const places = await page.$$eval('#search-results .result-place', (links) => links.map((a) => a.getAttribute('href')));
  assert.ok(places.length > 0, 'some result lists its places');
  for (const href of places) assert.match(href, /#(p-[\d-]+|fn-\d+)$/);
  await page.close();
});
