// The search page: the site's own index (built with the site, see src/search/mod.rs), queried
// in the browser through search-index.js. Results show their title and kind, and up to
// three of their paragraphs that hold the words, each a link to its place; twenty at a
// time, with a button for the next twenty.
import { SearchIndex, excerpts } from './search-index.js';

const form = document.getElementById('search-form');
const query = document.getElementById('search-query');
const kind = document.getElementById('search-kind');
const person = document.getElementById('search-person');
const inDocument = document.getElementById('search-document');
const selects = { kind, person, document: inDocument };
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const base = form.dataset.base;
const PAGE_RESULTS = 20;
const more = document.createElement('button');
more.type = 'button';
more.id = 'search-more';
more.hidden = true;
list.after(more);

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

async function run({ complete = false } = {}) {
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
    more.hidden = true;
    if (index) status.textContent = '';
    return;
  }
  const filters = Object.fromEntries(Object.entries(selects).map(([name, select]) => [name, select.value]));
  let found;
  try {
    found = await index.search(text, filters, { complete });
  } catch (error) {
    if (ticket === pending) status.textContent = `The search failed (${error.message}).`;
    return;
  }
  if (ticket !== pending) return;
  list.replaceChildren();
  shown = { found, text, ticket };
  await showMore();
}

let shown = null;

/** The next twenty results of the search shown. */
async function showMore() {
  const { found, text, ticket } = shown;
  const from = list.children.length;
  let records;
  try {
    records = await index.records(found.ids.slice(from, from + PAGE_RESULTS));
  } catch (error) {
    if (ticket === pending) status.textContent = `The search failed (${error.message}).`;
    return;
  }
  if (ticket !== pending) return;
  list.append(...records.map((record) => resultItem(record, found)));
  const count = found.ids.length;
  const listed = list.children.length;
  status.textContent = count === 0 ? `Nothing found for “${text}”.` : `${count} result${count === 1 ? '' : 's'} for “${text}”${count > listed ? `; ${listed} shown` : ''}.`;
  more.hidden = listed >= count;
  more.textContent = `Show ${Math.min(PAGE_RESULTS, count - listed)} more`;
  if (from > 0) list.children[from]?.querySelector('a')?.focus();
}

more.addEventListener('click', () => showMore());

function resultItem(record, found) {
  // A page's several places, each with its own link; a record whose text has no places
  // of its own (an entity's page, a note) shows its best passage.
  const all = excerpts(record, found, 3);
  const places = all.filter((place) => place.href.includes('#')).length > 1 ? all : all.slice(0, 1);
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = `${base}${places[0]?.href ?? record.url}`;
  link.textContent = record.title;
  item.append(link);
  if (record.kind) {
    const label = document.createElement('span');
    label.className = 'result-kind';
    label.textContent = record.kind === 'Note' ? 'Note (in a document)' : record.kind;
    item.append(' ', label);
  }
  for (const [n, place] of places.entries()) {
    const paragraph = document.createElement('p');
    // The excerpt is the record's text, escaped, with <mark> around the words found.
    paragraph.innerHTML = place.html;
    if (n > 0 || places.length > 1) {
      // Each further place has its own link to where it stands.
      const to = document.createElement('a');
      to.href = `${base}${place.href}`;
      to.className = 'result-place';
      to.textContent = place.href.includes('#') ? `at ${place.href.split('#')[1]}` : 'at the top';
      paragraph.prepend(to, ' ');
    }
    item.append(paragraph);
  }
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
  // A submitted query is whole: its last word no longer matches longer words.
  run({ complete: true });
});

const initial = new URLSearchParams(window.location.search);
// Words typed while the index was loading are kept.
query.value = query.value || initial.get('q') || '';
for (const [name, select] of Object.entries(selects)) select.value = initial.get(name) || '';
if (query.value) run({ complete: true });
form.dataset.ready = 'true';
