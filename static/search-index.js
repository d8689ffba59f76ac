// The search index's client, apart from the page: words normalised as annals normalises them
// when it builds the index (src/search/words.rs: the same rules, the same table, the same
// examples in tests/fixtures/search-words.json), the index's files fetched only as a query
// needs them, results ranked, excerpts made. The format is described in src/search/mod.rs.

// Latin letters with diacritics and the plain letters they fold to, after lowercasing.
const FOLDS = [['àáâãäåāăąǎǟǡǻȁȃȧ', 'a'], ['çćĉċč', 'c'], ['ďđð', 'd'], ['èéêëēĕėęěȅȇȩ', 'e'], ['ĝğġģǧǵ', 'g'], ['ĥħȟ', 'h'], ['ìíîïĩīĭįıǐȉȋ', 'i'], ['ĵǰ', 'j'], ['ķǩ', 'k'], ['ĺļľŀł', 'l'], ['ñńņňŉǹ', 'n'], ['òóôõöøōŏőǒǫǭǿȍȏȫȭȯȱ', 'o'], ['ŕŗřȑȓ', 'r'], ['śŝşšșſ', 's'], ['ţťŧț', 't'], ['ùúûüũūŭůűųǔǖǘǚǜȕȗ', 'u'], ['ŵ', 'w'], ['ýÿŷȳ', 'y'], ['źżžƶ', 'z'], ['ß', 'ss'], ['æǣǽ', 'ae'], ['œ', 'oe'], ['ĳ', 'ij'], ['þ', 'th'], ['ё', 'е'], ['ς', 'σ']];
const FOLD = new Map(FOLDS.flatMap(([from, to]) => [...from].map((c) => [c, to])));
const LETTER_OR_DIGIT = /^[\p{Alphabetic}\p{N}]$/u;

/** Combining accents, the soft hyphen and the zero-width (non-)joiner: dropped, not separating. */
function isIgnored(code) {
  return (code >= 0x300 && code <= 0x36f) || code === 0xad || code === 0x200c || code === 0x200d;
}

function isWordCharacter(c, code) {
  if (code < 0x80) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_DIGIT.test(c);
}

/** The words of `text`, normalised, each with where it stands: { word, start, end }. */
export function wordSpans(text) {
  const spans = [];
  let word = '';
  let start = -1;
  let at = 0;
  for (const c of text) {
    const here = at;
    const code = c.codePointAt(0);
    at += c.length;
    if (isIgnored(code)) continue;
    if (isWordCharacter(c, code)) {
      if (start < 0) start = here;
      if (code < 0x80) {
        word += c.toLowerCase();
        continue;
      }
      for (const lower of c.toLowerCase()) {
        if (!isIgnored(lower.codePointAt(0))) word += FOLD.get(lower) ?? lower;
      }
    } else if (start >= 0) {
      spans.push({ word, start, end: here });
      word = '';
      start = -1;
    }
  }
  if (start >= 0) spans.push({ word, start, end: at });
  return spans;
}

/** The words of `text`, normalised. */
export function words(text) {
  return wordSpans(text).map((span) => span.word);
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

/** The numbers of a string of base-64 digits, five bits a digit, the lowest first. */
export function readNumbers(text) {
  const numbers = [];
  let value = 0;
  let scale = 1;
  for (let i = 0; i < text.length; i++) {
    const digit = DIGIT_VALUE[text.charCodeAt(i)];
    value += (digit & 31) * scale;
    if (digit & 32) {
      scale *= 32;
    } else {
      numbers.push(value);
      value = 0;
      scale = 1;
    }
  }
  return numbers;
}

/** Record ids written as the differences between them. */
export function readIds(text) {
  const ids = readNumbers(text);
  for (let i = 1; i < ids.length; i++) ids[i] += ids[i - 1];
  return ids;
}

/** The file name of a term shard: "мя" is `_043c_044f`. */
export function shardFile(key) {
  let name = '';
  for (const c of key) {
    const code = c.codePointAt(0);
    if (code < 0x80 && /[a-zA-Z0-9]/.test(c)) name += c;
    else if (code <= 0xffff) name += `_${code.toString(16).padStart(4, '0')}`;
    else name += `-${code.toString(16).padStart(6, '0')}`;
  }
  return name;
}

// A word being typed matches the terms it starts, unless it starts too many shards (a letter
// or two) or terms.
const MAX_PREFIX_SHARDS = 8;
const MAX_PREFIX_TERMS = 64;
// A word matches the terms a slip or two away (see `allowedSlips`), in the shards of its
// first letter (or first two) unless there are more than this many.
const MAX_NEAR_SHARDS = 12;
// How much a match counts beside the word's own stem: a term the word being typed starts,
// a term a slip or two away.
const PREFIX_WEIGHT = 0.6;
const NEAR_WEIGHT = 0.35;

// Phrases are checked in the text of the best records first, this many at a time, and no
// further than this many records.
const PHRASE_BATCH = 50;
const MAX_PHRASE_CHECKS = 1000;

/** The phrases of a query: what stands between straight or curly double quotes. */
export function quoted(text) {
  return [...text.matchAll(/["“”„«]([^"“”„«»]+)["“”»]/g)].map((match) => match[1]);
}

/** Whether the words of `run` hold those of `phrase` one after the other. */
function holdsInOrder(run, phrase) {
  for (let i = 0; i + phrase.length <= run.length; i++) {
    if (phrase.every((word, j) => run[i + j] === word)) return true;
  }
  return false;
}

/** The slips a word may have and still match a term: 1 from five letters, 2 from eight. */
export function allowedSlips(word) {
  const letters = [...word].length;
  if (/^\d+$/.test(word)) return 0;
  return letters >= 8 ? 2 : letters >= 5 ? 1 : 0;
}

/**
 * Whether `a` and `b` are at most `max` slips apart: a letter added, dropped or changed, or
 * two letters swapped (the optimal string alignment distance).
 */
export function withinSlips(a, b, max) {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return false;
  let before = null;
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return false;
    before = previous;
    previous = row;
  }
  return previous[y.length] <= max;
}

async function fetchJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.arrayBuffer();
}

// The stemmer's buffer, in bytes (MAX_STEMMED_BYTES of src/search/stem.rs): a longer word
// is left as it is, on both sides.
const MAX_STEMMED_BYTES = 256;

/**
 * The stemmer annals indexes with (src/search/stem.rs, compiled to WebAssembly by
 * scripts/build-stemmer-wasm.sh), from the module's bytes: a function from a normalised word
 * to its stem.
 */
export async function loadStemmer(bytes) {
  const { instance } = await WebAssembly.instantiate(bytes);
  const { memory, buffer, stem } = instance.exports;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  const known = new Map();
  return (word) => {
    let stemmed = known.get(word);
    if (stemmed !== undefined) return stemmed;
    const bytes = encoder.encode(word);
    if (bytes.length > MAX_STEMMED_BYTES) return word;
    const at = buffer();
    new Uint8Array(memory.buffer, at, bytes.length).set(bytes);
    const length = stem(bytes.length);
    stemmed = decoder.decode(new Uint8Array(memory.buffer, at, length));
    known.set(word, stemmed);
    return stemmed;
  };
}

export class SearchIndex {
  /** The index of the site at `base` (its meta file and its stemmer; the rest is fetched as needed). */
  static async open(base, load = fetchJson, loadBytes = fetchBytes) {
    const dir = `${base}search/index/`;
    const [meta, stem] = await Promise.all([
      load(`${dir}meta.json`),
      loadBytes(`${base}search/stem.wasm`).then(loadStemmer),
    ]);
    return new SearchIndex(dir, meta, load, stem);
  }

  constructor(dir, meta, load, stem) {
    this.dir = dir;
    this.meta = meta;
    this.load = load;
    this.stem = stem;
    this.files = new Map();
    this.keys = new Set(meta.shards);
  }

  /** A file of the index, fetched once. */
  file(path) {
    let file = this.files.get(path);
    if (!file) {
      file = this.load(this.dir + path);
      this.files.set(path, file);
      file.catch(() => this.files.delete(path));
    }
    return file;
  }

  /** The filters' choices: { person: [[id, name]…], document: [[path, title]…] }. */
  choices() {
    return this.file('filters.json');
  }

  /** The key of the shard that holds `term`, if any: the longest key that starts it. */
  shardOf(term) {
    const characters = [...term];
    for (let n = characters.length; n > 0; n--) {
      const key = characters.slice(0, n).join('');
      if (this.keys.has(key)) return key;
    }
    return null;
  }

  /**
   * The terms a query word matches, each with its postings: the word's stem (the index's
   * terms are stems), and, for a word being typed, every term the word as typed starts.
   */
  async terms(word, prefix) {
    const stem = this.stem(word);
    const own = this.shardOf(stem);
    const keys = own === null ? [] : [own];
    if (prefix) {
      const typed = this.shardOf(word);
      if (typed !== null && typed !== own) keys.push(typed);
      const longer = this.meta.shards.filter((key) => !keys.includes(key) && key.startsWith(word));
      if (longer.length <= MAX_PREFIX_SHARDS) keys.push(...longer);
    }
    const slips = allowedSlips(word);
    if (slips > 0) {
      // A word misspelt, or spelt otherwise: the terms a slip or two away, in the shards of
      // its first letter.
      // In a large index a letter has many shards: then those of the first two letters.
      const start = [...stem];
      for (const letters of [1, 2]) {
        const head = start.slice(0, letters).join('');
        const near = this.meta.shards.filter((key) => !keys.includes(key) && (key.startsWith(head) || head.startsWith(key)));
        if (near.length <= MAX_NEAR_SHARDS) {
          keys.push(...near);
          break;
        }
      }
    }
    const shards = await Promise.all(keys.map((key) => this.file(`terms/${shardFile(key)}.json`)));
    const found = new Map();
    const add = (term, postings, weight) => {
      if ((found.get(term)?.[1] ?? 0) < weight) found.set(term, [postings, weight]);
    };
    for (const shard of shards) {
      if (Object.hasOwn(shard, stem)) add(stem, shard[stem], 1);
      for (const term in shard) {
        if (term === stem) continue;
        if (prefix && term.startsWith(word)) add(term, shard[term], PREFIX_WEIGHT);
        else if (slips > 0 && (withinSlips(term, stem, slips) || withinSlips(term, word, slips))) {
          add(term, shard[term], NEAR_WEIGHT);
        }
      }
    }
    let terms = [...found].map(([term, [postings, weight]]) => [term, postings, weight]);
    if (terms.length > MAX_PREFIX_TERMS) {
      // The word's own stem, then the closest and most used terms.
      terms.sort((a, b) => b[2] - a[2] || b[1].length - a[1].length);
      terms = terms.slice(0, MAX_PREFIX_TERMS);
    }
    return terms;
  }

  /** The records holding `word` (or a term it starts), each with its best score. */
  async wordScores(word, prefix) {
    const records = this.meta.records;
    const scores = new Map();
    for (const [, postings, weight] of await this.terms(word, prefix)) {
      const numbers = readNumbers(postings);
      const frequency = numbers.length / 2;
      const idf = Math.log(1 + (records - frequency + 0.5) / (frequency + 0.5));
      let id = 0;
      for (let i = 0; i < numbers.length; i += 2) {
        id += numbers[i];
        const score = weight * idf * numbers[i + 1];
        const best = scores.get(id);
        if (best === undefined || score > best) scores.set(id, score);
      }
    }
    return scores;
  }

  /** Which records the filters let through ({ kind, person, document }), or null for all. */
  async allowed(filters) {
    const checks = [];
    if (filters.kind) {
      const range = this.meta.kinds.find(([label]) => label === filters.kind);
      if (!range) return () => false;
      checks.push((id) => id >= range[1] && id < range[2]);
    }
    for (const name of ['person', 'document']) {
      if (!filters[name]) continue;
      const choices = await this.choices();
      const choice = (choices[name] ?? []).findIndex(([value]) => value === filters[name]);
      if (choice < 0) return () => false;
      const ids = new Set(readIds(await this.file(`filters/${name}-${choice}.json`)));
      checks.push((id) => ids.has(id));
    }
    return checks.length ? (id) => checks.every((check) => check(id)) : null;
  }

  /**
   * Every record holding all the words of `text` (the last one also as the start of a word
   * while it is being typed, unless the query is `complete`) and let through by `filters`,
   * best first, with the phrases in quotes in order: { words, prefix, ids }.
   */
  async search(text, filters = {}, { complete = false } = {}) {
    const found = await this.ranked(text, filters, complete);
    const phrases = quoted(text).map((phrase) => words(phrase).map(this.stem)).filter((p) => p.length > 1);
    if (phrases.length) found.ids = await this.withPhrases(found.ids, phrases);
    return found;
  }

  /**
   * The records among `ids` (best first) whose text holds each phrase, its words in order:
   * read a batch at a time, up to MAX_PHRASE_CHECKS records.
   */
  async withPhrases(ids, phrases) {
    const kept = [];
    const checked = ids.slice(0, MAX_PHRASE_CHECKS);
    for (let start = 0; start < checked.length; start += PHRASE_BATCH) {
      const records = await this.records(checked.slice(start, start + PHRASE_BATCH));
      for (const record of records) {
        const texts = [record.title, ...record.paragraphs.map((p) => p.text)];
        const stems = texts.map((text) => words(text).map(this.stem));
        if (phrases.every((phrase) => stems.some((run) => holdsInOrder(run, phrase)))) kept.push(record.id);
      }
    }
    return kept;
  }

  /** Every record holding all the words of `text`, ranked; phrases not yet checked. */
  async ranked(text, filters, complete) {
    const all = words(text);
    // Only a word being typed (the query's last, with no space or quote after it, in a
    // query not yet submitted) is read as the start of a longer word.
    const typing = !complete && all.length > 0 && !/[\s"“”»]$/.test(text);
    const query = { words: [...new Set(all)], prefix: typing ? all[all.length - 1] : null, ids: [], stem: this.stem };
    if (!all.length) return query;
    const [allowed, ...lists] = await Promise.all([
      this.allowed(filters),
      ...query.words.map((word) => this.wordScores(word, word === query.prefix)),
    ]);
    lists.sort((a, b) => a.size - b.size);
    const found = [];
    for (const [id, score] of lists[0]) {
      if (allowed && !allowed(id)) continue;
      let total = score;
      for (let i = 1; i < lists.length && total >= 0; i++) {
        const other = lists[i].get(id);
        total = other === undefined ? -1 : total + other;
      }
      if (total >= 0) found.push([id, total]);
    }
    found.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    query.ids = found.map(([id]) => id);
    return query;
  }

  /** The kind of a record ("Person", "Note" …). */
  kindOf(id) {
    return this.meta.kinds.find(([, start, end]) => id >= start && id < end)?.[0] ?? '';
  }

  /** The records of `ids`: { id, url, title, kind, paragraphs: [{ anchor, text }] }. */
  async records(ids) {
    const starts = this.meta.chunks;
    const chunkOf = (id) => {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= id) low = middle;
        else high = middle - 1;
      }
      return low;
    };
    const chunks = new Map();
    await Promise.all([...new Set(ids.map(chunkOf))].map(async (n) => {
      chunks.set(n, await this.file(`records/${n}.json`));
    }));
    return ids.map((id) => {
      const n = chunkOf(id);
      const [url, title, flat] = chunks.get(n)[id - starts[n]];
      const paragraphs = [];
      for (let i = 0; i < flat.length; i += 2) paragraphs.push({ anchor: flat[i], text: flat[i + 1] });
      return { id, url, title, kind: this.kindOf(id), paragraphs };
    });
  }
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/**
 * The paragraphs of a record that hold the query's words, best first (most of the words,
 * then reading order), at most `max`: each where it leads, as a link relative to the site's
 * base (`documents/a/#p-12`), and about `length` words of it around the first word found,
 * escaped, with <mark> around the words.
 */
export function excerpts(record, query, max = 3, length = 24) {
  // A word of the text matches a word of the query when their stems are one (and the word
  // being typed also when the text's word starts with it).
  const stem = query.stem ?? ((word) => word);
  const matches = (word, w) => stem(word) === stem(w) || (w === query.prefix && word.startsWith(w));
  const read = record.paragraphs.map((paragraph, order) => {
    const spans = wordSpans(paragraph.text);
    const found = new Set();
    let first = -1;
    for (let i = 0; i < spans.length; i++) {
      for (const w of query.words) {
        if (!matches(spans[i].word, w)) continue;
        spans[i].mark = true;
        found.add(w);
        if (first < 0) first = i;
      }
    }
    return { paragraph, spans, found: found.size, first, order };
  });
  const holding = read.filter((r) => r.found > 0).sort((a, b) => b.found - a.found || a.order - b.order);
  const chosen = holding.length ? holding.slice(0, max) : read.filter((r) => r.spans.length).slice(0, 1);
  return chosen.map(({ paragraph, spans, found, first }) => {
    const href = found && paragraph.anchor ? `${record.url}#${paragraph.anchor}` : record.url;
    const from = Math.max(0, Math.min(Math.max(first, 0) - Math.floor(length / 3), spans.length - length));
    const to = Math.min(spans.length, from + length);
    let html = from > 0 ? '… ' : '';
    let at = spans[from].start;
    for (let i = from; i < to; i++) {
      const span = spans[i];
      html += escapeHtml(paragraph.text.slice(at, span.start));
      const word = escapeHtml(paragraph.text.slice(span.start, span.end));
      html += span.mark ? `<mark>${word}</mark>` : word;
      at = span.end;
    }
    if (to < spans.length) html += ' …';
    else html += escapeHtml(paragraph.text.slice(at));
    return { href, html, found };
  });
}

/**
 * Where a result leads and what it shows: its best paragraph (see `excerpts`), or the
 * record itself when it has no text.
 */
export function excerpt(record, query, length = 24) {
  return excerpts(record, query, 1, length)[0] ?? { href: record.url, html: '' };
}
