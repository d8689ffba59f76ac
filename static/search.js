// The search page: Pagefind's index, built with the site, queried in the browser. Results
// show their title, kind and excerpt, and link to the paragraph or note where they are.
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

const pagefind = await import(`${base}pagefind/pagefind.js`);
await pagefind.options({ baseUrl: base, excerptLength: 24 });

// The people and documents the index knows, as choices.
const available = await pagefind.filters();
for (const [name, select] of [['person', person], ['document', inDocument]]) {
  const values = Object.keys(available[name] ?? {}).sort((a, b) => a.localeCompare(b));
  select.append(...values.map((value) => new Option(value, value)));
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
  if (!text) {
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  const filters = Object.fromEntries(Object.entries(selects).filter(([, select]) => select.value).map(([name, select]) => [name, select.value]));
  const search = await pagefind.search(text, { filters });
  const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
  if (ticket !== pending) return;
  list.replaceChildren(...results.map(resultItem));
  const count = search.results.length;
  status.textContent = count === 0 ? `Nothing found for “${text}”.` : `${count} result${count === 1 ? '' : 's'} for “${text}”${count > MAX_RESULTS ? `; the first ${MAX_RESULTS} shown` : ''}.`;
}

function resultItem(result) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  // The most precise place: a paragraph or note the words stand in, when Pagefind knows it.
  const place = result.sub_results?.find((s) => s.url.includes('#')) ?? result;
  link.href = place.url;
  link.textContent = result.meta.title || result.url;
  item.append(link);
  const kinds = result.filters?.kind;
  if (kinds?.length) {
    const label = document.createElement('span');
    label.className = 'result-kind';
    label.textContent = kinds.join(', ');
    item.append(' ', label);
  }
  const excerpt = document.createElement('p');
  // Pagefind's excerpt is the page's text, escaped, with <mark> around the words found.
  excerpt.innerHTML = result.excerpt;
  item.append(excerpt);
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
