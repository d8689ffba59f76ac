//! What `serve` remembers of the pages it rendered. A page is the same as in the last build
//! when its template, the site's templates and every value the template is given are the
//! same; such a page is taken as it was instead of being filled in again. An edit to one
//! document changes the values of its own page and of the few pages that show what it
//! says (the entities it names, the works it cites); the rest of the site is remembered.
//!
//! A page is known by a fingerprint of what it is made from: the values are written out
//! (as JSON, which says the same value in the same bytes) into two hashes, 128 bits in all,
//! so that two different pages sharing one is not a practical concern. A one-off build has no memo and computes no fingerprint.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use bytes::Bytes;
use rustc_hash::FxHasher;
use serde::Serialize;
use tera::{Context, Value};

use crate::write::{Contents, OutputFile};

/// What a page is made from, hashed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint(u64, u64);

/// The pages of the last good build, and those of the build under way.
#[derive(Default)]
pub struct RenderMemo {
    last: HashMap<Fingerprint, Arc<Vec<u8>>>,
    this: Mutex<HashMap<Fingerprint, Arc<Vec<u8>>>>,
    /// How many whole pages the build under way (or the last one) took as they were.
    recalled: AtomicUsize,
    /// Whole files by path, for the pages a rebuild knows an edit left as they were without
    /// making their values (the registry's pages): the last good build's, and this one's.
    files_last: HashMap<String, Bytes>,
    files_this: Mutex<HashMap<String, Bytes>>,
    /// What those pages are made from besides their own values (the site's templates,
    /// settings and pages).
    outline: MadeFrom,
    /// Whole parts of the site by name (the timeline's page, year pages and exports), with
    /// the fingerprint of all they are made from: the last good build's, and this one's.
    parts_last: HashMap<&'static str, Part>,
    parts_this: Mutex<HashMap<&'static str, Part>>,
    /// The timeline's entries.
    entries: MadeFrom,
    /// What the documents' pages are made from besides each page's own reading (the site's
    /// outline, the citations, the registry's names).
    documents: MadeFrom,
}

/// What some pages are made from, hashed: in the last good build, and in this one.
#[derive(Default)]
struct MadeFrom {
    last: Option<Fingerprint>,
    this: Mutex<Option<Fingerprint>>,
}

impl MadeFrom {
    /// Whether this build's `fingerprint` is the last good build's.
    fn same(&self, fingerprint: Fingerprint) -> bool {
        *self.this.lock().unwrap_or_else(PoisonError::into_inner) = Some(fingerprint);
        self.last == Some(fingerprint)
    }

    fn keep(&mut self) {
        self.last = self
            .this
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
    }

    fn forget(&mut self) {
        *self.this.get_mut().unwrap_or_else(PoisonError::into_inner) = None;
    }
}

/// A part of the site as a build made it: its files, and what they were made from.
#[derive(Clone)]
struct Part {
    made_from: Fingerprint,
    files: Vec<(String, Bytes)>,
}

impl RenderMemo {
    /// The page (or the part of one) made from `fingerprint`, as the last good build (or
    /// this one) made it; counted among the pages recalled if it is a `whole_page`.
    pub fn recall(&self, fingerprint: Fingerprint, whole_page: bool) -> Option<Vec<u8>> {
        let page = match self.last.get(&fingerprint) {
            Some(page) => Arc::clone(page),
            None => self.this_build().get(&fingerprint).cloned()?,
        };
        self.this_build().insert(fingerprint, Arc::clone(&page));
        if whole_page {
            self.recalled.fetch_add(1, Ordering::Relaxed);
        }
        Some(page.as_ref().clone())
    }

    pub fn remember(&self, fingerprint: Fingerprint, page: &[u8]) {
        self.this_build()
            .insert(fingerprint, Arc::new(page.to_vec()));
    }

    /// Whether the pages kept by path were made from the same `outline` in the last build
    /// (and so may be taken by path where their own values are known not to have changed).
    pub fn same_outline(&self, outline: Fingerprint) -> bool {
        self.outline.same(outline)
    }

    /// Whether the timeline's `entries` are the last good build's (an event's page lists
    /// the statements that report it, wherever they stand).
    pub fn same_entries(&self, entries: Fingerprint) -> bool {
        self.entries.same(entries)
    }

    /// Whether the documents' pages are made from the same `made_from` as in the last good
    /// build (and so a page whose own reading is the same is the page it was).
    pub fn same_documents(&self, made_from: Fingerprint) -> bool {
        self.documents.same(made_from)
    }

    /// The file at `path` as the last good build made it, counted among the pages recalled:
    /// its bytes shared, not copied.
    pub fn recall_file(&self, path: &str) -> Option<Bytes> {
        let file = self.files_last.get(path)?.clone();
        self.recalled.fetch_add(1, Ordering::Relaxed);
        self.files().insert(path.to_string(), file.clone());
        Some(file)
    }

    pub fn remember_file(&self, path: &str, bytes: &[u8]) {
        self.remember_shared(path, Bytes::copy_from_slice(bytes));
    }

    /// [`RenderMemo::remember_file`] for bytes the build shares with its output.
    pub fn remember_shared(&self, path: &str, bytes: Bytes) {
        self.files().insert(path.to_string(), bytes);
    }

    /// The files of the part `name` as the last good build made them, if it made them from
    /// the same `made_from`; this build then keeps them too.
    pub fn recall_part(
        &self,
        name: &'static str,
        made_from: Fingerprint,
    ) -> Option<Vec<OutputFile>> {
        let part = self
            .parts_last
            .get(name)
            .filter(|p| p.made_from == made_from)?;
        self.parts().insert(name, part.clone());
        let pages = (part.files.iter()).filter(|(path, _)| path.ends_with(".html"));
        self.recalled.fetch_add(pages.count(), Ordering::Relaxed);
        let files = (part.files.iter())
            .map(|(path, bytes)| OutputFile::shared(path.clone(), bytes.clone()))
            .collect();
        Some(files)
    }

    /// The files this build made of the part `name` from `made_from`, to recall in the next.
    pub fn remember_part(&self, name: &'static str, made_from: Fingerprint, files: &[OutputFile]) {
        let files = (files.iter())
            .filter_map(|file| match &file.contents {
                Contents::Bytes(bytes) => Some((file.path.clone(), Bytes::copy_from_slice(bytes))),
                Contents::Shared(bytes) => Some((file.path.clone(), bytes.clone())),
                _ => None,
            })
            .collect();
        self.parts().insert(name, Part { made_from, files });
    }

    fn parts(&self) -> std::sync::MutexGuard<'_, HashMap<&'static str, Part>> {
        self.parts_this
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    fn files(&self) -> std::sync::MutexGuard<'_, HashMap<String, Bytes>> {
        self.files_this
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// The build succeeded: its pages are the ones to remember, and no other.
    pub fn keep_this_build(&mut self) {
        let this = self.this.get_mut().unwrap_or_else(PoisonError::into_inner);
        self.last = std::mem::take(this);
        let files = self
            .files_this
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        self.files_last = std::mem::take(files);
        let parts = self
            .parts_this
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        self.parts_last = std::mem::take(parts);
        for made_from in [&mut self.outline, &mut self.entries, &mut self.documents] {
            made_from.keep();
        }
    }

    /// The build failed, or another begins: the last good build's pages are still the ones
    /// to remember.
    pub fn forget_this_build(&mut self) {
        self.this
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        self.files_this
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        self.parts_this
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
        for made_from in [&mut self.outline, &mut self.entries, &mut self.documents] {
            made_from.forget();
        }
    }

    /// How many pages the last build took as they were.
    pub fn recalled(&self) -> usize {
        self.recalled.load(Ordering::Relaxed)
    }

    /// A build begins: nothing of it is remembered, nothing recalled yet.
    pub fn begin(&mut self) {
        self.forget_this_build();
        *self.recalled.get_mut() = 0;
    }

    fn this_build(&self) -> std::sync::MutexGuard<'_, HashMap<Fingerprint, Arc<Vec<u8>>>> {
        self.this.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Puts one value into a template's context.
type Insert<'v> = Box<dyn Fn(&mut Context) + 'v>;

/// The values a template is given, by name: made into Tera's context only when the page
/// has to be rendered, and hashed as they are added when there is a memo to ask.
pub struct Views<'v> {
    template: &'v str,
    inserts: Vec<Insert<'v>>,
    hash: Option<Hash2>,
    /// Each value written out, then hashed whole: hashing serde's many small pieces one by
    /// one costs more than writing them.
    serialised: Vec<u8>,
}

impl<'v> Views<'v> {
    /// Views for `template`; `templates` is the fingerprint of every template of the site
    /// (a page includes others), `None` when nothing is remembered.
    pub fn new(template: &'v str, templates: Option<u64>) -> Self {
        let hash = templates.map(|templates| {
            let mut hash = Hash2::default();
            hash.write_u64(templates);
            hash.write(template.as_bytes());
            hash
        });
        Views {
            template,
            inserts: Vec::new(),
            hash,
            serialised: Vec::new(),
        }
    }

    pub fn add<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &'v T) {
        self.hash_value(name, value);
        self.inserts
            .push(Box::new(move |context| context.insert(name, value)));
    }

    /// [`Views::add`] for a value many pages are given alike: it is made into Tera's value
    /// once, and each page's context shares it.
    pub fn add_shared<T: Serialize>(&mut self, name: &'static str, shared: &'v Shared<T>) {
        self.hash_value(name, &shared.view);
        self.inserts.push(Box::new(move |context| {
            context.insert_value(name, shared.value())
        }));
    }

    fn hash_value<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        if let Some(hash) = &mut self.hash {
            self.serialised.clear();
            // A value JSON cannot write (a map whose keys are not text) leaves the page
            // unremembered: it is rendered every time, as in a one-off build.
            if serde_json::to_writer(&mut self.serialised, value).is_err() {
                self.hash = None;
            } else {
                hash.write(name.as_bytes());
                hash.write_u8(0xff);
                // Its length first, so that one value's end cannot pass for the next's start.
                hash.write_usize(self.serialised.len());
                hash.write(&self.serialised);
            }
        }
    }

    pub fn template(&self) -> &'v str {
        self.template
    }

    pub fn fingerprint(&self) -> Option<Fingerprint> {
        self.hash
            .as_ref()
            .map(|h| Fingerprint(h.sip.finish(), h.fx.finish()))
    }

    pub fn context(&self) -> Context {
        let mut context = Context::new();
        for insert in &self.inserts {
            insert(&mut context);
        }
        context
    }
}

/// A view that many pages are given alike (the site's own), with Tera's value of it, made
/// the first time a page needs it: a value's lists and maps are shared by reference, so each
/// page takes it without copying.
pub struct Shared<T> {
    pub view: T,
    value: OnceLock<Value>,
}

impl<T: Serialize> Shared<T> {
    pub fn new(view: T) -> Self {
        Shared {
            view,
            value: OnceLock::new(),
        }
    }

    pub fn value(&self) -> Value {
        self.value
            .get_or_init(|| Value::from_serializable(&self.view))
            .clone()
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.view
    }
}

/// The fingerprint of some pieces of bytes, each told from the next.
pub fn fingerprint_of<'p>(pieces: impl IntoIterator<Item = &'p [u8]>) -> Fingerprint {
    fingerprint_with(pieces, &())
}

/// The fingerprint of some pieces of bytes and of a value that hashes itself.
pub fn fingerprint_with<'p>(
    pieces: impl IntoIterator<Item = &'p [u8]>,
    value: &impl std::hash::Hash,
) -> Fingerprint {
    let mut hash = Hash2::default();
    for piece in pieces {
        hash.write_usize(piece.len());
        hash.write(piece);
    }
    value.hash(&mut hash);
    Fingerprint(hash.sip.finish(), hash.fx.finish())
}

/// Two unrelated hashes of one stream of bytes.
#[derive(Default)]
struct Hash2 {
    sip: DefaultHasher,
    fx: FxHasher,
}

impl Hasher for Hash2 {
    fn finish(&self) -> u64 {
        self.sip.finish() ^ self.fx.finish()
    }

    fn write(&mut self, bytes: &[u8]) {
        self.sip.write(bytes);
        self.fx.write(bytes);
    }
}

/// The fingerprint of a site's templates, by name and text.
pub fn templates_fingerprint<'t>(templates: impl IntoIterator<Item = (&'t str, &'t str)>) -> u64 {
    let mut hash = DefaultHasher::new();
    for (name, text) in templates {
        hash.write(name.as_bytes());
        hash.write_u8(0xff);
        hash.write(text.as_bytes());
        hash.write_u8(0xff);
    }
    hash.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fingerprint(template: &str, templates: u64, values: &[(&'static str, &str)]) -> Fingerprint {
        let mut views = Views::new(template, Some(templates));
        for (name, value) in values {
            views.add(name, *value);
        }
        views.fingerprint().unwrap()
    }

    #[test]
    fn a_page_is_known_by_its_template_the_templates_and_every_value() {
        let page = fingerprint("a.html", 1, &[("title", "Miasnikov")]);
        assert_eq!(page, fingerprint("a.html", 1, &[("title", "Miasnikov")]));
        assert_ne!(page, fingerprint("b.html", 1, &[("title", "Miasnikov")]));
        assert_ne!(page, fingerprint("a.html", 2, &[("title", "Miasnikov")]));
        assert_ne!(page, fingerprint("a.html", 1, &[("title", "Miasnikov ")]));
        assert_ne!(page, fingerprint("a.html", 1, &[("name", "Miasnikov")]));
        assert_ne!(
            page,
            fingerprint("a.html", 1, &[("title", "Miasnikov"), ("x", "")])
        );
    }

    #[test]
    fn a_shared_value_is_known_and_given_as_its_view() {
        let shared = Shared::new(vec!["Miasnikov", "Kollontai"]);
        let mut with_shared = Views::new("a.html", Some(1));
        with_shared.add_shared("names", &shared);
        let mut with_view = Views::new("a.html", Some(1));
        with_view.add("names", &shared.view);
        assert_eq!(with_shared.fingerprint(), with_view.fingerprint());
        assert_eq!(with_shared.context(), with_view.context());
    }

    #[test]
    fn without_a_memo_nothing_is_hashed() {
        let mut views = Views::new("a.html", None);
        views.add("title", "Miasnikov");
        assert_eq!(views.fingerprint(), None);
        assert!(views.context().contains_key("title"));
    }

    #[test]
    fn a_value_that_cannot_be_written_leaves_the_page_unremembered() {
        // A map keyed by pairs: JSON's keys are text.
        let names: HashMap<(u8, u8), &str> = HashMap::from([((1, 2), "Miasnikov")]);
        let mut views = Views::new("a.html", Some(1));
        views.add("title", "Miasnikov");
        assert!(views.fingerprint().is_some());
        views.add("names", &names);
        assert_eq!(views.fingerprint(), None);
    }

    #[test]
    fn only_a_good_build_replaces_what_is_remembered() {
        let mut memo = RenderMemo::default();
        let (a, b) = (Fingerprint(1, 1), Fingerprint(2, 2));
        memo.remember(a, b"first");
        memo.keep_this_build();
        memo.begin();
        assert_eq!(memo.recall(a, true).as_deref(), Some(&b"first"[..]));
        assert_eq!(memo.recalled(), 1);
        memo.remember(b, b"second");
        memo.forget_this_build();
        assert_eq!(
            memo.recall(b, true),
            None,
            "the failed build's page is forgotten"
        );
        assert_eq!(memo.recall(a, true).as_deref(), Some(&b"first"[..]));
        memo.keep_this_build();
        assert_eq!(
            memo.last.len(),
            1,
            "only the pages of the last good build are kept"
        );
    }
}
