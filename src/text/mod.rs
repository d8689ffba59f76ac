//! Text as every stage reads and writes it: sentences (`sentence`), slugs for URLs and ids
//! (`slug`), the language of a run of text (`lang`), numbers in words (`numbers`) and HTML
//! escaping.

pub mod forenames;
pub mod lang;
pub mod numbers;
pub mod sentence;
pub mod slug;

pub use lang::has_cyrillic;
pub use sentence::sentences;
pub use slug::slugify;

/// The candidate nearest to `wanted` by edit distance (a letter off, added or dropped, or
/// two letters swapped, is one slip), when it is at most `max(candidate)` slips away; of
/// equals, the one that sorts first. What every "did you mean …?" of annals asks.
pub fn nearest<'a>(
    wanted: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: impl Fn(&str) -> usize,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|candidate| (strsim::damerau_levenshtein(wanted, candidate), candidate))
        .filter(|&(slips, candidate)| slips <= max(candidate))
        .min()
        .map(|(_, candidate)| candidate)
}

/// `text` cut to at most `max` characters, with "…" where it was cut: for a value repeated
/// many times in the output (a document's title on each of its notes' search records).
pub fn shortened(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max.saturating_sub(1)) {
        Some((cut, _)) if text[cut..].chars().nth(1).is_some() => {
            format!("{}…", text[..cut].trim_end()).into()
        }
        _ => text.into(),
    }
}

/// Whether `word` stands in `text` as a whole word (not inside a longer one):
/// `Smirnov` is in "Smirnov's article" but not in "Smirnova".
pub fn contains_word(text: &str, word: &str) -> bool {
    let is_letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !word.is_empty()
        && text.match_indices(word).any(|(at, _)| {
            !is_letter(text[..at].chars().next_back())
                && !is_letter(text[at + word.len()..].chars().next())
        })
}

/// `text` with `&`, `<`, `>`, `"` and `'` escaped, for HTML text and quoted attributes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    pulldown_cmark_escape::escape_html(&mut out, text).expect("writing to a String cannot fail");
    out
}

/// The last year `text` names: a number of four digits from 1000 to 2099, standing alone.
pub fn last_year(text: &str) -> Option<i32> {
    (0..text.len().saturating_sub(3))
        .rev()
        .find_map(|at| year_at(text, at))
}

/// The years `text` names, in order.
pub fn years(text: &str) -> impl Iterator<Item = i32> + '_ {
    (0..text.len().saturating_sub(3)).filter_map(|at| year_at(text, at))
}

/// The year whose four digits begin at byte `at` of `text`, standing alone.
fn year_at(text: &str, at: usize) -> Option<i32> {
    let bytes = text.as_bytes();
    let digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    let whole = (at..at + 4).all(digit) && !(at > 0 && digit(at - 1)) && !digit(at + 4);
    let year: i32 = whole.then(|| text[at..at + 4].parse().ok()).flatten()?;
    (1000..2100).contains(&year).then_some(year)
}

#[cfg(test)]
mod tests {
    use super::lang::{is_cyrillic, russian_runs};
    use super::*;

    #[test]
    fn a_long_text_is_shortened_with_an_ellipsis() {
        assert_eq!(shortened("short", 10), "short");
        assert_eq!(shortened("exactly10!", 10), "exactly10!");
        assert_eq!(shortened("eleven char", 10), "eleven ch…");
        assert_eq!(shortened("Мясников Гавриил", 9), "Мясников…");
    }

    #[test]
    fn a_word_is_found_whole_only() {
        assert!(contains_word("Smirnov's article", "Smirnov"));
        assert!(contains_word("(Smirnov)", "Smirnov"));
        assert!(!contains_word("Smirnova wrote", "Smirnov"));
        assert!(!contains_word("ASmirnov", "Smirnov"));
        assert!(!contains_word("anything", ""));
    }

    #[test]
    fn escaping_replaces_the_five_characters_and_keeps_the_rest() {
        assert_eq!(
            escape_html(r#"«Ленин» & 'Trotsky' <b>"x"</b>"#),
            "«Ленин» &amp; &#39;Trotsky&#39; &lt;b&gt;&quot;x&quot;&lt;/b&gt;"
        );
        assert_eq!(escape_html(""), "");
        assert_eq!(escape_html("&"), "&amp;");
    }

    #[test]
    fn cyrillic_is_told_by_its_first_byte() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            assert_eq!(
                has_cyrillic(&text),
                is_cyrillic(c),
                "{c:?} (U+{:04X})",
                c as u32
            );
        }
    }

    #[test]
    fn the_nearest_candidate_is_the_fewest_slips_away_within_the_limit() {
        let keys = ["authors", "author", "title"];
        assert_eq!(nearest("autors", keys, |_| 2), Some("authors"));
        assert_eq!(
            nearest("autho", keys, |_| 2),
            Some("author"),
            "the fewest slips"
        );
        assert_eq!(
            nearest("atuhors", keys, |_| 1),
            Some("authors"),
            "a swap is one slip"
        );
        assert_eq!(nearest("zzzzzz", keys, |_| 2), None);
        assert_eq!(nearest("titel", keys, |_| 0), None);
    }

    #[test]
    fn russian_runs_go_from_the_first_cyrillic_letter_to_the_last_before_a_latin_one() {
        assert_eq!(
            russian_runs("Ленин, ПСС, Т. 42 [Lenin, CW]"),
            vec![("Ленин, ПСС, Т", true), (". 42 [Lenin, CW]", false)]
        );
        assert_eq!(russian_runs("plain"), vec![("plain", false)]);
    }

    #[test]
    fn the_last_year_a_text_names() {
        assert_eq!(
            last_year("In 1848 and again in 1851, 12345 francs"),
            Some(1851)
        );
        assert_eq!(last_year("page 123, no. 45"), None);
        assert_eq!(last_year("the year 2150"), None);
    }
}
