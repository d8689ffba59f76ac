//! Where sentences end, one rule for everything that cuts prose into sentences: the
//! timeline's dated statements, the snippets around mentions and the summaries `import`
//! takes from a biographical note.
//!
//! A sentence ends at `.`, `!` or `?` (and any closing quotation marks or brackets after it)
//! followed by white space and a word that may open a sentence: a capital, a digit, an
//! opening quotation mark or bracket. A full stop after an initial ("G. T. Miasnikov",
//! "N.V. Kuznetsov", the Russian notes' "Т. 6, С. 23") or an abbreviation ends none.

use std::ops::Range;

/// Words after which a full stop ends no sentence (titles among them: "Rev.", "Capt.").
pub const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Dr", "St", "p", "pp", "vol", "Vol", "No", "no", "cf", "Cf", "ed", "Jan", "Feb",
    "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "i.e", "e.g", "ch", "Ch", "op", "tov",
    "Comrade", "O.S", "art", "Art", "vols", "nos", "ibid", "Ibid", "trans", "eds", "см", "ср",
    "стр", "с", "т", "г", "гг", "тов", "b", "c", "ca", "fl", "Rev", "Hon", "Capt", "Col", "Gen",
    "Lieut", "Lt", "Maj", "Sgt", "Messrs", "Esq", "Prof", "Gov", "Bro", "Bros", "Sr", "Jno", "Wm",
    "Thos", "Chas", "Geo", "Jas", "Robt", "Pte", "Cpl", "Sjt", "Brig", "Adjt", "Cdr",
];

/// Marks that may close a sentence after its full stop: `."`, `.)`, `.»`.
const CLOSING: &[char] = &['"', '”', '’', '\'', ')', '»'];

/// Marks that may open a sentence before its first word; an ellipsis there stands for the
/// words left out of a quotation ("… philistines. … Here, what").
const OPENING: &[char] = &['"', '“', '‘', '«', '(', '[', '…'];

/// Whether the word that ends `before` (the text up to a full stop) is an abbreviation or
/// an initial: "G. T. Miasnikov", "N.V. Kuznetsov", a rank ("Pte. Sugden", "Lt.-Col.
/// Thwaite"). Not a unit's ("9th Bn.", "C Coy."), which ends its sentence as often.
pub fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '[')
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let single_capital = letters == 1 && word.chars().any(char::is_uppercase);
    let initials = !word.is_empty()
        && word.split('.').all(|part| {
            let mut chars = part.chars();
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
        });
    // "Lt.-Col. Thwaite", "2/Lt. Walsh": a rank's last part.
    let last_part = word
        .rsplit(['-', '/', '.'])
        .find(|part| !part.is_empty())
        .unwrap_or("");
    single_capital
        || initials
        || ABBREVIATIONS.contains(&word)
        || ABBREVIATIONS.contains(&last_part)
}

/// The sentence the punctuation at byte `at` of `text` (`.`, `!` or `?`) closes, if it
/// closes one: where that sentence ends (after its closing marks) and where the next one
/// begins (after one white space).
pub fn sentence_end(text: &str, at: usize) -> Option<(usize, usize)> {
    let mark = *text.as_bytes().get(at)?;
    if !matches!(mark, b'.' | b'!' | b'?') {
        return None;
    }
    let closed = text[at + 1..].trim_start_matches(CLOSING);
    let end = text.len() - closed.len();
    // Minutes of evidence run question and answer together: "Has the company raised its
    // rates?—The rates were raised at Lady Day last." The answer is a sentence of its own.
    if mark == b'?'
        && let Some(answer) = closed.strip_prefix('—').map(str::trim_start)
        && answer.starts_with(char::is_uppercase)
    {
        return Some((end, text.len() - answer.len()));
    }
    let after = closed.strip_prefix(char::is_whitespace)?;
    let next_opens = after
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || OPENING.contains(&c));
    if !next_opens || (mark == b'.' && is_abbreviation(&text[..at])) {
        return None;
    }
    Some((end, text.len() - after.len()))
}

/// A letter's salutation at the head of its first paragraph, set off by a colon: "My
/// esteemed patron: Your letter …", "Dear Sir: …", "Citizen Governor: …". Where it ends, and
/// where the sentence after it begins.
fn salutation(text: &str) -> Option<(usize, usize)> {
    const ADDRESSED: &[&str] = &[
        "sir",
        "sirs",
        "madam",
        "madame",
        "gentlemen",
        "patron",
        "friend",
        "friends",
        "brother",
        "brothers",
        "sister",
        "comrade",
        "comrades",
        "citizen",
        "citizens",
        "excellency",
        "lordship",
        "dear",
        "honoured",
        "honored",
        "esteemed",
        "señor",
        "señores",
        "monsieur",
        "messieurs",
    ];
    let colon = text.find(':')?;
    let head = &text[..colon];
    let words: Vec<&str> = head.split_whitespace().collect();
    let addressed = words.len() <= 6
        && head.starts_with(char::is_uppercase)
        && (words.iter()).any(|w| ADDRESSED.contains(&w.trim_matches(',').to_lowercase().as_str()));
    let after = text[colon + 1..].strip_prefix(' ')?;
    (addressed && after.starts_with(char::is_uppercase))
        .then(|| (colon + 1, text.len() - after.len()))
}

/// Whether `text` is a time of day and nothing else: "11 a.m.", "7.30 p.m.", "12.5 a.m.".
/// Whether `text` opens on a time of day: "7.50 a.m. Lt.-Col. Thwaite killed …".
pub fn opens_on_time_of_day(text: &str) -> bool {
    ["a.m.", "p.m."].iter().any(|mark| {
        (text.find(mark)).is_some_and(|at| at <= 6 && is_time_of_day(&text[..at + mark.len()]))
    })
}

fn is_time_of_day(text: &str) -> bool {
    let Some(clock) =
        (text.trim().strip_suffix("a.m.")).or_else(|| text.trim().strip_suffix("p.m."))
    else {
        return false;
    };
    let clock = clock.trim_end();
    let (hours, minutes) = clock.split_once(['.', ':']).unwrap_or((clock, "0"));
    let number = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    number(hours) && number(minutes)
}

/// The sentences of a paragraph, as ranges that cover it from start to end (but for the
/// dash between a question and its answer).
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    if let Some((end, next)) = salutation(text) {
        ranges.push(0..end);
        start = next;
    }
    for (at, _) in text.match_indices(['.', '!', '?']) {
        if at < start {
            continue;
        }
        // "11 a.m. Hostilities ceased.": a time that opens a log's line is no sentence.
        if let Some((end, next)) = sentence_end(text, at)
            && !is_time_of_day(&text[start..end])
        {
            ranges.push(start..end);
            start = next;
        }
    }
    if start < text.len() {
        ranges.push(start..text.len());
    }
    ranges
}

/// Whether the word `word` (a range of `text`) ends its sentence: it ends the text on its
/// punctuation, or its punctuation (before any closing marks) ends a sentence by the rule.
pub fn ends_sentence(text: &str, word: &Range<usize>) -> bool {
    let closed = text[word.clone()].trim_end_matches(CLOSING);
    let Some(at) = (word.start + closed.len()).checked_sub(1) else {
        return false;
    };
    if !matches!(text.as_bytes()[at], b'.' | b'!' | b'?') {
        return false;
    }
    word.end == text.len() || sentence_end(text, at).is_some_and(|(end, _)| end == word.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn initials_and_abbreviations_end_no_sentence() {
        for before in [
            "G. T",
            "by N.V",
            "(M",
            "see p",
            "Т. 6, С",
            "cf",
            "Ibid",
            "1923 г",
            "the editor (b",
        ] {
            assert!(is_abbreviation(before), "{before}");
        }
        for before in ["in 1923", "the Party", "NEP", "Lenin", "он"] {
            assert!(!is_abbreviation(before), "{before}");
        }
    }

    #[test]
    fn a_time_that_opens_a_line_is_of_its_sentence() {
        assert_eq!(
            cut("Reached the road by 5.30 a.m. but no further. 11 a.m. Enemy counter-attacked."),
            [
                "Reached the road by 5.30 a.m. but no further.",
                "11 a.m. Enemy counter-attacked."
            ]
        );
        assert_eq!(
            cut("Relief complete 11.40 p.m. D Coy. on the right."),
            ["Relief complete 11.40 p.m.", "D Coy. on the right."]
        );
    }

    #[test]
    fn a_letters_salutation_is_set_off_from_its_first_sentence() {
        assert_eq!(
            cut(
                "My esteemed patron: Your letter of the 19th reached me on Friday. It was welcome."
            ),
            [
                "My esteemed patron:",
                "Your letter of the 19th reached me on Friday.",
                "It was welcome."
            ]
        );
        assert_eq!(
            cut("Sir: I have the honor to report."),
            ["Sir:", "I have the honor to report."]
        );
        // A colon that opens what someone said is no salutation.
        assert_eq!(
            cut("Lenin wrote: The Party is in danger."),
            ["Lenin wrote: The Party is in danger."]
        );
    }

    #[test]
    fn an_answer_after_its_question_is_a_sentence_of_its_own() {
        assert_eq!(
            cut("Q. How long had you served? A. Since 1899. Six years."),
            [
                "Q. How long had you served?",
                "A. Since 1899.",
                "Six years."
            ]
        );
    }

    #[test]
    fn a_question_and_its_answer_are_two_sentences() {
        assert_eq!(
            cut("Has the company raised its rates?—The rates were raised. I did?— No."),
            [
                "Has the company raised its rates?",
                "The rates were raised.",
                "I did?",
                "No."
            ]
        );
        assert_eq!(cut("Was it so?—perhaps not."), ["Was it so?—perhaps not."]);
    }

    #[test]
    fn sentences_cover_the_text_and_keep_their_closing_marks() {
        assert_eq!(
            cut("He wrote: \"No.\" Then G. T. Miasnikov left. (He returned.) In 1923 he was back"),
            vec![
                "He wrote: \"No.\"",
                "Then G. T. Miasnikov left.",
                "(He returned.)",
                "In 1923 he was back"
            ]
        );
        assert_eq!(
            cut("Is it? yes. Да! Нет."),
            vec!["Is it? yes.", "Да!", "Нет."]
        );
        assert_eq!(
            cut("The dregs of the philistines. … Here, what"),
            vec!["The dregs of the philistines.", "… Here, what"]
        );
        assert_eq!(cut(""), Vec::<&str>::new());
    }

    #[test]
    fn a_word_ends_its_sentence_by_the_same_rule() {
        let text = "Lenin said \"enough.\" Then p. 5 of vol. 2. End.";
        let words: Vec<Range<usize>> = text
            .split(' ')
            .scan(0, |at, w| {
                let r = *at..*at + w.len();
                *at += w.len() + 1;
                Some(r)
            })
            .collect();
        let ending: Vec<&str> = words
            .iter()
            .filter(|w| ends_sentence(text, w))
            .map(|w| &text[w.clone()])
            .collect();
        assert_eq!(ending, vec!["\"enough.\"", "2.", "End."]);
    }

    #[test]
    fn sentences_do_not_end_at_initials_or_abbreviations() {
        let text = "G. T. Miasnikov wrote to V. I. Lenin (cf. p. 3). He replied. \"Yes!\" Then.";
        let parts: Vec<&str> = sentences(text)
            .into_iter()
            .map(|r| text[r].trim())
            .collect();
        assert_eq!(
            parts,
            [
                "G. T. Miasnikov wrote to V. I. Lenin (cf. p. 3).",
                "He replied.",
                "\"Yes!\"",
                "Then."
            ]
        );
    }
}
