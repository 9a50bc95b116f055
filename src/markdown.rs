//! Markdown to HTML with pulldown-cmark: GFM tables, footnotes, strikethrough, task lists,
//! and an `id` on every heading so that any section can be linked to.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// The Markdown extensions pages may use.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// A rendered page body and its headings (for a table of contents).
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// Renders Markdown. Headings without an explicit `{#id}` get one made from their text,
/// made unique within the page.
pub fn render(markdown: &str) -> Rendered {
    let events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    let mut used: HashSet<String> = HashSet::new();
    let mut headings = Vec::new();
    let mut out = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) = &events[i]
        {
            let end = events[i..]
                .iter()
                .position(|e| matches!(e, Event::End(TagEnd::Heading(_))))
                .map_or(events.len(), |p| i + p);
            let text: String = events[i + 1..end]
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            let base = id
                .as_ref()
                .map_or_else(|| slugify(&text), |id| id.to_string());
            let unique = unique_id(&base, &mut used);
            headings.push(Heading {
                level: level_number(*level),
                id: unique.clone(),
                text: text.clone(),
            });
            out.push(Event::Start(Tag::Heading {
                level: *level,
                id: Some(CowStr::from(unique)),
                classes: classes.clone(),
                attrs: attrs.clone(),
            }));
            i += 1;
            continue;
        }
        out.push(events[i].clone());
        i += 1;
    }
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html_out, out.into_iter());
    Rendered {
        html: html_out,
        headings,
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    level as u8
}

fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let base = if base.is_empty() { "section" } else { base };
    let mut candidate = base.to_string();
    let mut n = 1;
    while used.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
}

/// A heading's text as an anchor: lowercase, words joined by `-`, letters of every script kept
/// (so a Chinese heading keeps its characters rather than becoming empty).
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_ids_in_any_script() {
        let r = render(
            "## Named contacts\n\n## Named contacts\n\n## 指定的支援聯絡人\n\n## Own {#mine}\n",
        );
        let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "named-contacts",
                "named-contacts-1",
                "指定的支援聯絡人",
                "mine"
            ]
        );
        assert!(
            r.html.contains(r#"<h2 id="named-contacts-1">"#),
            "{}",
            r.html
        );
    }

    #[test]
    fn gfm_tables_and_footnotes_render() {
        let r = render("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.\n");
        assert!(r.html.contains("<table>"), "{}", r.html);
        assert!(r.html.contains("footnote"), "{}", r.html);
    }
}
