// The timeline's filters: by kind, by person, group or event, by document. The page holds
// every entry; filtering only sets `hidden` on the entries (and on years left empty) whose
// state changes, from data read once, so nothing is re-rendered. Without this script the
// filters stay hidden and the whole list shows. The address keeps the person and the
// document chosen (`?name=person:lenin&document=ID`), so that a narrowed timeline can be
// linked to, as each entity's page does.
(() => {
  const form = document.getElementById('tl-filters');
  if (!form) return;
  const status = document.getElementById('tl-status');
  const nameSelect = document.getElementById('tl-name');
  const documentSelect = document.getElementById('tl-document');
  const links = new Map(
    Array.from(document.querySelectorAll('.tl-years a'), (a) => [a.getAttribute('href').slice(1), a.parentElement]),
  );
  const years = Array.from(document.querySelectorAll('.tl-year'), (section) => ({
    section,
    navItem: links.get(section.getAttribute('aria-labelledby')),
    shown: true,
    entries: Array.from(section.querySelectorAll('.tl-entry'), (el) => ({
      el,
      kind: el.dataset.kind,
      names: ` ${el.dataset.e} `,
      doc: el.dataset.doc || '',
      shown: true,
    })),
  }));
  const total = years.reduce((n, year) => n + year.entries.length, 0);

  function apply() {
    const started = performance.now();
    const kinds = new Set(Array.from(form.querySelectorAll('input[name=kind]:checked'), (i) => i.value));
    const name = nameSelect.value ? ` ${nameSelect.value} ` : '';
    const doc = documentSelect.value;
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
      if (any !== year.shown) {
        year.section.hidden = !any;
        if (year.navItem) year.navItem.hidden = !any;
        year.shown = any;
      }
    }
    status.textContent = `${shown} of ${total} entries shown.`;
    form.dataset.filterMs = (performance.now() - started).toFixed(1);
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
    apply();
    writeAddress();
  });
  readAddress();
  apply();
})();
