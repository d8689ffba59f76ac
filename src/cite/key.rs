//! Keys under which citations of one work meet: case, punctuation and the script and
//! spelling of transliterated names folded away, so that `Троцкий`, `Trotsky` and `Trotskii`
//! are one author and "Collected Works," and *Collected works* one title.
//!
//! This is a canonical form, one string per name; `entity::aliases` goes the other way and
//! generates the spellings a name may be found under in running text.

use std::sync::LazyLock;

/// Titles that name no work without their author: every collected edition is "Works".
const GENERIC_TITLES: &[&str] = &[
    "Сочинения",
    "Соч.",
    "Works",
    "Collected Works",
    "Selected Works",
    "Избранные произведения",
    "Полное собрание сочинений",
    "Собрание сочинений",
    "Memoirs",
    "Воспоминания",
];

static GENERIC_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| GENERIC_TITLES.iter().map(|t| fold(t)).collect());

/// The titles of an author's collected works, in every edition and language: one work.
const COLLECTED_WORKS: &[&str] = &[
    "Сочинения",
    "Соч.",
    "Собрание сочинений",
    "Полное собрание сочинений",
    "Works",
    "Collected Works",
];

static COLLECTED_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| COLLECTED_WORKS.iter().map(|t| fold(t)).collect());

/// Cyrillic letters in the Library of Congress romanisation, without diacritics, as the
/// English-language literature on Soviet history mostly writes them.
fn romanise(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'э' => "e",
        'ё' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' => "i",
        'й' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ы' => "y",
        'ю' => "iu",
        'я' => "ia",
        'і' => "i",
        _ => return None,
    })
}

/// Lower case, Cyrillic romanised, apostrophes and soft signs dropped, every other mark a
/// space, and the spelling variants of romanised Russian folded to one (ya/ia, yu/iu,
/// Yezhov/Ezhov, -y/-ii/-iy at a word's end).
pub fn fold(text: &str) -> String {
    let flat = romanised(text);
    let mut folded = String::with_capacity(flat.len());
    for word in flat.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        push_folded_word(&mut folded, word);
    }
    folded
}

/// `text` in lower case, Cyrillic romanised, punctuation as spaces: the words of a key before
/// spelling variants are folded, and of a work's address ("XIII съезд" is `xiii-sezd`).
pub fn romanised(text: &str) -> String {
    let mut flat = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if let Some(latin) = romanise(c) {
            flat.push_str(latin);
        } else if c.is_alphanumeric() {
            flat.push(c);
        } else if !matches!(c, '\'' | '’' | 'ʼ' | 'ʹ') {
            flat.push(' ');
        }
    }
    flat
}

fn push_folded_word(out: &mut String, word: &str) {
    // Every variant folded away has a `y` but -ii; most words have neither.
    if !word.contains('y') && !word.ends_with("ii") {
        out.push_str(word);
        return;
    }
    let mut word = word.replace("ya", "ia").replace("yu", "iu");
    if word.starts_with("ye") {
        word.remove(0);
    }
    if word.len() > 3 {
        // -ii, -iy, -yi and -y: at most one of the first three ends a word.
        if let Some(ending) = ["ii", "iy", "yi", "y"].iter().find(|e| word.ends_with(*e)) {
            word.truncate(word.len() - ending.len());
            word.push('i');
        }
    }
    out.push_str(&word);
}

/// The surname in an author as a source writes it: "Avrich, Paul" and "Троцкий, Л. Д." put it
/// first, "Paul Avrich" and "A. I. Mikoyan" last.
pub fn surname(author: &str) -> Option<&str> {
    let author = author.trim();
    let name = match author.split_once(',') {
        Some((first, _)) => first.trim(),
        None => author
            .split_whitespace()
            .rev()
            .find(|w| !w.ends_with('.'))
            .unwrap_or(author),
    };
    let name = name.split_whitespace().last()?;
    name.chars().next()?.is_uppercase().then_some(name)
}

/// The key of an author–year short form: "Avrich 1984".
pub fn short_form(author: &str, year: &str) -> Option<String> {
    Some(fold(&format!("{} {year}", surname(author)?)))
}

/// The keys of a title: the title alone when it names a work by itself, and the title with
/// its author's surname ("Stalin's *Works*" and Marx's are not one work).
/// The key of a party congress's or conference's record, whatever its edition calls it:
/// "Десятый съезд РКП(б)", "X съезд Российской коммунистической партии", "Tenth Congress of
/// the RKP(b)" and "10th Party Congress" are one work (`party congress 10`). A title that
/// only speaks of a congress ("Задачи XII съезда", "II пленум ЦКК созыва XV съезда") is
/// not its record.
pub fn congress_record_key(title: &str) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().take(4).collect();
    let n = crate::entity::aliases::ordinal_number(words.first()?)?;
    let mut rest = words[1..].iter().map(|w| w.to_lowercase());
    let mut next = rest.next()?;
    let comintern = matches!(next.as_str(), "world" | "всемирный");
    if comintern || next == "party" {
        next = rest.next()?;
    }
    let kind = if next.starts_with("съезд")
        || next.starts_with("congress")
        || next.starts_with("конгресс")
    {
        "congress"
    } else if next.starts_with("конференц") || next.starts_with("conference") {
        "conference"
    } else {
        return None;
    };
    let body = if comintern { "comintern" } else { "party" };
    Some(format!("{body} {kind} {n}"))
}

/// Where a title's own words end and the edition's begin: its volume, part, edition or
/// number of volumes ("Воспоминания о Ленине в 5 тт.", "Большая советская энциклопедия,
/// изд. 1-ое", "A History of Soviet Russia, Volume I: …", "Manifesto … (Part 4): Conclusion"),
/// which name a copy or a piece of one work, not another work.
static EDITION: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"(?i)[\s,.:(]+(?:(?:в|in)\s+(?:\d+|\p{L}+)\s+(?:тт?\b|томах|т\.|vols?\b|volumes)|изд(?:\.|ание\b)|\d+-?(?:[a-zа-я]{1,3})?\s+(?:изд(?:\.|ание)|ed(?:\.|ition))|(?:first|second|third|fourth|fifth|revised|new)\s+edition|(?:vol(?:ume)?|т|кн|part|часть|ч|вып)\.?\s*(?:\d+|[IVXLC]+\b))",
    )
    .expect("valid pattern")
});

/// A title without its edition's words (`EDITION`) and a collection's "Сб." before it:
/// "Manifesto of the Workers' Group (Part 4): Conclusion" is "Manifesto of the Workers'
/// Group".
pub fn own_title(title: &str) -> &str {
    let title = title.trim();
    let title = title.strip_prefix("Сб.").unwrap_or(title).trim_start();
    EDITION
        .find(title)
        .filter(|m| m.start() > 0)
        .map_or(title, |m| &title[..m.start()])
}

/// The key of a title: folded, without its edition's words (`EDITION`), a collection's
/// "Сб." before it, a leading article, or any word of one letter (initials, "(б)" after a
/// party's name, prepositions that editions print or leave out).
pub fn title_key(title: &str) -> String {
    let folded = fold(own_title(title));
    let mut words: Vec<&str> = folded
        .split(' ')
        .filter(|w| w.chars().count() > 1 || w.chars().all(|c| c.is_ascii_digit()))
        .collect();
    if words.len() > 1 && matches!(words[0], "the" | "an") {
        words.remove(0);
    }
    let key = words.join(" ");
    match COLLECTED_KEYS.contains(&key) {
        true => "collected works".to_string(),
        false => key,
    }
}

/// Whether a title is one many authors' works share ("Works", "Сочинения"): it names a
/// work only with its author.
pub fn is_generic(title: &str) -> bool {
    GENERIC_KEYS.contains(&fold(title))
}

pub fn title_keys(title: &str, author: Option<&str>) -> Vec<String> {
    let record = congress_record_key(title);
    let title = title_key(title);
    if title.is_empty() {
        return Vec::new();
    }
    let mut keys = Vec::new();
    keys.extend(record);
    if let Some(surname) = author.and_then(surname) {
        keys.push(format!("{} {title}", fold(surname)));
    }
    if !GENERIC_KEYS.contains(&title) && title.len() > 3 {
        keys.push(title);
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_s_key_leaves_out_its_edition_and_typography() {
        let same = [
            (
                "Воспоминания о В. И. Ленине в 5 тт.",
                "Воспоминания о Ленине",
            ),
            (
                "Воспоминания о Ленине. В пяти томах. 2-ое издание",
                "Воспоминания о Ленине",
            ),
            (
                "Большая советская энциклопедия, изд. 1-ое",
                "Большая советская энциклопедия",
            ),
            ("Задачи XII Съезда РКП", "Задачи XII съезда РКП(б)"),
            (
                "A History of Soviet Russia, Volume I: The Bolshevik Revolution, 1917–1923",
                "The History of Soviet Russia",
            ),
            (
                "Manifesto of the Workers' Group of the Russian Communist Party (Part 4): Conclusion",
                "Manifesto of the Workers' Group of the Russian Communist Party (Part 3): The NEP",
            ),
            ("Сб. Минувшее", "Минувшее"),
            (
                "КПСС в резолюциях и решениях, изд. 9",
                "КПСС в резолюциях и решениях",
            ),
            ("Собрание сочинений", "Сочинения"),
            ("Сочинения", "Works"),
        ];
        for (a, b) in same {
            assert_eq!(title_key(a), title_key(b), "{a} | {b}");
        }
        for (a, b) in [
            ("The Revolution Betrayed", "Revolution"),
            ("Part of the Problem", "Problem"),
            ("1905", "1917"),
        ] {
            assert_ne!(title_key(a), title_key(b), "{a} | {b}");
        }
        assert_eq!(title_key("Part of the Problem"), "part of the problem");
        assert_eq!(title_key("Вопросы ленинизма"), "voprosi leninizma");
    }

    #[test]
    fn scripts_and_spellings_fold_to_one_key() {
        assert_eq!(fold("Троцкий"), fold("Trotsky"));
        assert_eq!(fold("Trotskii"), fold("Trotsky"));
        assert_eq!(fold("Zinov'ev"), fold("Зиновьев"));
        assert_eq!(fold("Yezhov"), fold("Ezhov"));
        assert_eq!(fold("“Collected Works,”"), "collected works");
        assert_eq!(fold("Известия ЦК КПСС"), "izvestiia tsk kpss");
    }

    #[test]
    fn surnames_stand_first_after_a_comma_else_last() {
        assert_eq!(surname("Avrich, Paul"), Some("Avrich"));
        assert_eq!(surname("Paul Avrich"), Some("Avrich"));
        assert_eq!(surname("Троцкий, Л. Д."), Some("Троцкий"));
        assert_eq!(surname("A. I. Mikoyan"), Some("Mikoyan"));
        assert_eq!(surname("Jeffries, Peter, ed."), Some("Jeffries"));
        assert_eq!(surname("in"), None);
    }

    #[test]
    fn a_generic_title_is_keyed_only_with_its_author() {
        assert_eq!(
            title_keys("Сочинения", Some("Сталин, И. В.")),
            ["stalin collected works"]
        );
        assert_eq!(
            title_keys("Портреты революционеров", Some("Троцкий, Л. Д.")),
            [
                "trotski portreti revoliutsionerov",
                "portreti revoliutsionerov"
            ]
        );
        assert_eq!(
            short_form("Avrich, Paul", "1984").as_deref(),
            Some("avrich 1984")
        );
    }

    #[test]
    fn a_congress_s_record_is_one_work_in_every_edition_s_words() {
        for title in [
            "Десятый съезд РКП(б)",
            "X съезд Российской коммунистической партии (большевиков)",
            "Tenth Congress of the RKP(b)",
            "10th Party Congress",
        ] {
            assert_eq!(
                congress_record_key(title).as_deref(),
                Some("party congress 10"),
                "{title}"
            );
        }
        assert_eq!(
            congress_record_key("Пятнадцатая конференция ВКП(б)").as_deref(),
            Some("party conference 15")
        );
        assert_eq!(
            congress_record_key("Fifth World Congress of the Communist International").as_deref(),
            Some("comintern congress 5")
        );
        for other in [
            "Задачи XII съезда РКП(б)",
            "II пленум ЦКК созыва XV съезда ВКП(б)",
            "Первая Ленинградская областная конференция",
        ] {
            assert_eq!(congress_record_key(other), None, "{other}");
        }
    }
}
