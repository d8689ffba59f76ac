// The timeline's filters: by kind, by person, group or event, by document. The page holds
// each year's events and groups; the year's statements from the documents and its births and
// deaths are on the year's own page (`data-year-page`), so that the page stays small. They
// are fetched when a filter first asks for them (ticking statements or births and deaths,
// narrowing by a name or a document) and put in place of the year's list. Filtering only
// sets `hidden` on the entries (and on years left empty) whose state changes, from data read
// once, so nothing is re-rendered. Without this script the filters stay hidden, and each
// year links to its own page. The address keeps the person and the document chosen
// (`?name=person:lenin&document=ID`), so that a narrowed timeline can be linked to, as each
// entity's page does.
(() => {
  const form = document.getElementById('tl-filters');
  if (!form) return;
  const status = document.getElementById('tl-status');
  const nameSelect = document.getElementById('tl-name');
  const documentSelect = document.getElementById('tl-document');
  const total = Number(form.dataset.total);
  const links = new Map(
    Array.from(document.querySelectorAll('.tl-years a'), (a) => [a.getAttribute('href').slice(1), a.parentElement]),
  );
  let years = [];
  let loading = null;

  /** Reads the entries on the page, once for each state of the lists. */
  function index() {
    years = Array.from(document.querySelectorAll('.tl-year'), (section) => ({
      section,
      navItem: links.get(section.getAttribute('aria-labelledby')),
      shown: !section.hidden,
      entries: Array.from(section.querySelectorAll('.tl-entry'), (el) => ({
        el,
        kind: el.dataset.kind,
        names: ` ${el.dataset.e} `,
        doc: el.dataset.doc || '',
        shown: !el.hidden,
      })),
    }));
  }

  /** Puts every year's whole list in place of its events and groups. */
  function loadYears() {
    loading ||= Promise.all(Array.from(document.querySelectorAll('.tl-year[data-year-page]'), async (section) => {
      const address = section.dataset.yearPage;
      const response = await fetch(address);
      if (!response.ok) throw new Error(`${address}: ${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const whole = page.querySelector('.tl-year .tl-entries');
      if (!whole) throw new Error(`${address} has no list of entries`);
      section.querySelector('.tl-entries').replaceWith(document.importNode(whole, true));
      section.querySelector('.tl-more')?.remove();
      delete section.dataset.yearPage;
    })).then(index);
    return loading;
  }

  function choices() {
    return {
      kinds: new Set(Array.from(form.querySelectorAll('input[name=kind]:checked'), (i) => i.value)),
      name: nameSelect.value ? ` ${nameSelect.value} ` : '',
      doc: documentSelect.value,
    };
  }

  function apply({ kinds, name, doc }) {
    const started = performance.now();
    let shown = 0;
    for (const year of years) {
      let any = false;
      for (const entry of year.entries) {
        const show = kinds.has(entry.kind) && (!name || entry.names.includes(name)) && (!doc || entry.doc === doc);
        if (show !== entry.shown) {
          entry.el.hidden = !show;
          entry.shown = show;
        }
        if (show) {
          any = true;
          shown += 1;
        }
      }
      // A year whose whole list is not loaded yet keeps its link to its own page.
      any ||= year.section.dataset.yearPage !== undefined;
      if (any !== year.shown) {
        year.section.hidden = !any;
        if (year.navItem) year.navItem.hidden = !any;
        year.shown = any;
      }
    }
    status.textContent = `${shown} of ${total} entries shown.`;
    form.dataset.filterMs = (performance.now() - started).toFixed(1);
  }

  /** Filters, first fetching the years' whole lists if the choices reach beyond the page's. */
  async function update() {
    const chosen = choices();
    const beyond = chosen.kinds.has('statement') || chosen.kinds.has('life') || chosen.name || chosen.doc;
    if (beyond && document.querySelector('.tl-year[data-year-page]')) {
      status.textContent = 'Loading the entries of every year…';
      form.setAttribute('aria-busy', 'true');
      try {
        await loadYears();
      } catch (error) {
        loading = null;
        status.textContent = `The years' entries could not be loaded (${error.message}): each year links to its own page.`;
        return;
      } finally {
        form.removeAttribute('aria-busy');
      }
    }
    apply(choices());
  }

  /** Chooses what the address names, where the menu offers it. */
  function readAddress() {
    const params = new URLSearchParams(window.location.search);
    for (const [select, key] of [[nameSelect, 'name'], [documentSelect, 'document']]) {
      const value = params.get(key);
      if (value && Array.from(select.options).some((o) => o.value === value)) select.value = value;
    }
  }

  function writeAddress() {
    const params = new URLSearchParams(window.location.search);
    for (const [select, key] of [[nameSelect, 'name'], [documentSelect, 'document']]) {
      if (select.value) params.set(key, select.value);
      else params.delete(key);
    }
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : window.location.pathname);
  }

  form.hidden = false;
  form.addEventListener('change', () => {
    writeAddress();
    update();
  });
  index();
  readAddress();
  update();
})();
