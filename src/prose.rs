//! How the sources' sentences end: a full stop after an initial ("G. T. Miasnikov",
//! "N.V. Kuznetsov", the Russian notes' "Т. 6, С. 23") or an abbreviation ends none.
//! The timeline cuts paragraphs into sentences by it, and the snippets of mentions end by it.

/// Words after which a full stop ends no sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Dr", "St", "p", "pp", "vol", "Vol", "No", "no", "cf", "Cf", "ed", "Jan", "Feb",
    "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "i.e", "e.g", "ch", "Ch", "op", "tov",
    "Comrade", "O.S", "art", "Art", "vols", "nos", "ibid", "Ibid", "trans", "eds", "см", "ср",
    "стр", "с", "т", "г", "гг", "тов",
];

/// Whether the word that ends `before` (the text up to a full stop) is an abbreviation or
/// an initial: "G. T. Miasnikov", "N.V. Kuznetsov".
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
    single_capital || initials || ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::is_abbreviation;

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
        ] {
            assert!(is_abbreviation(before), "{before}");
        }
        for before in ["in 1923", "the Party", "NEP", "Lenin", "он"] {
            assert!(!is_abbreviation(before), "{before}");
        }
    }
}
