//! Text written straight into templates, outside `t(...)`: it would show in every language
//! untranslated. Found in text between tags and in the attributes people read
//! (`alt`, `title`, `aria-label`, `placeholder`).

use crate::diagnostic::{Code, Diagnostic};
use crate::source::SourceFile;
use crate::templates::TemplateSources;

/// Every text written straight into a page template: one finding a text between tags or
/// attribute value, in the order of the templates and of each template's text.
pub(crate) fn lint(templates: &TemplateSources, out: &mut Vec<Diagnostic>) {
    // Only pages are read by people: a sitemap or robots.txt holds no words to translate.
    for (_, src) in templates
        .files
        .iter()
        .filter(|(name, _)| name.ends_with(".html"))
    {
        literal_texts(src, out);
    }
}

/// Template syntax, never literal text, with its end: looked for after the opener, so that
/// `{{}}` is one placeable.
const SYNTAX: [(&str, &str); 3] = [("{{", "}}"), ("{%", "%}"), ("{#", "#}")];

/// Parts of a page that hold no words to translate, with their end: looked for from their
/// start.
const UNREAD: [(&str, &str); 3] = [
    ("<script", "</script>"),
    ("<style", "</style>"),
    ("<!--", "-->"),
];

/// The attributes whose values people read (or hear read out), up to their opening quote.
const READ_ATTRIBUTES: [&str; 4] = ["alt=\"", "title=\"", "aria-label=\"", "placeholder=\""];

/// The literal texts of one template, read as a browser would from tag to tag: the text
/// between tags and the values of the attributes people read, template syntax, scripts,
/// styles and comments skipped. A simple scan rather than an HTML parser, as templates are
/// not HTML until rendered.
fn literal_texts(src: &SourceFile, out: &mut Vec<Diagnostic>) {
    let text = &src.text;
    let mut i = 0;
    let mut in_tag = false;
    while i < text.len() {
        let rest = &text[i..];
        if let Some((from, end)) = unread_part(rest) {
            match rest[from..].find(end) {
                Some(n) => i += from + n + end.len(),
                None => break,
            }
        } else if rest.starts_with('<') {
            in_tag = true;
            i += 1;
        } else if in_tag && rest.starts_with('>') {
            in_tag = false;
            i += 1;
        } else if in_tag {
            read_attribute(src, i, out);
            i += rest.chars().next().map_or(1, char::len_utf8);
        } else {
            i = text_between_tags(src, i, out);
        }
    }
}

/// Whether `rest` starts a part without text to translate: where to look for its end from,
/// and the end.
fn unread_part(rest: &str) -> Option<(usize, &'static str)> {
    if let Some((open, end)) = SYNTAX.iter().find(|(open, _)| rest.starts_with(open)) {
        return Some((open.len(), end));
    }
    UNREAD
        .iter()
        .find(|(open, _)| rest.starts_with(open))
        .map(|(_, end)| (0, *end))
}

/// The value of an attribute people read that starts at offset `i` of a tag, when it holds
/// words and no template syntax (a value written with `t()` is translated).
fn read_attribute(src: &SourceFile, i: usize, out: &mut Vec<Diagnostic>) {
    let text = &src.text;
    for attr in READ_ATTRIBUTES {
        let starts_attr = text[i..].starts_with(attr) && text[..i].ends_with(char::is_whitespace);
        if !starts_attr {
            continue;
        }
        let value_start = i + attr.len();
        let value_end = text[value_start..]
            .find('"')
            .map_or(text.len(), |n| value_start + n);
        let value = &text[value_start..value_end];
        if value.chars().any(char::is_alphabetic) && !value.contains("{{") {
            out.push(literal(src, value_start, value));
        }
    }
}

/// The text between tags from offset `i`, up to the next tag or template syntax, when it holds
/// words (an entity such as `&nbsp;` is not one); returns where the text ends.
fn text_between_tags(src: &SourceFile, i: usize, out: &mut Vec<Diagnostic>) -> usize {
    let text = &src.text;
    let end = text[i..]
        .find(['<', '{'])
        .map_or(text.len(), |n| i + n.max(1));
    let chunk = &text[i..end];
    let trimmed = chunk.trim();
    if trimmed.chars().any(char::is_alphabetic) && !trimmed.starts_with("&") {
        let offset = i + (chunk.len() - chunk.trim_start().len());
        out.push(literal(src, offset, trimmed));
    }
    end
}

/// The finding about `text`, at `offset` of the template `src`.
fn literal(src: &SourceFile, offset: usize, text: &str) -> Diagnostic {
    let shown: String = text.chars().take(40).collect();
    Diagnostic::warning(
        Code::LiteralTemplateText,
        format!("`{shown}` is written in the template, untranslated"),
    )
    .at_range(src, offset..offset + text.len())
    .hint("move the words to a message in locales/<code>/ui.ftl and write {{ t(id=\"...\") }} here")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings(html: &str) -> Vec<String> {
        let t = TemplateSources {
            files: vec![(
                "a.html".into(),
                SourceFile::from_text("templates/a.html", html),
            )],
            theme: Vec::new(),
        };
        let mut out = Vec::new();
        lint(&t, &mut out);
        out.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn finds_literal_words_but_not_template_syntax() {
        let f = findings(
            "<nav aria-label=\"Language\">{{ t(id=\"x\") }}</nav>\n<p>Hello {{ name }}</p>\n<script>var a = 'word';</script>\n<p>{% if x %}·{% endif %}</p>",
        );
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f[0].starts_with("templates/a.html:1:18: warning[literal-template-text]"),
            "{f:?}"
        );
        assert!(f[1].starts_with("templates/a.html:2:4:"), "{f:?}");
    }
}
