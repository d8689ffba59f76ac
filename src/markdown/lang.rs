//! Russian passages in the text (the notes cite Russian sources) in `<span lang="ru">`, so
//! that screen readers speak them in Russian and browsers hyphenate them right.

use pulldown_cmark::Event;

use crate::text::lang::russian_runs;
use crate::text::{escape_html, has_cyrillic};

/// Russian passages (the notes cite Russian sources) in `<span lang="ru">`, so that screen
/// readers speak them in Russian and browsers hyphenate them right. A passage runs from its
/// first Cyrillic letter to its last one before a Latin letter.
pub(super) fn mark_russian(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Text(t) if has_cyrillic(t)))
    {
        return events;
    }
    let mut out = Vec::with_capacity(events.len() + 4);
    for event in events {
        match event {
            Event::Text(text) if has_cyrillic(&text) => {
                for (run, russian) in russian_runs(&text) {
                    if russian {
                        out.push(Event::InlineHtml(
                            format!("<span lang=\"ru\">{}</span>", escape_html(run)).into(),
                        ));
                    } else {
                        out.push(Event::Text(run.to_string().into()));
                    }
                }
            }
            other => out.push(other),
        }
    }
    out
}
