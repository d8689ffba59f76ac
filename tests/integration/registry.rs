//! The registry on a fixture site written for these tests: mentions found in the text and
//! the notes, ambiguous surnames left alone, and the pages of people, events and groups.

use crate::common::*;
use scraper::Html;

fn built() -> (tempfile::TempDir, annals::diagnostic::Diagnostics) {
    let out = tempfile::tempdir().unwrap();
    let (_, diagnostics) = build_site(&fixture("registry"), out.path(), None);
    (out, diagnostics)
}

/// The fixture built with one more line at the top of its `site.toml`.
fn built_with(setting: &str) -> tempfile::TempDir {
    let site = copy_of("registry");
    let config = site.path().join("site.toml");
    let original = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{setting}\n{original}")).unwrap();
    let out = tempfile::tempdir().unwrap();
    build_site(site.path(), out.path(), None);
    out
}

fn page(dir: &std::path::Path, path: &str) -> Html {
    Html::parse_document(
        &std::fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}")),
    )
}

/// The text of each element `selector` finds, in document order.
fn texts(html: &Html, selector: &str) -> Vec<String> {
    select(html, selector)
        .iter()
        .map(|e| e.text().collect())
        .collect()
}

fn hrefs(html: &Html, selector: &str) -> Vec<String> {
    select(html, selector)
        .iter()
        .filter_map(|e| e.value().attr("href"))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_first_mention_in_each_section_is_linked_and_the_others_quietly() {
    let (out, _) = built();
    let report = page(out.path(), "documents/report/index.html");
    let linked = hrefs(&report, ".document-body a.entity:not(.entity-again)");
    assert_eq!(
        linked,
        [
            "/people/miasnikov/",
            "/people/lenin/",
            "/groups/workers-opposition/",
            "/events/tenth-party-congress/",
            "/groups/workers-group/",
            "/terms/nep/",
            "/people/smirnov-i-n/",
            "/people/miasnikov/",
            "/events/tenth-party-congress/",
        ]
    );
    assert_eq!(
        select(&report, ".document-body abbr[title='New Economic Policy']").len(),
        1
    );
    assert!(
        !report.html().contains(">Leninism</a>"),
        "Leninism is no mention of Lenin"
    );
    let again = hrefs(&report, ".document-body a.entity-again");
    assert!(!again.is_empty(), "{}", report.html());
    // Each later mention links to the page the first does: every mention the index lists
    // is one in the text.
    let every = hrefs(&report, ".document-body a.entity");
    for href in &again {
        assert!(linked.contains(href), "{href} again, never first");
    }
    assert_eq!(every.len(), linked.len() + again.len());
}

#[test]
fn a_bare_shared_surname_is_left_unresolved_and_reported() {
    let (out, diagnostics) = built();
    let report = page(out.path(), "documents/report/index.html");
    let unresolved = texts(&report, ".entity-unresolved");
    assert_eq!(
        unresolved,
        ["Smirnov"],
        "the second-section Smirnov is settled by I. N. Smirnov before it"
    );
    let warnings: Vec<String> = diagnostics.warnings().map(|d| d.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(
        warnings[0].contains("report.md:10:") && warnings[0].contains("smirnov-i-n, smirnov-v-m"),
        "{warnings:#?}"
    );
}

#[test]
fn a_person_page_lists_every_mention_with_its_paragraph() {
    let (out, _) = built();
    let person = page(out.path(), "people/miasnikov/index.html");
    let links = mention_hrefs(&person);
    assert_eq!(
        links,
        [
            "/documents/report/#p-1",
            "/documents/report/#p-1",
            "/documents/report/#p-3",
            "/documents/report/#fn-1"
        ]
    );
    let marks = texts(&person, ".mention-list mark");
    assert_eq!(marks, ["Myasnikov", "G. T. Miasnikov", "Miasnikov"]);
    // Each snippet is the sentence around the name (at most fifteen words a side), from the
    // paragraph or the note it is in; a paragraph naming him twice is listed once, with the
    // snippet of the first.
    let snippets = texts(&person, ".mention-list li a");
    assert_eq!(
        snippets,
        [
            "In 1921 Myasnikov wrote to Lenin.",
            "Later Smirnov wrote again, and G. T. Miasnikov answered him at the 10th Congress \
             of the RKP(b).",
            // "vol." ends no sentence.
            "Lenin, Collected Works, vol. 32; on Miasnikov see Avrich.",
        ]
    );
    assert_eq!(select(&person, ".in-note").len(), 1);
    assert!(
        select(&person, ".mention-count")[0]
            .text()
            .collect::<String>()
            .starts_with("4 mentions in 1 page, 1 of them in notes")
    );
    assert_eq!(
        hrefs(&person, "section[aria-labelledby=groups-heading] a"),
        ["/groups/workers-group/"]
    );
    let lenin = page(out.path(), "people/lenin/index.html");
    let dates = texts(&lenin, ".provenance dd");
    assert_eq!(dates[0], "22 April 1870 (10 April 1870 O.S.)");
    assert_eq!(
        hrefs(&lenin, "section[aria-labelledby=events-heading] a"),
        ["/events/tenth-party-congress/"]
    );
    assert_links_ok(out.path());
}

#[test]
fn index_pages_in_their_order() {
    let (out, _) = built();
    let people = page(out.path(), "people/index.html");
    let names = texts(&people, ".entity-list > li > a");
    assert_eq!(
        names,
        [
            "Vladimir Ilyich Lenin",
            "Gavriil Il'ich Miasnikov",
            "Ivan Nikitich Smirnov",
            "Vladimir Mikhailovich Smirnov"
        ]
    );
    let events = page(out.path(), "events/index.html");
    let titles = texts(&events, ".entity-list > li > a");
    assert_eq!(
        titles,
        ["Kronstadt revolt", "Tenth Congress of the RKP(b)"],
        "by date: March 1921 before 8 March 1921"
    );
    let congress = page(out.path(), "events/tenth-party-congress/index.html");
    assert_eq!(
        select(&congress, "time")[0].text().collect::<String>(),
        "8–16 March 1921"
    );
    assert_eq!(
        hrefs(&congress, "a[rel=prev]"),
        ["/events/kronstadt-revolt/"]
    );
    let glossary = page(out.path(), "glossary/index.html");
    assert_eq!(select(&glossary, "dt#nep").len(), 1);
    let report = page(out.path(), "documents/report/index.html");
    assert_eq!(
        hrefs(&report, ".page-entities h3 + ul a").len(),
        6,
        "3 people, 1 event, 2 groups; terms are in the glossary"
    );
}

fn assert_links_ok(dir: &std::path::Path) {
    let report = annals::linkcheck::check_site(dir, "/").unwrap();
    let broken: Vec<String> = report
        .broken
        .iter()
        .map(|b| format!("{}: {} ({})", b.page, b.href, b.reason))
        .collect();
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// A copy of the registry fixture with one file written into it, checked.
fn check_with(file: &str, text: &str) -> Vec<String> {
    let dir = copy_of("registry");
    std::fs::write(dir.path().join(file), text).unwrap();
    let mut diagnostics = annals::diagnostic::Diagnostics::default();
    annals::build::prepare(
        &annals::build::BuildOptions::new(dir.path()),
        &mut diagnostics,
    );
    diagnostics.sorted().iter().map(|d| d.to_string()).collect()
}

#[test]
fn bad_registry_files_get_clear_messages() {
    let invalid_date = check_with(
        "content/people/bad.md",
        "+++\nname = \"A Person\"\nborn = \"March 1921\"\n+++\n",
    );
    assert!(invalid_date.iter().any(|d| d.contains("content/people/bad.md:3: error: born: `March 1921` is not a date")), "{invalid_date:#?}");
    let unknown = check_with(
        "content/groups/bad.md",
        "+++\nname = \"A Group\"\npeople = [\"nobody\"]\n+++\n",
    );
    assert!(
        unknown
            .iter()
            .any(|d| d.contains("content/groups/bad.md:3: error: `people` names `nobody`")),
        "{unknown:#?}"
    );
    let claimed = check_with(
        "content/people/other.md",
        "+++\nname = \"Vladimir Ilyich Lenin\"\naliases = [\"Lenin\"]\n+++\n",
    );
    assert!(
        claimed.iter().any(|d| d
            .contains("other.md:2: error: the name `Vladimir Ilyich Lenin` is claimed")
            && d.contains("content/people/lenin.md")),
        "{claimed:#?}"
    );
    assert!(
        claimed
            .iter()
            .any(|d| d
                .contains("other.md:3: warning: the alias `Lenin` is given by this person and by")),
        "{claimed:#?}"
    );
    let short = check_with(
        "content/people/short.md",
        "+++\nname = \"Short Alias\"\naliases = [\"Al\"]\n+++\n",
    );
    assert!(
        short.iter().any(
            |d| d.contains("short.md:3: warning: the alias `Al` is shorter than three letters")
        ),
        "{short:#?}"
    );
    let common = check_with(
        "content/people/common.md",
        "+++\nname = \"Common Alias\"\naliases = [\"the\", \"Party\"]\n+++\n",
    );
    for alias in ["the", "Party"] {
        assert!(
            common.iter().any(|d| d.contains(&format!(
                "common.md:3: warning: the alias `{alias}` is a common word"
            ))),
            "{common:#?}"
        );
    }
    let link = check_with(
        "content/documents/link.md",
        "+++\ntitle = \"Link\"\n+++\n\nSee him there,\nand [him](person:nobody) again.\n",
    );
    // At the link's own line and column, not the paragraph's first line.
    assert!(
        link.iter()
            .any(|d| d.contains("link.md:6:5: error: the link `person:nobody` names no person")),
        "{link:#?}"
    );
}

/// The hrefs of the mentions listed on one entity page.
/// Each mention an entity's page lists, as the address of its paragraph: a paragraph that
/// names the entity several times is listed once, with its count (`data-mentions`).
fn mention_hrefs(html: &Html) -> Vec<String> {
    select(html, ".mention-list li")
        .iter()
        .flat_map(|li| {
            let count: usize = li.value().attr("data-mentions").unwrap().parse().unwrap();
            let href = li
                .select(&scraper::Selector::parse("a").unwrap())
                .next()
                .unwrap()
                .value()
                .attr("href")
                .unwrap()
                .to_string();
            std::iter::repeat_n(href, count)
        })
        .collect()
}

#[test]
fn a_long_list_of_mentions_goes_on_over_pages_that_link_to_each_other() {
    let (whole, _) = built();
    let all = mention_hrefs(&page(whole.path(), "people/miasnikov/index.html"));
    assert_eq!(all.len(), 4, "the fixture names Miasnikov four times");

    let out = built_with("mentions_per_page = 3");

    let first = page(out.path(), "people/miasnikov/index.html");
    let second = page(out.path(), "people/miasnikov/mentions/2/index.html");
    assert!(!out.path().join("people/miasnikov/mentions/3").exists());
    // Every mention once, in the same order, across the pages.
    let paged: Vec<String> = [&first, &second]
        .iter()
        .flat_map(|html| mention_hrefs(html))
        .collect();
    assert_eq!(paged, all);
    assert_eq!(mention_hrefs(&first).len(), 3);
    // Each page counts them all, says which it shows, and links to the others.
    let count = |html: &Html| -> String { select(html, ".mention-count")[0].text().collect() };
    assert!(
        count(&first).starts_with("4 mentions in 1 page"),
        "{}",
        count(&first)
    );
    assert!(
        count(&second).ends_with("Here, 4 to 4."),
        "{}",
        count(&second)
    );
    assert_eq!(
        hrefs(&first, ".mention-pages a[rel=next]"),
        ["/people/miasnikov/mentions/2/"]
    );
    assert!(hrefs(&first, ".mention-pages a[rel=prev]").is_empty());
    assert_eq!(
        hrefs(&second, ".mention-pages a[rel=prev]"),
        ["/people/miasnikov/"]
    );
    assert_eq!(
        hrefs(&second, ".mention-pages a[aria-current=page]"),
        ["/people/miasnikov/mentions/2/"]
    );
    // The entity's slice of the timeline is on its first page only.
    assert_eq!(select(&first, ".entity-timeline").len(), 1);
    assert!(select(&second, ".entity-timeline").is_empty());
    let title: String = select(&second, "title")[0].text().collect();
    assert!(
        title.starts_with("Gavriil Il'ich Miasnikov, mentions 4–4"),
        "{title}"
    );
    // Entities with fewer mentions than a page holds have no page numbers.
    assert!(
        select(
            &page(out.path(), "people/lenin/index.html"),
            ".mention-pages"
        )
        .is_empty()
    );
    let sitemap = std::fs::read_to_string(out.path().join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("/people/miasnikov/mentions/2/"));
    assert_links_ok(out.path());
}

#[test]
fn mentions_per_page_zero_keeps_every_mention_on_one_page() {
    let out = built_with("mentions_per_page = 0");
    let page = page(out.path(), "people/miasnikov/index.html");
    assert_eq!(mention_hrefs(&page).len(), 4);
    assert!(select(&page, ".mention-pages").is_empty());
    assert!(!out.path().join("people/miasnikov/mentions").exists());
}

/// The entries of an entity page's slice of the timeline, as the keys they name.
fn slice_entries(html: &Html) -> Vec<String> {
    select(html, ".entity-timeline .tl-entry")
        .iter()
        .map(|e| e.value().attr("data-e").unwrap_or_default().to_string())
        .collect()
}

#[test]
fn a_long_slice_of_the_timeline_links_to_the_timeline_narrowed_to_the_entity() {
    let (whole, _) = built();
    let all = slice_entries(&page(whole.path(), "people/miasnikov/index.html"));
    assert_eq!(
        all.len(),
        4,
        "the fixture dates three entries of Miasnikov, and the Workers' Group he is listed in"
    );

    let out = built_with("timeline_per_entity = 2");
    let miasnikov = page(out.path(), "people/miasnikov/index.html");
    assert_eq!(
        slice_entries(&miasnikov),
        all[..2],
        "the first two, in the order of time"
    );
    let count = select(&miasnikov, ".timeline-count")[0]
        .text()
        .collect::<String>();
    assert!(
        count.starts_with("4 entries of the timeline.") && count.contains("the first 2"),
        "{count}"
    );
    let narrowed = hrefs(&miasnikov, ".timeline-count a");
    assert_eq!(narrowed[1], "/timeline/?name=person:miasnikov");
    // The timeline's menu offers that choice, and its entries name him.
    let timeline = page(out.path(), "timeline/index.html");
    assert_eq!(
        select(&timeline, "#tl-name option[value='person:miasnikov']").len(),
        1
    );
    let years = timeline_pages(out.path());
    let naming = (years.iter())
        .flat_map(|year| select(year, TIMELINE_ENTRIES))
        .filter(|e| {
            let keys = e.value().attr("data-e").unwrap_or_default();
            keys.split_whitespace().any(|k| k == "person:miasnikov")
        })
        .count();
    assert_eq!(naming, 4);
    // `0`: every entry, however many.
    let unlimited = built_with("timeline_per_entity = 0");
    let miasnikov = page(unlimited.path(), "people/miasnikov/index.html");
    assert_eq!(slice_entries(&miasnikov), all);
    assert_eq!(hrefs(&miasnikov, ".timeline-count a"), ["/timeline/"]);
    // An entity with no more entries than the limit shows them all, with no such link.
    let smirnov = page(out.path(), "people/smirnov-i-n/index.html");
    assert_eq!(slice_entries(&smirnov).len(), 2);
    assert_eq!(hrefs(&smirnov, ".timeline-count a"), ["/timeline/"]);
}

#[test]
fn a_name_in_an_image_description_is_left_as_text() {
    let (_site, out, _) = build_with_file(
        "registry",
        "content/documents/portrait.md",
        "+++\ntitle = \"Portrait\"\n+++\n\n![A portrait of Miasnikov](/portrait.png) Miasnikov wrote.\n",
    );
    let html = page(out.path(), "documents/portrait/index.html");
    let image = select(&html, "main img");
    assert_eq!(
        image[0].value().attr("alt"),
        Some("A portrait of Miasnikov")
    );
    assert_eq!(hrefs(&html, "main p a.entity"), ["/people/miasnikov/"]);
}

#[test]
fn a_broken_document_link_in_a_biography_is_a_warning_at_its_line() {
    let (site, out, diagnostics) = build_with_file(
        "registry",
        "content/people/lenin.md",
        "+++\nname = \"Vladimir Ilyich Lenin\"\naliases = [\"Lenin\"]\n+++\n\
         Leader of the Bolsheviks; see the [report](doc:report).\n\n\
         And a [lost one](doc:no-such-report#p-2).\n",
    );
    let file = site.path().join("content/people/lenin.md");
    let warnings: Vec<(Option<usize>, &str)> = diagnostics
        .warnings()
        .filter(|d| d.path == file)
        .map(|d| (d.line, d.message.as_str()))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert_eq!(warnings[0].0, Some(7));
    assert!(
        warnings[0].1.contains("`doc:no-such-report`"),
        "{}",
        warnings[0].1
    );
    // The link that leads somewhere is followed on the person's page.
    let lenin = page(out.path(), "people/lenin/index.html");
    let hrefs: Vec<&str> = select(&lenin, "main a[href^='/documents/report']")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(hrefs.contains(&"/documents/report/"), "{hrefs:?}");
}

#[test]
fn a_spelling_an_entry_lists_as_not_its_name_is_not_linked_to_it() {
    let site = copy_of("registry");
    std::fs::write(
        site.path().join("content/people/gorky.md"),
        "+++\nname = \"Maksim Gorky\"\nsort_name = \"Gorky, Maksim\"\naliases = [\"Gorky\"]\n\
         not_names = [\"Gorki\"]\n+++\n",
    )
    .unwrap();
    std::fs::write(
        site.path().join("content/documents/gorki.md"),
        "+++\ntitle = \"At Gorki\"\n+++\n\nLenin lay ill at Gorki. Gorky wrote to him, and \
         Maksim Gorkii came.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    build_site(site.path(), out.path(), None);
    let document = page(out.path(), "documents/gorki/index.html");
    let linked = texts(&document, "#p-1 a[href='/people/gorky/']");
    assert_eq!(
        linked,
        ["Gorky", "Maksim Gorkii"],
        "each mention links; Gorki is not one"
    );
    let person = page(out.path(), "people/gorky/index.html");
    // "Gorky" and "Maksim Gorkii" in one paragraph: listed once, twice named.
    let marks = texts(&person, ".mention-list mark");
    assert_eq!(marks, ["Gorky"]);
    assert_eq!(mention_hrefs(&person).len(), 2);
}

#[test]
fn a_name_in_russian_is_marked_russian_inside_its_link() {
    let (_site, out, _) = build_with_file(
        "registry",
        "content/documents/russian.md",
        "+++\ntitle = \"A quotation\"\n+++\n\nAs he wrote: «Ленин писал об этом».\n",
    );
    let document = page(out.path(), "documents/russian/index.html");
    let names = select(&document, "#p-1 a.entity-person span[lang='ru']");
    assert_eq!(names.len(), 1, "{}", document.html());
    assert_eq!(names[0].text().collect::<String>(), "Ленин");
}

#[test]
fn a_misspelt_link_scheme_or_id_gets_a_suggestion() {
    let messages = check_with(
        "content/documents/slips.md",
        "+++\ntitle = \"Slips\"\n+++\n\nFirst [the founder](poeple:miasnikov) spoke.\n\n\
         Then [Ilyich](person:lenni) answered, and [the web](https://example.org/) stayed.\n",
    );
    let slips: Vec<&String> = messages.iter().filter(|m| m.contains("slips.md")).collect();
    assert!(
        slips.iter().any(|m| m.contains(
            "slips.md:5:7: error: the link `poeple:miasnikov` has the scheme `poeple:`, which annals does not know"
        ) && m.contains("help: did you mean `person:miasnikov`?")),
        "{slips:#?}"
    );
    assert!(
        slips.iter().any(|m| m.contains(
            "slips.md:7:6: error: the link `person:lenni` names no person of the registry"
        ) && m.contains("help: did you mean `person:lenin`?")),
        "{slips:#?}"
    );
    assert_eq!(slips.len(), 2, "the web's own link is no slip: {slips:#?}");
}

/// A term has a page of its own with its definition and its mentions, and the glossary,
/// which lists the terms with their definitions, links each term's count to that page.
#[test]
fn a_term_has_a_page_with_its_mentions_linked_from_the_glossary() {
    let (out, _) = built();
    let glossary = page(out.path(), "glossary/index.html");
    let counts = hrefs(&glossary, "dd p.count a");
    assert!(counts.contains(&"/terms/nep/".to_string()), "{counts:?}");
    let term = page(out.path(), "terms/nep/index.html");
    assert_eq!(texts(&term, "main h1")[0].trim(), "NEP");
    let mentions = hrefs(&term, ".mentions a[href*='#']");
    assert!(
        !mentions.is_empty(),
        "the term's mentions link to their paragraphs"
    );
    for href in &mentions {
        let (path, anchor) = href.split_once('#').unwrap();
        let target = page(
            out.path(),
            &format!("{}index.html", path.trim_start_matches('/')),
        );
        assert_eq!(
            select(&target, &format!("[id='{anchor}']")).len(),
            1,
            "{href}"
        );
    }
    // The term's page leads back to the glossary, where terms are listed.
    assert!(hrefs(&term, "p.collection-title a").contains(&"/glossary/".to_string()));
}

#[test]
fn the_congress_stands_for_the_congress_named_just_before_it() {
    // Sentences of Rogovin's chapter 4 and Olivier's text.
    let (_site, out, _) = build_with_file(
        "registry",
        "content/documents/congress.md",
        "+++\ntitle = \"At the congress\"\n+++\n\n\
         Historians date the “state of siege” in the party from the Tenth Party Congress \
         (March 1921).\n\n\
         The Kronstadt rebellion occurred during the Congress. In his concluding remarks at the \
         Congress, Lenin spoke of the resolution, and Riazanov said: “the Congress must decide”.\n\n\
         Later that year the Congress of Soviets met.\n\n\
         The Ninth Party Congress had met in 1920. At the Congress, the Democratic Centralists \
         spoke.\n\n\
         ## Another section\n\n\
         The Congress elects the Central Committee.\n",
    );
    let event = page(out.path(), "events/tenth-party-congress/index.html");
    let snippets = texts(&event, ".mention-list li");
    let listed = |words: &str| snippets.iter().filter(|s| s.contains(words)).count();
    let counts: Vec<&str> = {
        let selector = scraper::Selector::parse(".mention-list li").unwrap();
        event
            .select(&selector)
            .filter(|li| li.inner_html().contains("/documents/congress/"))
            .filter_map(|li| li.value().attr("data-mentions"))
            .collect()
    };
    assert_eq!(listed("Historians date"), 1, "{snippets:#?}");
    assert_eq!(
        listed("rebellion occurred during the Congress"),
        1,
        "“the Congress” after the Tenth is the Tenth: {snippets:#?}"
    );
    assert_eq!(
        counts,
        ["1", "2"],
        "a speaker's “the Congress” is left alone"
    );
    assert_eq!(listed("Congress of Soviets"), 0, "another body");
    assert_eq!(
        listed("Democratic Centralists"),
        0,
        "after the Ninth, whom the registry lacks"
    );
    assert_eq!(listed("elects the Central Committee"), 0, "a new section");
}

/// What each bare reference of a built page was taken for (its title), in order.
fn taken_for(out: &std::path::Path, page_path: &str) -> Vec<String> {
    let document = page(out, page_path);
    select(&document, ".entity-reference")
        .iter()
        .filter_map(|span| span.value().attr("title"))
        .map(str::to_string)
        .collect()
}

/// The registry fixture with groups `(id, name, dates)` and a document `id`, built.
fn built_with_oppositions(
    groups: &[(&str, &str, &str)],
    document: &str,
    text: &str,
) -> (tempfile::TempDir, tempfile::TempDir) {
    let site = copy_of("registry");
    let content = site.path().join("content");
    for (id, name, dates) in groups {
        let entry = format!("+++\nname = \"{name}\"\n{dates}\n+++\n");
        std::fs::write(content.join(format!("groups/{id}.md")), entry).unwrap();
    }
    std::fs::write(content.join(format!("documents/{document}.md")), text).unwrap();
    let out = tempfile::tempdir().unwrap();
    let (_, diagnostics) = build_site(site.path(), out.path(), None);
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    (site, out)
}

/// "The Opposition" stands for the group of that name's head that existed when the text is
/// at: the one named on the page, else the only one of its time; not one inside a longer
/// name, nor one no year or name settles, nor a head that one group alone has.
#[test]
fn the_opposition_stands_for_the_opposition_of_the_time() {
    let (site, out) = built_with_oppositions(
        &[(
            "left-opposition",
            "Left Opposition",
            "founded = \"1923-10\"",
        )],
        "oppositions",
        "+++\ntitle = \"Oppositions\"\n+++\n\n\
         The Opposition is older than any of its names.\n\n\
         In 1921 the Workers' Opposition spoke at the congress of the miners. Its theses were \
         read aloud, and the Opposition demanded that the unions run industry.\n\n\
         By 1926 the Opposition had found other leaders, who wrote for the Bulletin of the \
         Opposition and signed the Opposition Platform.\n\n\
         In 1924 the Group met in a forest.\n",
    );
    let listed = |group: &str| -> Vec<(String, String)> {
        let html = page(out.path(), &format!("groups/{group}/index.html"));
        let selector = scraper::Selector::parse(".mention-list li").unwrap();
        html.select(&selector)
            .filter(|li| li.inner_html().contains("/documents/oppositions/"))
            .map(|li| {
                let text: String = li.text().collect();
                let times = li.value().attr("data-mentions").unwrap_or("1").to_string();
                (text, times)
            })
            .collect()
    };
    let workers = listed("workers-opposition");
    assert_eq!(workers.len(), 1, "{workers:#?}");
    assert!(workers[0].0.contains("In 1921"), "{workers:#?}");
    assert_eq!(
        workers[0].1, "2",
        "named, then “the Opposition”: {workers:#?}"
    );
    let left = listed("left-opposition");
    assert_eq!(left.len(), 1, "{left:#?}");
    assert!(left[0].0.contains("By 1926"), "{left:#?}");
    assert_eq!(
        left[0].1, "1",
        "the Opposition of 1926, not the Bulletin's nor its Platform: {left:#?}"
    );
    // One group's head alone is an everyday word: "the Group" is not the Workers' Group.
    assert_eq!(listed("workers-group"), []);
    // A reference is listed on the group's page, marked so, and is no link in the text;
    // `link_implicit` in site.toml links it as a name is linked.
    let group = page(out.path(), "groups/left-opposition/index.html");
    assert_eq!(texts(&group, ".mention-reference"), ["not by name"]);
    let document = page(out.path(), "documents/oppositions/index.html");
    assert_eq!(
        texts(&document, ".entity-reference"),
        ["Opposition", "Opposition"]
    );
    assert!(!hrefs(&document, "p a").contains(&"/groups/left-opposition/".to_string()));
    let config = site.path().join("site.toml");
    let settings = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("link_implicit = true\n{settings}")).unwrap();
    let linked = tempfile::tempdir().unwrap();
    build_site(site.path(), linked.path(), None);
    let document = page(linked.path(), "documents/oppositions/index.html");
    assert!(hrefs(&document, "p a").contains(&"/groups/left-opposition/".to_string()));
}

/// A book's chapter that names no year of its own goes on in the year its chapters before
/// came to: its "the Opposition" is the one of that time.
#[test]
fn a_chapter_without_a_year_reads_the_opposition_in_the_year_of_the_chapters_before() {
    let (site, _) = built_with_oppositions(
        &[(
            "left-opposition",
            "Left Opposition",
            "founded = \"1923-10\"",
        )],
        "elsewhere",
        "+++\ntitle = \"Elsewhere\"\n+++\n\nNothing of note.\n",
    );
    let book = site.path().join("content/documents/discussion");
    std::fs::create_dir_all(&book).unwrap();
    std::fs::write(
        book.join("_index.md"),
        "+++\ntitle = \"The discussion\"\n+++\n",
    )
    .unwrap();
    std::fs::write(
        book.join("01-autumn.md"),
        "+++\ntitle = \"Autumn\"\n+++\n\nThe discussion opened in the autumn of 1923.[^1]\n\n\
         [^1]: As in 1921.\n",
    )
    .unwrap();
    std::fs::write(
        book.join("02-votes.md"),
        "+++\ntitle = \"Votes\"\n+++\n\nIn the cells of the factories many voted for the \
         Opposition.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    build_site(site.path(), out.path(), None);
    let chapter = page(out.path(), "documents/discussion/02-votes/index.html");
    let references = select(&chapter, ".entity-reference");
    assert_eq!(references.len(), 1, "{}", chapter.html());
    let group = page(out.path(), "groups/left-opposition/index.html");
    assert!(
        group.html().contains("/documents/discussion/02-votes/#p-1"),
        "{}",
        group.html()
    );
    let workers = page(out.path(), "groups/workers-opposition/index.html");
    assert!(!workers.html().contains("02-votes"));
}

/// Where two groups of the head named on the page existed in the year, and neither was
/// named in the last paragraphs, "the Opposition" is the one whose life holds the year most
/// narrowly: in 1927, the United Opposition of 1926–1927, not the Left Opposition of 1923
/// named pages before (which went on).
#[test]
fn the_opposition_of_a_year_two_groups_share_is_the_one_of_that_time_alone() {
    let (_site, out) = built_with_oppositions(
        &[
            (
                "left-opposition",
                "Left Opposition",
                "founded = \"1923-10\"",
            ),
            (
                "united-opposition",
                "United Opposition",
                "founded = \"1926-04\"\ndissolved = \"1927-12\"",
            ),
        ],
        "two-oppositions",
        "+++\ntitle = \"Two oppositions\"\n+++\n\n\
         In 1926 the United Opposition was formed.\n\n\
         Its core was the Left Opposition, formed in October 1923.\n\n\
         The harvest was poor.\n\n\
         The towns went hungry.\n\n\
         Prices rose.\n\n\
         In 1927 the Opposition printed its platform in secret.\n",
    );
    assert_eq!(
        taken_for(out.path(), "documents/two-oppositions/index.html"),
        ["United Opposition"]
    );
}

/// A chapter on 1926 that names the Left Opposition, recalls 1923 and looks ahead to 1928
/// reads its "the Opposition" in 1926, the year it names most: the United Opposition,
/// though the page never names it, and not the New Opposition it absorbed that April nor
/// the Right Opposition of 1928.
#[test]
fn the_opposition_of_a_page_is_read_in_the_year_the_page_names_most() {
    let (_site, out) = built_with_oppositions(
        &[
            (
                "left-opposition",
                "Left Opposition",
                "founded = \"1923-10\"",
            ),
            (
                "new-opposition",
                "New Opposition",
                "founded = \"1925\"\ndissolved = \"1926-04\"",
            ),
            (
                "united-opposition",
                "United Opposition",
                "founded = \"1926-04\"\ndissolved = \"1927-12\"",
            ),
            (
                "right-opposition",
                "Right Opposition",
                "founded = \"1928\"\ndissolved = \"1929\"",
            ),
        ],
        "plenum",
        "+++\ntitle = \"The July Plenum\"\n+++\n\n\
         The July Plenum of 1926 met in a hot city. Trotsky, once of the Left Opposition of \
         1923, spoke in 1926 as he had in 1923.\n\n\
         The harvest of 1926 was poor.\n\n\
         The towns went hungry.\n\n\
         Prices rose.\n\n\
         Its leaders would be exiled by 1928.\n\n\
         Krupskaya's demand was supported by other leaders of the Opposition.\n",
    );
    assert_eq!(
        taken_for(out.path(), "documents/plenum/index.html"),
        ["United Opposition"]
    );
}

/// An event's `participants` name people and groups: each lists the event, and its
/// chronology holds it; the event's entry comes from the paragraph its `source` links.
#[test]
fn an_events_participants_list_it_and_its_source_links_the_paragraph_it_draws_on() {
    let site = copy_of("registry");
    let event = site.path().join("content/events/kronstadt-revolt.md");
    std::fs::write(
        &event,
        "+++\ntitle = \"Kronstadt revolt\"\ndate = \"1921-03\"\nkind = \"uprising\"\n\
         participants = [\"workers-opposition\", \"lenin\"]\n\
         source = \"[A report, ¶ 1](doc:report#p-1)\"\n+++\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let (_, diagnostics) = build_site(site.path(), out.path(), None);
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");

    let group = page(out.path(), "groups/workers-opposition/index.html");
    assert!(
        texts(&group, "#events-heading + ul a").contains(&"Kronstadt revolt".to_string()),
        "the group lists the event it took part in"
    );
    let in_time: Vec<String> = texts(&group, ".entity-timeline .tl-event .tl-title");
    assert!(
        in_time.iter().any(|t| t.contains("Kronstadt revolt")),
        "{in_time:?}"
    );
    let from = hrefs(&group, ".entity-timeline .tl-event .tl-source a");
    assert_eq!(from, ["/documents/report/#p-1"]);

    let event_page = page(out.path(), "events/kronstadt-revolt/index.html");
    assert_eq!(
        texts(&event_page, "#groups-heading + ul a"),
        ["Workers' Opposition"]
    );
    assert_eq!(texts(&event_page, "#people-heading + ul a").len(), 1);
    assert_eq!(
        hrefs(&event_page, ".entity-source a"),
        ["/documents/report/#p-1"]
    );

    // An ID that is neither a person nor a group is an error at its line.
    std::fs::write(
        &event,
        "+++\ntitle = \"Kronstadt revolt\"\ndate = \"1921-03\"\nparticipants = [\"sailors\"]\n+++\n",
    )
    .unwrap();
    let output = annals(&["check"], site.path());
    let said = stderr(&output);
    assert!(
        said.contains(
            "content/events/kronstadt-revolt.md:4: error: `people` names `sailors`, who is not in content/people/ or content/groups/"
        ),
        "{said}"
    );
}

/// Two documents date one event differently: the timeline's entry of the event and the
/// event's page show both dates side by side, and `check --conflicts` lists them.
#[test]
fn two_documents_that_date_an_event_differently_are_shown_side_by_side() {
    let site = copy_of("registry");
    let content = site.path().join("content");
    std::fs::write(
        content.join("events/miasnikov-expulsion.md"),
        "+++\ntitle = \"Expulsion of Miasnikov\"\ndate = \"1922-02-20\"\nkind = \"expulsion\"\n\
         people = [\"miasnikov\"]\n+++\n",
    )
    .unwrap();
    std::fs::write(
        content.join("documents/memoir.md"),
        "+++\ntitle = \"A memoir\"\n+++\n\nOn 20 February 1922 the Politburo expelled Miasnikov from the party.\n",
    )
    .unwrap();
    std::fs::write(
        content.join("documents/survey.md"),
        "+++\ntitle = \"A survey\"\n+++\n\nThe party had grown.\n\nMiasnikov was expelled from the party in 1921.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let (_, diagnostics) = build_site(site.path(), out.path(), None);
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");

    let timeline = page(out.path(), "timeline/index.html");
    let entry = select(&timeline, ".tl-entry[data-kind='event']")
        .into_iter()
        .find(|e| {
            e.text()
                .collect::<String>()
                .contains("Expulsion of Miasnikov")
        })
        .expect("the event's entry");
    let accounts: Vec<String> = entry
        .select(&scraper::Selector::parse(".tl-conflict li").unwrap())
        .map(|li| li.text().collect::<String>())
        .collect();
    assert_eq!(
        accounts,
        [
            "A survey: 1921 (not 20 February 1922)",
            "A memoir: 20 February 1922"
        ]
    );
    let links: Vec<&str> = entry
        .select(&scraper::Selector::parse(".tl-conflict a").unwrap())
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(links, ["/documents/survey/#p-2", "/documents/memoir/#p-1"]);

    let event = page(out.path(), "events/miasnikov-expulsion/index.html");
    let listed = texts(&event, ".entity-conflict li");
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(
        listed[0].starts_with("A survey: 1921 (cannot be the date above)"),
        "{listed:?}"
    );

    let output = annals(&["check", "--conflicts"], site.path());
    assert!(output.status.success());
    let said = stdout(&output);
    assert!(
        said.starts_with("Events the documents date differently: 1."),
        "{said}"
    );
    assert!(
        said.contains("content/events/miasnikov-expulsion.md: Expulsion of Miasnikov, 20 February 1922 in the registry")
            && said.contains("    content/documents/survey.md#p-2: 1921 (differs): “Miasnikov was expelled from the party in 1921.”")
            && said.contains("    content/documents/memoir.md#p-1: 20 February 1922: “"),
        "{said}"
    );
}

/// A group or an event named within a title in italics in the text names the work; a
/// caption all in italics names what it shows.
#[test]
fn a_group_named_in_a_titles_italics_is_the_works_and_a_caption_names_it() {
    let (_site, out, _) = build_with_file(
        "registry",
        "content/documents/pamphlet.md",
        "+++\ntitle = \"Pamphlet\"\n+++\n\n\
         Kollontai's pamphlet *The Workers' Opposition* was read by many.\n\n\
         *The Workers' Opposition at the Tenth Party Congress*\n",
    );
    let html = page(out.path(), "documents/pamphlet/index.html");
    let paragraphs = select(&html, "main p[id]");
    let links = |p: &scraper::ElementRef| -> Vec<String> {
        p.select(&scraper::Selector::parse("a.entity").unwrap())
            .filter_map(|a| a.value().attr("href").map(str::to_string))
            .collect()
    };
    assert!(links(&paragraphs[0]).is_empty(), "{}", paragraphs[0].html());
    assert_eq!(
        links(&paragraphs[1]),
        [
            "/groups/workers-opposition/",
            "/events/tenth-party-congress/"
        ]
    );
}

/// `check --conflicts` on content with an error says the error, with its place, and fails.
#[test]
fn check_conflicts_on_broken_content_reports_the_error_and_fails() {
    let site = copy_of("registry");
    std::fs::write(
        site.path().join("content/documents/broken.md"),
        "+++\ntitle = \"Broken\ndate = 1921\n+++\n\nText.\n",
    )
    .unwrap();
    let output = annals(&["check", "--conflicts"], site.path());
    assert!(!output.status.success());
    let said = stderr(&output);
    assert!(
        said.contains("content/documents/broken.md:2") && said.contains("error"),
        "{said}"
    );
    assert!(stdout(&output).is_empty());
}

/// An event or a term written with `name`, as people and groups are, is read as its title:
/// no error, no unknown key. A name two groups share is settled, or its help links by the
/// group's kind.
#[test]
fn an_event_may_be_named_as_the_other_kinds_and_a_shared_names_help_links_its_kind() {
    let (_site, out, diagnostics) = build_with_file(
        "registry",
        "content/events/evictions.md",
        "+++\nname = \"The Carrowmore evictions\"\ndate = \"1881-03-22\"\n+++\n",
    );
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    let warnings: Vec<String> = diagnostics.warnings().map(|d| d.to_string()).collect();
    assert!(
        !warnings.iter().any(|w| w.contains("evictions.md")),
        "{warnings:#?}"
    );
    let event = page(out.path(), "events/evictions/index.html");
    assert!(event.html().contains("The Carrowmore evictions"));
    let (_site, _out, diagnostics) = build_with_file(
        "registry",
        "content/groups/workers-truth.md",
        "+++\nname = \"Workers' Truth\"\naliases = [\"Workers' Group\"]\n+++\n",
    );
    let shared = diagnostics
        .warnings()
        .map(|d| d.to_string())
        .find(|w| w.contains("the alias `Workers' Group`"))
        .expect("a warning of the shared alias");
    assert!(shared.contains("(group:"), "{shared}");
}

/// As a new editor writes an entry (the twelfth collection's writer did): years as numbers
/// and the sources as a list.
#[test]
fn an_entrys_years_may_be_numbers_and_its_sources_a_list() {
    let (_site, out, diagnostics) = build_with_file(
        "registry",
        "content/people/quintanar.md",
        "+++\nname = \"Rafael Quintanar\"\nborn = 1852\ndied = 1921\nsource = [\"ruiz-letters.md\", \"garduno-1985.md\"]\n+++\n",
    );
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    let person = page(out.path(), "people/quintanar/index.html");
    let text = person.root_element().text().collect::<String>();
    assert!(text.contains("1852"), "{text}");
    assert!(text.contains("ruiz-letters.md; garduno-1985.md"), "{text}");
    // A value that is no year nor text is still an error at its line.
    let wrong = check_with(
        "content/people/bad.md",
        "+++\nname = \"A Person\"\nborn = [1852]\n+++\n",
    );
    assert!(
        wrong.iter().any(|d| d.contains("content/people/bad.md:3")),
        "{wrong:#?}"
    );
}

/// A judged paragraph of `tests/fixtures/NAME-mentions.json`: its document, its opening
/// words, and the events and groups its judge read it as naming.
#[derive(serde::Deserialize)]
struct JudgedParagraph {
    document: String,
    opening: String,
    mentions: Vec<JudgedMention>,
}

#[derive(serde::Deserialize)]
struct JudgedMention {
    entity: String,
    words: String,
}

/// The twelfth collection's judge (who wrote it, before annals ran on it) marked in 20
/// paragraphs the events and groups each names, by any form a reader takes for the name:
/// "the Plan", "Huerta's coup of February 1913", "Zapata's assassination at Chinameca".
/// Read first: 23 of 36. Then a name in parentheses of its own ("Huerta's coup (Decena
/// Trágica)"), an act upon someone named as theirs ("Assassination of Zapata" is "Zapata's
/// assassination"), and "the Plan" after the "Plan de Ayala": 27 of 36. The rest are
/// events told by description ("the burning of the village", "the act of restitution").
#[test]
fn the_events_and_groups_a_judge_read_in_a_new_collection_are_marked() {
    let out = tempfile::tempdir().unwrap();
    let (_, diagnostics) = build_site(&fixture("tlacotepec"), out.path(), None);
    assert!(!diagnostics.has_errors(), "{diagnostics:?}");
    let judged: Vec<JudgedParagraph> = serde_json::from_str(
        &std::fs::read_to_string(fixture("tlacotepec-mentions.json")).unwrap(),
    )
    .unwrap();
    // What a bare reference's title names, by the entity it is.
    let mut ids_by_name = std::collections::HashMap::new();
    for kind in ["events", "groups"] {
        let data = std::fs::read_to_string(out.path().join(format!("data/{kind}.json"))).unwrap();
        let entries: Vec<serde_json::Value> = serde_json::from_str(&data).unwrap();
        for entry in entries {
            let id = format!("{kind}/{}", entry["id"].as_str().unwrap());
            ids_by_name.insert(entry["name"].as_str().unwrap().to_string(), id);
        }
    }
    let paragraphs = scraper::Selector::parse("p[id^='p-']").unwrap();
    let links = scraper::Selector::parse("a[href], span.entity-reference").unwrap();
    let (mut marked, mut total, mut missed) = (0, 0, Vec::new());
    for paragraph in &judged {
        let slug = paragraph.document.trim_end_matches(".md");
        let html = page(out.path(), &format!("documents/{slug}/index.html"));
        let opening: Vec<&str> = paragraph.opening.split_whitespace().take(6).collect();
        let Some(found) = html.select(&paragraphs).find(|p| {
            let text = p.text().collect::<String>();
            text.split_whitespace().take(6).eq(opening.iter().copied())
        }) else {
            continue;
        };
        let named: Vec<String> = (found.select(&links))
            .filter_map(|link| match link.value().attr("href") {
                Some(href) => {
                    let path = href.trim_end_matches('/');
                    let (kind, id) = path.rsplit_once('/')?;
                    let kind = kind.rsplit('/').next()?;
                    Some(format!("{kind}/{id}"))
                }
                None => ids_by_name.get(link.value().attr("title")?).cloned(),
            })
            .collect();
        for mention in &paragraph.mentions {
            total += 1;
            if named.contains(&mention.entity) {
                marked += 1;
            } else {
                missed.push(format!("{} ({})", mention.entity, mention.words));
            }
        }
    }
    println!("{marked} of {total} marked; missed: {missed:#?}");
    assert!(total >= 34, "the judged paragraphs are found: {total}");
    assert!(marked >= 27, "{marked} of {total}: {missed:#?}");
}
