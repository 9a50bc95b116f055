//! Text written straight into templates, outside `t(...)`: it would show in every language
//! untranslated. Found in text between tags and in the attributes people read
//! (`alt`, `title`, `aria-label`, `placeholder`).

use crate::diagnostic::{Code, Diagnostic};
use crate::templates::TemplateSources;

pub fn lint(templates: &TemplateSources, out: &mut Vec<Diagnostic>) {
    // Only pages are read by people: a sitemap or robots.txt holds no words to translate.
    for (_, src) in templates
        .files
        .iter()
        .filter(|(name, _)| name.ends_with(".html"))
    {
        let text = &src.text;
        let mut i = 0;
        let bytes = text.as_bytes();
        let mut in_tag = false;
        let mut skip_until: Option<&str> = None;
        while i < text.len() {
            let rest = &text[i..];
            if let Some(end) = skip_until {
                match rest.find(end) {
                    Some(n) => {
                        i += n + end.len();
                        skip_until = None;
                        continue;
                    }
                    None => break,
                }
            }
            // Template syntax is never literal text.
            if let Some(close) = ["{{", "{%", "{#"]
                .iter()
                .find(|o| rest.starts_with(**o))
                .map(|o| match *o {
                    "{{" => "}}",
                    "{%" => "%}",
                    _ => "#}",
                })
            {
                skip_until = Some(close);
                i += 2;
                continue;
            }
            if rest.starts_with("<script") {
                skip_until = Some("</script>");
                continue;
            }
            if rest.starts_with("<style") {
                skip_until = Some("</style>");
                continue;
            }
            if rest.starts_with("<!--") {
                skip_until = Some("-->");
                continue;
            }
            if bytes[i] == b'<' {
                in_tag = true;
                i += 1;
                continue;
            }
            if in_tag {
                if bytes[i] == b'>' {
                    in_tag = false;
                    i += 1;
                    continue;
                }
                for attr in ["alt=\"", "title=\"", "aria-label=\"", "placeholder=\""] {
                    let starts_attr =
                        rest.starts_with(attr) && text[..i].ends_with(char::is_whitespace);
                    if starts_attr {
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
                i += rest.chars().next().map_or(1, char::len_utf8);
                continue;
            }
            // Text between tags, up to the next tag or template syntax.
            let end = rest.find(['<', '{']).map_or(text.len(), |n| i + n.max(1));
            let chunk = &text[i..end];
            let trimmed = chunk.trim();
            if trimmed.chars().any(char::is_alphabetic) && !trimmed.starts_with("&") {
                let offset = i + (chunk.len() - chunk.trim_start().len());
                out.push(literal(src, offset, trimmed));
            }
            i = end;
        }
    }
}

fn literal(src: &crate::source::SourceFile, offset: usize, text: &str) -> Diagnostic {
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
    use crate::source::SourceFile;

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
