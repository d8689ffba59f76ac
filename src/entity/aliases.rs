//! The names under which an entity is found: its name and aliases, and the variants a
//! reader would still recognise, generated rather than typed — transliteration variants
//! (Miasnikov/Myasnikov, Zinoviev/Zinov'ev), initials in both orders and spacings (G. T.
//! Miasnikov, G.T. Miasnikov, Miasnikov G. T.), the ordinal forms of congresses (Tenth
//! Congress, 10th Congress, X Congress) and both apostrophes (Workers' / Workers’).

use std::collections::BTreeSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{Entity, EntityKind};

/// How many transliteration variants one name may have: the rules combine, and a long
/// name would otherwise multiply its patterns for nothing.
const MAX_VARIANTS: usize = 32;

/// Every name the entity is matched under, explicit ones first.
pub fn names(entity: &Entity) -> Vec<String> {
    let mut base: Vec<String> = vec![entity.name.clone()];
    base.extend(entity.aliases.iter().cloned());
    if entity.kind() != EntityKind::Person {
        let parts: Vec<String> = base.iter().flat_map(|n| parenthesised(n)).collect();
        base.extend(parts);
    }
    base.extend(entity.real_name().map(str::to_string));
    if entity.kind() == EntityKind::Person {
        base.extend(initials_forms(&entity.name));
        base.extend(without_patronymic(&entity.name));
    }
    if let Some(kind) = entity.event_kind() {
        base.extend(ordinal_forms(&entity.name, kind));
    }
    if entity.kind() == EntityKind::Event {
        let from: Vec<String> = base.iter().filter_map(|n| dated_from(n)).collect();
        base.extend(from);
        let possessive: Vec<String> = base.iter().flat_map(|n| possessive_forms(n)).collect();
        base.extend(possessive);
    }
    if matches!(entity.kind(), EntityKind::Event | EntityKind::Group) {
        let cased: Vec<String> = base.iter().flat_map(|n| case_forms(n)).collect();
        base.extend(cased);
    }
    let mut all: BTreeSet<String> = BTreeSet::new();
    for name in base {
        let spelled = if entity.kind() == EntityKind::Person {
            transliterations(&name)
        } else if name.contains("All-Russian") {
            // The body's name in English both ways: "All-Russia Central Executive Committee".
            vec![name.replace("All-Russian", "All-Russia"), name]
        } else {
            vec![name]
        };
        for variant in spelled {
            all.extend(apostrophes(&variant));
            all.extend(reordered_initials(&variant));
        }
    }
    all.into_iter()
        .filter(|n| n.chars().filter(|c| c.is_alphanumeric()).count() >= 3)
        .filter(|n| !entity.not_names.contains(n))
        .collect()
}

/// A name with another in parentheses after it is both: "Huerta's coup (Decena Trágica)"
/// is "Huerta's coup" and "Decena Trágica".
fn parenthesised(name: &str) -> Vec<String> {
    let parts = (name.trim_end().strip_suffix(')')).and_then(|n| n.rsplit_once(" ("));
    let Some((before, inside)) = parts else {
        return Vec::new();
    };
    // A name of its own is two capitalised words or more: not a qualifier ("Platform of the
    // Bolshevik-Leninists (Opposition)", "Communist Party (Bolsheviks)", "(the Testament)").
    let words: Vec<&str> = inside.split_whitespace().collect();
    let own_name = words.len() >= 2 && words.iter().all(|w| w.starts_with(char::is_uppercase));
    if !own_name || inside.contains(|c: char| c.is_ascii_digit() || c == '(') {
        return Vec::new();
    }
    vec![before.trim().to_string(), inside.trim().to_string()]
}

/// An event named as an act upon someone or somewhere, as prose also names it: the
/// "Assassination of Zapata at Chinameca" is "Zapata's assassination at Chinameca" and
/// "Zapata's assassination"; the "Arrest of Parnell", "Parnell's arrest". Only where a
/// proper name follows "of" (not "Restitution of the lands").
fn possessive_forms(name: &str) -> Vec<String> {
    let Some((act, rest)) = name.split_once(" of ") else {
        return Vec::new();
    };
    if act.contains(' ') || !act.starts_with(char::is_uppercase) {
        return Vec::new();
    }
    let words: Vec<&str> = rest.split(' ').collect();
    let proper = words
        .iter()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    if proper == 0 {
        return Vec::new();
    }
    let owner = words[..proper].join(" ");
    let after = words[proper..].join(" ");
    let act = act.to_lowercase();
    let mut forms = vec![format!("{owner}'s {act}")];
    if !after.is_empty() {
        forms.push(format!("{owner}'s {act} {after}"));
    }
    forms
}

/// A document named by its day with "of" is also named with "from": "letter of 8 October"
/// is "letter from 8 October".
fn dated_from(name: &str) -> Option<String> {
    let at = name.find(" of ")?;
    let dated = name[at + 4..].starts_with(|c: char| c.is_ascii_digit());
    dated.then(|| format!("{} from {}", &name[..at], &name[at + 4..]))
}

/// The surname of a person: the part of `sort_name` before its comma, or the last word.
/// The forms of a name of several words in other cases, as prose writes the name of an
/// event or a group: "Trotskyist opposition" is also "Trotskyist Opposition", "Left
/// Communists" also "left communists", "Introduction of the New Economic Policy" also
/// "introduction of the New Economic Policy". A word in capitals (an abbreviation, a Roman
/// numeral: "RKP(b)", "XV") keeps them; a name of one word is a proper noun, kept as it is.
fn case_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let keeps_case = |w: &str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
    };
    let lower = |w: &str| match keeps_case(w) {
        true => w.to_string(),
        false => w.to_lowercase(),
    };
    let capital = |w: &str| match keeps_case(w) {
        true => w.to_string(),
        false => {
            let mut chars = w.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_uppercase().collect::<String>() + chars.as_str()
            })
        }
    };
    const SMALL: &[&str] = &["of", "the", "and", "in", "on", "for", "to", "a", "an"];
    let title: Vec<String> = words
        .iter()
        .enumerate()
        .map(
            |(i, w)| match i > 0 && SMALL.contains(&w.to_lowercase().as_str()) {
                true => w.to_lowercase(),
                false => capital(w),
            },
        )
        .collect();
    let all_lower: Vec<String> = words.iter().map(|w| lower(w)).collect();
    let sentence: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| if i == 0 { capital(w) } else { lower(w) })
        .collect();
    // "the introduction of the New Economic Policy": a common noun before a proper name
    // opens the event's name in lower case, the proper name keeping its capitals.
    let lead_lower: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| if i == 0 { lower(w) } else { w.to_string() })
        .collect();
    [title, all_lower, sentence, lead_lower]
        .into_iter()
        .map(|words| words.join(" "))
        .filter(|form| form != name)
        .collect()
}

pub fn surname(entity: &Entity) -> Option<String> {
    if entity.kind() != EntityKind::Person {
        return None;
    }
    let from_sort = entity
        .sort_name
        .split_once(',')
        .map(|(s, _)| s.trim().to_string());
    from_sort.or_else(|| entity.name.split_whitespace().last().map(str::to_string))
}

/// `'` and `’` are one letter to a reader.
fn apostrophes(name: &str) -> Vec<String> {
    let straight = name.replace('’', "'");
    let curly = name.replace('\'', "’");
    let mut out = vec![straight.clone()];
    if curly != straight {
        out.push(curly);
    }
    out
}

/// Russian names come to English in several spellings: ks/x (Aleksandra, Alexandra), ia/ya,
/// iu/yu, ii/y/i at the end of a word, e/ye at its start, with or without the soft sign's apostrophe (Zinov'ev, Zinoviev).
/// Each word varies on its own; a name's variants are the combinations.
pub fn transliterations(name: &str) -> Vec<String> {
    let mut combinations: Vec<String> = vec![String::new()];
    for (i, word) in name.split(' ').enumerate() {
        let spellings = word_transliterations(word);
        combinations = combinations
            .iter()
            .flat_map(|prefix| {
                spellings.iter().map(move |w| {
                    if i == 0 {
                        w.clone()
                    } else {
                        format!("{prefix} {w}")
                    }
                })
            })
            .take(MAX_VARIANTS)
            .collect();
    }
    combinations
}

/// How many spellings one word may have.
const MAX_WORD_VARIANTS: usize = 8;

fn word_transliterations(word: &str) -> Vec<String> {
    const RULES: [(&str, &str); 8] = [
        ("ks", "x"),
        ("ia", "ya"),
        ("iu", "yu"),
        ("Ia", "Ya"),
        ("Iu", "Yu"),
        ("'e", "ie"),
        ("iev", "'ev"),
        ("iil", "il"),
    ];
    let mut seen: Vec<String> = vec![word.to_string()];
    let mut next = 0;
    while next < seen.len() && seen.len() < MAX_WORD_VARIANTS {
        let current = seen[next].clone();
        next += 1;
        // A rule whose spelling the word lacks would give the word again: not tried.
        let swapped = RULES
            .iter()
            .flat_map(|&(a, b)| [(a, b), (b, a)])
            .filter(|(from, _)| current.contains(from))
            .map(|(from, to)| current.replace(from, to));
        for candidate in swapped
            .chain(word_end_variants(&current))
            .chain(word_start_variants(&current))
        {
            if !seen.contains(&candidate) && seen.len() < MAX_WORD_VARIANTS {
                seen.push(candidate);
            }
        }
    }
    seen
}

/// Grigorii / Grigory / Grigori.
fn word_end_variants(name: &str) -> Vec<String> {
    static ENDING: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(ii|iy|y)\b").expect("valid pattern"));
    if !name.contains('y') && !name.contains("ii") {
        return Vec::new();
    }
    ["ii", "y", "i"]
        .iter()
        .map(|ending| ENDING.replace_all(name, *ending).into_owned())
        .filter(|v| v != name)
        .collect()
}

/// Ezhov / Yezhov, Evdokimov / Yevdokimov.
fn word_start_variants(name: &str) -> Vec<String> {
    static START: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(Ye|E)([bcdfghjklmnprstvz])").expect("valid pattern"));
    if !name.contains('E') && !name.contains("Ye") {
        return Vec::new();
    }
    let swapped = START.replace_all(name, |c: &regex::Captures| {
        let start = if &c[1] == "E" { "Ye" } else { "E" };
        format!("{start}{}", &c[2])
    });
    if swapped != name {
        vec![swapped.into_owned()]
    } else {
        Vec::new()
    }
}

static INITIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:\p{Lu}\.\s?){1,3})\s*(\p{Lu}[\p{L}'’-]+)$").expect("valid pattern")
});

/// `G. T. Miasnikov` → `G.T. Miasnikov`, `Miasnikov G. T.`, `Miasnikov G.T.`, `Miasnikov, G. T.`
fn reordered_initials(name: &str) -> Vec<String> {
    let with_initials = name
        .contains('.')
        .then(|| INITIALS.captures(name))
        .flatten();
    let Some(caps) = with_initials else {
        return vec![name.to_string()];
    };
    let letters: Vec<&str> = caps[1]
        .split('.')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let spaced = letters
        .iter()
        .map(|l| format!("{l}."))
        .collect::<Vec<_>>()
        .join(" ");
    let tight: String = letters.iter().map(|l| format!("{l}.")).collect();
    let surname = &caps[2];
    vec![
        format!("{spaced} {surname}"),
        format!("{tight} {surname}"),
        format!("{surname} {spaced}"),
        format!("{surname} {tight}"),
        format!("{surname}, {spaced}"),
    ]
}

/// `Vladimir Mikhailovich Smirnov` → `Vladimir Smirnov`.
fn without_patronymic(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    (words.len() >= 3).then(|| format!("{} {}", words[0], words[words.len() - 1]))
}

/// `Gavriil Il'ich Miasnikov` → `G. I. Miasnikov`, `G. Miasnikov`.
fn initials_forms(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some((surname, given)) = words.split_last() else {
        return Vec::new();
    };
    let initials: Vec<String> = given
        .iter()
        .filter_map(|w| {
            w.chars()
                .next()
                .filter(|c| c.is_uppercase())
                .map(|c| format!("{c}."))
        })
        .collect();
    if initials.is_empty() {
        return Vec::new();
    }
    let mut forms = vec![format!("{} {surname}", initials.join(" "))];
    if initials.len() > 1 {
        forms.push(format!("{} {surname}", initials[0]));
    }
    forms
}

const ORDINALS: [&str; 31] = [
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Sixth",
    "Seventh",
    "Eighth",
    "Ninth",
    "Tenth",
    "Eleventh",
    "Twelfth",
    "Thirteenth",
    "Fourteenth",
    "Fifteenth",
    "Sixteenth",
    "Seventeenth",
    "Eighteenth",
    "Nineteenth",
    "Twentieth",
    "Twenty-First",
    "Twenty-Second",
    "Twenty-Third",
    "Twenty-Fourth",
    "Twenty-Fifth",
    "Twenty-Sixth",
    "Twenty-Seventh",
    "Twenty-Eighth",
    "Twenty-Ninth",
    "Thirtieth",
    "Thirty-First",
];

/// Russian ordinals in words, masculine nominative, up to the twenty-fifth: the
/// stem before the ending, and whether it declines as a hard adjective in stressed -ой
/// (второй) or in -ый (десятый); третий is soft and spelt out.
const RUSSIAN_ORDINALS: [&str; 20] = [
    "Перв",
    "Втор",
    "Трет",
    "Четвёрт",
    "Пят",
    "Шест",
    "Седьм",
    "Восьм",
    "Девят",
    "Десят",
    "Одиннадцат",
    "Двенадцат",
    "Тринадцат",
    "Четырнадцат",
    "Пятнадцат",
    "Шестнадцат",
    "Семнадцат",
    "Восемнадцат",
    "Девятнадцат",
    "Двадцат",
];

/// "Десятый съезд", "Десятого съезда", "на Десятом съезде", "Пятнадцатая конференция":
/// the ordinal in words before the word, each case with its own ending on both.
fn russian_ordinal_forms(n: usize, kind: &str) -> Vec<String> {
    let Some(stem) = RUSSIAN_ORDINALS.get(n.wrapping_sub(1)) else {
        return Vec::new();
    };
    let stressed = matches!(n, 2 | 6 | 7 | 8);
    let (masculine, feminine): ([&str; 5], [&str; 4]) = match (n, stressed) {
        (3, _) => (
            ["ий", "ьего", "ьему", "ьим", "ьем"],
            ["ья", "ьей", "ью", "ьей"],
        ),
        (_, true) => (["ой", "ого", "ому", "ым", "ом"], ["ая", "ой", "ую", "ой"]),
        _ => (["ый", "ого", "ому", "ым", "ом"], ["ая", "ой", "ую", "ой"]),
    };
    let mut forms = Vec::new();
    match kind {
        "congress" => {
            let nouns = ["съезд", "съезда", "съезду", "съездом", "съезде"];
            for (ending, noun) in masculine.iter().zip(nouns) {
                forms.push(format!("{stem}{ending} {noun}"));
            }
        }
        "conference" => {
            let nouns = ["конференция", "конференции", "конференцию", "конференцией"];
            for (ending, noun) in feminine.iter().zip(nouns) {
                forms.push(format!("{stem}{ending} {noun}"));
            }
        }
        _ => {}
    }
    // In lower case too, and with е for ё, as most printing writes it.
    let lower: Vec<String> = forms.iter().map(|f| f.to_lowercase()).collect();
    forms.extend(lower);
    let plain: Vec<String> = (forms.iter())
        .filter(|f| f.contains(['ё', 'Ё']))
        .map(|f| f.replace('ё', "е").replace('Ё', "Е"))
        .collect();
    forms.extend(plain);
    forms.sort();
    forms.dedup();
    forms
}

/// The number an ordinal stands for, as titles of congresses write it: "Tenth", "10th",
/// "X", and the Russian word in any case ("Десятый", "Десятого", "Пятнадцатая").
pub fn ordinal_number(word: &str) -> Option<usize> {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if let Some(index) = ORDINALS.iter().position(|o| o.eq_ignore_ascii_case(word)) {
        return Some(index + 1);
    }
    // "11th": its number, if the suffix is that number's.
    let digits = word.trim_end_matches(char::is_alphabetic);
    if let Ok(n) = digits.parse::<usize>()
        && (1..=ORDINALS.len()).contains(&n)
        && digit_ordinal(n) == word
    {
        return Some(n);
    }
    let roman_numeral = word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X' | b'L'));
    if roman_numeral && let Some(n) = (1..=ORDINALS.len()).find(|&n| roman(n) == word) {
        return Some(n);
    }
    // The Russian forms are read only in a word of another alphabet than Latin.
    if word.is_ascii() {
        return None;
    }
    static STEMS: LazyLock<Vec<String>> = LazyLock::new(|| {
        (RUSSIAN_ORDINALS.iter())
            .map(|stem| stem.to_lowercase().replace('ё', "е"))
            .collect()
    });
    let lower = word.to_lowercase().replace('ё', "е");
    STEMS
        .iter()
        .position(|stem| {
            lower.strip_prefix(stem.as_str()).is_some_and(|ending| {
                [
                    "ый", "ой", "ий", "ого", "ому", "ым", "ом", "ая", "ую", "ья", "ьего", "ьему",
                    "ьим", "ьем", "ьей", "ью",
                ]
                .contains(&ending)
            })
        })
        .map(|index| index + 1)
}

/// Whether a word is an ordinal as names of congresses write it: "Eleventh", "11th", "XI".
pub fn is_ordinal(word: &str) -> bool {
    let roman_numeral =
        !word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    ORDINALS.iter().any(|o| o.eq_ignore_ascii_case(word))
        || roman_numeral
        || (1..=ORDINALS.len()).any(|n| digit_ordinal(n) == word)
}

fn roman(n: usize) -> String {
    const NUMERALS: [(usize, &str); 6] = [
        (20, "XX"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

fn digit_ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A congress is named by its number in several ways: Tenth Party Congress, Tenth Congress,
/// 10th Congress, X Congress, Tenth Congress of the RKP(b); a Comintern congress always
/// with the Comintern, since bare "Fourth Congress" would be the party's.
pub fn ordinal_forms(title: &str, kind: &str) -> Vec<String> {
    let Some(first) = title.split_whitespace().next() else {
        return Vec::new();
    };
    let Some(index) = ORDINALS.iter().position(|o| o.eq_ignore_ascii_case(first)) else {
        return Vec::new();
    };
    let n = index + 1;
    // "Tenth", "10th", "X", "Xth" (as older English prints write it).
    let numbers = [
        ORDINALS[index].to_string(),
        digit_ordinal(n),
        roman(n),
        format!("{}th", roman(n)),
    ];
    let shapes: &[&str] = match kind {
        "congress" => &[
            "{} Congress",
            "{} Party Congress",
            "{} Communist Party Congress",
            "{} Congress of the Party",
            "{} Congress of the RKP(b)",
            "{} Congress of the VKP(b)",
            "{} Congress of the RCP(b)",
        ],
        "conference" => &[
            "{} Conference",
            "{} Party Conference",
            "{} Conference of the Party",
            "{} Conference of the RKP(b)",
            "{} Conference of the VKP(b)",
            "{} Party conference",
        ],
        "comintern-congress" => &[
            "{} Congress of the Comintern",
            "{} Comintern Congress",
            "{} World Congress",
            "{} Congress of the Communist International",
        ],
        _ => &[],
    };
    // Russian titles take the Roman numeral before the word, in any case of it ("XIII
    // съезд", "на XIII съезде").
    let russian: &[&str] = match kind {
        "congress" => &["съезд", "съезда", "съезду", "съездом", "съезде"],
        "conference" => &["конференция", "конференции", "конференцию", "конференцией"],
        _ => &[],
    };
    let mut forms: Vec<String> = numbers
        .iter()
        .flat_map(|number| shapes.iter().map(move |shape| shape.replace("{}", number)))
        .collect();
    forms.extend(russian.iter().map(|word| format!("{} {word}", roman(n))));
    forms.extend(russian_ordinal_forms(n, kind));
    // In lower case too, as running prose may write it ("the tenth party congress"): the
    // ordinal in words makes the phrase a name whatever its case.
    let lower: Vec<String> = (shapes.iter())
        .map(|shape| shape.replace("{}", ORDINALS[index]).to_lowercase())
        .filter(|form| !form.contains("(b)"))
        .collect();
    forms.extend(lower);
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_parentheses_of_its_own_is_a_name_a_qualifier_is_not() {
        assert_eq!(
            parenthesised("Huerta's coup (Decena Trágica)"),
            ["Huerta's coup", "Decena Trágica"]
        );
        for qualified in [
            "Platform of the Bolshevik-Leninists (Opposition)",
            "Tenth Congress of the Russian Communist Party (Bolsheviks)",
            "Lenin's Letter to the Congress (the Testament)",
            "Moscow conference of the Workers' Group (1928)",
        ] {
            assert!(parenthesised(qualified).is_empty(), "{qualified}");
        }
    }

    #[test]
    fn an_act_upon_someone_is_also_named_as_theirs() {
        assert_eq!(
            possessive_forms("Assassination of Zapata at Chinameca"),
            [
                "Zapata's assassination",
                "Zapata's assassination at Chinameca"
            ]
        );
        assert_eq!(
            possessive_forms("Expulsion of Miasnikov from the party"),
            [
                "Miasnikov's expulsion",
                "Miasnikov's expulsion from the party"
            ]
        );
        assert!(possessive_forms("Restitution of the lands of San Pedro").is_empty());
        assert!(possessive_forms("Tenth Congress of the RKP(b)").is_empty());
    }

    #[test]
    fn transliteration_variants() {
        let variants = transliterations("Miasnikov");
        assert!(variants.contains(&"Myasnikov".to_string()));
        assert!(transliterations("Shliapnikov").contains(&"Shlyapnikov".to_string()));
        assert!(transliterations("Zinoviev").contains(&"Zinov'ev".to_string()));
        assert!(transliterations("Grigorii Zinoviev").contains(&"Grigory Zinoviev".to_string()));
        assert!(transliterations("Ezhov").contains(&"Yezhov".to_string()));
        assert!(transliterations("Yevdokimov").contains(&"Evdokimov".to_string()));
        assert_eq!(transliterations("Lenin"), ["Lenin"]);
        assert!(transliterations("Gavriil Miasnikov").contains(&"Gavril Myasnikov".to_string()));
        assert!(
            transliterations("Aleksandra Kollontai").contains(&"Alexandra Kollontai".to_string())
        );
        assert!(transliterations("Alexei Rykov").contains(&"Aleksei Rykov".to_string()));
    }

    #[test]
    fn a_document_of_a_day_is_also_from_it() {
        assert_eq!(
            dated_from("letter of 8 October").as_deref(),
            Some("letter from 8 October")
        );
        assert_eq!(dated_from("Letter of the Forty-Six"), None);
        let letter = crate::entity::test_support::entity(
            "event",
            "letter",
            "Trotsky's letter of 8 October 1923",
            &["letter of 8 October"],
        );
        assert!(names(&letter).contains(&"letter from 8 October".to_string()));
    }

    #[test]
    fn an_all_russian_body_is_also_all_russia() {
        let vtsik = crate::entity::test_support::entity(
            "term",
            "vtsik",
            "VTsIK",
            &["All-Russian Central Executive Committee"],
        );
        let found = names(&vtsik);
        assert!(
            found.contains(&"All-Russia Central Executive Committee".to_string()),
            "{found:?}"
        );
    }

    #[test]
    fn a_spelling_listed_as_not_a_name_is_not_generated() {
        let mut gorky =
            crate::entity::test_support::entity("person", "gorky", "Maksim Gorky", &["Gorky"]);
        assert!(names(&gorky).contains(&"Gorki".to_string()));
        gorky.not_names = vec!["Gorki".to_string()];
        let found = names(&gorky);
        assert!(!found.contains(&"Gorki".to_string()), "{found:?}");
        assert!(
            found.contains(&"Gorky".to_string()) && found.contains(&"Maksim Gorkii".to_string())
        );
    }

    #[test]
    fn initials_in_both_orders() {
        let forms = reordered_initials("N. V. Kuznetsov");
        for form in [
            "N. V. Kuznetsov",
            "N.V. Kuznetsov",
            "Kuznetsov N. V.",
            "Kuznetsov N.V.",
            "Kuznetsov, N. V.",
        ] {
            assert!(forms.contains(&form.to_string()), "{form}");
        }
        assert_eq!(
            initials_forms("Ivan Nikitich Smirnov"),
            vec!["I. N. Smirnov", "I. Smirnov"]
        );
    }

    #[test]
    fn a_common_noun_opens_an_events_name_in_lower_case() {
        let forms = case_forms("Introduction of the New Economic Policy");
        assert!(forms.contains(&"introduction of the New Economic Policy".to_string()));
        assert!(forms.contains(&"introduction of the new economic policy".to_string()));
        assert!(case_forms("Kronstadt").is_empty());
    }

    #[test]
    fn russian_ordinals_in_words_in_each_case() {
        let forms = ordinal_forms("Tenth Party Congress", "congress");
        for form in [
            "Десятый съезд",
            "Десятого съезда",
            "Десятом съезде",
            "десятым съездом",
        ] {
            assert!(forms.contains(&form.to_string()), "{form}");
        }
        let forms = ordinal_forms("Fourth Party Conference", "conference");
        for form in [
            "Четвёртая конференция",
            "Четвертой конференции",
            "четвертую конференцию",
        ] {
            assert!(forms.contains(&form.to_string()), "{form}");
        }
        assert!(
            ordinal_forms("Third Party Congress", "congress")
                .contains(&"Третьего съезда".to_string())
        );
        assert!(
            ordinal_forms("Second Party Congress", "congress")
                .contains(&"Второго съезда".to_string())
        );
    }

    #[test]
    fn ordinal_forms_of_congresses() {
        let forms = ordinal_forms(
            "Tenth Congress of the Russian Communist Party (Bolsheviks)",
            "congress",
        );
        for form in [
            "Tenth Party Congress",
            "10th Congress",
            "X Congress",
            "Xth Party Congress",
            "Tenth Congress of the RKP(b)",
            "X съезд",
            "X съезда",
            "tenth party congress",
        ] {
            assert!(forms.contains(&form.to_string()), "{form}");
        }
        assert!(
            ordinal_forms("Fourth Congress", "comintern-congress")
                .iter()
                .map(|f| f.to_lowercase())
                .all(|f| f.contains("comintern")
                    || f.contains("world")
                    || f.contains("international"))
        );
        assert_eq!(digit_ordinal(11), "11th");
        assert_eq!(digit_ordinal(22), "22nd");
        assert_eq!(roman(14), "XIV");
    }
}
