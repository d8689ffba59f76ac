//! Numbers written in words, in figures and in Roman numerals are one to a reader: "the
//! Forty-Six" and "the 46", "XIII Congress", "13th Congress" and "Thirteenth Congress". The
//! names and titles of the records are indexed with the other forms of the numbers they hold
//! (1 to 100), so that a query in any form finds them. Only names and titles: in running
//! text a page number or a date would make every record hold "two".

use crate::text::numbers::{TENS, UNITS};

const ORDINAL_UNITS: [&str; 20] = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const ORDINAL_TENS: [&str; 10] = [
    "",
    "",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

const MAX: u32 = 100;

/// The other forms of the numbers that `words` (normalised, in order) hold, as words to
/// index beside them; the first word is passed over when `numbered` (a chapter's own number,
/// "46. The Final Stage", is no forty-six of its text).
pub fn other_forms(words: &[String], numbered: bool) -> Vec<String> {
    let mut forms = Vec::new();
    let mut i = usize::from(numbered);
    while i < words.len() {
        let (number, used) = read(&words[i..]);
        match number {
            Some(number) => {
                forms.extend(written_forms(number));
                i += used;
            }
            None => i += 1,
        }
    }
    forms.retain(|form| !words.contains(form));
    forms
}

/// The number the words begin with, if any, and how many words it takes.
fn read(words: &[String]) -> (Option<u32>, usize) {
    let word = words[0].as_str();
    if let Some(tens) = TENS.iter().position(|t| !t.is_empty() && *t == word) {
        // "forty six", "forty-sixth"
        let next = words.get(1).map(String::as_str);
        if let Some(unit) = next.and_then(|n| UNITS[1..10].iter().position(|u| *u == n)) {
            return (Some(tens as u32 * 10 + unit as u32 + 1), 2);
        }
        if let Some(unit) = next.and_then(|n| ORDINAL_UNITS[1..10].iter().position(|u| *u == n)) {
            return (Some(tens as u32 * 10 + unit as u32 + 1), 2);
        }
        return (Some(tens as u32 * 10), 1);
    }
    let single = |value: usize| Some(value as u32);
    let number = if let Some(value) = UNITS.iter().position(|u| *u == word).filter(|&v| v > 0) {
        single(value)
    } else if let Some(value) = ORDINAL_UNITS
        .iter()
        .position(|u| *u == word)
        .filter(|&v| v > 0)
    {
        single(value)
    } else if let Some(value) = ORDINAL_TENS
        .iter()
        .position(|t| !t.is_empty() && *t == word)
    {
        single(value * 10)
    } else if word == "hundred" || word == "hundredth" {
        single(100)
    } else {
        figures(word).or_else(|| roman(word))
    };
    (number, 1)
}

/// "46", "13th", "1st", "22nd".
fn figures(word: &str) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest = &word[digits.len()..];
    let value: u32 = digits.parse().ok().filter(|v| (1..=MAX).contains(v))?;
    match rest {
        "" | "st" | "nd" | "rd" | "th" => Some(value),
        _ => None,
    }
}

/// A Roman numeral of two letters or more, up to C ("ii", "xiii", "xlvi"), written as one
/// (a numeral whose letters could be read otherwise, "iiii", is none).
fn roman(word: &str) -> Option<u32> {
    if word.len() < 2 || !word.chars().all(|c| "ivxlc".contains(c)) {
        return None;
    }
    let value = |c| match c {
        'i' => 1,
        'v' => 5,
        'x' => 10,
        'l' => 50,
        _ => 100,
    };
    let letters: Vec<u32> = word.chars().map(value).collect();
    let mut total = 0i64;
    for (i, &v) in letters.iter().enumerate() {
        match letters.get(i + 1) {
            Some(&next) if next > v => total -= i64::from(v),
            _ => total += i64::from(v),
        }
    }
    let total = u32::try_from(total)
        .ok()
        .filter(|v| (1..=MAX).contains(v))?;
    (roman_numeral(total) == word).then_some(total)
}

fn roman_numeral(mut n: u32) -> String {
    const PARTS: [(u32, &str); 9] = [
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for (value, letters) in PARTS {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

/// Every form of a number: figures, its ordinal in figures, its words (cardinal and
/// ordinal) and its Roman numeral, as index words.
fn written_forms(n: u32) -> Vec<String> {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    let mut forms = vec![n.to_string(), format!("{n}{suffix}"), roman_numeral(n)];
    let (tens, unit) = ((n / 10) as usize, (n % 10) as usize);
    match n {
        100 => forms.extend(["hundred".to_string(), "hundredth".to_string()]),
        1..=19 => forms.extend([
            UNITS[n as usize].to_string(),
            ORDINAL_UNITS[n as usize].to_string(),
        ]),
        _ if unit == 0 => forms.extend([TENS[tens].to_string(), ORDINAL_TENS[tens].to_string()]),
        _ => forms.extend([
            TENS[tens].to_string(),
            UNITS[unit].to_string(),
            ORDINAL_UNITS[unit].to_string(),
        ]),
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(text: &str) -> Vec<String> {
        other_forms(&crate::search::words::words(text), false)
    }

    #[test]
    fn a_number_in_one_form_is_indexed_in_the_others() {
        assert!(forms("Declaration of the Forty-Six").contains(&"46".to_string()));
        for form in ["13", "13th", "xiii"] {
            assert!(
                forms("Thirteenth Party Congress").contains(&form.to_string()),
                "{form}"
            );
        }
        for form in ["forty", "six", "xlvi"] {
            assert!(
                forms("Platform of the 46").contains(&form.to_string()),
                "{form}"
            );
        }
        assert!(forms("XIII Congress").contains(&"thirteenth".to_string()));
        assert!(forms("the 22nd Congress").contains(&"twenty".to_string()));
    }

    #[test]
    fn words_that_only_look_like_numbers_are_left_alone() {
        assert!(forms("Lenin in 1921, Vol. IIII").is_empty());
        assert!(
            forms("I wrote to him").is_empty(),
            "one letter is no numeral"
        );
        assert!(forms("civil war").is_empty());
        let numbered = other_forms(&crate::search::words::words("46. The Final Stage"), true);
        assert!(numbered.is_empty(), "{numbered:?}");
    }
}
