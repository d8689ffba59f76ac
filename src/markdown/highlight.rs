//! Code blocks: highlighted when they name a language (syntect's data is loaded the first
//! time a page needs it), escaped as they are otherwise.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event};

use super::MarkdownRenderer;
use crate::text::escape_html;

impl MarkdownRenderer {
    pub(super) fn code_block(
        &self,
        kind: &CodeBlockKind,
        inner: &[(Event, Range<usize>)],
    ) -> String {
        let code: String = inner
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let language = match kind {
            CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
            CodeBlockKind::Indented => "",
        };
        if language.is_empty() {
            return format!("<pre><code>{}</code></pre>\n", escape_html(&code));
        }
        let (syntaxes, theme) = self.syntaxes.get_or_init(|| {
            let syntaxes = syntect::parsing::SyntaxSet::load_defaults_newlines();
            let mut themes = syntect::highlighting::ThemeSet::load_defaults();
            let theme = themes.themes.remove("InspiredGitHub").unwrap_or_default();
            (syntaxes, theme)
        });
        match syntaxes.find_syntax_by_token(language) {
            Some(syntax) => {
                syntect::html::highlighted_html_for_string(&code, syntaxes, syntax, theme)
                    .unwrap_or_else(|_| format!("<pre><code>{}</code></pre>\n", escape_html(&code)))
            }
            None => format!(
                "<pre><code class=\"language-{}\">{}</code></pre>\n",
                escape_html(language),
                escape_html(&code)
            ),
        }
    }
}
