//! The timeline for reuse: `timeline.json` (our schema, `docs/timeline.schema.json`) and
//! `timeline.timelinejs.json` in the JSON format of Knight Lab's TimelineJS.

use std::io::Write;

use serde::Serialize;

use super::{DocumentLink, EntityLink, Entry, EntryKind, EntryView};
use crate::date::Point;
use crate::text::escape_html;

pub const JSON_FILE: &str = "timeline.json";
pub const TIMELINEJS_FILE: &str = "timeline.timelinejs.json";
/// The version of the schema of `timeline.json`.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Timeline<'a> {
    version: u32,
    title: &'a str,
    entries: Vec<JsonEntry<'a>>,
}

#[derive(Serialize)]
struct JsonEntry<'a> {
    kind: EntryKind,
    date: JsonDate,
    title: Option<&'a str>,
    excerpt: Option<&'a str>,
    url: &'a str,
    entities: &'a [EntityLink<'a>],
    document: Option<&'a DocumentLink<'a>>,
}

#[derive(Serialize)]
struct JsonDate {
    edtf: String,
    human: String,
    start: Option<String>,
    end: Option<String>,
    approximate: bool,
    old_style: Option<String>,
}

/// `timeline.json`: every entry with its date in EDTF and for readers, its links.
pub fn write_timeline_json(
    out: &mut dyn Write,
    title: &str,
    entries: &[Entry],
    views: &[EntryView],
) -> serde_json::Result<()> {
    let timeline = Timeline {
        version: SCHEMA_VERSION,
        title,
        entries: entries
            .iter()
            .zip(views)
            .map(|(entry, view)| JsonEntry {
                kind: entry.kind,
                date: JsonDate {
                    edtf: view.edtf.clone(),
                    human: view.human.clone(),
                    start: entry.date.start.map(|p| p.edtf()),
                    end: entry.date.end.map(|p| p.edtf()),
                    approximate: entry.date.qualifier != crate::date::Qualifier::Exact,
                    old_style: entry.old_style.as_ref().map(|d| d.edtf()),
                },
                title: view.title,
                excerpt: view.excerpt,
                url: &view.url,
                entities: &view.entities,
                document: view.document.as_ref(),
            })
            .collect(),
    };
    serde_json::to_writer(out, &timeline)
}

#[derive(Serialize)]
struct TimelineJs {
    title: Slide,
    events: Vec<Slide>,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<TimelineJsDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<TimelineJsDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: SlideText,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
}

#[derive(Serialize)]
struct SlideText {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct TimelineJsDate {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

impl From<Point> for TimelineJsDate {
    fn from(point: Point) -> Self {
        TimelineJsDate {
            year: point.year,
            month: point.month,
            day: point.day,
        }
    }
}

/// The same entries as TimelineJS reads them: a slide for each, grouped by kind; the text is
/// HTML, escaped here.
pub fn write_timelinejs_json(
    out: &mut dyn Write,
    title: &str,
    entries: &[Entry],
    views: &[EntryView],
) -> serde_json::Result<()> {
    let events = entries
        .iter()
        .zip(views)
        .filter_map(|(entry, view)| {
            let start = entry.date.start.or(entry.date.end)?;
            let headline = match (&view.title, &view.document) {
                (Some(title), _) => format!("{}: {}", view.kind_label, title),
                (None, Some(document)) => document.page_title.to_string(),
                (None, None) => view.kind_label.to_string(),
            };
            Some(Slide {
                start_date: Some(start.into()),
                end_date: entry
                    .date
                    .end
                    .filter(|_| entry.date.is_range)
                    .map(Into::into),
                display_date: Some(view.human.clone()),
                text: SlideText {
                    headline: escape_html(&headline),
                    text: slide_text(view),
                },
                group: Some(view.kind_label.to_string()),
            })
        })
        .collect();
    let timeline = TimelineJs {
        title: Slide {
            start_date: None,
            end_date: None,
            display_date: None,
            text: SlideText {
                headline: escape_html(title),
                text: String::new(),
            },
            group: None,
        },
        events,
    };
    serde_json::to_writer(out, &timeline)
}

fn slide_text(view: &EntryView) -> String {
    let mut html = String::new();
    if let Some(excerpt) = &view.excerpt {
        html.push_str(&format!("<p>{}</p>", escape_html(excerpt)));
    }
    let links: Vec<String> = view
        .entities
        .iter()
        .map(|e| {
            format!(
                "<a href=\"{}\">{}</a>",
                escape_html(&e.url),
                escape_html(e.name)
            )
        })
        .collect();
    if !links.is_empty() {
        html.push_str(&format!("<p>{}</p>", links.join(", ")));
    }
    html.push_str(&format!(
        "<p><a href=\"{}\">{}</a></p>",
        escape_html(&view.url),
        match &view.document {
            Some(document) => escape_html(&document.page_title),
            None => "More".to_string(),
        }
    ));
    html
}
