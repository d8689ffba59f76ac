//! Slugs for URLs and ids: lower case, letters and digits of any script, words joined by `-`.

/// `"The Workers' Group (1923)"` → `"the-workers-group-1923"`. Cyrillic and other scripts are
/// kept (HTML ids and URLs allow them); apostrophes vanish rather than split a word.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_dash && !slug.is_empty() {
                slug.push('-');
            }
            pending_dash = false;
            slug.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '’' | 'ʼ') {
            pending_dash = true;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::slugify;

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("The Workers' Group (1923)"),
            "the-workers-group-1923"
        );
        assert_eq!(slugify("  Lenin’s  testament -- "), "lenins-testament");
        assert_eq!(slugify("Рабочая группа"), "рабочая-группа");
        assert_eq!(slugify("Chapter 9."), "chapter-9");
        assert_eq!(slugify("!!!"), "");
    }
}
