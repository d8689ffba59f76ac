//! The timeline of the bundled collection: the registry's events in date order, the dated
//! statements of the four documents linked to their paragraphs, the extractor against
//! sentences taken from the documents, and timeline.json against its schema.

use std::collections::HashMap;
use std::path::Path;

use crate::common::schema;
use crate::common::*;
use annals::internals::HistoricalDate;
use annals::internals::sentence_date;
use scraper::{ElementRef, Html};

fn site() -> &'static Path {
    bundled_site()
}

fn page(path: &str) -> Html {
    let file = site().join(path);
    Html::parse_document(&std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{path}: {e}")))
}

fn text(element: &ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text a reader reads: without note markers, the ¶ link and the source's readings that
/// emendations correct.
fn reading_text(element: &ElementRef) -> String {
    let mut out = String::new();
    for node in element.descendants() {
        let Some(text) = node.value().as_text() else {
            continue;
        };
        let apparatus = node.ancestors().filter_map(ElementRef::wrap).any(|a| {
            a.value().name() == "sup"
                || a.value()
                    .classes()
                    .any(|c| c == "anchor" || c == "emend-source")
        });
        if !apparatus {
            out.push_str(text);
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn attr(element: &ElementRef, selector: &str, name: &str) -> String {
    let selector = scraper::Selector::parse(selector).unwrap();
    element
        .select(&selector)
        .next()
        .and_then(|e| e.value().attr(name))
        .unwrap_or_else(|| panic!("no {selector:?} with {name} in {}", element.html()))
        .to_string()
}

/// The dates of the registry's events, read from their files, by the URL of their page.
fn event_dates() -> HashMap<String, HistoricalDate> {
    let dir = repo_root().join("content/events");
    std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let front: toml::Table = toml::from_str(text.split("+++").nth(1).unwrap()).unwrap();
            let date = HistoricalDate::parse(front["date"].as_str().unwrap()).unwrap();
            let id = path.file_stem().unwrap().to_string_lossy().to_string();
            (format!("/events/{id}/"), date)
        })
        .collect()
}

#[test]
fn the_timeline_holds_every_event_of_the_registry_in_date_order() {
    let timeline = page("timeline/index.html");
    let dates = event_dates();
    let events: Vec<(String, String)> = select(&timeline, ".tl-entry[data-kind='event']")
        .iter()
        .map(|entry| (attr(entry, ".tl-title a", "href"), text(entry)))
        .collect();
    let mut listed: Vec<&String> = events.iter().map(|(url, _)| url).collect();
    listed.sort();
    let mut expected: Vec<&String> = dates.keys().collect();
    expected.sort();
    assert_eq!(listed, expected, "every event, once");
    for pair in events.windows(2) {
        let (a, b) = (&dates[&pair[0].0], &dates[&pair[1].0]);
        assert!(
            a <= b,
            "{} ({a}) is listed before {} ({b})",
            pair[0].0,
            pair[1].0
        );
    }
    let tenth = events
        .iter()
        .find(|(url, _)| url == "/events/tenth-party-congress/")
        .unwrap();
    assert!(tenth.1.starts_with("8–16 March 1921 Event"), "{}", tenth.1);
}

#[test]
fn the_timeline_holds_hundreds_of_statements_each_linked_to_its_paragraph() {
    let years = timeline_pages(site());
    let statements: Vec<ElementRef> = years
        .iter()
        .flat_map(|year| select(year, TIMELINE_ENTRIES))
        .filter(|e| e.value().attr("data-kind") == Some("statement"))
        .collect();
    assert!(statements.len() >= 300, "{} statements", statements.len());
    let mut pages: HashMap<String, Html> = HashMap::new();
    let mut documents: HashMap<String, usize> = HashMap::new();
    for statement in &statements {
        let href = attr(statement, ".tl-source a", "href");
        let (path, id) = href.split_once('#').unwrap_or_else(|| panic!("{href}"));
        assert!(id.starts_with("p-"), "{href} is no paragraph");
        let target = pages
            .entry(path.to_string())
            .or_insert_with(|| page(&format!("{}index.html", path.trim_start_matches('/'))));
        let paragraph = select(target, &format!("p[id='{id}']"));
        assert_eq!(paragraph.len(), 1, "{href}: no paragraph {id}");
        let excerpt = text(&select_one(statement, ".tl-excerpt"));
        let whole = excerpt.trim_end_matches(" …");
        let held = reading_text(&paragraph[0]);
        // A sentence that ends on a colon is shown with the quotation set off after it.
        let own = match held.trim_end().strip_suffix(':') {
            Some(_) if !held.contains(whole) => {
                let (introduction, quotation) = whole.split_once(": ").unwrap_or((whole, ""));
                assert!(
                    !quotation.is_empty(),
                    "{href}: “{excerpt}” lacks its quotation"
                );
                introduction
            }
            _ => whole,
        };
        assert!(held.contains(own), "{href} does not hold “{excerpt}”");
        *documents
            .entry(path.split('/').nth(2).unwrap().to_string())
            .or_insert(0) += 1;
    }
    assert_eq!(
        documents.len(),
        4,
        "statements from each document: {documents:?}"
    );
}

fn select_one<'a>(element: &ElementRef<'a>, selector: &str) -> ElementRef<'a> {
    let selector = scraper::Selector::parse(selector).unwrap();
    element.select(&selector).next().unwrap()
}

#[test]
fn the_politburo_expelled_miasnikov_on_20_february_1922() {
    let year = page("timeline/1922/index.html");
    let entry = select(&year, ".tl-entry[data-kind='statement']")
        .into_iter()
        .find(|e| text(e).contains("on February 20, declared Miasnikov expelled"))
        .expect("the statement of Miasnikov's expulsion");
    assert_eq!(text(&select_one(&entry, "time")), "20 February 1922");
    assert_eq!(attr(&entry, "time", "datetime"), "1922-02-20");
    let href = attr(&entry, ".tl-source a", "href");
    assert!(href.starts_with("/documents/avrich-1984/#p-"), "{href}");
    let (path, id) = href.split_once('#').unwrap();
    let article = page(&format!("{}index.html", path.trim_start_matches('/')));
    let paragraph = select(&article, &format!("p[id='{id}']"));
    assert!(text(&paragraph[0]).contains("on February 20, declared Miasnikov expelled"));
    assert!(
        attr(&entry, ".tl-names", "class").contains("tl-names")
            && entry.html().contains("/people/miasnikov/"),
        "the statement links Miasnikov"
    );
    let event = page("events/tenth-party-congress/index.html");
    let date = select(&event, ".provenance time");
    assert_eq!(text(&date[0]), "8–16 March 1921");
}

#[test]
fn every_person_event_and_group_page_shows_its_slice_of_the_timeline() {
    let miasnikov = page("people/miasnikov/index.html");
    let entries = select(&miasnikov, ".entity-timeline .tl-entry");
    assert!(entries.len() >= 20, "{} entries", entries.len());
    assert!(
        entries
            .iter()
            .all(|e| e.html().contains("/people/miasnikov/"))
    );
    let born = entries
        .iter()
        .filter(|e| e.value().attr("data-kind") == Some("life"));
    assert!(born.count() >= 1, "his life dates are in his slice");
    let congress = page("events/tenth-party-congress/index.html");
    let slice = select(&congress, ".entity-timeline .tl-entry");
    let own = slice
        .iter()
        .find(|e| e.value().attr("data-kind") == Some("event"))
        .expect("the congress itself is in its slice");
    assert_eq!(text(&select_one(own, "time")), "8–16 March 1921");
    assert!(slice.len() >= 3, "statements naming the congress too");
    let group = page("groups/workers-group/index.html");
    assert!(!select(&group, ".entity-timeline .tl-entry").is_empty());
}

#[test]
fn each_year_of_the_timeline_is_one_section_of_its_own_entries_in_order() {
    let html = page("timeline/index.html");
    let sections = select(&html, ".tl-year");
    assert!(sections.len() > 20, "{} years", sections.len());
    let navigation: Vec<String> = select(&html, ".tl-years a")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    let times = scraper::Selector::parse(".tl-entry time").unwrap();
    let mut years = Vec::new();
    for section in &sections {
        let heading = select_one(section, "h2");
        let year = text(&heading);
        assert_eq!(
            heading.value().attr("id"),
            Some(format!("y-{year}").as_str())
        );
        for time in section.select(&times) {
            let datetime = time.value().attr("datetime").unwrap();
            assert!(datetime.starts_with(&year), "{datetime} under {year}");
        }
        years.push(year.parse::<i32>().unwrap());
    }
    assert!(years.windows(2).all(|w| w[0] < w[1]), "{years:?}");
    let ids: Vec<String> = years.iter().map(|y| format!("#y-{y}")).collect();
    assert_eq!(navigation, ids);
}

#[test]
fn timeline_json_validates_against_its_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("docs/timeline.schema.json")).unwrap(),
    )
    .unwrap();
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site().join("timeline.json")).unwrap())
            .unwrap();
    let errors = schema::validate(&schema, &data);
    assert!(
        errors.is_empty(),
        "{}",
        errors[..errors.len().min(20)].join("\n")
    );
    let entries = data["entries"].as_array().unwrap();
    let shown: usize = (timeline_pages(site()).iter())
        .map(|year| select(year, TIMELINE_ENTRIES).len())
        .sum();
    assert_eq!(entries.len(), shown);
    // The validator itself rejects what breaks the schema.
    let mut broken = data.clone();
    broken["entries"][0]["kind"] = "rumour".into();
    broken["entries"][1]["date"]["edtf"] = "soon".into();
    broken["entries"][2].as_object_mut().unwrap().remove("url");
    assert_eq!(schema::validate(&schema, &broken).len(), 3);

    let timelinejs: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(site().join("timeline.timelinejs.json")).unwrap(),
    )
    .unwrap();
    let events = timelinejs["events"].as_array().unwrap();
    assert_eq!(events.len(), entries.len());
    assert!(events.iter().all(|e| e["start_date"]["year"].is_i64()));
}

/// A sentence of the documents, the text before it that it needs (in its section), and the
/// date a careful reader gives it.
struct Case {
    file: &'static str,
    context: &'static [&'static str],
    sentence: &'static str,
    date: &'static str,
}

const fn case(
    file: &'static str,
    context: &'static [&'static str],
    sentence: &'static str,
    date: &'static str,
) -> Case {
    Case {
        file,
        context,
        sentence,
        date,
    }
}

const AVRICH: &str = "avrich-1984.md";
const OLIVIER: &str = "olivier-2010.md";
const WIKIPEDIA: &str = "wikipedia-workers-group.md";
const CH01: &str = "rogovin-1992/chapter-01-the-birth-of-the-one-party.md";
const CH06: &str = "rogovin-1992/chapter-06-the-general-secretary-organizer-and-mentor.md";
const CH09: &str = "rogovin-1992/chapter-09-the-georgian-incident-and-the-derzhimorda.md";
const CH17: &str = "rogovin-1992/chapter-17-two-discussions.md";
const CH25: &str = "rogovin-1992/chapter-25-psychological-murder.md";
const CH29: &str = "rogovin-1992/chapter-29-the-tactic-of-a-united-front.md";
const CH36: &str = "rogovin-1992/chapter-36-the-new-opposition.md";
const CH43: &str = "rogovin-1992/chapter-43-super-industrialization-robbing-the-peasantry-and.md";
const CH46: &str = "rogovin-1992/chapter-46-the-final-stage-of-the-legal.md";

const MAY_1921: &str = "In May 1921, shortly after Miasnikov dispatched his memorandum to the Central Committee, the Perm' Provincial Committee forbade him to propagate his views at party meetings.";
const FEBRUARY_1922: &str = "On February 26, 1922, less than a week after his expulsion from the party, he joined a group of dissenters, including Shliapnikov, Medvedev, and Kollontai of the Workers' Opposition, in filing a petition with the Executive Committee of the Communist International.";
const AUGUST_1922: &str = "On August 10, 1922, the Politburo instructed the Orgburo to create a commission that would prepare for the next CC plenum the question of the mutual relations between the Russian Republic and the other independent Soviet republics.";
const DECEMBER: &str =
    "On 12 December, Dzerzhinsky informed Lenin of the results of the commission's work.";
const JANUARY: &str = "On 24 January, Lenin asked Stalin, through Fotieva, to hand over to him the items collected by the commission on the Georgian incident and instructed his three secretaries to study them in detail.";
const NOVEMBER_1923: &str = "On 7 November 1923, Zinoviev published an article in *Pravda*, “The New Tasks of the Party,” in which he said:";

const CASES: &[Case] = &[
    // The year from the context.
    case(
        AVRICH,
        &[
            "On February 15, 1922, the Orgburo commission, having completed its investigation, recommended his expulsion from the party.",
        ],
        "This recommendation was referred to the Politburo, which, on February 20, declared Miasnikov expelled for \"repeated violations of party discipline,\" and especially for attempting to organize a faction within the party, contrary to the resolution on party unity passed by the Tenth Congress.",
        "20 February 1922",
    ),
    case(
        AVRICH,
        &[MAY_1921],
        "On June 21 he spoke at a provincial party conference in Perm', chastizing both the Central Committee and the Provincial Committee.",
        "21 June 1921",
    ),
    case(
        AVRICH,
        &[MAY_1921],
        "On August 5, Lenin followed this up with a long letter.",
        "5 August 1921",
    ),
    case(
        AVRICH,
        &[MAY_1921],
        "On August 22, the Orgburo of the Central Committee, having heard the report of the commission looking into Miasnikov's activities, pronounced his views \"incompatible with the interests of the party\" and forbade him to disseminate them at future gatherings.",
        "22 August 1921",
    ),
    case(
        AVRICH,
        &[FEBRUARY_1922],
        "On March 4, at the recommendation of a special commission whose members included Vasil Kolarov of Bulgaria, Clara Zetkin of Germany, and Marcel Cachin of France, the Comintern Executive Committee pronounced these complaints unfounded.",
        "4 March 1922",
    ),
    case(
        AVRICH,
        &[FEBRUARY_1922],
        "Matters came to a head at the Eleventh Party Congress, which, opening on March 27, was the last in which Lenin participated.",
        "27 March 1922",
    ),
    case(
        AVRICH,
        &[FEBRUARY_1922],
        "On April 2, the last day of the congress, the commission delivered its report in closed session.",
        "2 April 1922",
    ),
    case(
        CH17,
        &[NOVEMBER_1923],
        "On 13 November, *Pravda* began the discussion in its own pages.",
        "13 November 1923",
    ),
    case(
        CH17,
        &[NOVEMBER_1923],
        "On 29 November, the Politburo formed a commission consisting of Kamenev, Stalin, and Trotsky, who were ordered to produce a draft resolution on the inner-party situation.",
        "29 November 1923",
    ),
    case(
        CH17,
        &[NOVEMBER_1923],
        "The draft was then unanimously accepted on 5 December at a joint session of the Politburo and the Presidium of the Central Control Commission.",
        "5 December 1923",
    ),
    case(
        CH09,
        &[AUGUST_1922],
        "On 6 October the issue was discussed at a plenum of the Central Committee.",
        "6 October 1922",
    ),
    case(
        CH09,
        &[AUGUST_1922],
        "On 24 November, the Secretariat resolved to send to Georgia a commission, chaired by Dzerzhinsky, for an immediate investigation into the conflict between the Transcaucasian Territorial Committee and the Georgian Central Committee.",
        "24 November 1922",
    ),
    case(CH09, &[AUGUST_1922, DECEMBER], JANUARY, "24 January 1923"),
    case(
        CH09,
        &[AUGUST_1922, DECEMBER, JANUARY],
        "On 3 March, Fotieva passed on to Lenin the conclusion of the commission he had mandated under the title, “A Concise Account of the Conflict in the Georgian Communist Party.”",
        "3 March 1923",
    ),
    case(
        CH06,
        &[
            "In November 1922, in the absence of Lenin and Trotsky, the Central Committee unanimously adopted a resolution directed at weakening this monopoly.",
        ],
        "On 18 December, a plenum of the CC made Stalin responsible for supervising the regimen established for Lenin by his physicians.",
        "18 December 1922",
    ),
    // Ranges.
    case(
        AVRICH,
        &[],
        "On the night of July 12-13, 1918, a group of workmen, led by Miasnikov, arrived at Michael's apartment with forged papers of the provincial Cheka.",
        "12–13 July 1918",
    ),
    case(
        CH29,
        &[],
        "At the Expanded Plenum of the Executive Committee of the Comintern in March–April 1925, a new step was taken toward confirming the idea of \"social-fascism\" as the main opponent of Communists.",
        "March–April 1925",
    ),
    case(
        CH29,
        &[],
        "Speaking at the Fifth Congress of the Comintern in June–July 1924, Radek declared that the tactic of a united front must consist in this:",
        "June–July 1924",
    ),
    case(
        CH25,
        &[],
        "During his trip to Moscow on 18–19 November 1923, Lenin selected from his Kremlin apartment a number of books, among which were also Trotsky's works.",
        "18–19 November 1923",
    ),
    case(
        CH25,
        &[],
        "However, the CC Plenum, which was supposed to determine the “date of the transfer,” took place only on 14–15 January 1924, and prior to this, the majority continued the discussion in still sharper and more tendentious tones.",
        "14–15 January 1924",
    ),
    case(
        CH46,
        &[],
        "For this purpose, a joint plenum of the CC and CCC was summoned on 21–23 October 1927.",
        "21–23 October 1927",
    ),
    case(
        CH46,
        &[],
        "Thus at the Seventh Expanded Plenum of the ECCI (22 November–16 December 1926), Stalin announced that he had never “claimed to have made new discoveries in the realm of theory ...”",
        "22 November–16 December 1926",
    ),
    case(
        CH36,
        &[],
        "The Fourteenth Congress [from 18–31 December, 1925] was essentially the first and last party congress after the death of Lenin where the discussion centered on principled questions.",
        "18–31 December 1925",
    ),
    case(
        CH01,
        &[],
        "It was entirely different from the corresponding proportion in the membership of the peasants' congress (that is, the Extraordinary All-Russian Congress of Peasant Deputies' Soviets that took place from 11–25/OS November 1917 – V. R.).",
        "24 November–8 December 1917 (11–25 November 1917 O.S.)",
    ),
    case(
        OLIVIER,
        &[],
        "Comrade Sapronov (the former Decist) … in the years 1926-7 revised the platform of the Decists.",
        "1926–1927",
    ),
    case(
        OLIVIER,
        &[],
        "Lenin pronounced himself in favour of “labour discipline” and “one man management” and the need to employ bourgeois specialists in the factories at the first Congress of economic councils in May-June 1918.",
        "May–June 1918",
    ),
    case(
        CH43,
        &[],
        "The consumption of vodka grew from 0.6 bottles per capita in the economic year 1924/1925 to 4.3 in 1926/1927.",
        "October 1924–September 1925",
    ),
    // Full dates, months, parts of a year, a bare year beside an entity.
    case(
        AVRICH,
        &[],
        "On February 15, 1922, the Orgburo commission, having completed its investigation, recommended his expulsion from the party.",
        "15 February 1922",
    ),
    case(
        AVRICH,
        &[],
        "In May 1918, at an all-city party conference in Perm', Miasnikov spoke out against the treaty.",
        "May 1918",
    ),
    case(
        AVRICH,
        &[],
        "Miasnikov, however, did rally behind Lenin during the summer of 1918, when the intensification of civil war saw the fading of the Left Communists and a restoration of unity within the party.",
        "summer 1918",
    ),
    case(
        AVRICH,
        &[],
        "In the opening weeks of 1923, he had, as Lenin had all along feared, organized a clandestine opposition.",
        "early 1923",
    ),
    case(
        AVRICH,
        &[],
        "In early 1921, the working class of Petrograd was in ferment.",
        "early 1921",
    ),
    case(CH09, &[], AUGUST_1922, "10 August 1922"),
    case(
        WIKIPEDIA,
        &[],
        "Around 1930, Miasnikov, in exile, and the Workers' Group (so far as it still existed as an organization) were associated with the \"Communist Workers' Groups\" in France, and with their newspaper L'Ouvrier Communiste, a dissident group of Bordigism however ideologically aligned with the German and Dutch tradition of the Communist left.",
        "c. 1930",
    ),
];

#[test]
fn the_extractor_dates_sentences_of_the_documents_as_a_careful_reader() {
    let documents = repo_root().join("content/documents");
    let mut wrong = Vec::new();
    for case in CASES {
        let source = std::fs::read_to_string(documents.join(case.file)).unwrap();
        let at = source
            .find(case.sentence)
            .unwrap_or_else(|| panic!("not verbatim in {}: {}", case.file, case.sentence));
        for context in case.context {
            let before = source[..at].find(context);
            assert!(
                before.is_some(),
                "the context is not before the sentence in {}: {context}",
                case.file
            );
        }
        let got = sentence_date(&case.context.join("\n\n"), case.sentence)
            .map(|(date, old_style)| date.human_with_old_style(old_style.as_ref()));
        if got.as_deref() != Some(case.date) {
            wrong.push(format!(
                "  {}: “{}”\n    expected {}, got {}",
                case.file,
                case.sentence,
                case.date,
                got.unwrap_or_else(|| "no date".into())
            ));
        }
    }
    let from_context = CASES.iter().filter(|c| !c.context.is_empty()).count();
    let ranges = CASES.iter().filter(|c| c.date.contains('–')).count();
    assert!(CASES.len() >= 30 && from_context >= 8 && ranges >= 5);
    let right = CASES.len() - wrong.len();
    eprintln!(
        "the extractor dates {right} of {} sentences right",
        CASES.len()
    );
    if !wrong.is_empty() {
        eprintln!("wrong:\n{}", wrong.join("\n"));
    }
    assert!(
        right >= 28,
        "only {right} of {} right:\n{}",
        CASES.len(),
        wrong.join("\n")
    );
}

/// A person's chronology holds the registry's events that list them or whose summary names
/// them, not only their birth, death and the sentences that name them.
#[test]
fn miasnikovs_chronology_holds_the_events_he_took_part_in() {
    let person = page("people/miasnikov/index.html");
    let section = scraper::Selector::parse(".entity-timeline").unwrap();
    let chronology = person.select(&section).next().expect("an In time section");
    let said = text(&chronology);
    // Each linked to the paragraph its account draws on, which holds what it says.
    for (event, paragraph_says) in [
        (
            "Expulsion of Miasnikov from the party",
            "declared Miasnikov expelled",
        ),
        (
            "Founding of the Workers' Group",
            "organized the Workers Group",
        ),
        ("Arrest of Miasnikov on his return from Germany", "arrested"),
    ] {
        assert!(said.contains(event), "{event} not in: {said}");
        let entry = (chronology.select(&scraper::Selector::parse(".tl-event").unwrap()))
            .find(|entry| text(entry).contains(event))
            .unwrap();
        let link = attr(&entry, ".tl-source a", "href");
        let (document, anchor) = link.split_once('#').expect("a paragraph's address");
        let target = page(&format!("{}index.html", document.trim_start_matches('/')));
        let paragraph = select_one(&target.root_element(), &format!("[id=\"{anchor}\"]"));
        assert!(
            reading_text(&paragraph).contains(paragraph_says),
            "{event}: {link} says {}",
            reading_text(&paragraph)
        );
    }
}

/// One sentence of the judged set (`tests/fixtures/timeline-judged.json`): sentences of the
/// bundled texts, each with the date a careful reader gives the event its main clause
/// reports (or none), the year the text around it has made known, and the difficulty it
/// tests. The set was judged by reading each sentence in its paragraph.
#[derive(serde::Deserialize)]
struct Judged {
    sentence: String,
    context_year: Option<i32>,
    date: Option<String>,
    cause: String,
}

/// How the timeline reads a judged set: the figures the targets are stated in.
struct Figures {
    judged: usize,
    alike: usize,
    placed: usize,
    placed_right: usize,
    datable: usize,
    datable_placed: usize,
    undatable_placed: usize,
}

/// The judged sentences of `file`, read as the timeline reads them: how many are placed at
/// the date a reader gives them, how many that should stand on the timeline do, and how
/// many that should not are placed. The misses are printed (`cargo test judged --
/// --nocapture`).
fn judge(file: &str) -> Figures {
    let path = repo_root().join("tests/fixtures").join(file);
    let judged: Vec<Judged> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // Front matter is left out by page (a foreword is not read), not by sentence.
    let judged: Vec<&Judged> = judged
        .iter()
        .filter(|j| j.cause != "front matter")
        .collect();
    let (mut alike, mut placed_wrongly, mut datable, mut datable_placed, mut undatable_placed) =
        (0, 0, 0, 0, 0);
    for j in &judged {
        let context = j
            .context_year
            .map(|year| format!("Those were the events of {year}."))
            .unwrap_or_default();
        let read = sentence_date(&context, &j.sentence).map(|(date, _)| as_months(&date.edtf()));
        let judged_date = j.date.as_deref().map(as_months);
        if j.date.is_some() {
            datable += 1;
            datable_placed += usize::from(read.is_some());
        } else if read.is_some() {
            undatable_placed += 1;
        }
        if read == judged_date {
            alike += 1;
        } else {
            if read.is_some() {
                placed_wrongly += 1;
            }
            println!(
                "miss ({}): read {:?}, judged {:?}: {}",
                j.cause, read, judged_date, j.sentence
            );
        }
    }
    let placed = datable_placed + undatable_placed;
    let figures = Figures {
        judged: judged.len(),
        alike,
        placed,
        placed_right: placed - placed_wrongly,
        datable,
        datable_placed,
        undatable_placed,
    };
    println!(
        "{file}: {} of {} judged alike; of {} placed, {} at the right date; {} of {} datable placed; {} undatable placed",
        figures.alike,
        figures.judged,
        figures.placed,
        figures.placed_right,
        figures.datable_placed,
        figures.datable,
        figures.undatable_placed
    );
    figures
}

impl Figures {
    /// That at least `right`% of the placed are right, `placed`% of the datable placed, and
    /// at most `undatable` undatable ones placed.
    fn at_least(&self, right: usize, placed: usize, undatable: usize) {
        assert!(
            self.placed_right * 100 >= self.placed * right,
            "{} of {} placed right",
            self.placed_right,
            self.placed
        );
        assert!(
            self.datable_placed * 100 >= self.datable * placed,
            "{} of {} datable placed",
            self.datable_placed,
            self.datable
        );
        assert!(
            self.undatable_placed <= undatable,
            "{} undatable placed",
            self.undatable_placed
        );
    }
}

/// The judged sentences of the bundled texts, at the targets: 90% of the placed
/// right, 80% of the datable placed, at most 5 undatable placed. The misses printed say
/// what the rules do not read.
#[test]
fn the_judged_sentences_are_dated_as_a_reader_dates_them() {
    judge("timeline-judged.json").at_least(90, 80, 5);
}

/// Sentences of texts the rules were not written on (other countries and centuries, other
/// kinds of document), judged by a reader who had not seen the rules: how the rules hold
/// on what they were not fitted to. The targets hold here.
/// A second set of sentences of unseen texts, written and judged by a reader who had seen
/// neither the rules nor the first set (seasons given as month ranges were written in the
/// timeline's season form, the same months): how the rules hold as they change.
#[test]
fn judged_sentences_of_a_second_unseen_set_are_dated_as_a_reader_dates_them() {
    judge("timeline-judged-fresh.json").at_least(80, 93, 3);
}

#[test]
fn judged_sentences_of_unseen_texts_are_dated_as_a_reader_dates_them() {
    judge("timeline-judged-unseen.json").at_least(92, 90, 5);
}

/// The timeline's page holds the events and groups, so that it stays small; each year with
/// more links to its own page, which holds every entry of the year and leads to the years
/// beside it.
#[test]
fn the_timelines_page_stays_small_and_each_year_links_its_whole_page() {
    let bytes = std::fs::metadata(site().join("timeline/index.html"))
        .unwrap()
        .len();
    assert!(bytes < 200_000, "the timeline's page is {bytes} bytes");
    let timeline = page("timeline/index.html");
    let years = select(&timeline, ".tl-year");
    let linked = select(&timeline, ".tl-year[data-year-page]");
    assert!(
        linked.len() > 10,
        "{} of {} years",
        linked.len(),
        years.len()
    );
    for section in &linked {
        let year = text(&select_one(section, "h2"));
        let href = attr(section, ".tl-more a", "href");
        assert_eq!(href, format!("/timeline/{year}/"));
        assert_eq!(section.value().attr("data-year-page"), Some(href.as_str()));
        let whole = page(&format!("timeline/{year}/index.html"));
        assert_eq!(text(&select(&whole, "h1")[0]), year);
        let on_page = section
            .select(&scraper::Selector::parse(".tl-entry").unwrap())
            .count();
        assert!(select(&whole, ".tl-entry").len() > on_page, "{year}");
    }
    let year = page("timeline/1922/index.html");
    assert_eq!(
        hrefs_of(&year, ".tl-pager a"),
        ["/timeline/1921/", "/timeline/#y-1922", "/timeline/1923/"]
    );
}

fn hrefs_of(html: &Html, selector: &str) -> Vec<String> {
    select(html, selector)
        .iter()
        .map(|a| a.value().attr("href").unwrap_or_default().to_string())
        .collect()
}

/// The words a sentence that leans on the one before it opens on, as the timeline's
/// excerpts take them.
const LEANING: &[&str] = &[
    "It",
    "This",
    "These",
    "That",
    "Those",
    "He",
    "She",
    "They",
    "His",
    "Her",
    "Its",
    "Their",
    "There",
    "The latter",
    "The former",
    "Such",
    "Here",
];

/// The judged sentences of `judged_file` as the built timeline of `site` places them: each
/// sentence is looked for among the statements of `timeline.json`. The misses are printed
/// (`cargo test judged -- --nocapture`).
fn placed_on_the_built_timeline(site: &Path, judged_file: &str) -> Figures {
    let judged: Vec<Judged> = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("tests/fixtures").join(judged_file)).unwrap(),
    )
    .unwrap();
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(site.join("timeline.json")).unwrap())
            .unwrap();
    // The letters and digits, and the colons that set a quotation off.
    let squeeze = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric() || *c == ':')
            .flat_map(char::to_lowercase)
            .collect()
    };
    let statements: Vec<(String, String)> = data["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "statement")
        .flat_map(|e| {
            let excerpt = e["excerpt"].as_str().unwrap_or_default();
            let date = e["date"]["edtf"].as_str().unwrap_or_default().to_string();
            // An entry's head ("November. — …"), a letter's salutation ("Sir,— …") or an
            // answer's mark ("A. …") is the judged sentence's or not, as its judge read it:
            // the entry holds both.
            let headless = (excerpt.split_once("— "))
                .filter(|(head, _)| head.chars().count() <= 30)
                .map(|(_, rest)| rest)
                .or_else(|| excerpt.strip_prefix("A. "))
                .or_else(|| excerpt.strip_prefix("Q. "))
                .map(|rest| (squeeze(rest), date.clone()));
            std::iter::once((squeeze(excerpt), date)).chain(headless)
        })
        .collect();
    let judged: Vec<&Judged> = judged
        .iter()
        .filter(|j| j.cause != "front matter")
        .collect();
    let (mut placed, mut right, mut datable, mut datable_placed, mut undatable_placed) =
        (0, 0, 0, 0, 0);
    for j in &judged {
        // An entry is the sentence's own when its excerpt is the sentence (cut short, or
        // with the quotation its colon opens), or the sentence after the one it leans on
        // ("It was then that …"); not an entry that quotes it after a colon ("In 1925
        // Trotsky warned: …") nor the next sentence's that leans on it.
        let sentence = squeeze(&j.sentence);
        let colon = j.sentence.trim_end().ends_with(':');
        let leans = LEANING.iter().any(|word| {
            (j.sentence.strip_prefix(word)).is_some_and(|rest| rest.starts_with([' ', ',']))
        });
        let key: String = sentence.chars().take(80).collect();
        let own = |excerpt: &str| {
            (excerpt.starts_with(&sentence) && (colon || excerpt.len() == sentence.len()))
                || (excerpt.len() >= 40 && sentence.starts_with(excerpt))
                || leans && (excerpt.find(&key)).is_some_and(|at| !excerpt[..at].contains(':'))
        };
        let read = (statements.iter())
            .find(|(excerpt, _)| own(excerpt))
            .map(|(_, date)| as_months(date));
        let judged_date = j.date.as_deref().map(as_months);
        datable += usize::from(j.date.is_some());
        if let Some(date) = &read {
            placed += 1;
            right += usize::from(Some(date) == judged_date.as_ref());
            if j.date.is_some() {
                datable_placed += 1;
            } else {
                undatable_placed += 1;
            }
        }
        if read != judged_date {
            println!(
                "on the timeline ({}): {:?}, judged {:?}: {}",
                j.cause, read, judged_date, j.sentence
            );
        }
    }
    println!(
        "{judged_file} on the built timeline: of {placed} placed, {right} at the right date; {datable_placed} of {datable} datable placed; {undatable_placed} undatable placed"
    );
    Figures {
        judged: judged.len(),
        alike: 0,
        placed,
        placed_right: right,
        datable,
        datable_placed,
        undatable_placed,
    }
}

/// The judged sentences of a collection written for the tests (`tests/fixtures/NAME`, its
/// sentences in `tests/fixtures/NAME-judged.json`) as its built timeline places them.
fn placed_on_a_collections_timeline(name: &str) -> Figures {
    let out = tempfile::tempdir().unwrap();
    let (_, diagnostics) = build_site(&fixture(name), out.path(), None);
    assert!(!diagnostics.has_errors(), "{name}: {diagnostics:?}");
    placed_on_the_built_timeline(out.path(), &format!("{name}-judged.json"))
}

/// A season as the months a judge may write it in: `1890-21` (the spring of 1890) is
/// `1890-03/1890-05`; the winter of 1890, the one that begins in it, `1890-12/1891-02`.
fn as_months(edtf: &str) -> String {
    let season = edtf.split_once('-').and_then(|(year, code)| {
        let year: i32 = year.parse().ok()?;
        Some(match code {
            "21" => format!("{year}-03/{year}-05"),
            "22" => format!("{year}-06/{year}-08"),
            "23" => format!("{year}-09/{year}-11"),
            "24" => format!("{year}-12/{}-02", year + 1),
            _ => return None,
        })
    });
    season.unwrap_or_else(|| edtf.to_string())
}

/// The judged sentences of the bundled texts as the built timeline places them (the rules
/// above, and the dates of the registry's events a sentence opens on). Below the
/// extractor's own figures: in the pages, a day without its year often has no year before
/// it in its section (a chapter that opens "On 11 January …").
#[test]
fn the_judged_sentences_are_placed_on_the_built_timeline_as_a_reader_dates_them() {
    placed_on_the_built_timeline(site(), "timeline-judged.json").at_least(90, 78, 3);
}

/// A collection written for annals by a reader who had not seen its rules (a historian's
/// chapter, an encyclopedia entry, a seaman's letters: `tests/fixtures/saltby`), with 70 of
/// its sentences judged before annals was run on it; seasons judged as months. Some of its
/// misses became rules (days told from a letter's date, a year under a new heading), so it
/// is no longer quite unseen.
#[test]
fn the_judged_sentences_of_a_collection_written_for_the_test_are_placed_as_a_reader_dates_them() {
    placed_on_a_collections_timeline("saltby").at_least(90, 92, 2);
}

/// A second collection written for the test (`tests/fixtures/dordrecht`: a historian's
/// article, an elder's journal, a consistory's minutes, 1661–1662), judged the same way.
/// Run first with the rules as they were, it gave 21 of 31 placed right and 30 of 56
/// datable placed; its diary's entries then became a rule, and then its minutes' days
/// ("Monday the 16th, in the forenoon"), whose record of what was said and done is of the
/// day (30 of 36 → 37 of 44; 35 → 43 of 56). A firm plan its judge dated by its day; the
/// rules leave it off.
#[test]
fn the_judged_sentences_of_a_second_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("dordrecht").at_least(86, 87, 1);
}

/// A third (`tests/fixtures/oke-ado`: an encyclopedia entry, a news agency's report with its
/// dateline, an oral-history interview). Run first with the rules as they were: 18 of 23
/// placed right, 23 of 55 datable placed; the dateline then became a rule. Most of what it
/// dates that the rules do not is an interview's memory ("in '46", "the year the Olu went
/// away", "It was a Saturday"), which its judge dated from the editor's introduction.
#[test]
fn the_judged_sentences_of_a_third_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("oke-ado").at_least(84, 58, 1);
}

/// A fourth (`tests/fixtures/kelsborough`: a biography's chapter, a Commons committee's
/// minutes of evidence, four letters of 1848–49), written after the rules above. Run first
/// with them: 15 of 24 placed right, 22 of 56 datable placed; its letters' first lines
/// ("Manchester, Oct. 19.", "Greave Clough, Michaelmas Day, 1849.") and its winters then
/// became rules (24 of 31, 29 of 56), and then its minutes' sitting days in Latin ("Jovis,
/// 8° die Maii, 1851"), times told back from them ("Lady Day last", "October last", "the
/// year before last") and its answers cut from their questions (35 of 41, 39 of 56).
#[test]
fn the_judged_sentences_of_a_fourth_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("kelsborough").at_least(88, 75, 1);
}

/// A fifth (`tests/fixtures/vilkaste`: a military court's transcript of 1906 in translation,
/// a memoir of 1936, a shipping paper's dispatches, a historian's article; a Baltic town
/// under two calendars), written after every rule above by a reader who had not seen them,
/// and judged before annals was run on it. Run first: 14 of 28 placed right, 28 of 50
/// datable placed. Then its trial's days ("Third Day", the date on the line below), what
/// the court did and heard dated by them, days in words ("the second of December"), the
/// paper's datelines ("RIGA, Dec. 15.—", "LIBAU, Friday night.—") read from the issue's
/// heading, a witness's answer dated by the question it answers: 25 of 32, 32 of 50. Its
/// memoir's Old Style days ("the second of December, as we then counted") are left off.
#[test]
fn the_judged_sentences_of_a_fifth_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("vilkaste").at_least(83, 72, 0);
}

/// A sixth (`tests/fixtures/waipukeko`: a colonial legislature's debate of 1863, numbered
/// official letters, a district's annals by year, a dictionary of biography and an essay),
/// written after every rule above by a reader who had not seen them, and judged before
/// annals was run on it. Run first: 1 of 10 placed right, 10 of 50 datable placed. Then its
/// debate's day under a heading that names the House and under its subheadings, its
/// letters' datelines ("Resident Magistrate's Office, Port Ashby, 10th February, 1863.")
/// and salutations ("Sir, — …"), its annals' entries ("1860. — March. — …", "November.
/// — …" under "## 1858"): 24 of 29, 29 of 50; its seasons alone ("through the winter")
/// in the southern hemisphere its `site.toml` names: 30 of 34, 34 of 50. Sentences dated by
/// the one before are left off (dating them so was tried on all the collections: 27 more
/// placed, 2 of them right).
#[test]
fn the_judged_sentences_of_a_sixth_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("waipukeko").at_least(88, 68, 0);
}

/// A seventh (`tests/fixtures/calder`: a police corporal's reports of 1919, a labour
/// council's minute book, an oral-history interview of 1976, an encyclopedia entry with an
/// editorial of the time), written after every rule above by a reader who had not seen
/// them, and judged before annals was run on it. Run first: 10 of 18 placed right, 15 of 50
/// datable placed (13 of 22, 19 of 50 once the lookup takes a letter's "Sir,— " as either
/// judge writes it). Then its reports' datelines in figures ("27-5-19", "5.VI.19"), its
/// meetings' headings without the year or the month ("Adjourned meeting, May 16", "Meeting
/// of the Executive — 17th"), "Bro." as no sentence's end, a counterfactual as no event:
/// 28 of 33, 31 of 50. Its interview's times told from the headnote ("when I was sixteen",
/// "that spring") are left off.
#[test]
fn the_judged_sentences_of_a_seventh_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("calder").at_least(84, 66, 0);
}

/// An eighth (`tests/fixtures/bellegarde`: a French town's council register of 1790–95 in
/// translation, in the Gregorian and the Republican calendar, a deputy's letters, parish
/// and civil registers, a historian's chapter), written after every rule above by a reader
/// who had not seen them, and judged before annals was run on it. Run first: 18 of 30 placed
/// right, 30 of 51 datable placed. Then the Republican calendar ("the 20th Frimaire, Year
/// II"), days and years in words ("the twenty-ninth of July one thousand seven hundred and
/// eighty-nine"), a session's verb after an apposition ("The mayor, citizen Gaudin,
/// reported that …"), a heading's date restated in parentheses: 29 of 39, 39 of 51. Its
/// judge dated what a session heard reported by the day reported, the other judges by the
/// session's; the rules keep the session's (the main clause's, as the issue asks).
#[test]
fn the_judged_sentences_of_an_eighth_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("bellegarde").at_least(82, 76, 0);
}

/// A ninth (`tests/fixtures/bellamy`: a soldier's letters of 1862–64 in his own spelling,
/// his wife's diary, a county history of 1882, a reference article with a chronology list),
/// written after every rule above by a reader who had not seen them, and judged before
/// annals was run on it. Run first: 12 of 29 placed right, 27 of 50 datable placed. Then
/// the old ordinals ("the 3d", "22d"), letters dated "Sunday Eve Dec 14/62" and "May the 3d
/// 1863", a diary's entries headed by a line that is their day ("Jan. 1, 1863.", "Saturday
/// 3d.", "Wed. 14th."), a chronology's year first ("1861, April 14 —"), "two weeks ago",
/// "last Sabbath", "the following Tuesday", "the 26th of last month": 28 of 40, 40 of 50.
#[test]
fn the_judged_sentences_of_a_ninth_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("bellamy").at_least(75, 88, 0);
}

/// A tenth (`tests/fixtures/sudimov`: a Russian town soviet's protocols of 1917–18 in the
/// Old Style and the New, a Menshevik's memoir, a local paper's chronicle, a historian's
/// article), written after every rule above by a reader who had not seen them, and judged
/// before annals was run on it. Run first: 9 of 38 placed right, 36 of 50 datable placed.
/// Then a day in both styles written "25 October (7 November) 1917" or "18–24 September
/// (1–7 October) 1917", and a session headed "12 (25) October 1917" dated in the New: 16 of
/// 38. Most of what was left wrong was the Old Style its texts leave unmarked ("Session of
/// 27 October 1917"), which its judge converted from what the documents' notes say: with
/// `old_style_until = "1918-02-14"` in its site.toml (an editor's statement of the texts'
/// calendar), and every sentence with a bare year read, 27 of 39, 37 of 50.
/// An eleventh (`tests/fixtures/glenmoyle`: a land agent's letters of 1880–81, a Land
/// League branch's minutes, a folklore interview of 1946, a historian's article of 1987;
/// County Mayo, 1879–1883), written after every rule above by a reader who had not seen them,
/// and judged before annals was run on it. Run first: 27 of 36 placed right, 35 of 50 datable
/// placed, 1 undatable. Then what a sitting's report tells back to from its day ("reported
/// that on Friday the agent had served a notice") dated at that day, a year of two digits
/// after "was" ("The black year was '79"), a month "of that year", a dateline written at
/// night ("Glenmoyle, Sunday night, 12th June 1881."), "You will recall that …": 33 of 40,
/// 39 of 50.
/// A twelfth (`tests/fixtures/tlacotepec`: a hacienda administrator's letters of 1910–12
/// translated from the Spanish, a village's acts and a headquarters' decrees dated in
/// words, a United States vice-consul's dispatches, an oral history of 1974, a historian's
/// article of 1985; Morelos, 1909–1920), written after every rule above by a reader who had
/// not seen them, and judged before annals was run on it. Run first: 8 of 27 placed right,
/// 25 of 51 datable placed (its registry's years written as numbers and sources as lists,
/// which annals then refused). Then datelines of places with particles ("Hacienda de San
/// Gabriel, 12 September 1910.") and of offices ("American Vice Consulate, Cuernavaca,
/// Morelos, Mexico, February 24, 1913."), a salutation set off by its colon, days in words
/// as acts write them, a heading's closing year, "in April, in '19", feasts without their
/// year, news of a day ("This morning we have word that … yesterday"), what is foretold,
/// "is said to have been", "the day after" said of a date, two clauses each with its year,
/// "a grant of the year 1607", a participle's phrase alone: 24 of 35, 35 of 51. What is
/// left is mostly dated by the context or by another document.
/// A thirteenth (`tests/fixtures/hebbleton`: a battalion's war diary of 1916–18, a
/// private's letters home, a town's weekly paper, an oral history of 1979 and a historian's
/// chapter of 2004; a Yorkshire mill town's battalion, 1914–19), written after every rule
/// above by a reader who had not seen them, and judged before annals was run on it. Run
/// first: 17 of 27 placed right, 24 of 50 datable placed, 3 undatable. Then the diary's
/// entries under its month's heading ("1st. COUIN. …", "5th–8th.", "Night 14/15th.",
/// "1.7.16."), each line of them, and a line that opens on a time of day ("7.50 a.m. Lt.-Col.
/// Thwaite killed"); a time that opens a sentence, and a rank, ending none; what is foretold
/// told apart from a verb in the past after it ("You will hear about it, some of D Coy. went
/// over on Sunday night"), "I'm going again in September", a night ("14/15 May 1916"): 28
/// of 39, 37 of 50, 2.
/// A fourteenth (`tests/fixtures/marlow`: an FBI field office's memoranda of 1963–64 with
/// their days in figures, a movement's mass-meeting minutes and bulletin, a town daily's
/// reports, an oral history of 1985 and a historian's article of 2008; a Southern town's
/// civil-rights campaign, 1963–65), written after every rule above by a reader who had not
/// seen them, and judged before annals was run on it. Run first: 17 of 28 placed right, 28
/// of 50 datable placed. Then a heading's weekday read as its day's own ("Monday night mass
/// meeting, April 8, 1963"), days in figures in its sentences in the month-first order its
/// memoranda write ("On 4/15/63"), a section under a heading with its own year no longer the
/// meeting's before it, and what moves the text's year on told apart from what it reaches
/// back to ("as early as January 1964", "had staged … in October 1963", a day before the
/// minutes' own), "the spring of '63": 21 of 33, 33 of 50.
#[test]
fn the_judged_sentences_of_a_fourteenth_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("marlow").at_least(63, 66, 0);
}

#[test]
fn the_judged_sentences_of_a_thirteenth_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("hebbleton").at_least(71, 74, 2);
}

#[test]
fn the_judged_sentences_of_a_twelfth_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("tlacotepec").at_least(68, 68, 0);
}

#[test]
fn the_judged_sentences_of_an_eleventh_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("glenmoyle").at_least(82, 78, 1);
}

#[test]
fn the_judged_sentences_of_a_tenth_collection_written_for_the_test_are_placed() {
    placed_on_a_collections_timeline("sudimov").at_least(71, 74, 1);
}
