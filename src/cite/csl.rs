//! `/sources/works.json`: the works cited, in CSL-JSON (the Citation Style Language's data
//! format, which Zotero, Mendeley and pandoc read).

use serde::Serialize;

use super::Work;

#[derive(Debug, Serialize)]
struct Item {
    id: String,
    #[serde(rename = "type")]
    csl_type: String,
    title: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<Name>,
    #[serde(skip_serializing_if = "Option::is_none")]
    issued: Option<Issued>,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    /// The translated title, where the citations give one.
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Debug, Serialize)]
#[serde(untagged)]
enum Name {
    Parts { family: String, given: String },
    Literal { literal: String },
}

#[derive(Debug, Serialize)]
struct Issued {
    #[serde(rename = "date-parts")]
    date_parts: Vec<Vec<i32>>,
}

/// The works as a CSL-JSON array. `url_of` gives each work's address: its document in the
/// collection when it has one, else its own URL, else its page under `/sources/`.
pub fn works_json(works: &[Work], url_of: &dyn Fn(&Work) -> String) -> String {
    let items: Vec<Item> = works
        .iter()
        .map(|work| Item {
            id: work.id.clone(),
            csl_type: work.csl_type.clone(),
            title: work.title.clone(),
            author: work.authors.iter().map(|a| name(a)).collect(),
            issued: work
                .year
                .as_deref()
                .and_then(|y| y.get(..4)?.parse().ok())
                .map(|year| Issued {
                    date_parts: vec![vec![year]],
                }),
            url: Some(url_of(work)),
            note: work
                .translated_title
                .as_ref()
                .map(|t| format!("Translated title: {t}")),
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
}

/// "Avrich, Paul" → family Avrich, given Paul; "Paul Avrich" the same; anything else (an
/// institution, "Marx, Karl; Engels, Friedrich" split before) stays literal.
fn name(author: &str) -> Name {
    let author = author.trim();
    if let Some((family, given)) = author.split_once(", ")
        && !given.contains(',')
    {
        return Name::Parts {
            family: family.into(),
            given: given.into(),
        };
    }
    match author.rsplit_once(' ') {
        Some((given, family)) if family.chars().next().is_some_and(char::is_uppercase) => {
            Name::Parts {
                family: family.into(),
                given: given.into(),
            }
        }
        _ => Name::Literal {
            literal: author.into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_work_in_csl_json() {
        let work = Work {
            id: "avrich-1984".into(),
            title: "Bolshevik Opposition to Lenin".into(),
            translated_title: None,
            authors: vec!["Paul Avrich".into()],
            year: Some("1984".into()),
            document: None,
            csl_type: "article-journal".into(),
            url: None,
            body: String::new(),
            cited_in: Vec::new(),
        };
        let json = works_json(&[work], &|w| format!("/sources/{}/", w.id));
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value[0]["type"], "article-journal");
        assert_eq!(value[0]["author"][0]["family"], "Avrich");
        assert_eq!(value[0]["issued"]["date-parts"][0][0], 1984);
        assert_eq!(value[0]["URL"], "/sources/avrich-1984/");
    }
}
