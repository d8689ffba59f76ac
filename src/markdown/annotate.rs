//! The hook through which names are found in a page while it renders: each block (a
//! paragraph, a note, a list item's text) is handed with its plain text to a
//! `BlockAnnotator`, which may make the names in it links. `markdown` knows nothing of what
//! the names are; the analyse stage gives it the registry's (`entity::annotate::Annotator`),
//! and a site without a registry none.

use pulldown_cmark::Event;

/// The line and column in the file where a block's event (by its index) starts, where known.
pub type EventPosition<'p> = dyn Fn(usize) -> Option<(usize, usize)> + 'p;

/// Where a block stands on the page, for what is found in it.
#[derive(Clone, Copy)]
pub struct BlockPlace<'p> {
    /// The id its mentions point to: `p-3`, `p-3-1`, `fn-2`.
    pub anchor: &'p str,
    /// Its index among the page's kept paragraphs (`Rendered::texts`) when it is one; the
    /// annotator keeps the text of any other block it finds names in.
    pub paragraph: Option<u32>,
    pub in_note: bool,
    /// The line of the page's file it starts on, for messages.
    pub line: usize,
    /// The line and column in the file where its event at an index starts, for a message
    /// about that event (a link); `None` where it is not known (a note's events).
    pub position: &'p EventPosition<'p>,
}

/// What reads a page's blocks, in reading order, as `markdown` renders them.
pub trait BlockAnnotator {
    /// A heading begins a new section of the page.
    fn new_section(&mut self);

    /// The block's events, with what the annotator found in them marked up. `text` is the
    /// block's text as a reader sees it, and where each event starts in it
    /// (`markdown::plain_text`).
    fn block<'a>(
        &mut self,
        events: Vec<Event<'a>>,
        text: (&str, &[Option<usize>]),
        place: BlockPlace,
    ) -> Vec<Event<'a>>;
}
