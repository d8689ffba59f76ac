// The search page: the site's own index (built with the site, see src/search/mod.rs), queried
// in the browser through search-index.js. Results show their title, kind and excerpt, and
// link to the paragraph or note where the words are.
import { SearchIndex, excerpt } from './search-index.js';

const form = document.getElementById('search-form');
const query = document.getElementById('search-query');
const kind = document.getElementById('search-kind');
const person = document.getElementById('search-person');
const inDocument = document.getElementById('search-document');
const selects = { kind, person, document: inDocument };
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const base = form.dataset.base;
const MAX_RESULTS = 20;

let index = null;
try {
  index = await SearchIndex.open(base);
  // The people the documents name and the documents, as choices (the records of a choice
  // are fetched when it is chosen).
  const choices = await index.choices();
  for (const [name, select] of [['person', person], ['document', inDocument]]) {
    select.append(...(choices[name] ?? []).map(([value, label]) => new Option(label, value)));
  }
} catch (error) {
  status.textContent = `The search index cannot be loaded (${error.message}).`;
}

let pending = 0;

async function run() {
  const text = query.value.trim();
  const ticket = ++pending;
  const params = new URLSearchParams(window.location.search);
  params.set('q', text);
  for (const [name, select] of Object.entries(selects)) {
    select.value ? params.set(name, select.value) : params.delete(name);
  }
  history.replaceState(null, '', `?${params}`);
  if (!text || !index) {
    list.replaceChildren();
    if (index) status.textContent = '';
    return;
  }
  const filters = Object.fromEntries(Object.entries(selects).map(([name, select]) => [name, select.value]));
  let found;
  let records;
  try {
    found = await index.search(text, filters);
    records = await index.records(found.ids.slice(0, MAX_RESULTS));
  } catch (error) {
    if (ticket === pending) status.textContent = `The search failed (${error.message}).`;
    return;
  }
  if (ticket !== pending) return;
  list.replaceChildren(...records.map((record) => resultItem(record, found)));
  const count = found.ids.length;
  status.textContent = count === 0 ? `Nothing found for “${text}”.` : `${count} result${count === 1 ? '' : 's'} for “${text}”${count > MAX_RESULTS ? `; the first ${MAX_RESULTS} shown` : ''}.`;
}

function resultItem(record, found) {
  const { href, html } = excerpt(record, found);
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = `${base}${href}`;
  link.textContent = record.title;
  item.append(link);
  if (record.kind) {
    const label = document.createElement('span');
    label.className = 'result-kind';
    label.textContent = record.kind;
    item.append(' ', label);
  }
  const paragraph = document.createElement('p');
  // The excerpt is the record's text, escaped, with <mark> around the words found.
  paragraph.innerHTML = html;
  item.append(paragraph);
  return item;
}

let timer;
query.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(run, 120);
});
for (const select of Object.values(selects)) select.addEventListener('change', run);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  run();
});

const initial = new URLSearchParams(window.location.search);
// Words typed while the index was loading are kept.
query.value = query.value || initial.get('q') || '';
for (const [name, select] of Object.entries(selects)) select.value = initial.get(name) || '';
if (query.value) run();
form.dataset.ready = 'true';
