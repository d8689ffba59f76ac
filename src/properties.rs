//! Property tests over what editors write, on inputs generated from the pieces such texts
//! are made of (and some that no editor would write): front matter, dates in EDTF and in
//! prose, Markdown with notes, links and names, `annals import`, and the search index's
//! words. Each holds that nothing panics and that what comes out is whole: every problem
//! at a line of the file, every note marker leading to its note, every imported page's
//! front matter TOML, every word found again in the index.
//!
//! `cargo test` runs 256 cases of each; `PROPTEST_CASES=10000 cargo test --lib properties`
//! runs more. Each test says how many it ran. A failure found here becomes a regression
//! test with its minimised input beside the code it concerns.

use std::io::Write as _;
use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::analyse::Analyser;
use crate::content::{Page, PageKind};
use crate::date::HistoricalDate;
use crate::diagnostic::Diagnostics;
use crate::entity::annotate::Entities;
use crate::entity::matcher::Matcher;
use crate::frontmatter::{self, FrontMatter, KNOWN_KEYS};
use crate::import::{Format, ImportOptions, import};
use crate::search::words::words;
use crate::timeline::extract::sentence_date;

/// A text made of `pieces`, chosen and joined at random: the shapes the parsers meet,
/// in orders no test would list.
fn text_of(pieces: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(pieces).prop_map(str::to_string),
        1 => "\\PC{0,12}",
    ];
    proptest::collection::vec(piece, 0..max).prop_map(|parts| parts.concat())
}

/// Runs `test` on cases of `strategy` and says how many it ran.
fn check<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let config = Config::default();
    let cases = config.cases;
    let mut runner = TestRunner::new(config);
    if let Err(failure) = runner.run(&strategy, test) {
        panic!("property {name}: {failure}");
    }
    // Straight to the terminal: the harness shows what a passing test prints only on request.
    let _ = writeln!(std::io::stderr().lock(), "property {name}: {cases} cases");
}

fn line_count(text: &str) -> usize {
    text.split('\n').count()
}

const FRONT_MATTER: &[&str] = &[
    "+++",
    "+++\n",
    "\n",
    "title = ",
    "\"A title\"",
    "\"",
    "'",
    "date = \"1921-03\"",
    "authors = [\"A\", \"B\"]",
    "[extra]",
    "[names]",
    "Smirnov = \"person:x\"",
    "= ",
    "x = 1",
    "missing_notes = \"lost\"",
    "\u{feff}",
    "\r\n",
    "draft = true",
    "weight = -3",
    "#",
    "[",
    "]",
    "{",
    "}",
    "Ленин",
    "\\u",
    "\"\"\"",
];

#[test]
fn front_matter_is_read_or_refused_at_a_line_of_the_file() {
    check("front matter", text_of(FRONT_MATTER, 24), |text| {
        let mut diagnostics = Diagnostics::default();
        let _ = frontmatter::parse::<FrontMatter>(
            &text,
            Path::new("a.md"),
            KNOWN_KEYS,
            "in the front matter",
            &mut diagnostics,
        );
        for d in diagnostics.iter() {
            let line = d.line.unwrap_or(1);
            prop_assert!(line >= 1 && line <= line_count(&text), "{d} in {text:?}");
        }
        Ok(())
    });
}

const DATES: &[&str] = &[
    "1921",
    "-",
    "03",
    "08",
    "/",
    "~",
    "?",
    "%",
    "X",
    "..",
    "1917-10-25",
    "21",
    "24",
    "T10:00",
    "Z",
    " ",
    "0000",
    "9999",
    "-0044",
];

const PROSE: &[&str] = &[
    "In ",
    "On ",
    "1921",
    "1917",
    " March ",
    "9 [21] ",
    "O.S.",
    " the ",
    "spring of ",
    "late ",
    "1920s",
    ". ",
    "Lenin",
    " wrote",
    ", ",
    "(",
    ")",
    "–",
    "to ",
    "between ",
    "and ",
    "12th ",
    "Congress",
    "\n",
    "c. ",
];

#[test]
fn dates_are_read_or_refused_and_read_dates_are_written_out() {
    check("dates", text_of(DATES, 8), |text| {
        if let Ok(date) = HistoricalDate::parse(&text) {
            prop_assert!(!date.human().is_empty());
            if let (Some(start), Some(end)) = (date.start, date.end) {
                prop_assert!(
                    start.sort_key() <= end.sort_key(),
                    "{text:?} ends before it starts"
                );
            }
        }
        Ok(())
    });
    check(
        "dates in prose",
        (text_of(PROSE, 12), text_of(PROSE, 12)),
        |(context, sentence)| {
            if let Some((date, _)) = sentence_date(&context, &sentence) {
                prop_assert!(!date.human().is_empty());
            }
            Ok(())
        },
    );
}

const MARKDOWN: &[&str] = &[
    "Lenin",
    "Miasnikov",
    "Smirnov",
    "I. N. Smirnov",
    "the Tenth Party Congress",
    " ",
    ". ",
    "\n",
    "\n\n",
    "[^1]",
    "[^2]",
    "[^1]: A note.",
    "\n[^2]: See [^1].\n",
    "    more\n",
    "[x](person:lenin)",
    "[y](person:nobody)",
    "[z](poeple:lenin)",
    "[w](doc:report#p-1)",
    "[v](javascript:x)",
    "[u](none:)",
    "> ",
    "- ",
    "1. ",
    "# ",
    "## A heading\n",
    "*",
    "_",
    "`",
    "```\n",
    "<b>",
    "</b>",
    "|",
    "---",
    "In 1921 ",
    "9 [21] March 1883",
    "«",
    "»",
    "Ленин",
    "\\",
    "![i](data:x)",
    "{#id}",
    "[",
    "]",
    "(",
    ")",
];

/// `test` given an analyser with the registry of the fixture site `registry`.
fn with_analyser(test: impl FnOnce(&dyn Fn(&str) -> crate::analyse::PageAnalysis)) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/registry/content");
    let mut diagnostics = Diagnostics::default();
    let registry = crate::entity::load(
        &root,
        &|p: &Path| p.to_path_buf(),
        (false, &mut Default::default()),
        &mut diagnostics,
    );
    let (matcher, _) = Matcher::new(&registry);
    let entities = Entities {
        registry: &registry,
        matcher: &matcher,
    };
    let analyser = Analyser::new(&registry, Some(entities), "/");
    test(&|body: &str| {
        let mut page = Page::generated(
            PageKind::Document,
            "documents/a/",
            "a.md".into(),
            "A".into(),
        );
        page.body = body.to_string();
        page.body_line = 4;
        analyser.page(&page)
    });
}

/// Found by the property below: a `none:` span dropped its link's events, and the names
/// after it were cut out of the text at the wrong places (a panic inside a character).
#[test]
fn a_name_after_a_none_span_is_linked_in_its_place() {
    with_analyser(|analyse| {
        let analysis = analyse("[u](none:)Lenin[x](person:lenin) and 𑥖[Lenin)");
        let html = &analysis.rendered.html;
        assert!(
            html.contains("u<a class=\"entity entity-person\" href=\"/people/lenin/\">Lenin</a>"),
            "{html}"
        );
        assert_eq!(analysis.mentions().len(), 3, "{html}");
    });
}

/// Found by the property below: a heading's links were neither judged nor rebased.
#[test]
fn a_heading_link_that_could_run_script_loses_its_address() {
    with_analyser(|analyse| {
        let analysis = analyse("## [v](javascript:x) and [w](/people/)\n");
        let html = &analysis.rendered.html;
        assert!(
            html.contains("<a>v</a>") && html.contains("href=\"/people/\""),
            "{html}"
        );
        let warned: Vec<String> = analysis
            .rendered
            .diagnostics
            .iter()
            .map(|d| d.location())
            .collect();
        assert_eq!(warned, ["a.md:4:4"]);
    });
}

/// Found by the property below: the words of an item that holds a quotation were read one
/// event at a time, under no id, so a name in emphasis was missed and a mention led nowhere.
#[test]
fn the_words_of_an_item_of_blocks_have_an_id_and_are_read_whole() {
    with_analyser(|analyse| {
        let analysis = analyse("- *I. N. Smirnov* wrote\n  > Lenin answered\n");
        let html = &analysis.rendered.html;
        assert!(html.contains("<li id=\"p-0-1\">"), "{html}");
        let anchors: Vec<&str> = (analysis.mentions().iter())
            .map(|m| analysis.names.block(&analysis.rendered.texts, m.block).0)
            .collect();
        assert_eq!(anchors, ["p-0-1", "p-1"], "{html}");
    });
}

#[test]
fn markdown_renders_with_its_names_and_every_marker_leads_to_its_note() {
    let marker = regex::Regex::new(r##"href="#(fn-\d+)""##).unwrap();
    with_analyser(|analyse| {
        check("markdown", text_of(MARKDOWN, 40), |body| {
            let analysis = analyse(&body);
            let rendered = &analysis.rendered;
            let last_line = 3 + line_count(&body);
            for d in &rendered.diagnostics {
                let line = d.line.unwrap_or(4);
                prop_assert!((1..=last_line).contains(&line), "{d} in {body:?}");
            }
            let notes: Vec<&str> = rendered.notes.iter().map(|n| n.id.as_str()).collect();
            for found in marker.captures_iter(&rendered.html) {
                prop_assert!(
                    notes.contains(&&found[1]),
                    "{} has no note in {body:?}",
                    &found[1]
                );
            }
            prop_assert!(
                !rendered
                    .html
                    .to_ascii_lowercase()
                    .contains("href=\"javascript:")
            );
            for mention in analysis.mentions() {
                let (anchor, text) = analysis.names.block(&rendered.texts, mention.block);
                prop_assert!(
                    !anchor.is_empty() && mention.start() <= text.len(),
                    "{body:?}"
                );
            }
            Ok(())
        })
    });
}

const TRANSCRIPTION: &[&str] = &[
    "TITLE\n",
    "\n",
    "\n\n",
    "Contents\n",
    "1. The First\n",
    "2. The Second\n",
    "Notes\n",
    "1. A note.\n",
    "2. ",
    "power.1 ",
    "text.² ",
    "^{3}",
    "(22)",
    "[12]",
    " page 14\n",
    "— 15 —\n",
    "The text runs on",
    " and on.\n",
    "<b>",
    "\\",
    "*",
    "#",
    "+++",
    "\"",
    "'",
    "Ленин\n",
    "\u{feff}",
    "\r\n",
    "- item\n",
    "[12.](#) A note\n",
    // Markdown, HTML and TEI, for the importers of those formats.
    "# Title\n",
    "[^1]: note\n",
    "> quote\n",
    "| a | b |\n|---|---|\n",
    "---\ntitle: x\n---\n",
    "<ref>r</ref>",
    "<references/>",
    "== Notes ==\n",
    "<p>",
    "</p>",
    "<sup><a href=\"#n1\">1</a></sup>",
    "<li id=\"n1\">",
    "</li>",
    "<ol>",
    "</ol>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<nav>",
    "</nav>",
    "<h2>",
    "</h2>",
    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\">",
    "</TEI>",
    "<text><body>",
    "</body></text>",
    "<note>",
    "</note>",
    "<pb n=\"3\"/>",
    "<div><head>",
    "</head>",
    // Wiki exports, Pandoc's extensions and pages of the 1990s.
    "{{cite book|last=A|title=T|page=4}}",
    "{{sfn|A|1990|p=3}}",
    "{{Infobox x\n| a = b\n}}",
    "{{",
    "}}",
    "[[a|b]]",
    "[[File:x.jpg|thumb|cap [[l]]]]",
    "thumb|cap]]",
    "''",
    "{|\n! a !! b\n|-\n| 1 || 2\n|}\n",
    "+---+---+\n| a | b |\n+---+---+\n",
    "Early life[edit]\n",
    "↑ a et b ",
    "^ ",
    "[a]",
    "a. ^ ",
    "Contents\n1 A\n2 B\n",
    "<gallery>\nFile:x|y\n</gallery>",
    "% Title\n",
    "^[inline [note]]",
    "| verse\n",
    "¹",
    "\n## Notes\n\n1. n\n2. m\n",
    "Title:  x\n",
    "====\n",
    "\t",
    "<br><br>",
    "<a name=\"1\"></a>1. ",
    "<a href=\"#1\"><sup>1</sup></a>",
    "<font>",
    "<p class=MsoListParagraph><span style='mso-list:Ignore'>1.</span>",
    "<persName ref=\"#x\">",
    "</persName>",
    "<front>",
    "<list><item>",
    "</item></list>",
];

#[test]
fn import_writes_pages_whose_front_matter_is_toml() {
    let formats = [
        Format::Auto,
        Format::Text,
        Format::Wiki,
        Format::Markdown,
        Format::Html,
        Format::Tei,
    ];
    let strategy = (text_of(TRANSCRIPTION, 40), any::<bool>(), 0..formats.len());
    check("import", strategy, |(text, split, format)| {
        let options = ImportOptions {
            split_chapters: split,
            missing_notes: Some("a \"quoted\" reason".into()),
            format: formats[format],
            ..Default::default()
        };
        let imported = import(&text, &options);
        prop_assert!(!imported.files.is_empty());
        for file in &imported.files {
            let mut diagnostics = Diagnostics::default();
            let read = frontmatter::parse::<FrontMatter>(
                &file.markdown,
                Path::new(&file.path),
                KNOWN_KEYS,
                "in the front matter",
                &mut diagnostics,
            );
            prop_assert!(
                read.is_some(),
                "{}: {:?}\n{}",
                file.path,
                diagnostics.sorted(),
                file.markdown
            );
        }
        Ok(())
    });
}

#[test]
fn every_word_is_a_word_again() {
    check("search words", "\\PC{0,40}", |text| {
        for word in words(&text) {
            prop_assert!(!word.is_empty());
            prop_assert_eq!(words(&word), vec![word.clone()], "{:?} in {:?}", word, text);
        }
        Ok(())
    });
}

/// A forename or initials that the entry does not have make a bare surname someone else's
/// (issue 26: "Sergey Kamenev" was linked to Lev Kamenev, "M. B. Mitin" to F. A. Mitin).
#[test]
fn a_surname_after_anothers_forename_or_initials_is_not_linked() {
    with_analyser(|analyse| {
        let analysis = analyse(
            "Ivan Lenin wrote. M. B. Miasnikov answered. G. T. Miasnikov agreed.\n\n\
             Comrade Lenin spoke, and in March Lenin wrote again. At the end of August Lenin \
             left (a month is no forename, though August Thalheimer bears it).\n",
        );
        let warned: Vec<&str> = (analysis.rendered.diagnostics.iter())
            .map(|d| d.message.as_str())
            .filter(|m| m.contains("is not linked: the registry's"))
            .collect();
        assert_eq!(
            warned,
            [
                "“Ivan Lenin” is not linked: the registry's Lenin is Vladimir Ilyich Lenin",
                "“M. B. Miasnikov” is not linked: the registry's Miasnikov is Gavriil Il'ich Miasnikov",
            ]
        );
        let linked: Vec<String> = (analysis.mentions().iter())
            .map(|m| {
                analysis.names.block(&analysis.rendered.texts, m.block).1[m.start()..]
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect();
        assert_eq!(
            linked.iter().filter(|w| w.starts_with("Lenin")).count(),
            3,
            "{linked:?}"
        );
        assert_eq!(
            linked.iter().filter(|w| w.starts_with("G.")).count(),
            1,
            "{linked:?}"
        );
    });
}

/// In an interview, a paragraph that opens on "A." is an answer: its "A. Lenin said" is no
/// initial of another Lenin.
#[test]
fn an_interviews_answer_mark_is_no_initial() {
    with_analyser(|analyse| {
        let analysis =
            analyse("Q. Who spoke first?\n\nA. Lenin spoke first, and then the others.\n");
        let warned = (analysis.rendered.diagnostics.iter())
            .filter(|d| d.message.contains("is not linked"))
            .count();
        assert_eq!(warned, 0, "{:?}", analysis.rendered.diagnostics);
        assert_eq!(analysis.mentions().len(), 1);
    });
}

/// A given name common in the period's documents, which no entry of the registry has, makes
/// a bare surname someone else's too ("Anna Parnell" is no Charles Stewart Parnell); the
/// spellings of one name meet ("Alexander", "Aleksandr").
#[test]
fn a_common_given_name_the_entry_lacks_is_someone_elses() {
    with_analyser(|analyse| {
        let analysis = analyse("Anna Lenin wrote to him, and Vladimir Lenin answered.\n");
        let warned: Vec<&str> = (analysis.rendered.diagnostics.iter())
            .map(|d| d.message.as_str())
            .filter(|m| m.contains("is not linked"))
            .collect();
        assert_eq!(
            warned,
            ["“Anna Lenin” is not linked: the registry's Lenin is Vladimir Ilyich Lenin"]
        );
        assert_eq!(analysis.mentions().len(), 1);
    });
    assert_eq!(
        crate::text::forenames::fold("Alexander"),
        crate::text::forenames::fold("Aleksander")
    );
    assert_eq!(
        crate::text::forenames::fold("Yurii"),
        crate::text::forenames::fold("Iurii")
    );
}
