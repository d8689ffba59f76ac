// The search index's client without a browser: static/search-index.js normalises words as
// annals does (the examples src/search/words.rs is tested against), and queries the index
// of the bundled collection read from disk.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, repoRoot } from './harness.mjs';
import { SearchIndex, excerpt, loadStemmer, readIds, shardFile, words } from '../../static/search-index.js';

let index;
before(async () => {
  const dir = process.env.ANNALS_BUILT_SITE || buildSite();
  // The index's files as the site serves them under the base `/`.
  const load = async (url) => JSON.parse(readFileSync(join(dir, url), 'utf8'));
  const loadBytes = async (url) => readFileSync(join(dir, url));
  index = await SearchIndex.open('/', load, loadBytes);
});

test('the browser stems as annals stems (the WebAssembly built from src/search/stem.rs)', async () => {
  const examples = JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/search-stems.json'), 'utf8'));
  const stem = await loadStemmer(readFileSync(join(repoRoot, 'static/search/stem.wasm')));
  for (const [word, expected] of examples) assert.equal(stem(word), expected, word);
  assert.equal(stem('y'.repeat(300)), 'y'.repeat(300), 'a word longer than the buffer is kept');
});

test('a word finds its other forms, in English and in Russian', async () => {
  for (const [query, form] of [['oppositions', 'opposition'], ['Мясникова', 'мясников'], ['congresses', 'congress']]) {
    const found = await index.search(query);
    const records = await index.records(found.ids.slice(0, 20));
    const forms = records.flatMap((r) => r.paragraphs.map((p) => p.text.toLowerCase()));
    assert.ok(forms.some((text) => text.includes(form)), `${query}: no ${form} among ${records.map((r) => r.url)}`);
  }
});

test('words are normalised as annals normalises them', () => {
  const examples = JSON.parse(readFileSync(join(repoRoot, 'tests/fixtures/search-words.json'), 'utf8'));
  for (const [text, expected] of examples) assert.deepEqual(words(text), expected, text);
});

test('shard files and id lists are read as they are written', () => {
  assert.equal(shardFile('mi'), 'mi');
  assert.equal(shardFile('мя'), '_043c_044f');
  assert.deepEqual(readIds('ADB'), [0, 3, 4]);
});

test('Miasnikov, in any spelling, finds his page first', async () => {
  for (const words of ['Miasnikov', 'Мясников', 'Myasnikov', 'miasn']) {
    const found = await index.search(words);
    const [first] = await index.records(found.ids.slice(0, 1));
    assert.equal(first?.url, 'people/miasnikov/', words);
    assert.equal(first.kind, 'Person');
  }
});

test('a note is found by its words, and its excerpt marks them', async () => {
  const found = await index.search('Dubinsky-Mukhadze Ordzhonikidze', { kind: 'Note' });
  assert.ok(found.ids.length > 0);
  const records = await index.records(found.ids);
  const note = records.find((r) => r.url.includes('chapter-09-'));
  assert.ok(note, JSON.stringify(records.map((r) => r.url)));
  assert.match(note.url, /#fn-\d+$/);
  assert.match(note.title, /^Note \d+ · .*9\. The “Georgian Incident”/);
  const { href, html } = excerpt(note, found);
  assert.equal(href, note.url);
  assert.match(html, /<mark>Dubinsky<\/mark>-<mark>Mukhadze<\/mark>/);
});

test('a page result leads to the paragraph where the words stand', async () => {
  const found = await index.search('Derzhimorda', { kind: 'Chapter' });
  const [record] = await index.records(found.ids.slice(0, 1));
  const { href, html } = excerpt(record, found);
  assert.match(href, /^documents\/rogovin-1992\/chapter-[^/]+\/#p-\d+$/);
  assert.match(html, /<mark>Derzhimorda<\/mark>/i);
  assert.ok(!/<(?!\/?mark>)/.test(html), 'only the marks are markup');
});

test('every word must match, and the filters narrow', async () => {
  const either = (await index.search('Kronstadt')).ids.length;
  const both = (await index.search('Kronstadt Miasnikov')).ids.length;
  assert.ok(both > 0 && both < either, `${both} of ${either}`);
  const named = await index.search('opposition', { person: 'miasnikov' });
  const records = await index.records(named.ids);
  assert.ok(records.length > 0);
  for (const r of records) assert.match(r.url, /^documents\/(avrich-1984|olivier-2010|wikipedia-workers-group)\//);
  assert.deepEqual((await index.search('zzzzqqq')).ids, []);
});

test('the queries of tests/browser/search-queries.json find their page in the top five', async () => {
  const queries = JSON.parse(readFileSync(join(repoRoot, 'tests/browser/search-queries.json'), 'utf8'));
  const misses = [];
  for (const { query, expect } of queries) {
    const found = await index.search(query);
    const top = await index.records(found.ids.slice(0, 5));
    const urls = top.map((record) => record.url);
    if (!urls.some((url) => expect.some((wanted) => url.startsWith(wanted)))) {
      misses.push(`${query} → ${urls.join(' ') || 'nothing'} (wanted ${expect.join(' or ')})`);
    }
  }
  const passed = queries.length - misses.length;
  console.log(`search queries: ${passed} of ${queries.length} find their page in the top five${misses.length ? `; misses:\n  ${misses.join('\n  ')}` : ''}`);
  assert.ok(queries.length >= 40);
  assert.ok(passed >= Math.ceil(queries.length * 0.95), misses.join('\n'));
});

test('a phrase in quotes finds its words in order', async () => {
  const inOrder = await index.search('"party unity"');
  const reversed = await index.search('"unity party"');
  const loose = await index.search('unity party ');
  assert.ok(inOrder.ids.length > 0);
  assert.equal(reversed.ids.length, 0, 'no text says “unity party”');
  assert.ok(loose.ids.length > inOrder.ids.length, 'without quotes the words may stand apart');
  const [first] = await index.records(inOrder.ids.slice(0, 1));
  assert.equal(first.url, 'events/resolution-on-party-unity/');
});

test('only a word still being typed matches the longer words it starts', async () => {
  const typing = await index.search('Miasn');
  const whole = await index.search('Miasn', {}, { complete: true });
  const [first] = await index.records(typing.ids.slice(0, 1));
  assert.equal(first?.url, 'people/miasnikov/', 'while typing, “Miasn” is the start of “Miasnikov”');
  assert.equal(whole.ids.length, 0, 'submitted, “Miasn” is a word of its own, which no text has');
});
