use super::*;

fn render(body: &str) -> Rendered {
    MarkdownRenderer::default().render(body, Source::new(Path::new("doc.md"), 5, "/sub/"), None)
}

/// Rendered with notes numbered 1, 2, 3 … in the order the text cites them (`[notes]
/// numbers = "order"`).
fn render_in_order(body: &str) -> Rendered {
    let source = Source {
        note_numbers: NoteNumbers::Order,
        ..Source::new(Path::new("doc.md"), 5, "/sub/")
    };
    MarkdownRenderer::default().render(body, source, None)
}

#[test]
fn a_list_nested_thousands_deep_is_rendered_whole_with_one_warning() {
    // Each item holds two paragraphs (three lines), so that each level is rendered as
    // blocks.
    let depth = 3000;
    let body: String = (0..depth)
        .map(|level| {
            format!(
                "{}- item {level}\n\n{}  more\n",
                "  ".repeat(level),
                "  ".repeat(level)
            )
        })
        .collect();
    let r = render(&body);
    assert_eq!(r.html.matches("<li").count(), depth);
    // The items within the limit, and the first beyond it, have ids; those inside that one
    // are written as they are.
    assert_eq!(r.html.matches("<li id=").count(), MAX_ITEM_DEPTH + 1);
    assert!(r.html.contains("item 2999"));
    // The levels within the limit have their paragraph ids; those beyond it do not.
    assert_eq!(r.html.matches("<p id=").count(), 2 * MAX_ITEM_DEPTH);
    let warnings: Vec<&Diagnostic> = r
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("nested more than"))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    // The first item too deep is number MAX_ITEM_DEPTH from 0, three lines an item, and
    // the body starts on line 5 of its file.
    assert_eq!(warnings[0].line, Some(5 + 3 * MAX_ITEM_DEPTH));
}

#[test]
fn a_link_to_a_document_becomes_its_path_without_a_registry() {
    let r = render("See [it](doc:avrich-1984#p-3), [the book](doc:/book/) and [a](/x/).\n");
    assert!(
        r.html.contains("href=\"/sub/documents/avrich-1984/#p-3\""),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("href=\"/sub/documents/book/\""),
        "{}",
        r.html
    );
    assert!(r.html.contains("href=\"/sub/x/\""), "{}", r.html);
    assert!(!r.html.contains("doc:"), "{}", r.html);
}

#[test]
fn a_note_cited_from_another_note_only_is_linked_both_ways() {
    let r = render_in_order(
        "A[^a] and C[^c].\n\n[^a]: See note [^b].\n[^b]: The other.\n[^c]: Also [^b].\n[^d]: Alone.\n",
    );
    let notes: Vec<(usize, &str, NoteStatus)> = r
        .notes
        .iter()
        .map(|n| (n.number, n.label.as_str(), n.status))
        .collect();
    assert_eq!(
        notes,
        [
            (1, "a", NoteStatus::Cited),
            (2, "c", NoteStatus::Cited),
            (3, "b", NoteStatus::Cited),
            (4, "d", NoteStatus::Uncited)
        ]
    );
    assert!(
        r.notes[0].html.contains("<a href=\"#fn-3\">3</a>"),
        "{}",
        r.notes[0].html
    );
    assert!(
        r.notes[1].html.contains("<a href=\"#fn-3\">3</a>"),
        "{}",
        r.notes[1].html
    );
    assert!(r.notes.iter().all(|n| !n.html.contains("[^")));
    let back: Vec<&str> = r.notes[2].backrefs.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(back, ["fn-1", "fn-2"]);
    let never: Vec<&str> = r
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("never cited"))
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(never, ["note [^d] is never cited in the text"]);
}

#[test]
fn a_heading_never_takes_the_id_of_a_paragraph_or_a_note() {
    let r = render("First.\n\n## P 1\n\nSecond.[^a]\n\n## Fn 1\n\n## P 1 a\n\n[^a]: A note.\n");
    for id in ["id=\"h-p-1\"", "id=\"h-fn-1\"", "id=\"p-1-a\""] {
        assert!(r.html.contains(id), "{id} in {}", r.html);
    }
    assert_eq!(r.html.matches("id=\"p-1\"").count(), 1, "{}", r.html);
}

#[test]
fn a_level_one_heading_is_a_second_title_and_a_warning_at_its_line() {
    let r = render("Text.\n\n# A Title Again\n\n## A section\n");
    let warnings: Vec<(Option<usize>, &str)> = r
        .diagnostics
        .iter()
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [(
            Some(7),
            "the heading `# A Title Again` gives the page a second title"
        )]
    );
}

#[test]
fn notes_are_numbered_in_order_of_first_reference() {
    let r = render_in_order("B[^b] then A[^a] then B again[^b].\n\n[^a]: Note a.\n[^b]: Note b.\n");
    let numbered: Vec<(usize, &str)> = r
        .notes
        .iter()
        .map(|n| (n.number, n.label.as_str()))
        .collect();
    assert_eq!(numbered, vec![(1, "b"), (2, "a")]);
    let backrefs: Vec<(&str, &str)> = r.notes[0]
        .backrefs
        .iter()
        .map(|b| (b.id.as_str(), b.label.as_str()))
        .collect();
    assert_eq!(backrefs, vec![("fnref-1", "a"), ("fnref-1-2", "b")]);
    assert!(r.html.contains("id=\"fnref-1-2\""));
    assert!(r.notes[1].html.contains("Note a."));
    assert!(r.diagnostics.is_empty());
}

#[test]
fn a_marker_without_a_note_is_kept_and_reported_at_its_line() {
    let r = render_in_order("Fine.\n\nLost here.[^9] And [^not a label].\n");
    assert_eq!(r.notes.len(), 1);
    assert_eq!(r.notes[0].status, NoteStatus::Missing);
    assert!(r.html.contains("class=\"note-ref missing\""));
    assert!(
        r.html.contains("[^not a label]"),
        "text that is not a marker stays text"
    );
    assert_eq!(r.diagnostics.len(), 1);
    assert_eq!(r.diagnostics[0].line, Some(7));
}

#[test]
fn uncited_and_duplicate_notes_are_listed_after_the_cited_ones() {
    let r = render_in_order("Text[^1].\n\n[^1]: One.\n[^2]: Two.\n[^1]: One again.\n");
    let statuses: Vec<NoteStatus> = r.notes.iter().map(|n| n.status).collect();
    assert_eq!(
        statuses,
        vec![
            NoteStatus::Cited,
            NoteStatus::Uncited,
            NoteStatus::Duplicate
        ]
    );
    assert_eq!(r.notes[2].number, 3);
    let lines: Vec<Option<usize>> = r.diagnostics.iter().map(|d| d.line).collect();
    assert_eq!(lines, vec![Some(8), Some(9)]);
}

#[test]
fn a_note_cited_from_a_second_definition_links_back_to_that_definition() {
    let r = render_in_order("Text[^a].\n\n[^a]: One.\n[^a]: Two, see [^b].\n[^b]: Three.\n");
    let numbers: Vec<(usize, NoteStatus)> = r.notes.iter().map(|n| (n.number, n.status)).collect();
    assert_eq!(
        numbers,
        vec![
            (1, NoteStatus::Cited),
            (2, NoteStatus::Duplicate),
            (3, NoteStatus::Cited)
        ]
    );
    let back: Vec<&str> = r.notes[2].backrefs.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(
        back,
        ["fn-2"],
        "note b is cited from the second note a, number 2"
    );
    assert!(r.notes[1].html.contains("href=\"#fn-3\""));
}

#[test]
fn each_item_of_a_plain_list_is_a_block_with_its_own_id() {
    let r = render("Three positions:\n\n1. Trotsky.\n2. Lenin.\n\nThen.\n\n- One more.\n");
    assert!(
        r.html.contains("<li id=\"p-1-1\">Trotsky.</li>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<li id=\"p-1-2\">Lenin.</li>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<li id=\"p-2-1\">One more.</li>"),
        "{}",
        r.html
    );
    let blocks: Vec<(&str, &str)> = r
        .texts
        .iter()
        .map(|t| (t.anchor.as_str(), t.text.as_str()))
        .collect();
    assert_eq!(
        blocks,
        [
            ("p-1", "Three positions:"),
            ("p-1-1", "Trotsky."),
            ("p-1-2", "Lenin."),
            ("p-2", "Then."),
            ("p-2-1", "One more.")
        ]
    );
    assert!(r.has_id("p-1-2"));
    assert_eq!(r.paragraphs, 2, "items are not paragraphs");
}

#[test]
fn headings_and_paragraphs_get_unique_ids() {
    let r = render("# Notes\n\nOne.\n\n## Part one\n\nTwo.\n\n## Part one\n\n## Own {#mine}\n");
    let ids: Vec<&str> = r.toc.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        vec!["notes-2", "part-one", "part-one-2", "mine"],
        "`notes` is the page's own id"
    );
    assert_eq!(r.paragraphs, 2);
    assert!(r.html.contains("<p id=\"p-2\">Two."));
    // A number taken by an explicit id is passed over, and numbering goes on after it.
    let r = render("## Same {#same-3}\n\n## Same\n\n## Same\n\n## Same\n\n## Same\n");
    let ids: Vec<&str> = r.toc.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["same-3", "same", "same-2", "same-4", "same-5"]);
}

#[test]
fn each_body_paragraph_keeps_its_plain_text_id_and_section() {
    let r = render(
        "On *15 October* 1923 it met.[^1]\n\n## Later\n\nThen [it](/x/) ended.\n\n[^1]: A note of 1928/1929.\n",
    );
    let texts: Vec<(&str, usize, &str)> = r
        .texts
        .iter()
        .map(|t| (t.anchor.as_str(), t.section, t.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            ("p-1", 0, "On 15 October 1923 it met."),
            ("p-2", 1, "Then it ended.")
        ],
        "no markers, no notes"
    );
}

#[test]
fn root_relative_links_get_the_base_path() {
    let r = render("[a](/documents/x/) [b](https://example.org/) [c](../y/)\n");
    assert!(r.html.contains("href=\"/sub/documents/x/\""));
    assert!(r.html.contains("href=\"https://example.org/\""));
    assert!(r.html.contains("href=\"../y/\""));
}

#[test]
fn code_is_highlighted_only_when_it_names_a_language() {
    let r = render("```rust\nfn main() {}\n```\n\n```\nplain <b>\n```\n");
    assert!(r.html.contains("<pre style="), "{}", r.html);
    assert!(r.html.contains("plain &lt;b&gt;"));
}

#[test]
fn russian_passages_are_marked() {
    let r = render("[^1]\n\n[^1]: Ленин, ПСС [Lenin, CW].\n");
    assert!(
        r.notes[0]
            .html
            .contains("<span lang=\"ru\">Ленин, ПСС</span> [Lenin, CW]."),
        "{}",
        r.notes[0].html
    );
}

#[test]
fn a_link_that_could_run_script_is_written_without_its_address() {
    let r = render(
        "[a](javascript:alert(1)) [b](JavaScript:alert(2)) ![c](data:text/html,x) \
         [d](https://example.org/) [e](/people/) [f](mailto:a@example.org) [g](notes.html)[^n]\n\n\
         [^n]: In a note: [h](vbscript:x).\n",
    );
    let html = format!("{}{}", r.html, r.notes[0].html);
    for refused in ["javascript", "JavaScript", "data:", "vbscript"] {
        assert!(!html.contains(refused), "{refused} in {html}");
    }
    assert!(
        html.contains("<a>a</a>") && html.contains("<a>h</a>"),
        "{html}"
    );
    for kept in [
        "https://example.org/",
        "/sub/people/",
        "mailto:a@example.org",
        "notes.html",
    ] {
        assert!(
            html.contains(&format!("href=\"{kept}\"")),
            "{kept} in {html}"
        );
    }
    let warned: Vec<String> = r.diagnostics.iter().map(|d| d.location()).collect();
    assert_eq!(
        warned,
        ["doc.md:5:1", "doc.md:5:26", "doc.md:5:51", "doc.md:7:18"]
    );
}

#[test]
fn the_scheme_is_read_as_a_browser_reads_it() {
    use super::links::scheme;
    assert_eq!(scheme(" java\tscript:x").as_deref(), Some("javascript"));
    assert_eq!(scheme("HTTPS://x").as_deref(), Some("https"));
    assert_eq!(scheme("notes/a:b"), None);
    assert_eq!(scheme("#fn-1"), None);
    assert_eq!(scheme("./x:y"), None);
}

#[test]
fn a_missing_note_whose_text_stands_without_its_colon_is_pointed_to() {
    let r = render(
        "A claim.[^7] Another.[^8]\n\n[^7] The note, its colon forgotten.\n\n8. The other note, as a list item.\n",
    );
    let helps: Vec<String> = r
        .diagnostics
        .iter()
        .filter(|d| d.message.contains("is cited but its text is missing"))
        .map(|d| d.help.clone().unwrap_or_default())
        .collect();
    assert_eq!(
        helps,
        [
            "line 7 looks like this note's text: begin it `[^7]: …` (the colon makes it the note)",
            "line 9 looks like this note's text: begin it `[^8]: …` (the colon makes it the note)",
        ]
    );
}

#[test]
fn notes_numbered_by_their_source_keep_its_numbers_order_and_addresses() {
    // The source's note 7 lost its marker: it stays note 7, between 6 and 8.
    let r = render(
        "Six.[^6] Eight.[^8] Six again.[^6]\n\n[^6]: Note six.\n[^7]: Note seven.\n[^8]: Note eight, after [^7].\n",
    );
    let shown: Vec<(&str, &str, &str)> = r
        .notes
        .iter()
        .map(|n| (n.shown.as_str(), n.id.as_str(), n.label.as_str()))
        .collect();
    assert_eq!(
        shown,
        [("6", "fn-6", "6"), ("7", "fn-7", "7"), ("8", "fn-8", "8")]
    );
    assert!(
        r.html.contains(
            "id=\"fnref-8\"><a href=\"#fn-8\" role=\"doc-noteref\" aria-label=\"Note 8\">8</a>"
        ),
        "{}",
        r.html
    );
    assert!(r.html.contains("id=\"fnref-6-2\""));
    assert!(
        r.notes[2].html.contains("<a href=\"#fn-7\">7</a>"),
        "{}",
        r.notes[2].html
    );
    let messages: Vec<&str> = r.diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "the notes are numbered as the source numbers them, and no marker or note has the numbers 1, 2, 3, 4, 5"
        ]
    );
}

#[test]
fn notes_labelled_by_words_are_numbered_in_order_and_named_by_their_labels() {
    let r = render("Smith.[^smith] Jones.[^jones]\n\n[^jones]: Jones.\n[^smith]: Smith.\n");
    let shown: Vec<(&str, &str)> = r
        .notes
        .iter()
        .map(|n| (n.shown.as_str(), n.id.as_str()))
        .collect();
    assert_eq!(shown, [("1", "fn-smith"), ("2", "fn-jones")]);
    assert!(r.diagnostics.is_empty());
}

#[test]
fn a_gap_the_page_declares_is_no_warning() {
    let source = Source {
        gaps: KnownGaps {
            missing_notes: Some(3),
            ..KnownGaps::default()
        },
        ..Source::new(Path::new("doc.md"), 5, "/")
    };
    let r = MarkdownRenderer::default().render("Two.[^2]\n\n[^2]: Two.\n", source, None);
    assert!(
        !r.diagnostics
            .iter()
            .any(|d| d.message.contains("numbered as the source")),
        "{:?}",
        r.diagnostics
    );
}

#[test]
fn emendations_give_the_edition_its_reading_and_keep_the_source_s_for_the_reader() {
    let body = "During {~~Lanin~>Lenin~~}'s years the party{++ and++} its {--the--} organs \
                at {??Perm'??} {??} {!!recieved!!} it.[^1]\n\n\
                `{~~code~>kept~~}`\n\n\
                [^1]: In the {~~cotigress~>congress~~} record.\n";
    let rendered = render(body);
    let text = &rendered.texts[0].text;
    assert!(
        text.starts_with("During Lenin’s years the party and its  organs at Perm’  recieved it."),
        "{text}"
    );
    assert!(!text.contains("Lanin") && !text.contains("illegible"));
    let html = &rendered.html;
    assert!(html.contains(r#"<span class="emend emend-correction" id="em-1" tabindex="0"><del class="emend-source">Lanin</del><ins class="emend-reading">Lenin</ins></span>"#), "{html}");
    assert!(html.contains(r#"<ins class="emend emend-addition" id="em-2"> and</ins>"#));
    assert!(html.contains(r#"<span class="emend emend-illegible" id="em-5">[illegible]</span>"#));
    assert!(html.contains("<code>{~~code~&gt;kept~~}</code>"), "{html}");
    let kinds: Vec<(emend::EmendationKind, &str, &str)> = rendered
        .emendations
        .iter()
        .map(|e| (e.kind, e.source.as_str(), e.reading.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (emend::EmendationKind::Correction, "Lanin", "Lenin"),
            (emend::EmendationKind::Addition, "", " and"),
            (emend::EmendationKind::Deletion, "the", ""),
            (emend::EmendationKind::Unclear, "", "Perm’"),
            (emend::EmendationKind::Illegible, "", ""),
            (emend::EmendationKind::Sic, "recieved", "recieved"),
            (emend::EmendationKind::Correction, "cotigress", "congress"),
        ]
    );
    assert_eq!(rendered.emendations[6].line, 9);
    assert_eq!(rendered.notes[0].text.text, "In the congress record.");
    assert!(
        rendered.diagnostics.is_empty(),
        "{:?}",
        rendered.diagnostics
    );
}

#[test]
fn an_emendation_left_open_is_shown_as_written_with_a_warning_at_its_line() {
    let rendered = render("First paragraph.\n\nThe {~~Lanin without its end.\n");
    assert!(rendered.emendations.is_empty());
    assert!(
        rendered.texts[1].text.contains("{~~Lanin"),
        "{:?}",
        rendered.texts
    );
    let warning = &rendered.diagnostics[0];
    assert_eq!((warning.line, warning.column), (Some(7), Some(5)));
    assert!(
        warning.message.contains("not closed"),
        "{}",
        warning.message
    );
}
